/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.herald.api.BindInterface;
import org.herald.api.NetbiosName;
import org.herald.browser.wire.NetServerEnum2;
import org.herald.browser.wire.ServerInfo1;
import org.herald.browser.wire.ServerType;

import org.junit.jupiter.api.Test;
import org.herald.smb.wire.SmbPacket;

/**
 * The RAP exchange over a real TCP connection on 127.0.0.1: a scripted server answers Herald's
 * client with smbd's captured replies (multiplex ids set to the client's) and records what it got.
 */
class ServerListClientTest {

	// smbd's replies from releng/interop/browse-cap.pcapng (frames 31, 33, 35, 37, 39), NBSS-framed.
	static final String NEGOTIATE = "00000067ff534d4272000000008803c00000000000000000000000000000feff00000000110000033200010004410000000001009f650000fdf380006195d814f07fdd010000082200319968706740f76e430041005000570047000000530041004d004200410031000000";
	static final String SESSION_SETUP = "00000078ff534d4273000000008803c00000000000000000000000000000816515f4010003ff00000001004f0000570069006e0064006f0077007300200036002e0031000000530061006d0062006100200034002e00310037002e00310032002d00440065006200690061006e000000430041005000570047000000";
	static final String TREE_CONNECT = "00000038ff534d4275000000008803c00000000000000000000000001ee5816515f4020007ff0000000100ff010000ff010000070049504300000000";
	static final String SERVERS = "00000093ff534d4225000000008803c00000000000000000000000001ee5816515f403000a08005300000008003800000053004000000000005c0000000000000200020053414d424131000000000000000000000000039a84003400000053414d424132000000000000000000000000039a81003e00000053616d6261206f6e650053616d626120342e31372e31322d44656269616e00";
	static final String DOMAINS = "00000082ff534d4225000000008803c00000000000000000000000001ee5816515f404000a08004200000008003800000042004000000000004b0000000000000200020043415057470000000000000000000000000000100080340000004f5448455257470000000000000000000000001000803b00000053414d424131004f544845523300";

	/** Answers one connection with {@code replies}, in order; returns the SMB requests it received. */
	static CompletableFuture<List<SmbPacket>> serve(ServerSocket server, List<byte[]> replies) {
		return CompletableFuture.supplyAsync(() -> {
			List<SmbPacket> got = new ArrayList<>();
			try (Socket s = server.accept()) {
				DataInputStream in = new DataInputStream(s.getInputStream());
				OutputStream out = s.getOutputStream();
				byte[] head = new byte[4];
				in.readFully(head);
				assertEquals(0x81, head[0] & 0xFF, "session request first");
				in.readFully(new byte[(head[2] & 0xFF) << 8 | (head[3] & 0xFF)]);
				out.write(new byte[] { (byte) 0x82, 0, 0, 0 });
				for (byte[] reply : replies) {
					in.readFully(head);
					byte[] body = new byte[(head[2] & 0xFF) << 8 | (head[3] & 0xFF)];
					in.readFully(body);
					SmbPacket request = SmbPacket.parse(body);
					got.add(request);
					byte[] r = reply.clone();
					r[4 + 30] = (byte) request.header().mid();
					r[4 + 31] = (byte) (request.header().mid() >>> 8);
					out.write(r);
				}
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			return got;
		});
	}

	static byte[] hex(String s) {
		return HexFormat.of().parseHex(s);
	}

	@Test
	void serverAndWorkgroupListsFromSmbdsAnswers() throws Exception {
		byte[] negotiate = hex(NEGOTIATE);
		negotiate[4 + 33] = 0; // dialect index 0: Herald offers NT LM 0.12 only (smbclient offered two)
		try (ServerSocket server = new ServerSocket()) {
			server.bind(new InetSocketAddress(BindInterface.parseIpv4("127.0.0.1"), 0));
			CompletableFuture<List<SmbPacket>> requests = serve(server,
					List.of(negotiate, hex(SESSION_SETUP), hex(TREE_CONNECT), hex(SERVERS), hex(DOMAINS)));
			ServerListClient.Lists lists;
			try (ServerListClient c = ServerListClient.open(BindInterface.parseIpv4("127.0.0.1"), BindInterface.parseIpv4("127.0.0.1"),
					server.getLocalPort(), Optional.of("SAMBA1"), new NetbiosName("HERALD", 0), Duration.ofSeconds(5))) {
				lists = c.lists("CAPWG");
			}
			assertEquals(List.of(new ServerInfo1("SAMBA1", 0, 0, 0x00849A03, "Samba one"),
					new ServerInfo1("SAMBA2", 0, 0, 0x00819A03, "Samba 4.17.12-Debian")), lists.servers());
			assertEquals(List.of("CAPWG", "OTHERWG"), lists.workgroups().stream().map(ServerInfo1::name).toList());
			assertEquals(List.of("SAMBA1", "OTHER3"), lists.workgroups().stream().map(ServerInfo1::comment).toList());
			List<SmbPacket> got = requests.get(10, TimeUnit.SECONDS);
			assertEquals(List.of(0x72, 0x73, 0x75, 0x25, 0x25), got.stream().map(SmbPacket::command).toList());
			assertEquals(13, got.get(1).wordCount(), "SESSION_SETUP_ANDX without extended security");
			assertEquals(0, got.get(1).word(7), "no OEM password");
			assertEquals(0, got.get(1).word(8), "no Unicode password");
			assertEquals(0xF415, got.get(2).header().uid(), "tree connect with the UID smbd gave");
			assertTrue(new String(got.get(2).bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("\\\\127.0.0.1\\IPC$"));
			assertEquals(0xE51E, got.get(3).header().tid(), "transaction on the IPC$ tree");
			byte[] smb = got.get(3).encode();
			int offset = got.get(3).word(10);
			assertArrayEquals(NetServerEnum2.request(ServerType.ALL, Optional.of("CAPWG"), 0xFFFF),
					Arrays.copyOfRange(smb, offset, offset + got.get(3).word(9)));
			byte[] smb2 = got.get(4).encode();
			assertArrayEquals(NetServerEnum2.request(ServerType.DOMAIN_ENUM, Optional.of("CAPWG"), 0xFFFF),
					Arrays.copyOfRange(smb2, got.get(4).word(10), got.get(4).word(10) + got.get(4).word(9)));
		}
	}

	@Test
	void anErrorStatusFails() throws Exception {
		byte[] negotiate = hex(NEGOTIATE);
		negotiate[4 + 33] = 0;
		byte[] refused = hex(SESSION_SETUP);
		refused[4 + 5] = 0x22; // STATUS_ACCESS_DENIED 0xC0000022
		refused[4 + 8] = (byte) 0xC0;
		try (ServerSocket server = new ServerSocket()) {
			server.bind(new InetSocketAddress(BindInterface.parseIpv4("127.0.0.1"), 0));
			serve(server, List.of(negotiate, refused));
			IOException e = assertThrows(IOException.class, () -> ServerListClient.open(BindInterface.parseIpv4("127.0.0.1"),
					BindInterface.parseIpv4("127.0.0.1"), server.getLocalPort(), Optional.empty(), new NetbiosName("HERALD", 0), Duration.ofSeconds(5)));
			assertTrue(e.getMessage().contains("0xC0000022"), e.getMessage());
		}
	}
}
