/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.herald.api.NetbiosName;
import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.NbAddress;
import org.herald.netbios.wire.NbAddresses;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NbnsResourceRecord;

/**
 * The few name queries the browser needs (RFC 1002 4.2.12): WG&lt;1D&gt; by broadcast on a
 * configured interface to find the local master browser, and WG&lt;1B&gt;, &lt;1C&gt;, &lt;00&gt;
 * at a WINS server. Sent from an ephemeral port on the configured interface address; answers are
 * collected until the window after the last try ends.
 */
final class NameQueries {

	private final Inet4Address local;
	private final int port;
	private final Duration window;
	private final int tries;

	NameQueries(Inet4Address local, int port, Duration window, int tries) {
		this.local = local;
		this.port = port;
		this.window = window;
		this.tries = tries;
	}

	/** One answer: an address the name maps to, and who said so. */
	record Found(NetbiosName name, NbAddress address, Inet4Address answeredBy) {
	}

	/**
	 * Asks {@code to} for {@code name}: a broadcast collects every answer of the window in which the
	 * first came; a WINS query (recursion desired) ends with the first answer, positive or not.
	 */
	List<Found> query(NetbiosName name, Inet4Address to, boolean broadcast) throws IOException {
		List<Found> found = new ArrayList<>();
		int id = new SecureRandom().nextInt(0x10000);
		byte[] request = NbnsCodec.encode(NbnsMessages.nameQuery(id, name, broadcast, !broadcast));
		try (DatagramSocket s = new DatagramSocket(null)) {
			s.setBroadcast(broadcast);
			s.bind(new InetSocketAddress(local, 0));
			byte[] buf = new byte[4096];
			for (int t = 0; t < tries && found.isEmpty(); t++) {
				s.send(new DatagramPacket(request, request.length, new InetSocketAddress(to, port)));
				long deadline = System.nanoTime() + window.toNanos();
				for (long left; (left = deadline - System.nanoTime()) > 0;) {
					s.setSoTimeout((int) Math.max(1, left / 1_000_000));
					DatagramPacket p = new DatagramPacket(buf, buf.length);
					try {
						s.receive(p);
					} catch (SocketTimeoutException e) {
						break;
					}
					NbnsPacket answer;
					try {
						answer = NbnsCodec.decode(buf, 0, p.getLength());
					} catch (MalformedPacketException e) {
						continue;
					}
					if (!answer.response() || answer.transactionId() != id || answer.opcode() != NbnsPacket.OP_QUERY) {
						continue;
					}
					if (answer.rcode() != NbnsPacket.RCODE_OK) {
						if (!broadcast) {
							return found;
						}
						continue;
					}
					for (NbnsResourceRecord rr : answer.answers()) {
						if (rr.data() instanceof NbAddresses nb && rr.netbiosName().equals(name)) {
							for (NbAddress a : nb.entries()) {
								found.add(new Found(name, a, (Inet4Address) p.getAddress()));
							}
						}
					}
					if (!broadcast && !found.isEmpty()) {
						return found;
					}
				}
			}
		}
		return found;
	}
}
