/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.io.ByteArrayOutputStream;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.Le;

/**
 * HostAnnouncement (0x01, MS-BRWS 2.2.1), DomainAnnouncement (0x0C, 2.2.7) and
 * LocalMasterAnnouncement (0x0F, 2.2.9): one layout. Opcode, UpdateCount, Periodicity (ms, 32-bit
 * LE), a 16-byte NUL-padded name, two version bytes, ServerType (32-bit LE), two more version bytes,
 * Signature 0xAA55 and a NUL-terminated string.
 *
 * <p>In a DomainAnnouncement the name is the workgroup, the first version pair is
 * BrowserConfigVersion, and the string is the local master browser's name; in the others the name
 * is the server, the first pair its OS version and the string its comment.
 *
 * @param kind         which of the three frames
 * @param periodicity  the announcement period in milliseconds
 * @param name         the server (or, for {@link Kind#DOMAIN}, the workgroup)
 * @param versionMajor OSVersionMajor (BrowserConfigVersionMajor in a DomainAnnouncement)
 * @param serverType   the {@link ServerType} bits
 * @param comment      the server comment (the master browser's name in a DomainAnnouncement)
 */
public record Announcement(Kind kind, int updateCount, long periodicity, String name, int versionMajor, int versionMinor,
		int serverType, int browserMajor, int browserMinor, int signature, String comment) implements BrowserFrame {

	/** Fixed part: opcode 1, update count 1, periodicity 4, name 16, versions 2, type 4, versions 2, signature 2. */
	static final int FIXED_LENGTH = 32;
	public static final int NAME_WIDTH = 16;
	/** MS-BRWS: BrowserVersionMajor 0x0F, minor 0x01, signature 0xAA55. */
	public static final int BROWSER_MAJOR = 0x0F;
	public static final int BROWSER_MINOR = 0x01;
	public static final int SIGNATURE = 0xAA55;
	/** MS-BRWS 3.2.5.2: a comment of at most 43 bytes including its NUL. */
	public static final int MAX_COMMENT = 42;

	public enum Kind {
		HOST(HOST_ANNOUNCEMENT), DOMAIN(DOMAIN_ANNOUNCEMENT), LOCAL_MASTER(LOCAL_MASTER_ANNOUNCEMENT);

		final int opcode;

		Kind(int opcode) {
			this.opcode = opcode;
		}

		public int opcode() {
			return opcode;
		}

		static Kind of(int opcode) {
			for (Kind k : values()) {
				if (k.opcode == opcode) {
					return k;
				}
			}
			throw new IllegalArgumentException("not an announcement opcode: " + opcode);
		}
	}

	public Announcement {
		if (name.length() >= NAME_WIDTH) {
			throw new IllegalArgumentException("announced name longer than 15 characters: " + name);
		}
		if (periodicity < 0 || periodicity > 0xFFFF_FFFFL) {
			throw new IllegalArgumentException("periodicity out of 32-bit range");
		}
	}

	/** A HostAnnouncement with the standard browser version and signature. */
	public static Announcement host(int updateCount, long periodicityMs, String server, int osMajor, int osMinor, int serverType,
			String comment) {
		return new Announcement(Kind.HOST, updateCount, periodicityMs, server, osMajor, osMinor, serverType, BROWSER_MAJOR,
				BROWSER_MINOR, SIGNATURE, comment);
	}

	@Override
	public int opcode() {
		return kind.opcode;
	}

	@Override
	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(FIXED_LENGTH + comment.length() + 1);
		out.write(kind.opcode);
		out.write(updateCount);
		Le.write32(out, periodicity);
		Le.writeFixed(out, name, NAME_WIDTH);
		out.write(versionMajor);
		out.write(versionMinor);
		Le.write32(out, serverType & 0xFFFF_FFFFL);
		out.write(browserMajor);
		out.write(browserMinor);
		Le.write16(out, signature);
		Le.writeString(out, comment);
		return out.toByteArray();
	}

	static Announcement parse(byte[] b) throws MalformedPacketException {
		Le.need(b, FIXED_LENGTH, "announcement");
		// MS-BRWS 2.2.1: the name has at most 15 characters and its NUL within the 16 bytes.
		String name = Le.fixed(b, 6, NAME_WIDTH);
		if (name.length() >= NAME_WIDTH) {
			throw new MalformedPacketException("announced name is not NUL-terminated within its 16 bytes");
		}
		// The string is NUL-terminated; a frame that ends without the NUL is taken up to its end, as nmbd does.
		int end = Le.nul(b, FIXED_LENGTH, b.length);
		String comment = new String(b, FIXED_LENGTH, (end < 0 ? b.length : end) - FIXED_LENGTH,
				java.nio.charset.StandardCharsets.ISO_8859_1);
		return new Announcement(Kind.of(b[0] & 0xFF), b[1] & 0xFF, Le.u32(b, 2), name, b[22] & 0xFF,
				b[23] & 0xFF, (int) Le.u32(b, 24), b[28] & 0xFF, b[29] & 0xFF, Le.u16(b, 30), comment);
	}
}
