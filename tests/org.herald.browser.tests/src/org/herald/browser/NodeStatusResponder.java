/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.api.NetbiosName;
import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NodeStatusData;
import org.herald.netbios.wire.NodeStatusEntry;
import org.herald.netbios.wire.NodeType;

/**
 * A node status responder on one loopback address and port, for tests: answers each node status
 * request with its name table (computer NAME&lt;00&gt;, NAME&lt;03&gt;, an optional user
 * &lt;03&gt;, NAME&lt;20&gt;, WG&lt;00&gt; group) and a MAC, optionally ignoring the first requests.
 */
public final class NodeStatusResponder implements AutoCloseable {

	private final DatagramSocket socket;
	private final List<NodeStatusEntry> names;
	private final byte[] mac;
	private final AtomicInteger ignore;
	private final AtomicInteger requests = new AtomicInteger();
	private final Thread thread;

	public NodeStatusResponder(Inet4Address address, int port, String name, String workgroup, String user, byte[] mac, int ignoreFirst)
			throws IOException {
		this.socket = new DatagramSocket(new InetSocketAddress(address, port));
		java.util.ArrayList<NodeStatusEntry> n = new java.util.ArrayList<>();
		n.add(NodeStatusEntry.active(new NetbiosName(name, 0x00), false, NodeType.B));
		n.add(NodeStatusEntry.active(new NetbiosName(name, 0x03), false, NodeType.B));
		if (user != null) {
			n.add(NodeStatusEntry.active(new NetbiosName(user, 0x03), false, NodeType.B));
		}
		n.add(NodeStatusEntry.active(new NetbiosName(name, 0x20), false, NodeType.B));
		n.add(NodeStatusEntry.active(new NetbiosName(workgroup, 0x00), true, NodeType.B));
		this.names = List.copyOf(n);
		this.mac = mac.clone();
		this.ignore = new AtomicInteger(ignoreFirst);
		this.thread = Thread.ofPlatform().daemon().name("test-responder " + address.getHostAddress()).start(this::run);
	}

	public int port() {
		return socket.getLocalPort();
	}

	public int requests() {
		return requests.get();
	}

	private void run() {
		byte[] buf = new byte[1024];
		while (!socket.isClosed()) {
			DatagramPacket p = new DatagramPacket(buf, buf.length);
			try {
				socket.receive(p);
				NbnsPacket q = NbnsCodec.decode(buf, 0, p.getLength());
				requests.incrementAndGet();
				if (q.response() || q.question() == null || q.question().type() != NbnsPacket.TYPE_NBSTAT || ignore.getAndDecrement() > 0) {
					continue;
				}
				byte[] a = NbnsCodec.encode(NbnsMessages.nodeStatusResponse(q.transactionId(), q.question().name(), NodeStatusData.of(names, mac)));
				socket.send(new DatagramPacket(a, a.length, p.getSocketAddress()));
			} catch (IOException | MalformedPacketException e) {
				// closed, or a bad packet: go on
			}
		}
	}

	@Override
	public void close() {
		socket.close();
		try {
			thread.join(2000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
