/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageFlag;
import org.herald.api.MessagePath;
import org.herald.api.ReceivedMessage;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxQuery.ReadFilter;
import org.herald.inbox.SpamSettings;

/**
 * Benchmark of the inbox store: fills an inbox with N realistic pop-ups through accept() from many
 * threads (each accept waits for its fsynced group commit), then measures word search and list latency
 * and the process's RSS. Usage: {@code InboxBench WORKSPACE [MESSAGES] [THREADS]}. No network traffic:
 * the addresses are only data (TEST-NET-2), and H2's auto-server binds 127.0.0.1.
 */
public final class InboxBench {

	private static final String[] NAMES = { "ALICE", "BOB", "CAROL", "DAVE", "EVE", "FRANK", "GRACE", "HEIDI", "IVAN", "JUDY",
			"MALLORY", "OSCAR", "PEGGY", "TRENT", "VICTOR", "WALTER", "BACKUP01", "PRINTSRV", "HELPDESK", "ADMIN" };
	private static final String[] OPENERS = { "Hi all,", "Reminder:", "FYI", "Urgent:", "Hello", "Note:", "Heads up:", "Please" };
	private static final String[] TEMPLATES = { "the %1$s server will restart at %2$d:00, please save your work",
			"lunch in the %1$s room at %2$d, who is in", "printer on floor %2$d is %1$s again", "the %1$s backup finished with %2$d warnings",
			"meeting about %1$s moved to %2$d pm", "network maintenance tonight: %1$s offline from %2$d", "coffee machine fixed, thanks to %1$s team %2$d",
			"please log off the %1$s share before %2$d", "build %2$d of %1$s is green", "new joiner in %1$s starts on day %2$d" };
	private static final String[] TOPICS;

	static {
		// a vocabulary with a long tail: a few common topic words and many rare ones
		List<String> t = new ArrayList<>(Arrays.asList("mail", "file", "print", "database", "accounting", "sales", "intranet", "payroll",
				"exchange", "fileserver", "kitchen", "board", "finance", "marketing", "support"));
		Random r = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder w = new StringBuilder();
			int len = 5 + r.nextInt(6);
			for (int j = 0; j < len; j++) {
				w.append((char) ('a' + r.nextInt(26)));
			}
			t.add(w.toString());
		}
		TOPICS = t.toArray(String[]::new);
	}

	public static void main(String[] args) throws Exception {
		Path workspace = Path.of(args[0]);
		int total = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
		int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
		Identity id = new Identity("BENCH", "WORKGROUP", List.of(BindInterface.parse("198.51.100.10/24")), Optional.empty());
		try (H2Inbox inbox = new H2Inbox(workspace, id)) {
			inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), false, true));
			long already = inbox.count(InboxQuery.all());
			if (already < total) {
				fill(inbox, workspace, (int) (total - already), threads);
			}
			long[] w = inbox.writerStats();
			if (w[0] > 0) {
				System.out.printf("group commits: %,d batches, %.1f messages each; per batch %.2f ms deciding, %.2f ms journal append and fsync%n",
						w[0], (double) w[1] / w[0], w[2] / 1e6 / w[0], w[3] / 1e6 / w[0]);
			}
			long t0 = System.nanoTime();
			long unindexed;
			while ((unindexed = inbox.unindexed()) > 0) {
				System.out.printf("  word index: %,d messages to go%n", unindexed);
				Thread.sleep(5_000);
			}
			System.out.printf("word index complete %.1f s after the fill%n", (System.nanoTime() - t0) / 1e9);
			System.out.printf("inbox holds %,d messages; database %,d MB%n", inbox.count(InboxQuery.all()), dbBytes(workspace) / 1_000_000);
			measure(inbox);
			System.out.printf("RSS %,d MB (heap used %,d MB, max %,d MB)%n", rssKb() / 1024,
					(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_000_000, Runtime.getRuntime().maxMemory() / 1_000_000);
		}
	}

	private static void fill(H2Inbox inbox, Path workspace, int count, int threads) throws InterruptedException, IOException {
		AtomicLong next = new AtomicLong();
		AtomicLong done = new AtomicLong();
		Instant start0 = Instant.parse("2025-01-01T08:00:00Z");
		long t0 = System.nanoTime();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread w = new Thread(() -> {
				Random r = new Random(Thread.currentThread().threadId());
				long i;
				while ((i = next.getAndIncrement()) < count) {
					try {
						inbox.accept(message(r, start0.plusSeconds(i * 30)));
						done.incrementAndGet();
					} catch (IOException | RuntimeException e) {
						e.printStackTrace();
						System.exit(1);
					}
				}
			});
			w.start();
			workers.add(w);
		}
		long lastDone = 0, lastT = t0;
		while (workers.stream().anyMatch(Thread::isAlive)) {
			workers.get(0).join(10_000);
			long now = System.nanoTime();
			long d = done.get();
			System.out.printf("  %,d stored, %,.0f/s over the last interval; database %,d MB%n", d, (d - lastDone) / ((now - lastT) / 1e9),
					dbBytes(workspace) / 1_000_000);
			lastDone = d;
			lastT = now;
			if (!workers.get(0).isAlive()) {
				for (Thread w : workers) {
					w.join();
				}
			}
		}
		double secs = (System.nanoTime() - t0) / 1e9;
		if (done.get() != count) {
			throw new IllegalStateException("only " + done.get() + " of " + count + " messages were stored");
		}
		System.out.printf("filled %,d messages through accept() from %d threads in %.1f s: %,.0f messages/s (each fsynced before accept returned)%n",
				count, threads, secs, count / secs);
	}

	static ReceivedMessage message(Random r, Instant at) {
		String topic = TOPICS[(int) Math.min(TOPICS.length - 1, Math.abs(r.nextGaussian()) * 3000)];
		String text = OPENERS[r.nextInt(OPENERS.length)] + " "
				+ String.format(TEMPLATES[r.nextInt(TEMPLATES.length)], topic, 1 + r.nextInt(12));
		Set<MessageFlag> flags = r.nextInt(100) == 0 ? Set.of(MessageFlag.URGENT) : Set.of();
		return new ReceivedMessage(NAMES[r.nextInt(NAMES.length)], BindInterface.parseIpv4("198.51.100." + (20 + r.nextInt(200))),
				"BENCH", r.nextInt(4) == 0 ? MessagePath.MAILSLOT : MessagePath.SESSION, at, text, flags);
	}

	private static void measure(H2Inbox inbox) throws IOException {
		String rare = TOPICS[TOPICS.length - 7];
		long deepCursor = inbox.page(InboxQuery.all().withLimit(1)).next().orElse(0) / 2;
		time("first page of the list (50)", () -> InboxQuery.all(), inbox);
		time("a page in the middle (keyset, 50)", () -> InboxQuery.all().withBefore(deepCursor), inbox);
		time("first page of unread (50)", () -> InboxQuery.all().withRead(ReadFilter.UNREAD), inbox);
		time("word search, common word 'server'", () -> InboxQuery.all().withWords("server"), inbox);
		time("word search, topic word 'payroll'", () -> InboxQuery.all().withWords("payroll"), inbox);
		time("word search, rare word '" + rare + "'", () -> InboxQuery.all().withWords(rare), inbox);
		time("word search, two words 'payroll backup'", () -> InboxQuery.all().withWords("payroll backup"), inbox);
		time("word search, absent word 'zzzzzz'", () -> InboxQuery.all().withWords("zzzzzz"), inbox);
		time("sender ALICE, first page", () -> InboxQuery.all().withSender("ALICE"), inbox);
		time("flag URGENT, first page", () -> InboxQuery.all().withFlags(Set.of(MessageFlag.URGENT)), inbox);
		long t0 = System.nanoTime();
		long n = inbox.count(InboxQuery.all());
		System.out.printf("  count all: %,d in %.1f ms%n", n, (System.nanoTime() - t0) / 1e6);
		t0 = System.nanoTime();
		n = inbox.count(InboxQuery.all().withWords("payroll"));
		System.out.printf("  count 'payroll': %,d in %.1f ms%n", n, (System.nanoTime() - t0) / 1e6);
		for (var q : List.of(InboxQuery.all(), InboxQuery.all().withRead(ReadFilter.UNREAD), InboxQuery.all().withWords("payroll backup"))) {
			System.out.println("  plan " + q + ": " + inbox.explain(q).replaceAll("\\s+", " "));
		}
	}

	private static void time(String what, Supplier<InboxQuery> query, H2Inbox inbox) throws IOException {
		long t0 = System.nanoTime();
		int found = inbox.page(query.get()).messages().size();
		double first = (System.nanoTime() - t0) / 1e6;
		double[] runs = new double[20];
		for (int i = 0; i < runs.length; i++) {
			long t = System.nanoTime();
			inbox.page(query.get());
			runs[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(runs);
		System.out.printf("  %-45s %2d rows: first %7.2f ms, median %6.2f ms, max %6.2f ms%n", what, found, first, runs[runs.length / 2],
				runs[runs.length - 1]);
	}

	private static long dbBytes(Path workspace) throws IOException {
		try (Stream<Path> s = Files.list(workspace.resolve(".herald"))) {
			return s.filter(p -> p.toString().endsWith(".mv.db")).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	private static long rssKb() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return -1;
	}
}
