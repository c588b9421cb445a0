/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.Le;
import org.herald.smb.wire.SmbTransaction;

/**
 * The RAP command NetServerEnum2 (MS-RAP 2.5.5.2, opcode 104) at information level 1: the request's
 * parameters and the reading of its answer. It travels in an SMB_COM_TRANSACTION to
 * {@code \PIPE\LANMAN} ({@link SmbTransaction}).
 *
 * <p>Request parameters: RAPOpcode (16-bit LE), ParamDesc {@code WrLehDz} (with a domain) or
 * {@code WrLehDO} (without), DataDesc {@code B16BBDz}, then the inputs the descriptor names: level
 * (W), receive buffer size (L), server type (D) and the domain (z). Answer parameters: Status,
 * Converter, EntriesReturned, EntriesAvailable; answer data: 26-byte SERVER_INFO_1 entries whose
 * comment pointers count, less the converter, from the start of the data.
 */
public final class NetServerEnum2 {

	public static final int OPCODE = 104;
	public static final String PARAMS_WITH_DOMAIN = "WrLehDz";
	public static final String PARAMS_WITHOUT_DOMAIN = "WrLehDO";
	public static final String DATA_LEVEL_1 = "B16BBDz";
	public static final int LEVEL_1 = 1;
	static final int ENTRY_LENGTH = 26;
	/** MS-RAP 2.5.5.2.2: the list did not fit; the entries returned are valid. */
	public static final int ERROR_MORE_DATA = 234;

	/** What a NetServerEnum2 answer said. */
	public record Answer(int status, int converter, int entriesReturned, int entriesAvailable, List<ServerInfo1> servers) {
		public Answer {
			servers = List.copyOf(servers);
		}

		/** Status 0, or ERROR_MORE_DATA (the entries returned are still valid). */
		public boolean ok() {
			return status == 0 || status == ERROR_MORE_DATA;
		}
	}

	private NetServerEnum2() {
	}

	/**
	 * The request parameters.
	 *
	 * @param serverType        {@link ServerType#ALL} for servers, {@link ServerType#DOMAIN_ENUM} for workgroups
	 * @param domain            the workgroup to list; empty for the server's own
	 * @param receiveBufferSize the largest answer data the client takes (16-bit)
	 */
	public static byte[] request(int serverType, Optional<String> domain, int receiveBufferSize) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(40);
		Le.write16(out, OPCODE);
		Le.writeString(out, domain.isPresent() ? PARAMS_WITH_DOMAIN : PARAMS_WITHOUT_DOMAIN);
		Le.writeString(out, DATA_LEVEL_1);
		Le.write16(out, LEVEL_1);
		Le.write16(out, receiveBufferSize);
		Le.write32(out, serverType & 0xFFFF_FFFFL);
		domain.ifPresent(d -> Le.writeString(out, d));
		return out.toByteArray();
	}

	/** Reads the answer's parameters and data. */
	public static Answer answer(byte[] params, byte[] data) throws MalformedPacketException {
		Le.need(params, 8, "NetServerEnum2 answer parameters");
		int status = Le.u16(params, 0);
		int converter = Le.u16(params, 2);
		int returned = Le.u16(params, 4);
		int available = Le.u16(params, 6);
		List<ServerInfo1> servers = new ArrayList<>(returned);
		if (status == 0 || status == ERROR_MORE_DATA) {
			if ((long) returned * ENTRY_LENGTH > data.length) {
				throw new MalformedPacketException(returned + " entries do not fit in " + data.length + " bytes of data");
			}
			for (int i = 0; i < returned; i++) {
				int at = i * ENTRY_LENGTH;
				String name = Le.fixed(data, at, 16);
				int pointer = (int) (Le.u32(data, at + 22) & 0xFFFF);
				String comment = "";
				if (pointer != 0) {
					int offset = pointer - converter;
					if (offset < 0 || offset >= data.length) {
						comment = ""; // a pointer outside the data: Windows sends such for empty comments
					} else {
						int end = Le.nul(data, offset, data.length);
						comment = new String(data, offset, (end < 0 ? data.length : end) - offset, StandardCharsets.ISO_8859_1);
					}
				}
				servers.add(new ServerInfo1(name, data[at + 16] & 0xFF, data[at + 17] & 0xFF, (int) Le.u32(data, at + 18), comment));
			}
		}
		return new Answer(status, converter, returned, available, servers);
	}
}
