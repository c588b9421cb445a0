/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NbnsResourceRecord;
import org.herald.netbios.wire.NodeStatusData;

/**
 * Node status queries (RFC 1002 4.2.17) to many addresses from ONE UDP socket, bound to one
 * configured interface address: a sender paced to the configured rate and a reader thread that
 * matches each answer to its target by source address and transaction id, so that any number of
 * queries are in flight at once. The timeout is what each host gets to answer, its retries
 * included: after each round the scanner waits timeout / (retries + 1), then asks the hosts that
 * did not answer again. It ends as soon as every host has answered. Hosts that never answer are not
 * reported.
 */
public final class NodeStatusScanner implements AutoCloseable {

	private static final int RECEIVE_BUFFER = 8 * 1024 * 1024;
	private static final int SEND_BUFFER = 1024 * 1024;
	private static final byte[] TEMPLATE = NbnsCodec.encode(NbnsMessages.nodeStatusRequest(0, false));

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
		try (Run run = new Run(targets, onHit)) {
			return run.execute();
		}
	}

	@Override
	public void close() {
		// Each scan opens and closes its own socket; nothing is held between scans.
	}

	/** One scan: the socket, the targets' states and the reader. */
	private final class Run implements AutoCloseable {
		private final List<Inet4Address> targets;
		private final Consumer<ScanHit> onHit;
		private final Map<Integer, Integer> indexOf;
		private final boolean[] answered;
		private final long[] lastSent;
		private final int idBase = new SecureRandom().nextInt(0x10000);
		private final DatagramChannel channel;
		private final Selector selector;
		private final AtomicInteger answers = new AtomicInteger();
		private final AtomicLong malformed = new AtomicLong();
		private final Object done = new Object();
		private final Thread reader;
		private volatile boolean stopping;
		private long sent;
		private long sendErrors;

		Run(List<Inet4Address> targets, Consumer<ScanHit> onHit) throws IOException {
			this.targets = targets;
			this.onHit = onHit;
			this.indexOf = new HashMap<>(targets.size() * 2);
			for (int i = 0; i < targets.size(); i++) {
				indexOf.putIfAbsent(toInt(targets.get(i)), i);
			}
			this.answered = new boolean[targets.size()];
			this.lastSent = new long[targets.size()];
			DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
			try {
				c.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
				c.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER);
				c.bind(new InetSocketAddress(bindAddress, 0));
				c.configureBlocking(false);
				selector = Selector.open();
				c.register(selector, SelectionKey.OP_READ);
			} catch (IOException e) {
				c.close();
				throw new IOException("cannot bind UDP " + bindAddress.getHostAddress() + " for the scan: " + e.getMessage(), e);
			}
			this.channel = c;
			this.reader = Thread.ofPlatform().daemon().name("herald-scan-" + bindAddress.getHostAddress()).unstarted(this::readLoop);
		}

		ScanSummary execute() throws IOException, InterruptedException {
			long start = System.nanoTime();
			reader.start();
			ByteBuffer request = ByteBuffer.allocateDirect(TEMPLATE.length);
			long interval = options.rate() == 0 ? 0 : 1_000_000_000L / options.rate();
			long next = System.nanoTime();
			for (int round = 0; round <= options.retries() && answers.get() < indexOf.size(); round++) {
				for (int i = 0; i < targets.size(); i++) {
					if (answered[i] || indexOf.get(toInt(targets.get(i))) != i) {
						continue; // answered, or a duplicate address
					}
					if (interval > 0) {
						long wait = next - System.nanoTime();
						if (wait > 0) {
							LockSupport.parkNanos(wait);
						}
						next = Math.max(next + interval, System.nanoTime() - interval);
					}
					send(request, i);
					if (Thread.interrupted()) {
						throw new InterruptedException("scan interrupted");
					}
				}
				awaitAnswers(System.nanoTime() + options.timeout().toNanos() / (options.retries() + 1));
			}
			return new ScanSummary(indexOf.size(), sent, answers.get(), malformed.get(), sendErrors,
					Duration.ofNanos(System.nanoTime() - start));
		}

		private void send(ByteBuffer request, int index) throws IOException {
			request.clear();
			request.put(TEMPLATE);
			int id = (idBase + index) & 0xFFFF;
			request.put(0, (byte) (id >>> 8));
			request.put(1, (byte) id);
			request.flip();
			InetSocketAddress to = new InetSocketAddress(targets.get(index), options.port());
			lastSent[index] = System.nanoTime();
			for (int spins = 0;; spins++) {
				try {
					if (channel.send(request, to) > 0) {
						sent++;
						return;
					}
				} catch (IOException e) {
					sendErrors++; // e.g. no route, or a broadcast address: go on with the others
					return;
				}
				if (spins > 10_000) {
					sendErrors++;
					return;
				}
				LockSupport.parkNanos(20_000); // the send buffer is full: let the kernel drain it
			}
		}

		private void awaitAnswers(long deadline) throws InterruptedException {
			synchronized (done) {
				for (long left; answers.get() < indexOf.size() && (left = deadline - System.nanoTime()) > 0;) {
					done.wait(Math.max(1, left / 1_000_000), 0);
				}
			}
		}

		private void readLoop() {
			ByteBuffer buffer = ByteBuffer.allocate(8192);
			while (!stopping) {
				try {
					if (selector.select(50) == 0) {
						continue;
					}
					selector.selectedKeys().clear();
					for (;;) {
						buffer.clear();
						InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
						if (from == null) {
							break;
						}
						accept(buffer.array(), buffer.position(), from);
					}
				} catch (IOException e) {
					if (stopping) {
						return;
					}
				} catch (RuntimeException e) {
					malformed.incrementAndGet(); // a listener failed or the packet was odd: never die
				}
			}
		}

		private void accept(byte[] bytes, int length, InetSocketAddress from) {
			long now = System.nanoTime();
			if (!(from.getAddress() instanceof Inet4Address source)) {
				malformed.incrementAndGet();
				return;
			}
			Integer index = indexOf.get(toInt(source));
			NbnsPacket p;
			try {
				p = NbnsCodec.decode(bytes, 0, length);
			} catch (MalformedPacketException e) {
				malformed.incrementAndGet();
				return;
			}
			NbnsResourceRecord rr = p.answer();
			if (index == null || !p.response() || p.transactionId() != ((idBase + index) & 0xFFFF) || rr == null
					|| !(rr.data() instanceof NodeStatusData data)) {
				malformed.incrementAndGet();
				return;
			}
			synchronized (answered) {
				if (answered[index]) {
					return; // a second answer from the same host
				}
				answered[index] = true;
			}
			onHit.accept(new ScanHit(source, data.names(), data.unitId(), Duration.ofNanos(now - lastSent[index])));
			if (answers.incrementAndGet() == indexOf.size()) {
				synchronized (done) {
					done.notifyAll();
				}
			}
		}

		@Override
		public void close() throws IOException {
			stopping = true;
			selector.wakeup();
			try {
				reader.join(2000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			selector.close();
			channel.close();
		}
	}

	static int toInt(Inet4Address a) {
		byte[] b = a.getAddress();
		return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
	}
}
