/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.herald.api.BindInterface;
import org.herald.browser.ScanHit;
import org.herald.browser.ScanOptions;
import org.herald.browser.ScanSummary;
import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NbnsResourceRecord;
import org.herald.netbios.wire.NodeStatusData;

/**
 * One scan of {@link NodeStatusScanner}: the socket, the targets' states, the paced sender and the
 * reader that matches each answer to its target.
 */
final class ScanRun implements AutoCloseable {

	private static final int RECEIVE_BUFFER = 8 * 1024 * 1024;
	private static final int SEND_BUFFER = 1024 * 1024;
	private static final byte[] TEMPLATE = NbnsCodec.encode(NbnsMessages.nodeStatusRequest(0, false));
	private static final int PENDING = 0;
	private static final int ANSWERED = 1;
	private static final int REFUSED = 2;

	private final Inet4Address bindAddress;
	private final ScanOptions options;
	private final List<Inet4Address> targets;
	private final InetSocketAddress[] destinations;
	private final Consumer<ScanHit> onHit;
	private final NodeStatusScanner.AddressIndex indexOf;
	/** Whether target i repeats an earlier target's address (asked once, under the earlier index). */
	private final boolean[] duplicate;
	private final int unique;
	/** Each target's state: {@link #PENDING}, {@link #ANSWERED} or {@link #REFUSED}. */
	private final AtomicIntegerArray answered;
	/** The connected retry socket of each target, while one is open. */
	private final AtomicReferenceArray<DatagramChannel> probes;
	private final AtomicInteger openProbes = new AtomicInteger();
	private final AtomicInteger refused = new AtomicInteger();
	private final long[] lastSent;
	private final int idBase = new SecureRandom().nextInt(0x10000);
	private final DatagramChannel channel;
	private final Selector selector;
	private final AtomicInteger answers = new AtomicInteger();
	private final AtomicLong malformed = new AtomicLong();
	private final Object done = new Object();
	private final Thread reader;
	private volatile boolean stopping;
	private volatile long lastAnswerAt;
	private long sent;
	private long sendErrors;

	ScanRun(Inet4Address bindAddress, ScanOptions options, List<Inet4Address> targets, Consumer<ScanHit> onHit) throws IOException {
		this.bindAddress = bindAddress;
		this.options = options;
		this.targets = targets;
		this.onHit = onHit;
		int n = targets.size();
		this.indexOf = new NodeStatusScanner.AddressIndex(n);
		this.duplicate = new boolean[n];
		this.destinations = new InetSocketAddress[n];
		int distinct = 0;
		for (int i = 0; i < n; i++) {
			duplicate[i] = !indexOf.putIfAbsent(BindInterface.toInt(targets.get(i)), i);
			if (!duplicate[i]) {
				distinct++;
				destinations[i] = new InetSocketAddress(targets.get(i), options.port());
			}
		}
		this.unique = distinct;
		this.answered = new AtomicIntegerArray(n);
		this.probes = new AtomicReferenceArray<>(n);
		this.lastSent = new long[n];
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

	/**
	 * Each host has its own schedule: its first query in target order, paced to the rate; a
	 * retry each timeout / (retries + 1) after its previous query while it has not answered; and
	 * its deadline one such slice after its last query, that is, {@code timeout} after its first.
	 * Retries therefore go out while later hosts are still being asked, and the scan ends at
	 * the last host's deadline, or as soon as every host has answered.
	 */
	ScanSummary execute() throws IOException, InterruptedException {
		long start = System.nanoTime();
		lastAnswerAt = start;
		reader.start();
		ByteBuffer request = ByteBuffer.allocateDirect(TEMPLATE.length);
		request.put(TEMPLATE);
		long interval = options.rate() == 0 ? 0 : 1_000_000_000L / options.rate();
		long slice = options.timeout().toNanos() / (options.retries() + 1);
		int attempts = options.retries() + 1;
		int[] asked = new int[targets.size()];
		// Hosts waiting for their next retry or deadline, in the order they were last asked,
		// which is also the order their slices end: a FIFO ring suffices.
		int[] waiting = new int[Math.max(1, unique)];
		int head = 0;
		int size = 0;
		int nextFirst = 0;
		long nextSlot = System.nanoTime();
		while (settled() < unique) {
			if (Thread.interrupted()) {
				throw new InterruptedException("scan interrupted");
			}
			long now = System.nanoTime();
			int i;
			if (size > 0 && lastSent[waiting[head]] + slice - now <= 0) {
				i = waiting[head];
				head = (head + 1) % waiting.length;
				size--;
				if (answered.get(i) != PENDING || asked[i] == attempts) {
					continue; // answered or refused, or its deadline has passed
				}
			} else if (nextFirst < targets.size()) {
				i = nextFirst++;
				if (duplicate[i]) {
					continue;
				}
			} else if (size > 0) {
				awaitAnswers(lastSent[waiting[head]] + slice);
				continue;
			} else {
				break;
			}
			if (interval > 0) {
				long wait = nextSlot - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				nextSlot = Math.max(nextSlot + interval, System.nanoTime() - interval);
			}
			if (asked[i] == 0 || !probe(request, i)) {
				send(request, i);
			}
			asked[i]++;
			waiting[(head + size) % waiting.length] = i;
			size++;
		}
		return new ScanSummary(unique, sent, answers.get(), refused.get(), malformed.get(), sendErrors,
				Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(lastAnswerAt - start));
	}

	private int settled() {
		return answers.get() + refused.get();
	}

	private void prepare(ByteBuffer request, int index) {
		int id = (idBase + index) & 0xFFFF;
		request.put(0, (byte) (id >>> 8));
		request.put(1, (byte) id);
		request.rewind();
		lastSent[index] = System.nanoTime();
	}

	/**
	 * Asks {@code index} again from a socket connected to it, which the reader watches too.
	 * @return false if no such socket could be had (too many open, or the system refused one)
	 */
	private boolean probe(ByteBuffer request, int index) {
		DatagramChannel p = probes.get(index);
		if (p == null) {
			if (openProbes.get() >= NodeStatusScanner.MAX_PROBES) {
				return false;
			}
			try {
				p = DatagramChannel.open(StandardProtocolFamily.INET);
			} catch (IOException e) {
				return false;
			}
			try {
				p.bind(new InetSocketAddress(bindAddress, 0));
				p.connect(destinations[index]);
				p.configureBlocking(false);
				probes.set(index, p);
				openProbes.incrementAndGet();
				p.register(selector, SelectionKey.OP_READ, index);
				selector.wakeup();
			} catch (IOException e) {
				closeProbe(index, p);
				return false;
			}
		}
		prepare(request, index);
		try {
			p.write(request);
			sent++;
		} catch (PortUnreachableException e) {
			sent++;
			refuse(index); // the ICMP answer to an earlier query on this socket
		} catch (IOException e) {
			sendErrors++;
		}
		return true;
	}

	private void send(ByteBuffer request, int index) {
		prepare(request, index);
		for (int spins = 0;; spins++) {
			try {
				if (channel.send(request, destinations[index]) > 0) {
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
			for (long left; settled() < unique && (left = deadline - System.nanoTime()) > 0;) {
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
				for (SelectionKey key : selector.selectedKeys()) {
					if (key.attachment() instanceof Integer index) {
						readProbe(key, index, buffer);
						continue;
					}
					for (;;) {
						buffer.clear();
						InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
						if (from == null) {
							break;
						}
						accept(buffer.array(), buffer.position(), from);
					}
				}
				selector.selectedKeys().clear();
			} catch (IOException e) {
				if (stopping) {
					return;
				}
			} catch (RuntimeException e) {
				malformed.incrementAndGet(); // a listener failed or the packet was odd: never die
			}
		}
	}

	/** An answer or an ICMP error on the retry socket of {@code index}; either way, the socket is done. */
	private void readProbe(SelectionKey key, int index, ByteBuffer buffer) {
		DatagramChannel p = (DatagramChannel) key.channel();
		try {
			buffer.clear();
			if (p.read(buffer) > 0) {
				accept(buffer.array(), buffer.position(), destinations[index]);
			}
		} catch (PortUnreachableException e) {
			refuse(index);
		} catch (IOException e) {
			return; // e.g. another ICMP error: the host keeps its deadline
		}
		if (answered.get(index) != PENDING) {
			key.cancel();
			closeProbe(index, p);
		}
	}

	private void refuse(int index) {
		if (answered.compareAndSet(index, PENDING, REFUSED) && refused.incrementAndGet() + answers.get() == unique) {
			synchronized (done) {
				done.notifyAll();
			}
		}
	}

	private void closeProbe(int index, DatagramChannel p) {
		if (probes.compareAndSet(index, p, null)) {
			openProbes.decrementAndGet();
		}
		closeQuietly(p);
	}

	private static void closeQuietly(DatagramChannel c) {
		try {
			c.close();
		} catch (IOException e) {
			// closing anyway
		}
	}

	private void accept(byte[] bytes, int length, InetSocketAddress from) {
		long now = System.nanoTime();
		if (!(from.getAddress() instanceof Inet4Address source)) {
			malformed.incrementAndGet();
			return;
		}
		int index = indexOf.get(BindInterface.toInt(source));
		NbnsPacket p;
		try {
			p = NbnsCodec.decode(bytes, 0, length);
		} catch (MalformedPacketException e) {
			malformed.incrementAndGet();
			return;
		}
		NbnsResourceRecord rr = p.answer();
		if (index < 0 || !p.response() || p.transactionId() != ((idBase + index) & 0xFFFF) || rr == null
				|| !(rr.data() instanceof NodeStatusData data)) {
			malformed.incrementAndGet();
			return;
		}
		if (!answered.compareAndSet(index, PENDING, ANSWERED)) {
			return; // a second answer from the same host, or one after it refused
		}
		lastAnswerAt = now;
		onHit.accept(new ScanHit(source, data.names(), data.unitId(), Duration.ofNanos(now - lastSent[index])));
		if (answers.incrementAndGet() + refused.get() == unique) {
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
		for (int i = 0; i < probes.length(); i++) {
			DatagramChannel p = probes.get(i);
			if (p != null) {
				closeQuietly(p);
			}
		}
	}
}
