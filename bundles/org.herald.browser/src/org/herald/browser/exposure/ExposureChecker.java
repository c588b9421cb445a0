/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.herald.api.NetbiosName;
import org.herald.browser.HostNames;
import org.herald.browser.wire.BrowseDatagram;
import org.herald.browser.wire.GetBackupListRequest;

import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.DatagramPacket.Other;
import org.herald.netbios.wire.EncodedName;
import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NodeStatusData;
import org.herald.netbios.wire.NodeStatusEntry;
import org.herald.smb.wire.MailslotWrite;

/**
 * Finds which of TCP 135, 139, 445 and UDP 137, 138 a host answers on, from one configured
 * interface address: TCP by connecting (accepted = open, reset = closed, silence = filtered); UDP 137
 * by a node status query (answer = open, ICMP port unreachable = closed, silence = filtered).
 *
 * <p>UDP 138 has no request that every datagram service answers. The probe is a
 * GetBackupListRequest (MS-BRWS 2.2.4) to WG&lt;1D&gt;, which a local master browser answers; an
 * ICMP port unreachable proves the port closed. Without either, 138 is open or filtered and the
 * probe cannot say which: a listening host that is not the master browser (Herald, Windows
 * clients, non-master nmbd) stays silent, exactly like a firewall that drops the datagram. When
 * nothing else of the host answered either, 138 is reported filtered.
 */
public final class ExposureChecker {

	/**
	 * @param timeout  per probe
	 * @param tries    UDP probes per port
	 * @param parallel hosts checked at once
	 * @param ports    the port numbers to probe, by {@link Port} (tests move them off the privileged range)
	 */
	public record Options(Duration timeout, int tries, int parallel, Map<Port, Integer> ports) {
		public Options {
			ports = Map.copyOf(ports);
		}

		public static Options defaults() {
			Map<Port, Integer> standard = new java.util.EnumMap<>(Port.class);
			for (Port p : Port.values()) {
				standard.put(p, p.number());
			}
			return new Options(Duration.ofMillis(1000), 2, 64, standard);
		}

		public Options withTimeout(Duration t) {
			return new Options(t, tries, parallel, ports);
		}

		public Options withPorts(Map<Port, Integer> p) {
			return new Options(timeout, tries, parallel, p);
		}

		int number(Port p) {
			return ports.getOrDefault(p, p.number());
		}
	}

	private final Inet4Address local;
	private final NetbiosName source;
	private final Options options;

	/**
	 * @param local  the configured interface address the probes leave from
	 * @param source Herald's computer name, the source of the 138 probe
	 */
	public ExposureChecker(Inet4Address local, NetbiosName source, Options options) {
		this.local = local;
		this.source = source;
		this.options = options;
	}

	/** Checks every host, {@link Options#parallel()} at once; the results are in the order of {@code hosts}. */
	public List<HostExposure> check(List<Inet4Address> hosts) throws InterruptedException {
		Semaphore slots = new Semaphore(options.parallel());
		Map<Inet4Address, HostExposure> results = new ConcurrentHashMap<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>();
			for (Inet4Address h : hosts) {
				slots.acquire();
				futures.add(pool.submit(() -> {
					try {
						results.put(h, check(h));
					} finally {
						slots.release();
					}
				}));
			}
			for (Future<?> f : futures) {
				try {
					f.get();
				} catch (java.util.concurrent.ExecutionException e) {
					throw new IllegalStateException("a host check failed", e.getCause());
				}
			}
		}
		return hosts.stream().map(results::get).toList();
	}

	/** Checks one host. */
	public HostExposure check(Inet4Address host) {
		List<PortFinding> findings = new ArrayList<>();
		findings.add(tcp(host, Port.RPC_135));
		NodeStatusProbe ns = nodeStatus(host);
		findings.add(ns.finding());
		findings.add(tcp(host, Port.NBSS_139));
		findings.add(tcp(host, Port.SMB_445));
		Optional<HostNames> names = ns.data().map(d -> HostNames.of(d.names()));
		PortFinding dgm = datagram(host, names.flatMap(HostNames::workgroup).orElse("WORKGROUP"));
		boolean alive = findings.stream().anyMatch(f -> f.state() != PortState.FILTERED);
		if (dgm.state() == PortState.OPEN_OR_FILTERED && !alive) {
			dgm = new PortFinding(Port.NBDGM_138, PortState.FILTERED, "no answer, and no other port of the host answered");
		}
		findings.add(2, dgm);
		RiskRating.Rating rating = RiskRating.rate(findings, names);
		List<String> nameList = ns.data().map(d -> d.names().stream().map(ExposureChecker::describe).toList()).orElse(List.of());
		return new HostExposure(host, findings, nameList, names, ns.data().map(d -> java.util.HexFormat.ofDelimiter(":").formatHex(d.unitId())),
				rating.risk(), rating.reason(), RiskRating.remedies(findings));
	}

	private static String describe(NodeStatusEntry e) {
		StringBuilder sb = new StringBuilder();
		e.name().chars().forEach(c -> sb.append(c < 0x20 ? '.' : (char) c));
		return sb + String.format("<%02X>", e.suffix()) + (e.group() ? " group" : "");
	}

	private PortFinding tcp(Inet4Address host, Port p) {
		try (Socket s = new Socket()) {
			s.bind(new InetSocketAddress(local, 0));
			s.connect(new InetSocketAddress(host, options.number(p)), (int) options.timeout().toMillis());
			return new PortFinding(p, PortState.OPEN, "connection accepted");
		} catch (ConnectException e) {
			return new PortFinding(p, PortState.CLOSED, "connection refused");
		} catch (SocketTimeoutException e) {
			return new PortFinding(p, PortState.FILTERED, "no answer within " + options.timeout().toMillis() + " ms");
		} catch (NoRouteToHostException e) {
			return new PortFinding(p, PortState.FILTERED, "no route to host");
		} catch (IOException e) {
			return new PortFinding(p, PortState.FILTERED, "connect failed: " + e.getMessage());
		}
	}

	private record NodeStatusProbe(PortFinding finding, Optional<NodeStatusData> data) {
	}

	private NodeStatusProbe nodeStatus(Inet4Address host) {
		byte[] request = NbnsCodec.encode(NbnsMessages.nodeStatusRequest(0x4852, false));
		try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(local, 0))) {
			s.connect(new InetSocketAddress(host, options.number(Port.NBNS_137)));
			s.setSoTimeout((int) options.timeout().toMillis());
			byte[] buf = new byte[8192];
			for (int t = 0; t < options.tries(); t++) {
				s.send(new DatagramPacket(request, request.length));
				try {
					DatagramPacket p = new DatagramPacket(buf, buf.length);
					s.receive(p);
					NbnsPacket answer = NbnsCodec.decode(buf, 0, p.getLength());
					if (answer.answer() != null && answer.answer().data() instanceof NodeStatusData d) {
						return new NodeStatusProbe(new PortFinding(Port.NBNS_137, PortState.OPEN, "node status answered with " + d.names().size()
								+ " names"), Optional.of(d));
					}
					return new NodeStatusProbe(new PortFinding(Port.NBNS_137, PortState.OPEN, "answered, but not with a node status"), Optional.empty());
				} catch (PortUnreachableException e) {
					return new NodeStatusProbe(new PortFinding(Port.NBNS_137, PortState.CLOSED, "ICMP port unreachable"), Optional.empty());
				} catch (SocketTimeoutException e) {
					// try again
				} catch (MalformedPacketException e) {
					return new NodeStatusProbe(new PortFinding(Port.NBNS_137, PortState.OPEN, "answered with a malformed packet"), Optional.empty());
				}
			}
		} catch (IOException e) {
			return new NodeStatusProbe(new PortFinding(Port.NBNS_137, PortState.FILTERED, "probe failed: " + e.getMessage()), Optional.empty());
		}
		return new NodeStatusProbe(new PortFinding(Port.NBNS_137, PortState.FILTERED, "no answer to " + options.tries() + " node status queries"),
				Optional.empty());
	}

	private PortFinding datagram(Inet4Address host, String workgroup) {
		try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(local, 0))) {
			s.connect(new InetSocketAddress(host, options.number(Port.NBDGM_138)));
			s.setSoTimeout((int) options.timeout().toMillis());
			MailslotWrite w = new MailslotWrite(BrowseDatagram.BROWSE_MAILSLOT, 0, MailslotWrite.CLASS_UNRELIABLE,
					new GetBackupListRequest(4, 0x48524C44L).encode());
			// The header names our socket's port, so that a server answering to SOURCE_PORT reaches this socket.
			byte[] probe = Datagram.whole(org.herald.netbios.wire.DatagramPacket.DIRECT_UNIQUE, 0x4852, local, s.getLocalPort(),
					new EncodedName(source), new EncodedName(new NetbiosName(workgroup, NetbiosName.LOCAL_MASTER_BROWSER)), w.encode()).encode();
			byte[] buf = new byte[65535];
			for (int t = 0; t < options.tries(); t++) {
				s.send(new DatagramPacket(probe, probe.length));
				try {
					DatagramPacket p = new DatagramPacket(buf, buf.length);
					s.receive(p);
					return new PortFinding(Port.NBDGM_138, PortState.OPEN, "answered: " + kind(buf, p.getLength()));
				} catch (PortUnreachableException e) {
					return new PortFinding(Port.NBDGM_138, PortState.CLOSED, "ICMP port unreachable");
				} catch (SocketTimeoutException e) {
					// try again
				}
			}
		} catch (IOException e) {
			return new PortFinding(Port.NBDGM_138, PortState.FILTERED, "probe failed: " + e.getMessage());
		}
		return new PortFinding(Port.NBDGM_138, PortState.OPEN_OR_FILTERED,
				"no ICMP port unreachable and no answer (only a master browser of " + workgroup + " answers this probe)");
	}

	private static String kind(byte[] buf, int length) {
		try {
			org.herald.netbios.wire.DatagramPacket p = org.herald.netbios.wire.DatagramPacket.parse(buf, 0, length);
			if (p instanceof Datagram d) {
				Optional<BrowseDatagram> b = BrowseDatagram.of(d);
				return b.map(x -> x.frame().getClass().getSimpleName()).orElse("a datagram");
			}
			return p instanceof Other ? "a datagram query" : "a datagram error";
		} catch (MalformedPacketException e) {
			return "an undecodable datagram";
		}
	}
}
