/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.herald.api.ReceivedMessage;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.SpamSettings;

/**
 * A second process using the inbox of a workspace, driven line by line over stdin/stdout:
 * {@code accept N WORD} stores N messages, {@code count} prints the count, {@code quit} closes and exits.
 */
public final class InboxChildProcess implements AutoCloseable {

	public static void main(String[] args) throws Exception {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		try (H2Inbox inbox = new H2Inbox(Path.of(args[0]), Messages.LOOPBACK)) {
			inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), false, true));
			out.println("open");
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = in.readLine()) != null) {
				String[] w = line.split(" ");
				switch (w[0]) {
				case "accept" -> {
					List<Long> ids = new ArrayList<>();
					for (int i = 0; i < Integer.parseInt(w[1]); i++) {
						ids.add(inbox.accept(Messages.msg("CHILD", "127.0.0.3", w[2] + " " + i, Messages.T0.plusSeconds(i))).stored().orElseThrow().id());
					}
					out.println("accepted " + ids);
				}
				case "count" -> out.println("count " + inbox.count(InboxQuery.all()));
				case "hold" -> { // what accept() journals stays there: the database does not get it
					inbox.holdApplier();
					out.println("held");
				}
				case "quit" -> {
					out.println("bye");
					return;
				}
				default -> out.println("unknown " + line);
				}
			}
		}
	}

	private final Process process;
	private final BufferedReader out;

	/** Starts a child JVM on {@code workspace} and waits until it has the inbox open. */
	InboxChildProcess(Path workspace) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		process = new ProcessBuilder(java, "-cp", classPath(), InboxChildProcess.class.getName(), workspace.toString())
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		expect("open");
	}

	/** Sends a command and returns the child's answer line. */
	String ask(String command) throws IOException {
		process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().flush();
		String line = out.readLine();
		if (line == null) {
			throw new IOException("the child process ended");
		}
		return line;
	}

	private void expect(String word) throws IOException {
		String line = out.readLine();
		if (!word.equals(line)) {
			process.destroyForcibly();
			throw new IOException("child said " + line + " instead of " + word);
		}
	}

	/** SIGKILL: no shutdown hooks, no closing of the database. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	int quit() throws IOException, InterruptedException {
		String bye = ask("quit");
		if (!"bye".equals(bye)) {
			throw new IOException("child said " + bye + " to quit");
		}
		return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill();
		}
	}

	/** The classes this process runs with: from their code sources (plain class path or OSGi bundles alike). */
	private static String classPath() {
		Set<String> entries = new LinkedHashSet<>();
		for (Class<?> c : List.of(InboxChildProcess.class, H2Inbox.class, ReceivedMessage.class, org.h2.Driver.class)) {
			try {
				entries.add(new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath());
			} catch (URISyntaxException | RuntimeException e) {
				entries.add(System.getProperty("java.class.path"));
			}
		}
		return String.join(File.pathSeparator, entries);
	}
}
