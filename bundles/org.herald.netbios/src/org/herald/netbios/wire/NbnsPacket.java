/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.util.List;

/**
 * A NetBIOS name service packet (RFC 1002 section 4.2.1): the 12-byte header and its four
 * sections. {@link NbnsCodec} reads and writes it; {@link NbnsMessages} builds each kind the RFC
 * defines.
 *
 * @param transactionId NAME_TRN_ID
 * @param response      the R bit
 * @param opcode        OPCODE, one of the {@code OP_} constants
 * @param nmFlags       NM_FLAGS in their header positions: {@link #AA}, {@link #TC}, {@link #RD},
 *                      {@link #RA}, {@link #B}
 * @param rcode         RCODE, one of the {@code RCODE_} constants
 */
public record NbnsPacket(int transactionId, boolean response, int opcode, int nmFlags, int rcode,
		List<NbnsQuestion> questions, List<NbnsResourceRecord> answers, List<NbnsResourceRecord> authorities,
		List<NbnsResourceRecord> additionals) {

	public static final int HEADER_LENGTH = 12;

	public static final int OP_QUERY = 0;
	public static final int OP_REGISTRATION = 5;
	public static final int OP_RELEASE = 6;
	public static final int OP_WACK = 7;
	/** RFC 1002 gives 8 for refresh; Microsoft and Samba also send and accept 9. */
	public static final int OP_REFRESH = 8;
	public static final int OP_REFRESH_ALT = 9;
	/** Multi-homed registration: what Windows and Samba send to a WINS server for unique names. */
	public static final int OP_MULTIHOMED_REGISTRATION = 15;

	static final int R_BIT = 0x8000;
	/** Authoritative answer. */
	public static final int AA = 0x0400;
	/** Truncation. */
	public static final int TC = 0x0200;
	/** Recursion desired: ask the name server (WINS) to consult its database. */
	public static final int RD = 0x0100;
	/** Recursion available. */
	public static final int RA = 0x0080;
	/** Broadcast. */
	public static final int B = 0x0010;
	static final int NM_FLAGS_MASK = AA | TC | RD | RA | B;

	public static final int RCODE_OK = 0;
	/** Format error: the request was not understood. */
	public static final int RCODE_FMT_ERR = 1;
	/** Server failure. */
	public static final int RCODE_SRV_ERR = 2;
	/** Name error: the name does not exist. */
	public static final int RCODE_NAM_ERR = 3;
	/** Unsupported request. */
	public static final int RCODE_IMP_ERR = 4;
	/** Refused for policy reasons. */
	public static final int RCODE_RFS_ERR = 5;
	/** Active error: the name is owned by another node. */
	public static final int RCODE_ACT_ERR = 6;
	/** Name in conflict: a unique name is owned by more than one node. */
	public static final int RCODE_CFT_ERR = 7;

	public static final int TYPE_A = 0x0001;
	public static final int TYPE_NS = 0x0002;
	public static final int TYPE_NULL = 0x000A;
	public static final int TYPE_NB = 0x0020;
	public static final int TYPE_NBSTAT = 0x0021;
	public static final int CLASS_IN = 0x0001;

	public NbnsPacket {
		if (transactionId < 0 || transactionId > 0xFFFF) {
			throw new IllegalArgumentException("transaction id out of 16-bit range: " + transactionId);
		}
		if (opcode < 0 || opcode > 15 || rcode < 0 || rcode > 15) {
			throw new IllegalArgumentException("opcode or rcode out of 4-bit range");
		}
		if ((nmFlags & ~NM_FLAGS_MASK) != 0) {
			throw new IllegalArgumentException("not NM_FLAGS bits: 0x" + Integer.toHexString(nmFlags));
		}
		questions = List.copyOf(questions);
		answers = List.copyOf(answers);
		authorities = List.copyOf(authorities);
		additionals = List.copyOf(additionals);
	}

	/** The 16 bits after NAME_TRN_ID: R, OPCODE, NM_FLAGS, RCODE. */
	public int headerFlags() {
		return (response ? R_BIT : 0) | opcode << 11 | nmFlags | rcode;
	}

	public boolean has(int nmFlag) {
		return (nmFlags & nmFlag) == nmFlag;
	}

	public boolean broadcast() {
		return has(B);
	}

	public boolean recursionDesired() {
		return has(RD);
	}

	/** The only question, or null if there is none. */
	public NbnsQuestion question() {
		return questions.isEmpty() ? null : questions.get(0);
	}

	/** The first answer, or null if there is none. */
	public NbnsResourceRecord answer() {
		return answers.isEmpty() ? null : answers.get(0);
	}

	/** The first additional record, or null if there is none. */
	public NbnsResourceRecord additional() {
		return additionals.isEmpty() ? null : additionals.get(0);
	}

	/** Whether this is a registration request of either kind (opcode 5 or 15). */
	public boolean isRegistration() {
		return opcode == OP_REGISTRATION || opcode == OP_MULTIHOMED_REGISTRATION;
	}

	public boolean isRefresh() {
		return opcode == OP_REFRESH || opcode == OP_REFRESH_ALT;
	}
}
