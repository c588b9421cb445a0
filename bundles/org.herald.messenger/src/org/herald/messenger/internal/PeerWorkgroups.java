/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.herald.api.NetbiosName;
import org.herald.netbios.NodeStatus;
import org.herald.netbios.wire.NodeStatusEntry;

/**
 * The workgroups of peers, as their node status says (RFC 1002 section 4.2.18: the group name
 * WG&lt;00&gt; a host holds). A host is asked at most once per {@link #KNOWN} (or {@link #UNKNOWN}
 * when it did not say); a caller waits at most {@code wait} for an answer and otherwise goes on
 * without one, while the question runs on and fills the cache for the host's next message.
 * Thread-safe.
 */
public final class PeerWorkgroups implements AutoCloseable {

	/** Asks a host for its workgroup (from its node status); empty if it does not say. */
	@FunctionalInterface
	interface WorkgroupSource {
		Optional<String> workgroupOf(Inet4Address host) throws IOException;
	}

	/** How long a caller waits for a node status answer before it falls back. */
	static final Duration WAIT = Duration.ofMillis(300);
	/** How long a host's workgroup is kept. */
	static final Duration KNOWN = Duration.ofMinutes(10);
	/** How long a host that did not say is left alone. */
	static final Duration UNKNOWN = Duration.ofMinutes(1);
	/** Most hosts remembered (the least recently used go first). */
	static final int MAX_HOSTS = 4096;

	private record Known(Optional<String> workgroup, long expires) {
	}

	private final WorkgroupSource source;
	private final Duration wait;
	private final Map<Inet4Address, Known> known = new LinkedHashMap<>(64, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Inet4Address, Known> eldest) {
			return size() > MAX_HOSTS;
		}
	};
	private final Map<Inet4Address, CompletableFuture<Optional<String>>> asking = new ConcurrentHashMap<>();
	private final ExecutorService questions = Executors.newVirtualThreadPerTaskExecutor();
	private final AutoCloseable closeWith;

	/**
	 * @param source    asks a host (its node status)
	 * @param wait      the longest a caller waits for an answer
	 * @param closeWith closed with this (the name service client the source uses), may be null
	 */
	PeerWorkgroups(WorkgroupSource source, Duration wait, AutoCloseable closeWith) {
		this.source = source;
		this.wait = wait;
		this.closeWith = closeWith;
	}

	/** The workgroup of {@code host}, if it is known or the host says so within the wait. */
	Optional<String> workgroupOf(Inet4Address host) {
		synchronized (known) {
			Known k = known.get(host);
			if (k != null && k.expires() - System.nanoTime() > 0) {
				return k.workgroup();
			}
		}
		CompletableFuture<Optional<String>> answer;
		try {
			answer = asking.computeIfAbsent(host, h -> CompletableFuture.supplyAsync(() -> ask(h), questions));
		} catch (java.util.concurrent.RejectedExecutionException e) {
			return Optional.empty(); // closing
		}
		try {
			return answer.get(wait.toNanos(), TimeUnit.NANOSECONDS);
		} catch (TimeoutException | ExecutionException e) {
			return Optional.empty();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private Optional<String> ask(Inet4Address host) {
		Optional<String> workgroup = Optional.empty();
		try {
			workgroup = source.workgroupOf(host);
		} catch (IOException | RuntimeException e) {
			// no answer: the default applies for a while
		}
		long ttl = (workgroup.isPresent() ? KNOWN : UNKNOWN).toNanos();
		synchronized (known) {
			known.put(host, new Known(workgroup, System.nanoTime() + ttl));
		}
		asking.remove(host);
		return workgroup;
	}

	/** The workgroup in a name table: the first group name with suffix &lt;00&gt; (not __MSBROWSE__). */
	public static Optional<String> workgroupIn(NodeStatus status) {
		for (NodeStatusEntry e : status.names()) {
			if (e.group() && e.suffix() == NetbiosName.WORKSTATION && NetbiosName.problemWith(e.name()) == null) {
				return Optional.of(e.name());
			}
		}
		return Optional.empty();
	}

	@Override
	public void close() {
		questions.shutdownNow();
		if (closeWith != null) {
			try {
				closeWith.close();
			} catch (Exception e) {
				// closing sockets: nothing left to do
			}
		}
	}
}
