/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.herald.api.NetbiosName;

/**
 * One NODE_NAME entry of a node status response (RFC 1002 section 4.2.18): 15 name bytes, the
 * suffix, and NAME_FLAGS.
 *
 * <p>The name is kept as text (ISO-8859-1, trailing spaces removed) rather than a {@link NetbiosName}
 * because node status lists names a {@code NetbiosName} refuses, such as the browse masters'
 * {@code \u0001\u0002__MSBROWSE__\u0002<01>}.
 *
 * @param name   the name without padding
 * @param suffix the 16th byte
 * @param flags  NAME_FLAGS: G (bit 15), ONT (13-14), DRG (12), CNF (11), ACT (10), PRM (9)
 */
public record NodeStatusEntry(String name, int suffix, int flags) {

	public static final int LENGTH = 18;

	static final int GROUP = 0x8000;
	static final int DEREGISTERING = 0x1000;
	static final int CONFLICT = 0x0800;
	static final int ACTIVE = 0x0400;
	static final int PERMANENT = 0x0200;

	public NodeStatusEntry {
		if (name.length() > NetbiosName.MAX_LENGTH) {
			throw new IllegalArgumentException("name longer than 15 characters: " + name);
		}
		if (suffix < 0 || suffix > 0xFF || flags < 0 || flags > 0xFFFF) {
			throw new IllegalArgumentException("suffix or flags out of range");
		}
	}

	/** An active name as a node reports it for itself. */
	public static NodeStatusEntry active(NetbiosName name, boolean group, NodeType nodeType) {
		return new NodeStatusEntry(name.name(), name.suffix(), (group ? GROUP : 0) | nodeType.code() << 13 | ACTIVE);
	}

	public boolean group() {
		return (flags & GROUP) != 0;
	}

	public NodeType nodeType() {
		return NodeType.ofCode(flags >> 13);
	}

	public boolean deregistering() {
		return (flags & DEREGISTERING) != 0;
	}

	public boolean conflict() {
		return (flags & CONFLICT) != 0;
	}

	public boolean active() {
		return (flags & ACTIVE) != 0;
	}

	public boolean permanent() {
		return (flags & PERMANENT) != 0;
	}

	/** The name as a {@link NetbiosName}, if it is a valid one. */
	public Optional<NetbiosName> netbiosName() {
		return NetbiosName.problemWith(name) == null ? Optional.of(new NetbiosName(name, suffix)) : Optional.empty();
	}

	/** The 16 bytes on the wire: the name padded with spaces to 15, then the suffix. */
	byte[] paddedBytes() {
		byte[] b = new byte[16];
		byte[] chars = name.getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < 15; i++) {
			b[i] = i < chars.length ? chars[i] : (byte) ' ';
		}
		b[15] = (byte) suffix;
		return b;
	}

	static NodeStatusEntry fromPadded(byte[] packet, int offset, int flags) {
		int end = offset + 15;
		while (end > offset && (packet[end - 1] == ' ' || packet[end - 1] == 0)) {
			end--;
		}
		return new NodeStatusEntry(new String(packet, offset, end - offset, StandardCharsets.ISO_8859_1),
				packet[offset + 15] & 0xFF, flags);
	}
}
