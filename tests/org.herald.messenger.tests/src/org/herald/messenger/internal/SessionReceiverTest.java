/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.herald.api.NetbiosName;
import org.herald.api.ReceivedMessage;
import org.herald.messenger.MessengerPorts;

import org.herald.netbios.wire.SessionPackets;
import org.herald.netbios.wire.SessionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.herald.smb.wire.NegotiateRequest;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.SendMessage;

/** The session receiver over real TCP on 127.0.0.2 (it binds only there). */
class SessionReceiverTest {

	private static final HexFormat HEX = HexFormat.of();
	private static final String START = "ff534d42d5000000000000000000000000000000000000000000232000000000000e0004616c6963650004534d42443100";
	private static final String TEXT = "ff534d42d7000000000000000000000000000000000000000000232000000000010000080001050048656c6c6f";
	private static final String END = "ff534d42d60000000000000000000000000000000000000000002320000000000100000000";

	private Loopback.Host host;
	private int port139;
	private int port445;

	@BeforeEach
	void start() throws Exception {
		host = new Loopback.Host("HERALD", "127.0.0.2", Loopback.freePorts());
		port139 = host.session.boundPort(ip("127.0.0.2"), true);
		port445 = host.session.boundPort(ip("127.0.0.2"), false);
	}

	@AfterEach
	void stop() {
		host.close();
	}

	private Socket connect(int port) throws IOException {
		Socket s = new Socket();
		s.bind(new InetSocketAddress(ip("127.0.0.1"), 0));
		s.connect(new InetSocketAddress(ip("127.0.0.2"), port), 5000);
		s.setSoTimeout(10_000);
		return s;
	}

	private static byte[] read(InputStream in, int n) throws IOException {
		byte[] b = new byte[n];
		new DataInputStream(in).readFully(b);
		return b;
	}

	/** Reads one framed SMB (4-byte header) and parses it. */
	private static SmbPacket readSmb(InputStream in) throws Exception {
		byte[] h = read(in, 4);
		int len = (h[1] & 0x01) << 16 | (h[2] & 0xFF) << 8 | (h[3] & 0xFF);
		return SmbPacket.parse(read(in, len));
	}

	@Test
	void smbclientConversationOn139() throws Exception {
		try (Socket s = connect(port139)) {
			OutputStream out = s.getOutputStream();
			InputStream in = s.getInputStream();
			out.write(new SessionRequest(new NetbiosName("HERALD", 3), new NetbiosName("CLIENT2", 0)).encode());
			assertArrayEquals(SessionPackets.positiveResponse(), read(in, 4));
			for (String hex : new String[] { START, TEXT, END }) {
				out.write(SessionPackets.message(HEX.parseHex(hex)));
				assertTrue(readSmb(in).header().success());
			}
		}
		ReceivedMessage m = host.sink.messages().get(0);
		assertEquals("Hello", m.text());
		assertEquals("alice", m.senderName());
		assertEquals(ip("127.0.0.1"), m.senderAddress());
	}

	@Test
	void sessionRequestForANameNotHeldIsRefused() throws Exception {
		try (Socket s = connect(port139)) {
			s.getOutputStream().write(new SessionRequest(new NetbiosName("SOMEONE", 3), new NetbiosName("CLIENT2", 0)).encode());
			assertArrayEquals(SessionPackets.negativeResponse(SessionPackets.CALLED_NAME_NOT_PRESENT), read(s.getInputStream(), 5));
			assertEquals(-1, s.getInputStream().read(), "closed after the negative response");
		}
		try (Socket s = connect(port139)) {
			// our own name, but the workstation suffix: not a messenger name
			s.getOutputStream().write(new SessionRequest(new NetbiosName("HERALD", 0), new NetbiosName("CLIENT2", 0)).encode());
			assertArrayEquals(SessionPackets.negativeResponse(SessionPackets.CALLED_NAME_NOT_PRESENT), read(s.getInputStream(), 5));
		}
		assertEquals(2, host.counters.snapshot().refusedSessions());
	}

	@Test
	void directHostingOn445WithNegotiateAndSendMessage() throws Exception {
		try (Socket s = connect(port445)) {
			OutputStream out = s.getOutputStream();
			InputStream in = s.getInputStream();
			out.write(SessionPackets.directMessage(new NegotiateRequest(List.of("NT LM 0.12")).toPacket(SmbHeader.request(SmbCommand.NEGOTIATE, 1)).encode()));
			SmbPacket neg = readSmb(in);
			assertEquals(17, neg.wordCount());
			out.write(SessionPackets.directMessage(new SendMessage("BOB".getBytes(), "HERALD".getBytes(), "via 445".getBytes())
					.toPacket(SmbHeader.request(SmbCommand.SEND_MESSAGE, 2)).encode()));
			SmbPacket r = readSmb(in);
			assertTrue(r.header().success());
			assertEquals(2, r.header().mid());
		}
		assertEquals("via 445", host.sink.messages().get(0).text());
	}

	@Test
	void garbageIsCountedAndTheListenerGoesOn() throws Exception {
		try (Socket s = connect(port139)) {
			s.getOutputStream().write(HEX.parseHex("474554202f20485454502f312e310d0a0d0a")); // "GET / HTTP/1.1"
			assertEquals(-1, s.getInputStream().read());
		}
		try (Socket s = connect(port445)) {
			// an SMB2 negotiate: not SMB1, the connection is closed
			s.getOutputStream().write(SessionPackets.directMessage(HEX.parseHex("fe534d42" + "00".repeat(60))));
			assertEquals(-1, s.getInputStream().read());
		}
		try (Socket s = connect(port445)) {
			// a frame announcing 1 MB
			s.getOutputStream().write(HEX.parseHex("00100000"));
			assertEquals(-1, s.getInputStream().read());
		}
		try (Socket s = connect(port139)) {
			// cut in the middle of a session request
			s.getOutputStream().write(HEX.parseHex("810000442046"));
			s.shutdownOutput();
			assertEquals(-1, s.getInputStream().read());
		}
		assertTrue(host.counters.snapshot().malformed() >= 4, "counted: " + host.counters.snapshot());
		smbclientConversationOn139();
	}

	@Test
	void bindsOnlyTheConfiguredAddress() throws Exception {
		// nothing listens on 127.0.0.3 at that port
		Socket s = new Socket();
		assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(ip("127.0.0.3"), port139), 2000));
		s.close();
		// a second receiver on the same address and port cannot start, and says why
		try (Socket ignored = connect(port139)) {
			var again = new SessionReceiver(host.identity, new MessengerPorts(port139, 0, 0), n -> true, host.sink,
					PeerCharsets.fixed(org.herald.messenger.wire.MessageCharset.defaultOem()), new ReceiverCounters(), Duration.ofSeconds(1), java.time.Clock.systemUTC());
			BindException e = assertThrows(BindException.class, again::start);
			assertTrue(e.getMessage().contains("127.0.0.2:" + port139), e.getMessage());
		}
	}
}
