/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.herald.api.NetbiosName;
import org.herald.browser.wire.NetServerEnum2;
import org.herald.browser.wire.ServerInfo1;
import org.herald.browser.wire.ServerType;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.SessionPackets;
import org.herald.smb.SmbSession;
import org.herald.netbios.wire.SessionRequest;
import org.herald.smb.wire.NegotiateRequest;
import org.herald.smb.wire.NegotiateResponse;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.SmbTransaction;

/**
 * Gets server and workgroup lists from a master browser with NetServerEnum2 (MS-RAP 2.5.5.2) over
 * SMB1 on the NetBIOS session service (TCP 139): session request, NEGOTIATE (NT LM 0.12), an
 * anonymous SESSION_SETUP_ANDX, TREE_CONNECT_ANDX to IPC$, then one transaction on
 * {@code \PIPE\LANMAN} per list. The connection leaves from the configured interface address.
 */
final class ServerListClient implements AutoCloseable {

	/** Both lists a browse asks for. */
	record Lists(List<ServerInfo1> servers, List<ServerInfo1> workgroups) {
	}

	private final SmbSession session;
	private int mid = 1;
	private int uid;
	private int tid;

	private ServerListClient(SmbSession session) {
		this.session = session;
	}

	/**
	 * Connects and logs on anonymously.
	 *
	 * @param calledName the server's name, or empty for {@code *SMBSERVER}
	 */
	static ServerListClient open(Inet4Address local, Inet4Address server, int port, Optional<String> calledName, NetbiosName callingName,
			Duration timeout) throws IOException {
		byte[] request = calledName.map(n -> new SessionRequest(new NetbiosName(n, NetbiosName.FILE_SERVER), callingName).encode())
				.orElseGet(() -> SessionRequest.encodeAnyServer(callingName));
		SmbSession session;
		try {
			session = SmbSession.open(local, server, port, request, timeout, timeout);
		} catch (SmbSession.NegativeResponseException e) {
			throw new IOException("session refused: " + SessionPackets.describeNegativeResponse(e.errorCode()), e);
		}
		ServerListClient c = new ServerListClient(session);
		try {
			c.logOn(server);
			return c;
		} catch (IOException | RuntimeException e) {
			session.close();
			throw e;
		}
	}

	private void logOn(Inet4Address server) throws IOException {
		SmbPacket negotiate = new NegotiateRequest(List.of(NegotiateRequest.NT_LM_012)).toPacket(SmbHeader.request(SmbCommand.NEGOTIATE, mid++));
		SmbPacket reply = exchange(negotiate);
		try {
			if (NegotiateResponse.parse(reply).dialectIndex() != 0) {
				throw new IOException("the server does not speak NT LM 0.12 (SMB1): enable SMB1 on it to get server lists");
			}
		} catch (MalformedPacketException e) {
			throw new IOException(e.getMessage(), e);
		}
		reply = exchange(SmbTransaction.anonymousSessionSetup(mid++, System.getProperty("os.name", "Java")));
		uid = reply.header().uid();
		reply = exchange(SmbTransaction.treeConnectIpc(uid, mid++, server.getHostAddress()));
		tid = reply.header().tid();
	}

	/** The master browser's list of the servers of {@code workgroup} and of the workgroups it knows. */
	Lists lists(String workgroup) throws IOException {
		return new Lists(serverEnum(ServerType.ALL, workgroup), serverEnum(ServerType.DOMAIN_ENUM, workgroup));
	}

	List<ServerInfo1> serverEnum(int serverType, String workgroup) throws IOException {
		byte[] params = NetServerEnum2.request(serverType, Optional.of(workgroup), 0xFFFF);
		SmbPacket request = SmbTransaction.request(uid, tid, mid++, SmbTransaction.LANMAN_PIPE, params, 8, 0xFFFF);
		session.send(request);
		SmbTransaction.Assembler assembler = new SmbTransaction.Assembler();
		try {
			for (;;) {
				SmbPacket part = receive(request);
				if (assembler.add(SmbTransaction.ReplyPart.parse(part))) {
					break;
				}
			}
			SmbTransaction.Reply r = assembler.reply();
			NetServerEnum2.Answer a = NetServerEnum2.answer(r.parameters(), r.data());
			if (!a.ok()) {
				throw new IOException("NetServerEnum2 failed with RAP status " + a.status());
			}
			return a.servers();
		} catch (MalformedPacketException e) {
			throw new IOException("bad NetServerEnum2 answer: " + e.getMessage(), e);
		}
	}

	private SmbPacket exchange(SmbPacket request) throws IOException {
		session.send(request);
		return receive(request);
	}

	/** The next reply to {@code request}; an error status fails. */
	private SmbPacket receive(SmbPacket request) throws IOException {
		SmbPacket p = session.receive(request);
		if (!p.header().success()) {
			throw new IOException(String.format("%s failed with status 0x%08X", SmbCommand.nameOf(p.command()), p.header().status()));
		}
		return p;
	}

	@Override
	public void close() throws IOException {
		session.close();
	}
}
