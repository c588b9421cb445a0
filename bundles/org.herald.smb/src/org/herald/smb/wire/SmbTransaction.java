/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.herald.netbios.wire.MalformedPacketException;

/**
 * The SMB1 messages of an anonymous RAP exchange (MS-CIFS): SESSION_SETUP_ANDX without extended
 * security and with empty account and passwords (a null session), TREE_CONNECT_ANDX to IPC$, and
 * SMB_COM_TRANSACTION to a named pipe, with the reading of their replies. Strings are OEM (no
 * Unicode flag). Negotiate is {@link org.herald.messenger.wire.NegotiateRequest}.
 */
public final class SmbTransaction {

	public static final int SESSION_SETUP_ANDX = 0x73;
	public static final int TREE_CONNECT_ANDX = 0x75;
	public static final int TRANSACTION = 0x25;
	public static final String LANMAN_PIPE = "\\PIPE\\LANMAN";
	/** CAP_NT_SMBS | CAP_STATUS32: NT status codes, no Unicode, no extended security. */
	static final int CAPABILITIES = 0x10 | 0x40;
	static final int NO_ANDX = 0xFF;
	/** The client's buffer size: what a reply to Herald may hold. */
	public static final int MAX_BUFFER = 16644;
	private static final int PID = 0x4852; // 'HR'
	/** Where the parameter words start: after the 32-byte header and the WordCount byte. */
	static final int WORDS_AT = SmbHeader.LENGTH + 1;

	/** The parameters and data of a transaction reply, reassembled. */
	public record Reply(byte[] parameters, byte[] data) {
		public Reply {
			parameters = parameters.clone();
			data = data.clone();
		}

		@Override
		public byte[] parameters() {
			return parameters.clone();
		}

		@Override
		public byte[] data() {
			return data.clone();
		}
	}

	private SmbTransaction() {
	}

	static SmbHeader header(int command, int uid, int tid, int mid) {
		return new SmbHeader(command, 0, SmbHeader.FLAGS_CASE_INSENSITIVE | SmbHeader.FLAGS_CANONICALIZED_PATHS,
				SmbHeader.FLAGS2_LONG_NAMES | SmbHeader.FLAGS2_NT_STATUS, 0, 0, tid, PID, uid, mid);
	}

	/** SESSION_SETUP_ANDX (MS-CIFS 2.2.4.53.1, WordCount 13) of an anonymous user. */
	public static SmbPacket anonymousSessionSetup(int mid, String nativeOs) {
		byte[] w = new byte[26];
		w[0] = (byte) NO_ANDX;
		Le.put16(w, 4, MAX_BUFFER);
		Le.put16(w, 6, 2); // MaxMpxCount
		Le.put16(w, 8, 0); // VcNumber
		Le.put32(w, 10, 0); // SessionKey
		Le.put16(w, 14, 0); // OEMPasswordLen
		Le.put16(w, 16, 0); // UnicodePasswordLen
		Le.put32(w, 22, CAPABILITIES);
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		Le.writeString(b, ""); // AccountName
		Le.writeString(b, ""); // PrimaryDomain
		Le.writeString(b, nativeOs);
		Le.writeString(b, "Herald");
		return new SmbPacket(header(SESSION_SETUP_ANDX, 0, 0, mid), w, b.toByteArray());
	}

	/** TREE_CONNECT_ANDX (MS-CIFS 2.2.4.55.1) to {@code \\server\IPC$}, any service type. */
	public static SmbPacket treeConnectIpc(int uid, int mid, String server) {
		byte[] w = new byte[8];
		w[0] = (byte) NO_ANDX;
		Le.put16(w, 6, 1); // PasswordLength: one NUL
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		b.write(0); // Password
		Le.writeString(b, "\\\\" + server + "\\IPC$");
		b.writeBytes("?????".getBytes(StandardCharsets.US_ASCII));
		b.write(0);
		return new SmbPacket(header(TREE_CONNECT_ANDX, uid, 0, mid), w, b.toByteArray());
	}

	/**
	 * SMB_COM_TRANSACTION (MS-CIFS 2.2.4.33.1) to {@code pipe} with the whole parameters in one
	 * request and no data: WordCount 14, no setup words; the parameters start 4-byte aligned.
	 */
	public static SmbPacket request(int uid, int tid, int mid, String pipe, byte[] parameters, int maxParameters, int maxData) {
		byte[] name = (pipe + "\0").getBytes(StandardCharsets.ISO_8859_1);
		int bytesStart = WORDS_AT + 2 * 14 + 2;
		int paramOffset = bytesStart + name.length;
		int pad = (4 - paramOffset % 4) % 4;
		paramOffset += pad;
		byte[] w = new byte[28];
		Le.put16(w, 0, parameters.length); // TotalParameterCount
		Le.put16(w, 2, 0); // TotalDataCount
		Le.put16(w, 4, maxParameters);
		Le.put16(w, 6, maxData);
		Le.put16(w, 18, parameters.length); // ParameterCount
		Le.put16(w, 20, paramOffset);
		Le.put16(w, 22, 0); // DataCount
		Le.put16(w, 24, paramOffset + parameters.length); // DataOffset
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		b.writeBytes(name);
		b.writeBytes(new byte[pad]);
		b.writeBytes(parameters);
		return new SmbPacket(header(TRANSACTION, uid, tid, mid), w, b.toByteArray());
	}

	/**
	 * One transaction reply (MS-CIFS 2.2.4.33.2, WordCount 10 + setup): its share of the parameters
	 * and data, placed at their displacements.
	 */
	public record ReplyPart(int totalParameters, int totalData, int parameterDisplacement, byte[] parameters, int dataDisplacement,
			byte[] data) {

		public static ReplyPart parse(SmbPacket p) throws MalformedPacketException {
			if (p.wordCount() < 10) {
				throw new MalformedPacketException("transaction reply with WordCount " + p.wordCount());
			}
			int bytesStart = WORDS_AT + 2 * p.wordCount() + 2;
			byte[] bytes = p.bytes();
			byte[] params = slice(bytes, p.word(4) - bytesStart, p.word(3), "parameters");
			byte[] data = slice(bytes, p.word(7) - bytesStart, p.word(6), "data");
			return new ReplyPart(p.word(0), p.word(1), p.word(5), params, p.word(8), data);
		}

		private static byte[] slice(byte[] bytes, int from, int count, String what) throws MalformedPacketException {
			if (count == 0) {
				return new byte[0];
			}
			if (from < 0 || from + count > bytes.length) {
				throw new MalformedPacketException("transaction " + what + " (" + count + " bytes at " + from + ") outside the reply");
			}
			return Arrays.copyOfRange(bytes, from, from + count);
		}
	}

	/** Puts reply parts together until the totals are reached. */
	public static final class Assembler {
		private byte[] parameters;
		private byte[] data;
		private int parametersSeen;
		private int dataSeen;

		/** Adds one part; true once the whole reply is there. */
		public boolean add(ReplyPart part) throws MalformedPacketException {
			if (parameters == null) {
				parameters = new byte[part.totalParameters()];
				data = new byte[part.totalData()];
			}
			place(parameters, part.parameterDisplacement(), part.parameters(), "parameters");
			place(data, part.dataDisplacement(), part.data(), "data");
			parametersSeen += part.parameters().length;
			dataSeen += part.data().length;
			return parametersSeen >= parameters.length && dataSeen >= data.length;
		}

		private static void place(byte[] into, int at, byte[] part, String what) throws MalformedPacketException {
			if (at < 0 || at + part.length > into.length) {
				throw new MalformedPacketException("transaction " + what + " part beyond the announced total");
			}
			System.arraycopy(part, 0, into, at, part.length);
		}

		public Reply reply() {
			return new Reply(parameters, data);
		}
	}
}
