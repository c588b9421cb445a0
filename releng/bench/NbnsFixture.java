/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark fixture (single-file Java program, loopback only), two modes:
 *
 * serve BASE COUNT PORT  - binds one UDP socket per address BASE+1 .. BASE+COUNT (but x.y.z.0 and
 *                          x.y.z.255, which Java would not bind here) on PORT and answers
 *                          every node status request with a 3-name table (B<n><00>, B<n><03>,
 *                          BENCHWG<00> group) from one selector thread; prints "ready" once bound.
 * flood BASE COUNT PORT  - the ceiling: from one socket sends one node status request to each address
 *                          as fast as the socket takes them, counts answers, prints the figures.
 */
public class NbnsFixture {

	static byte[] request(int id) {
		byte[] q = new byte[50];
		q[0] = (byte) (id >>> 8);
		q[1] = (byte) id;
		q[5] = 1; // QDCOUNT
		q[12] = 0x20;
		q[13] = 'C';
		q[14] = 'K'; // '*' = 0x2A -> 'C','K'
		for (int i = 15; i < 45; i++) {
			q[i] = 'A';
		}
		q[45] = 0;
		q[47] = 0x21; // NBSTAT
		q[49] = 1; // IN
		return q;
	}

	static void putName(ByteBuffer b, String name, int suffix, int flags) {
		for (int i = 0; i < 15; i++) {
			b.put((byte) (i < name.length() ? name.charAt(i) : ' '));
		}
		b.put((byte) suffix);
		b.putShort((short) flags);
	}

	static byte[] response(int n) {
		ByteBuffer b = ByteBuffer.allocate(12 + 34 + 10 + 1 + 3 * 18 + 46);
		b.putShort((short) 0).putShort((short) 0x8400).putShort((short) 0).putShort((short) 1).putShort((short) 0).putShort((short) 0);
		b.put(request(0), 12, 34); // the wildcard name, as asked
		b.putShort((short) 0x21).putShort((short) 1).putInt(0).putShort((short) (1 + 3 * 18 + 46));
		b.put((byte) 3);
		String name = "B" + Integer.toHexString(n).toUpperCase();
		putName(b, name, 0x00, 0x0400);
		putName(b, name, 0x03, 0x0400);
		putName(b, "BENCHWG", 0x00, 0x8400);
		b.put(new byte[] { 0x02, 0, 0, 0, (byte) (n >>> 8), (byte) n });
		b.put(new byte[40]);
		return b.array();
	}

	static InetAddress at(InetAddress base, int offset) throws Exception {
		byte[] a = base.getAddress();
		int v = ((a[0] & 0xFF) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8 | (a[3] & 0xFF));
		v += offset;
		return InetAddress.getByAddress(new byte[] { (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v });
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		InetAddress base = InetAddress.getByName(args[1]); // a literal
		int count = Integer.parseInt(args[2]);
		int port = Integer.parseInt(args[3]);
		if (!(base instanceof Inet4Address) || !base.isLoopbackAddress()) {
			throw new IllegalArgumentException("loopback only");
		}
		if (mode.equals("serve")) {
			serve(base, count, port);
		} else {
			flood(base, count, port);
		}
	}

	static void serve(InetAddress base, int count, int port) throws Exception {
		Selector selector = Selector.open();
		int bound = 0;
		for (int i = 1; i <= count; i++) {
			int last = at(base, i).getAddress()[3] & 0xFF;
			if (last == 0 || last == 255) {
				continue; // Java refuses to bind x.y.z.255 here ("Cannot assign requested address"): no responder there
			}
			bound++;
			DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
			c.setOption(StandardSocketOptions.SO_RCVBUF, 65536);
			try {
				c.bind(new InetSocketAddress(at(base, i), port));
			} catch (java.io.IOException e) {
				throw new java.io.IOException("cannot bind " + at(base, i) + ":" + port + " (socket " + i + ")", e);
			}
			c.configureBlocking(false);
			c.register(selector, SelectionKey.OP_READ, response(i));
		}
		System.out.println("ready " + bound);
		System.out.flush();
		ByteBuffer in = ByteBuffer.allocate(1024);
		long answered = 0;
		while (true) {
			selector.select();
			for (SelectionKey k : selector.selectedKeys()) {
				DatagramChannel c = (DatagramChannel) k.channel();
				byte[] answer = (byte[]) k.attachment();
				for (;;) {
					in.clear();
					InetSocketAddress from = (InetSocketAddress) c.receive(in);
					if (from == null) {
						break;
					}
					if (in.position() < 12 || (in.get(2) & 0x80) != 0) {
						continue;
					}
					ByteBuffer out = ByteBuffer.wrap(answer.clone());
					out.put(0, in.get(0)).put(1, in.get(1));
					c.send(out, from);
					answered++;
				}
			}
			selector.selectedKeys().clear();
		}
	}

	static void flood(InetAddress base, int count, int port) throws Exception {
		DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
		c.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
		c.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
		AtomicInteger answers = new AtomicInteger();
		Thread reader = Thread.ofPlatform().daemon().start(() -> {
			ByteBuffer in = ByteBuffer.allocate(1024);
			try {
				while (true) {
					in.clear();
					c.receive(in);
					answers.incrementAndGet();
				}
			} catch (Exception e) {
				// closed
			}
		});
		long t0 = System.nanoTime();
		int asked = 0;
		for (int i = 1; i <= count; i++) {
			int last = at(base, i).getAddress()[3] & 0xFF;
			if (last == 0 || last == 255) {
				continue;
			}
			asked++;
			c.send(ByteBuffer.wrap(request(i)), new InetSocketAddress(at(base, i), port));
		}
		count = asked;
		long sent = System.nanoTime();
		long deadline = sent + 1_000_000_000L;
		while (answers.get() < count && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		long end = System.nanoTime();
		double s = (end - t0) / 1e9;
		System.out.printf("flood: sent %d in %.3f s (%.0f/s); %d answered in %.3f s (%.0f hosts/s)%n", count, (sent - t0) / 1e9,
				count / ((sent - t0) / 1e9), answers.get(), s, answers.get() / s);
		c.close();
		reader.join(1000);
	}
}
