/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local machine's own exposure: the listening sockets on the exposure ports (TCP in LISTEN,
 * UDP bound), read from /proc/net/tcp, udp, tcp6 and udp6, with their bound address, their
 * process (from /proc/PID/fd) and from which networks they are reachable. A socket on the
 * wildcard address is reachable on every interface of the host: that is warned about.
 */
public final class LocalAudit {

	static final Set<Integer> PORTS = Set.of(135, 137, 138, 139, 445);
	private static final int TCP_LISTEN = 0x0A;
	private static final int UDP_UNCONNECTED = 0x07;

	private final Path proc;
	private final Set<Integer> ports;

	/** @param proc the proc file system ({@code /proc}; tests give a folder of their own) */
	public LocalAudit(Path proc, Set<Integer> ports) {
		this.proc = proc;
		this.ports = Set.copyOf(ports);
	}

	public static LocalAudit system() {
		return new LocalAudit(Path.of("/proc"), PORTS);
	}

	/** The sockets on the audited ports, TCP listeners and bound UDP sockets. */
	public List<LocalSocket> sockets() throws IOException {
		Map<Long, String> owners = owners();
		String self = String.valueOf(ProcessHandle.current().pid());
		List<LocalSocket> out = new ArrayList<>();
		for (String table : List.of("tcp", "udp", "tcp6", "udp6")) {
			Path file = proc.resolve("net").resolve(table);
			if (!Files.isReadable(file)) {
				continue;
			}
			List<String> lines = Files.readAllLines(file);
			for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
				parseLine(table, line).filter(s -> ports.contains(s.port())).ifPresent(s -> {
					Optional<String> owner = Optional.ofNullable(owners.get(s.inode()));
					boolean herald = owner.map(o -> o.startsWith(self + " ")).orElse(false);
					out.add(new LocalSocket(s.protocol(), s.address(), s.port(), s.inode(), owner, herald, reach(s.address()),
							wildcard(s.address()) ? Optional.of("bound to every interface: reachable from every network this host is on")
									: Optional.empty()));
				});
			}
		}
		return out;
	}

	/** One row of a /proc/net table, if it is a listener. Addresses are hex in host byte order (little-endian here). */
	static Optional<LocalSocket> parseLine(String table, String line) {
		String[] f = line.strip().split("\\s+");
		if (f.length < 10) {
			return Optional.empty();
		}
		String[] local = f[1].split(":");
		int state;
		int port;
		long inode;
		try {
			state = Integer.parseInt(f[3], 16);
			port = Integer.parseInt(local[1], 16);
			inode = Long.parseLong(f[9]);
		} catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
			return Optional.empty();
		}
		boolean tcp = table.startsWith("tcp");
		if (tcp ? state != TCP_LISTEN : state != UDP_UNCONNECTED) {
			return Optional.empty();
		}
		String address = decode(local[0]);
		return Optional.of(new LocalSocket(table, address, port, inode, Optional.empty(), false, "", Optional.empty()));
	}

	/** 8 hex digits (IPv4) or 32 (IPv6), each 32-bit word little-endian. */
	static String decode(String hex) {
		byte[] b = new byte[hex.length() / 2];
		for (int word = 0; word < b.length / 4; word++) {
			for (int i = 0; i < 4; i++) {
				int at = word * 8 + (3 - i) * 2;
				b[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
			}
		}
		try {
			return InetAddress.getByAddress(b).getHostAddress();
		} catch (java.net.UnknownHostException e) {
			return hex;
		}
	}

	static boolean wildcard(String address) {
		return address.equals("0.0.0.0") || address.equals("0:0:0:0:0:0:0:0") || address.equals("::");
	}

	/** From which networks {@code address} can be reached, by the interfaces of this host. */
	static String reach(String address) {
		if (wildcard(address)) {
			return "every interface";
		}
		if (address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1")) {
			return "this host only (loopback)";
		}
		try {
			InetAddress a = InetAddress.getByName(address); // a literal: no DNS
			for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				for (InterfaceAddress ia : ni.getInterfaceAddresses()) {
					if (ia.getAddress().equals(a)) {
						return ni.getName() + " (" + subnet(ia) + ")";
					}
					if (a instanceof Inet4Address && ia.getBroadcast() != null && ia.getBroadcast().equals(a)) {
						return ni.getName() + " broadcasts (" + subnet(ia) + ")";
					}
				}
			}
		} catch (IOException e) {
			// fall through
		}
		return "the network of " + address;
	}

	private static String subnet(InterfaceAddress ia) {
		byte[] b = ia.getAddress().getAddress();
		int prefix = ia.getNetworkPrefixLength();
		for (int i = 0; i < b.length; i++) {
			int keep = Math.max(0, Math.min(8, prefix - 8 * i));
			b[i] &= (byte) (0xFF << (8 - keep));
		}
		try {
			return InetAddress.getByAddress(b).getHostAddress() + "/" + prefix;
		} catch (java.net.UnknownHostException e) {
			return "?";
		}
	}

	/** Socket inode to {@code PID command}, for the processes whose fds can be read. */
	private Map<Long, String> owners() {
		Map<Long, String> owners = new HashMap<>();
		try (Stream<Path> pids = Files.list(proc)) {
			for (Path p : (Iterable<Path>) pids.filter(x -> x.getFileName().toString().chars().allMatch(Character::isDigit))::iterator) {
				String command;
				try {
					command = Files.readString(p.resolve("comm")).strip();
				} catch (IOException e) {
					continue;
				}
				try (Stream<Path> fds = Files.list(p.resolve("fd"))) {
					for (Path fd : (Iterable<Path>) fds::iterator) {
						try {
							String target = Files.readSymbolicLink(fd).toString();
							if (target.startsWith("socket:[")) {
								owners.put(Long.parseLong(target.substring(8, target.length() - 1)), p.getFileName() + " " + command);
							}
						} catch (IOException | NumberFormatException e) {
							// gone, or not ours to read
						}
					}
				} catch (IOException e) {
					// not ours to read
				}
			}
		} catch (IOException e) {
			// no /proc: no owners
		}
		return owners;
	}
}
