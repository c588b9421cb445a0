/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Floods one NetBIOS name service responder with node status requests (RFC 1002 4.2.17, the request
 * {@code nmblookup -A} sends) and counts the answers. Keeps WINDOW requests in flight: each answer lets
 * the next request go; a request unanswered after 300 ms counts as lost and frees its place. Stops
 * after COUNT requests or SECONDS seconds, whichever comes first, then waits up to 1 s for the last
 * answers. Prints one line of key=value pairs.
 *
 * <p>Run with the JDK's source launcher: {@code java NameStatusFlood.java BIND_IP TARGET_IP PORT COUNT SECONDS WINDOW}.
 */
public final class NameStatusFlood {

	private static final long LOSS_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
	private static final int FREE = 0;
	private static final int IN_FLIGHT = 1;
	private static final int LOST = 2;

	public static void main(String[] args) throws Exception {
		if (args.length != 6) {
			System.err.println("usage: java NameStatusFlood.java BIND_IP TARGET_IP PORT COUNT SECONDS WINDOW");
			System.exit(2);
		}
		InetSocketAddress bind = new InetSocketAddress(args[0], 0);
		InetSocketAddress target = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
		long count = Long.parseLong(args[3]);
		long limitNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[4]));
		int window = Integer.parseInt(args[5]);

		AtomicIntegerArray state = new AtomicIntegerArray(65536);
		long[] sentAt = new long[65536];
		Semaphore places = new Semaphore(window);
		AtomicLong answered = new AtomicLong();
		AtomicLong lost = new AtomicLong();
		AtomicLong late = new AtomicLong();
		AtomicLong other = new AtomicLong();
		AtomicLong lastAnswer = new AtomicLong();

		try (DatagramChannel ch = DatagramChannel.open()) {
			ch.bind(bind);
			ch.connect(target); // answers from anyone else are not read
			Thread receiver = Thread.ofPlatform().daemon().name("receiver").start(() -> {
				ByteBuffer in = ByteBuffer.allocate(8192);
				while (ch.isOpen()) {
					in.clear();
					try {
						ch.receive(in);
					} catch (AsynchronousCloseException e) {
						return;
					} catch (IOException e) {
						other.incrementAndGet(); // e.g. ICMP port unreachable before the responder listens
						continue;
					}
					// A node status response: response bit set, opcode 0, one answer record.
					if (in.position() < 12 || (in.get(2) & 0x80) == 0 || (in.get(2) & 0x78) != 0) {
						other.incrementAndGet();
						continue;
					}
					int id = ((in.get(0) & 0xff) << 8) | (in.get(1) & 0xff);
					if (state.compareAndSet(id, IN_FLIGHT, FREE)) {
						answered.incrementAndGet();
						lastAnswer.set(System.nanoTime());
						places.release();
					} else {
						late.incrementAndGet();
					}
				}
			});
			Thread reaper = Thread.ofPlatform().daemon().name("reaper").start(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					long now = System.nanoTime();
					for (int id = 0; id < 65536; id++) {
						if (state.get(id) == IN_FLIGHT && now - sentAt[id] > LOSS_NANOS && state.compareAndSet(id, IN_FLIGHT, LOST)) {
							lost.incrementAndGet();
							places.release();
						}
					}
					try {
						Thread.sleep(50); // the reaper's own period, not a wait for an effect
					} catch (InterruptedException e) {
						return;
					}
				}
			});

			byte[] request = nodeStatusRequest();
			ByteBuffer out = ByteBuffer.wrap(request);
			long start = System.nanoTime();
			long deadline = start + limitNanos;
			long sent = 0;
			while (sent < count && System.nanoTime() < deadline) {
				if (!places.tryAcquire(10, TimeUnit.MILLISECONDS)) {
					continue;
				}
				int id = (int) (sent & 0xffff);
				if (state.get(id) == IN_FLIGHT) {
					places.release(); // 65536 requests ago and not yet reaped: wait for the reaper
					Thread.onSpinWait();
					continue;
				}
				sentAt[id] = System.nanoTime();
				state.set(id, IN_FLIGHT);
				request[0] = (byte) (id >> 8);
				request[1] = (byte) id;
				out.clear();
				ch.write(out);
				sent++;
			}
			// The last answers: wait until nothing is in flight, at most 1 s.
			if (places.tryAcquire(window, 1, TimeUnit.SECONDS)) {
				places.release(window);
			}
			long end = Math.max(lastAnswer.get(), start);
			reaper.interrupt();
			ch.close();
			receiver.join(1000);
			double seconds = (end - start) / 1e9;
			System.out.printf("sent=%d answered=%d lost=%d late=%d other=%d seconds=%.3f rate=%.0f%n", sent, answered.get(),
					lost.get(), late.get(), other.get(), seconds, seconds > 0 ? answered.get() / seconds : 0.0);
		}
	}

	/** Node status request for {@code *}: 12-byte header, the encoded name, type NBSTAT, class IN. */
	private static byte[] nodeStatusRequest() {
		ByteBuffer b = ByteBuffer.allocate(50);
		b.putShort((short) 0); // transaction id, set per request
		b.putShort((short) 0x0000); // a query, opcode 0, no flags (unicast, no recursion), as nmblookup -A
		b.putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0);
		b.put((byte) 32);
		byte[] name = new byte[16];
		name[0] = '*'; // then 15 NULs
		for (byte c : name) {
			b.put((byte) ('A' + ((c >> 4) & 0x0f))).put((byte) ('A' + (c & 0x0f)));
		}
		b.put((byte) 0);
		b.putShort((short) 0x0021).putShort((short) 0x0001);
		return b.array();
	}
}
