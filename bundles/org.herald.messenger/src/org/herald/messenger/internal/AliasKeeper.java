/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.herald.api.Identity;
import org.herald.messenger.internal.Aliases.Alias;
import org.herald.netbios.NameResponder;
import org.herald.netbios.NameState;
import org.herald.netbios.NameTableEntry;

/**
 * Keeps the name responder's aliases in line with what is asked: the aliases given for this run
 * ({@code --alias}, {@code --user}) and those of the workspace's {@code aliases.txt}, read again
 * when its time stamp moves (checked every {@link #CHECK_SECONDS} s), so {@code herald alias add}
 * and {@code remove} take effect in a running listener, like {@code NET NAME /ADD} and
 * {@code /DELETE}. Each alias is registered as ALIAS&lt;03&gt; (unique), then defended and refreshed
 * by the responder like NAME&lt;03&gt;; a removed one is released. A conflict is reported and the
 * keeper goes on: messages to that name are simply not received here.
 */
public final class AliasKeeper implements AutoCloseable {

	/** What the keeper asks of the aliases it keeps. */
	/**
	 * @param users     whether users' names (aliases with a workspace) are received here
	 * @param userInbox why a user's inbox cannot be opened now, or null if it can (asked when a user's
	 *                  name is registered; its messages are refused with an error while it cannot)
	 */
	public record Plan(List<Alias> fixed, Optional<Aliases> file, boolean users, Function<Alias, String> userInbox, Consumer<String> report) {
		public Plan {
			fixed = List.copyOf(fixed);
		}

		public Plan(List<Alias> fixed, Optional<Aliases> file, boolean users, Consumer<String> report) {
			this(fixed, file, users, a -> null, report);
		}

		/** No aliases at all. */
		public static Plan none() {
			return new Plan(List.of(), Optional.empty(), false, line -> {
			});
		}
	}

	static final long CHECK_SECONDS = 2;

	private final NameResponder responder;
	private final Identity identity;
	private final Plan plan;
	private final ScheduledExecutorService worker = Executors
			.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("herald-aliases").unstarted(r));
	/** The aliases asked for now, by name; only the worker changes it. */
	private volatile Map<String, Alias> wanted = Map.of();
	private Optional<FileTime> stamp = Optional.empty();
	private String lastProblem;

	/** @param responder the responder to register with; null: the names are only held (no name service here) */
	public AliasKeeper(NameResponder responder, Identity identity, Plan plan) {
		this.responder = responder;
		this.identity = identity;
		this.plan = plan;
	}

	/** Registers what is asked now (the names enter the table before this returns) and starts following the file. */
	public void start() {
		try {
			worker.submit(this::update).get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (java.util.concurrent.ExecutionException e) {
			plan.report().accept("aliases: " + e.getCause());
		}
		if (plan.file().isPresent()) {
			worker.scheduleWithFixedDelay(this::followFile, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
		}
	}

	/** The aliases asked for now (registered, registering, or refused because another node holds them). */
	public List<Alias> current() {
		return List.copyOf(wanted.values());
	}

	/** Whether {@code name} is one of the aliases asked for (without suffix, upper-case). */
	public Optional<Alias> alias(String name) {
		return Optional.ofNullable(wanted.get(name));
	}

	private void followFile() {
		Optional<FileTime> now = plan.file().get().stamp();
		if (!now.equals(stamp)) {
			update();
		}
	}

	/** Reads what is asked, adds what is new, releases what went. Runs on the worker. */
	private void update() {
		Map<String, Alias> next = new LinkedHashMap<>();
		for (Alias a : plan.fixed()) {
			take(next, a);
		}
		if (plan.file().isPresent()) {
			Aliases file = plan.file().get();
			stamp = file.stamp();
			try {
				for (Alias a : file.all()) {
					if (a.workspace().isPresent() && !plan.users()) {
						note(a.name() + " in " + file.path() + " is a user's name (its messages go to " + a.workspace().get()
								+ "): herald listen receives it, this process does not");
						continue;
					}
					take(next, a);
				}
				lastProblem = null;
			} catch (IOException e) {
				// keep what the file said last: a half-edited file does not release every alias
				note("aliases: " + e.getMessage() + "; the aliases stay as they were");
				for (Alias a : wanted.values()) {
					next.putIfAbsent(a.name(), a);
				}
			}
		}
		Map<String, Alias> before = wanted;
		List<Alias> added = new ArrayList<>();
		for (Alias a : next.values()) {
			if (!a.equals(before.get(a.name()))) {
				added.add(a);
			}
		}
		wanted = Map.copyOf(next);
		for (Alias gone : before.values()) {
			if (!next.containsKey(gone.name())) {
				release(gone);
			}
		}
		for (Alias a : added) {
			register(a, before.containsKey(a.name()));
		}
	}

	private void take(Map<String, Alias> into, Alias a) {
		if (a.name().equals(identity.name())) {
			note("alias " + a.name() + " is this host's own name: ignored");
			return;
		}
		into.put(a.name(), a);
	}

	private void note(String line) {
		if (!line.equals(lastProblem)) {
			lastProblem = line;
			plan.report().accept(line);
		}
	}

	private void register(Alias a, boolean moved) {
		String to = a.workspace().map(w -> "; messages to " + a.name() + " go to the inbox of " + w).orElse("");
		String problem = a.workspace().isPresent() ? plan.userInbox().apply(a) : null;
		if (problem != null) {
			plan.report().accept("WARNING: alias " + a.messengerName() + ": the inbox of " + a.workspace().get() + " cannot be opened ("
					+ problem + "); messages to " + a.name() + " are refused with an error until it can");
		}
		if (moved) {
			plan.report().accept("alias " + a.messengerName() + ": now " + a + to);
			return; // the name stays registered; only where its messages go changed
		}
		if (responder == null) {
			plan.report().accept("alias " + a.messengerName() + ": held (no name service in this installation)" + to);
			return;
		}
		responder.addAlias(a.messengerName()).whenComplete((entry, failure) -> plan.report().accept(outcome(a, entry, failure) + to));
	}

	/** One line on how the registration of {@code a} ended. */
	static String outcome(Alias a, NameTableEntry entry, Throwable failure) {
		if (failure != null) {
			return "alias " + a.messengerName() + " not registered: " + failure;
		}
		if (entry.state() == NameState.CONFLICT) {
			return "alias " + a.messengerName() + " not registered: " + entry.owner().map(o -> o.getHostAddress() + " holds it")
					.orElse("another node holds it") + "; messages to " + a.name() + " are not received here";
		}
		return "alias " + a.messengerName() + ": " + entry.state().name().toLowerCase(java.util.Locale.ROOT);
	}

	private void release(Alias a) {
		if (responder != null && responder.removeAlias(a.messengerName())) {
			plan.report().accept("alias " + a.messengerName() + ": released");
		} else {
			plan.report().accept("alias " + a.messengerName() + ": no longer held");
		}
	}

	/** Stops following the file; the responder releases the aliases with the other names when it stops. */
	@Override
	public void close() {
		worker.shutdownNow();
		try {
			worker.awaitTermination(10, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The workspace of the running process ({@code osgi.instance.area}), if it has one. */
	static Optional<Path> processWorkspace() {
		java.io.File prefs = WorkspaceCodePages.preferenceFile();
		if (prefs == null) {
			return Optional.empty();
		}
		// <workspace>/.metadata/.plugins/org.eclipse.core.runtime/.settings/x.prefs
		Path p = prefs.toPath();
		for (int i = 0; i < 5 && p != null; i++) {
			p = p.getParent();
		}
		return Optional.ofNullable(p);
	}
}
