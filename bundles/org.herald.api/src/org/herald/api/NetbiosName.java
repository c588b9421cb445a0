/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

/**
 * A NetBIOS name: up to 15 characters, upper-cased, plus a one-byte suffix (RFC 1001 section 14,
 * and the suffix convention of Microsoft networks: 0x00 workstation, 0x03 messenger, 0x20 file
 * server, 0x1B/0x1D/0x1E browser roles).
 *
 * <p>The name is held without padding, one char per wire byte (0x01-0xFF). The constructor takes
 * any name the wire can carry, such as {@link #MSBROWSE}; {@link #problemWith} is the stricter
 * check for names a user gives Herald. The node-status wildcard {@code *} (RFC 1002 section
 * 4.2.17) is {@link #WILDCARD}.
 */
public record NetbiosName(String name, int suffix) implements Comparable<NetbiosName> {

	public static final int WORKSTATION = 0x00;
	public static final int MESSENGER = 0x03;
	public static final int FILE_SERVER = 0x20;
	public static final int DOMAIN_MASTER_BROWSER = 0x1B;
	public static final int LOCAL_MASTER_BROWSER = 0x1D;
	public static final int BROWSER_ELECTION = 0x1E;

	/** The maximum length of a name, without its suffix. */
	public static final int MAX_LENGTH = 15;

	/** {@code *} followed by 15 NULs, suffix 0: the name a node status request asks for. */
	public static final NetbiosName WILDCARD = new NetbiosName("*", 0);

	/** {@code \\x01\\x02__MSBROWSE__\\x02<01>}: the group name master browsers hold (MS-BRWS 3.2.4). */
	public static final NetbiosName MSBROWSE = new NetbiosName("\u0001\u0002__MSBROWSE__\u0002", 0x01);

	/** Characters that Microsoft networks forbid in NetBIOS names. */
	private static final String FORBIDDEN = "\\/:*?\"<>|";

	public NetbiosName {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("a NetBIOS name must not be empty");
		}
		if (suffix < 0 || suffix > 0xFF) {
			throw new IllegalArgumentException("suffix out of range 0-255: " + suffix);
		}
		if (name.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("NetBIOS name longer than 15 characters: " + name);
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == 0 || c > 0xFF) {
				throw new IllegalArgumentException("NetBIOS name holds a character that is not one byte: " + name);
			}
		}
		name = upperAscii(name);
	}

	/** Upper-cases a-z only: upper-casing other Latin-1 letters could leave the one-byte range. */
	public static String upperAscii(String s) {
		char[] chars = s.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] >= 'a' && chars[i] <= 'z') {
				chars[i] -= 'a' - 'A';
			}
		}
		return new String(chars);
	}

	/**
	 * Why {@code candidate} is not acceptable as a name a user gives Herald (its own name, a
	 * workgroup, an alias), or null if it is.
	 */
	public static String problemWith(String candidate) {
		if (candidate.isEmpty()) {
			return "a NetBIOS name must not be empty";
		}
		if (candidate.length() > MAX_LENGTH) {
			return "NetBIOS name longer than 15 characters: " + candidate;
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (c < 0x20 || c > 0xFF || FORBIDDEN.indexOf(c) >= 0) {
				return "NetBIOS name '" + candidate + "' contains a forbidden character at position " + (i + 1);
			}
		}
		if (candidate.charAt(0) == ' ') {
			return "NetBIOS name must not start with a space: '" + candidate + "'";
		}
		return null;
	}

	/**
	 * Parses {@code NAME}, {@code NAME#1d} (nmblookup's form) or {@code NAME<1D>} (nbtstat's).
	 * Without a suffix, {@code defaultSuffix} is used.
	 */
	public static NetbiosName parse(String text, int defaultSuffix) {
		String s = text.strip();
		int suffix = defaultSuffix;
		int hash = s.lastIndexOf('#');
		if (hash > 0) {
			suffix = parseHex(s.substring(hash + 1), text);
			s = s.substring(0, hash);
		} else if (s.endsWith(">") && s.lastIndexOf('<') > 0) {
			int lt = s.lastIndexOf('<');
			suffix = parseHex(s.substring(lt + 1, s.length() - 1), text);
			s = s.substring(0, lt);
		}
		return new NetbiosName(s, suffix);
	}

	private static int parseHex(String hex, String whole) {
		try {
			int v = Integer.parseInt(hex, 16);
			if (hex.length() <= 2 && v >= 0) {
				return v;
			}
		} catch (NumberFormatException e) {
			// fall through to the message below
		}
		throw new IllegalArgumentException("bad NetBIOS suffix in '" + whole + "': expected two hex digits");
	}

	public NetbiosName withSuffix(int newSuffix) {
		return new NetbiosName(name, newSuffix);
	}

	public boolean isWildcard() {
		return "*".equals(name);
	}

	@Override
	public int compareTo(NetbiosName o) {
		int c = name.compareTo(o.name);
		return c != 0 ? c : Integer.compare(suffix, o.suffix);
	}

	/** nbtstat's form, e.g. {@code HERALD<03>}; control characters show as '.', as nmblookup shows them. */
	@Override
	public String toString() {
		StringBuilder b = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			b.append(c < 0x20 ? '.' : c);
		}
		return b.append(String.format("<%02X>", suffix)).toString();
	}
}
