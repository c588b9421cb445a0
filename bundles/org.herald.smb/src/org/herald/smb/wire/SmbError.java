/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import org.herald.api.Acceptance;

/**
 * An SMB error in both of its forms (MS-CIFS 2.2.2.4): the NT status, used when the request set
 * {@link SmbHeader#FLAGS2_NT_STATUS}, and the DOS error class and code used otherwise.
 */
public record SmbError(String name, int ntStatus, int dosClass, int dosCode) {

	public static final int ERRDOS = 0x01;
	public static final int ERRSRV = 0x02;

	/** An unsupported command: STATUS_NOT_IMPLEMENTED, ERRDOS/ERRbadfunc. */
	public static final SmbError NOT_IMPLEMENTED = new SmbError("STATUS_NOT_IMPLEMENTED", 0xC0000002, ERRDOS, 0x0001);
	/** A request whose fields do not make sense: STATUS_INVALID_PARAMETER, ERRDOS/ERRinvalidparam. */
	public static final SmbError INVALID_PARAMETER = new SmbError("STATUS_INVALID_PARAMETER", 0xC000000D, ERRDOS, 0x0057);
	/** A request that does not parse: STATUS_INVALID_SMB, ERRSRV/ERRerror. */
	public static final SmbError INVALID_SMB = new SmbError("STATUS_INVALID_SMB", 0x00010002, ERRSRV, 0x0001);
	/** The message was not taken (could not be stored): what smbd answers when it refuses a message. */
	public static final SmbError REQUEST_NOT_ACCEPTED = new SmbError("STATUS_REQUEST_NOT_ACCEPTED", 0xC00000D0, ERRDOS, 0x0047);
	/** Too many message groups open at once on one session. */
	public static final SmbError INSUFFICIENT_RESOURCES = new SmbError("STATUS_INSUFFICIENT_RESOURCES", 0xC000009A, ERRDOS, 0x0008);

	/**
	 * The sender is on the receiver's block list: STATUS_ACCESS_DENIED, ERRDOS/ERRnoaccess.
	 */
	public static final SmbError ACCESS_DENIED = new SmbError("STATUS_ACCESS_DENIED", 0xC0000022, ERRDOS, 0x0005);
	/**
	 * The sender is over the receiver's flood limit: STATUS_TOO_MANY_COMMANDS ("the network BIOS
	 * command limit has been reached"), ERRDOS 56, which Samba maps to each other.
	 */
	public static final SmbError TOO_MANY_COMMANDS = new SmbError("STATUS_TOO_MANY_COMMANDS", 0xC00000C1, ERRDOS, 0x0038);

	/** The answer to a message the spam policy refused. */
	public static SmbError refusal(Acceptance.Refusal reason) {
		return switch (reason) {
		case FLOOD_LIMIT -> TOO_MANY_COMMANDS;
		case BLOCKED -> ACCESS_DENIED;
		};
	}

	/** The refusal a reply status stands for, if it is one of {@link #refusal}'s answers. */
	public static java.util.Optional<Acceptance.Refusal> refusalOf(SmbHeader reply) {
		for (Acceptance.Refusal r : Acceptance.Refusal.values()) {
			if (reply.status() == refusal(r).status(reply.ntStatus())) {
				return java.util.Optional.of(r);
			}
		}
		return java.util.Optional.empty();
	}

	/** The 32-bit status field for a reply in the request's status form. */
	public int status(boolean nt) {
		return nt ? ntStatus : (dosClass & 0xFF) | (dosCode & 0xFFFF) << 16;
	}

	/** A readable form of a reply status, e.g. {@code NT_STATUS 0xC00000D0} or {@code DOS 1/0x0047}. */
	public static String describe(SmbHeader reply) {
		int s = reply.status();
		if (reply.ntStatus()) {
			return String.format("NT status 0x%08X", s);
		}
		return String.format("DOS error class %d code 0x%04X", s & 0xFF, s >>> 16 & 0xFFFF);
	}
}
