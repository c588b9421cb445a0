/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.browser.ScanHit;
import org.herald.browser.ScanOptions;
import org.herald.browser.ScanSummary;

/**
 * Node status queries (RFC 1002 4.2.17) to many addresses from ONE UDP socket, bound to one
 * configured interface address: a sender paced to the configured rate and a reader thread that
 * matches each answer to its target by source address and transaction id, so that any number of
 * queries are in flight at once. The timeout is what each host gets to answer, counted from its
 * first query, its retries included: a host that has not answered is asked again every
 * timeout / (retries + 1). Hosts that never answer are not reported.
 *
 * <p>A retry goes out from a socket of its own, connected to that host (at most {@value #MAX_PROBES}
 * at once; beyond that, from the shared socket): a connected socket hears the ICMP "port
 * unreachable" that a host without a name service sends back, so such a host is settled at once
 * instead of being waited for until its deadline. The scan ends as soon as every host has answered
 * or refused, or at the last host's deadline.
 */
public final class NodeStatusScanner implements AutoCloseable {

	/** Connected retry sockets open at once, at most. */
	static final int MAX_PROBES = 256;

	private final Inet4Address bindAddress;
	private final ScanOptions options;

	/**
	 * @param bindAddress the configured interface address to send from (an ephemeral port)
	 */
	public NodeStatusScanner(Inet4Address bindAddress, ScanOptions options) {
		if (bindAddress.isAnyLocalAddress()) {
			throw new IllegalArgumentException("the scanner binds to one configured interface address, not the wildcard");
		}
		this.bindAddress = bindAddress;
		this.options = options;
	}

	/**
	 * Scans {@code targets}; {@code onHit} is called on the scanner's reader thread once for each host
	 * that answers, as it answers.
	 */
	public ScanSummary scan(List<Inet4Address> targets, Consumer<ScanHit> onHit) throws IOException, InterruptedException {
		try (ScanRun run = new ScanRun(bindAddress, options, targets, onHit)) {
			return run.execute();
		}
	}

	/**
	 * Scans {@code targets} from the configured interface that serves each ({@link Identity#interfaceFor}):
	 * one scanner per interface, side by side, so that the scan of several subnets takes as long as
	 * the slowest, not their sum.
	 */
	static ScanSummary scanFrom(Identity identity, List<Inet4Address> targets, ScanOptions options, Consumer<ScanHit> onHit)
			throws IOException, InterruptedException {
		Map<BindInterface, List<Inet4Address>> groups = new LinkedHashMap<>();
		for (Inet4Address t : targets) {
			groups.computeIfAbsent(identity.interfaceFor(t), k -> new ArrayList<>()).add(t);
		}
		if (groups.size() == 1) {
			var g = groups.entrySet().iterator().next();
			return new NodeStatusScanner(g.getKey().address(), options).scan(g.getValue(), onHit);
		}
		// One scanner per interface, side by side: each waits out its own timeout, so the scan of
		// several subnets takes as long as the slowest, not their sum.
		List<Future<ScanSummary>> parts = new ArrayList<>();
		try (ExecutorService scanners = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("herald-scan-", 0).factory())) {
			for (Map.Entry<BindInterface, List<Inet4Address>> g : groups.entrySet()) {
				parts.add(scanners.submit(() -> new NodeStatusScanner(g.getKey().address(), options).scan(g.getValue(), onHit)));
			}
			List<ScanSummary> done = new ArrayList<>();
			for (Future<ScanSummary> f : parts) {
				done.add(f.get());
			}
			return ScanSummary.ofConcurrent(done);
		} catch (ExecutionException e) {
			parts.forEach(f -> f.cancel(true));
			if (e.getCause() instanceof IOException io) {
				throw io;
			}
			if (e.getCause() instanceof InterruptedException ie) {
				throw ie;
			}
			throw new IOException("scan failed: " + e.getCause(), e.getCause());
		} catch (InterruptedException e) {
			parts.forEach(f -> f.cancel(true));
			throw e;
		}
	}

	@Override
	public void close() {
		// Each scan opens and closes its own socket; nothing is held between scans.
	}

	/** IPv4 address (as an int) to the index of its first target: open addressing, no boxing. */
	static final class AddressIndex {
		private final int[] keys;
		private final int[] values;
		private final boolean[] used;
		private final int mask;
		private final int shift;

		AddressIndex(int expected) {
			int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
			keys = new int[capacity];
			values = new int[capacity];
			used = new boolean[capacity];
			mask = capacity - 1;
			shift = Integer.numberOfLeadingZeros(capacity) + 1;
		}

		/** @return false if {@code address} was already there (its index is kept) */
		boolean putIfAbsent(int address, int index) {
			int slot = slot(address);
			if (used[slot]) {
				return false;
			}
			used[slot] = true;
			keys[slot] = address;
			values[slot] = index;
			return true;
		}

		/** The index of {@code address}, or -1. */
		int get(int address) {
			int slot = slot(address);
			return used[slot] ? values[slot] : -1;
		}

		private int slot(int address) {
			int slot = (address * 0x9E3779B9) >>> shift; // Fibonacci hashing: neighbouring addresses spread
			while (used[slot] && keys[slot] != address) {
				slot = (slot + 1) & mask;
			}
			return slot;
		}
	}
}
