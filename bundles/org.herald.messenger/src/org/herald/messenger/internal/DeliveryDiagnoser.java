/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.herald.api.Acceptance;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.messenger.DeliveryDiagnosis;
import org.herald.messenger.Diagnosis;
import org.herald.messenger.Diagnosis.Outcome;
import org.herald.messenger.Diagnosis.Step;
import org.herald.netbios.NameService;
import org.herald.netbios.NodeStatus;
import org.herald.netbios.wire.NodeStatusEntry;
import org.herald.netbios.wire.SessionPackets;
import org.herald.peer.PeerClient;
import org.herald.peer.PeerService;
import org.herald.smb.SmbSession;
import org.herald.smb.wire.SmbError;
import org.herald.smb.wire.SmbHeader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The delivery path, step by step, as a message to the target takes it: resolve NAME&lt;03&gt;
 * (WINS first for an H-node, then broadcast), the target's name table, its ports, the session
 * request, the answer to a message start, and whether it is a Herald peer.
 */
@Component(service = DeliveryDiagnosis.class)
public final class DeliveryDiagnoser implements DeliveryDiagnosis {

	private final NameService names;

	@Activate
	public DeliveryDiagnoser(@Reference NameService names) {
		this.names = names;
	}

	@Override
	public Diagnosis diagnose(Identity identity, String target, Duration timeout) throws IOException {
		if (identity.interfaces().isEmpty()) {
			throw new IllegalArgumentException("no interfaces configured: give --interfaces IP/PREFIX");
		}
		Optional<Inet4Address> byAddress = address(target);
		NetbiosName name = byAddress.isPresent() ? null : NetbiosName.parse(target, NetbiosName.MESSENGER);
		if (name != null && NetbiosName.problemWith(name.name()) != null) {
			throw new IllegalArgumentException(NetbiosName.problemWith(name.name()));
		}
		List<Step> steps = new ArrayList<>();
		NameService ns = names.as(identity);
		steps.add(new Step("local", "our side", Outcome.INFO, "we are " + identity.name() + " on " + identity.interfaces() + ", "
				+ identity.wins().map(w -> "an H-node of WINS " + w.getHostAddress()).orElse("a B-node (no WINS server)"), Optional.empty()));
		Inet4Address address;
		if (byAddress.isPresent()) {
			address = byAddress.get();
			steps.add(new Step("resolve", "name resolution", Outcome.SKIPPED, "the target is an address: nothing to resolve", Optional.empty()));
		} else {
			Optional<Inet4Address> found = new NameSteps(ns, identity).resolve(name, steps);
			checkInterrupted();
			if (found.isEmpty()) {
				return new Diagnosis(target, steps);
			}
			address = found.get();
		}
		BindInterface via = identity.interfaceFor(address);
		boolean onLink = via.contains(address);
		steps.add(new Step("route", "our interface", Outcome.INFO, "to " + address.getHostAddress() + " we send from " + via
				+ (onLink ? " (same subnet)" : " (another subnet, through a router: broadcasts do not reach it)"), Optional.empty()));
		Optional<NetbiosName> called = nodeStatus(ns, address, name, steps);
		checkInterrupted();
		NetbiosName messenger = called.orElse(name != null ? name : new NetbiosName("*SMBSERVER", NetbiosName.FILE_SERVER));
		PathProbes probes = new PathProbes(via.address(), timeout);
		PathProbes.Reach p139 = port(probes, address, 139, steps);
		checkInterrupted();
		PathProbes.Reach p445 = port(probes, address, 445, steps);
		checkInterrupted();
		PathProbes.Reach p138 = probes.udp(address, 138);
		steps.add(p138 == PathProbes.Reach.REFUSED
				? new Step("udp-138", "UDP 138 (datagrams)", Outcome.WARN, address.getHostAddress()
						+ " answered UDP 138 with ICMP port unreachable: no datagram service, mailslot pop-ups (WinPopup) are lost",
						Optional.of("send with sessions (the default), or start the datagram service there (nmbd, herald listen)"))
				: new Step("udp-138", "UDP 138 (datagrams)", Outcome.INFO, "no ICMP error: UDP 138 is open or filtered"
						+ " (a datagram service never answers, so this cannot tell; mailslot pop-ups are never confirmed)", Optional.empty()));
		if (p139 == PathProbes.Reach.OPEN || p445 == PathProbes.Reach.OPEN) {
			int port = p139 == PathProbes.Reach.OPEN ? 139 : 445;
			sessionAndMessage(probes, address, port, messenger, identity, steps);
		} else {
			steps.add(new Step("session", "session request", Outcome.SKIPPED, "neither 139 nor 445 takes connections", Optional.empty()));
		}
		checkInterrupted();
		boolean peer = PeerClient.probe(identity, address, PeerService.DEFAULT_PORT, timeout);
		steps.add(new Step("herald-peer", "Herald peer", Outcome.INFO, peer
				? address.getHostAddress() + " is a Herald (TCP " + PeerService.DEFAULT_PORT
						+ " answers): herald send encrypts to it; its spam limits are its own (herald inbox policy there),"
						+ " and a refusal by them shows above as flood limit or blocked"
				: "not a Herald peer (TCP " + PeerService.DEFAULT_PORT + " does not answer): messages go plain over NetBIOS", Optional.empty()));
		return new Diagnosis(target, steps);
	}

	/** Cancelling is an interrupt of the diagnosing thread: stop before the next step. */
	private static void checkInterrupted() throws InterruptedIOException {
		if (Thread.currentThread().isInterrupted()) {
			throw new InterruptedIOException("diagnosis cancelled");
		}
	}

	private static Optional<Inet4Address> address(String target) {
		String t = target.strip();
		if (!t.matches("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+")) {
			return Optional.empty();
		}
		return Optional.of(BindInterface.parseIpv4(t));
	}

	/** Node status; returns the name a session should call: the target's &lt;03&gt; name when its table holds it. */
	private static Optional<NetbiosName> nodeStatus(NameService ns, Inet4Address address, NetbiosName asked, List<Step> steps)
			throws IOException {
		Optional<NodeStatus> status = ns.nodeStatus(address);
		if (status.isEmpty()) {
			steps.add(new Step("node-status", "node status", Outcome.WARN, address.getHostAddress()
					+ " did not answer node status: UDP 137 is filtered there, or it runs no NetBIOS name service",
					Optional.of("allow UDP 137 from us to " + address.getHostAddress() + " (and its answers back)")));
			return Optional.empty();
		}
		List<NodeStatusEntry> table = status.get().names();
		String listed = table.stream().map(e -> e.name() + String.format("<%02X>", e.suffix()) + (e.group() ? " group" : ""))
				.collect(Collectors.joining(", "));
		List<String> messengers = table.stream().filter(e -> e.suffix() == NetbiosName.MESSENGER && !e.group()).map(NodeStatusEntry::name)
				.toList();
		if (asked != null && !messengers.contains(asked.name())) {
			steps.add(new Step("node-status", "node status", Outcome.FAIL, address.getHostAddress() + " answered, and its name table has no "
					+ asked.name() + "<03>: " + listed + ". Its Messenger is not running (or the name is another host's)",
					Optional.of("start the Messenger on " + asked.name() + " (Windows NT to XP: net start messenger; Herald: herald listen)"
							+ ", or send to one of its <03> names" + (messengers.isEmpty() ? "" : ": " + String.join(", ", messengers)))));
			return Optional.empty();
		}
		if (asked == null && messengers.isEmpty()) {
			steps.add(new Step("node-status", "node status", Outcome.FAIL, address.getHostAddress()
					+ " answered, and its name table holds no <03> (messenger) name: " + listed,
					Optional.of("start the Messenger there (Windows NT to XP: net start messenger; Herald: herald listen)")));
			return Optional.empty();
		}
		String m = asked != null ? asked.name() : messengers.get(0);
		steps.add(new Step("node-status", "node status", Outcome.OK, address.getHostAddress() + " holds " + m + "<03>: " + listed,
				Optional.empty()));
		return Optional.of(new NetbiosName(m, NetbiosName.MESSENGER));
	}

	private static PathProbes.Reach port(PathProbes probes, Inet4Address address, int port, List<Step> steps) {
		PathProbes.Reach r = probes.tcp(address, port);
		String a = address.getHostAddress();
		steps.add(switch (r) {
			case OPEN -> new Step("tcp-" + port, "TCP " + port, Outcome.OK, a + " takes connections on " + port, Optional.empty());
			case REFUSED -> new Step("tcp-" + port, "TCP " + port, port == 445 ? Outcome.WARN : Outcome.FAIL,
					a + " refused TCP " + port + " (a reset): nothing listens there",
					Optional.of("start an SMB server or Messenger receiver on " + a + " (Samba: smbd; Herald: herald listen)"));
			case FILTERED -> new Step("tcp-" + port, "TCP " + port, port == 445 ? Outcome.WARN : Outcome.FAIL,
					a + " did not answer TCP " + port + " within the timeout: a firewall drops it (on the host or on the way)",
					Optional.of("let TCP " + port + " from the senders through (Windows Firewall: File and Printer Sharing;"
							+ " nftables: tcp dport " + port + " accept)"));
			case UNREACHABLE -> new Step("tcp-" + port, "TCP " + port, Outcome.FAIL,
					"no route to " + a + " (ICMP host or network unreachable)",
					Optional.of("check the route to " + a + " and that it is up"));
		});
		return r;
	}

	private static void sessionAndMessage(PathProbes probes, Inet4Address address, int port, NetbiosName called, Identity identity,
			List<Step> steps) {
		String a = address.getHostAddress();
		try (SmbSession s = probes.session(address, port, called, identity.workstationName())) {
			steps.add(new Step("session", "session request", Outcome.OK, port == 445 ? a + " took a direct-hosting connection on 445"
					: a + " accepted a session for " + called + " on 139 (positive session response)", Optional.empty()));
			SmbHeader reply;
			try {
				reply = PathProbes.startMessage(s, identity.name(), called.name());
			} catch (IOException e) {
				steps.add(new Step("message-start", "SMB answer to a message", Outcome.FAIL, a
						+ " closed the connection on the message start (" + e.getMessage() + "): it does not take SMB1 message commands",
						Optional.of("Samba: server min protocol = NT1 and a message command; Windows: the Messenger service")));
				return;
			}
			steps.add(messageStep(a, reply));
		} catch (SmbSession.NegativeResponseException e) {
			String why = SessionPackets.describeNegativeResponse(e.errorCode());
			steps.add(new Step("session", "session request", Outcome.FAIL, a + " refused a session for " + called + ": " + why,
					Optional.of(e.errorCode() == SessionPackets.CALLED_NAME_NOT_PRESENT
							? "the host takes sessions but does not hold " + called + ": send to a name its node status lists"
							: "start its Messenger receiver")));
			steps.add(new Step("message-start", "SMB answer to a message", Outcome.SKIPPED, "no session", Optional.empty()));
		} catch (IOException e) {
			steps.add(new Step("session", "session request", Outcome.FAIL, a + " took the connection but the session failed: "
					+ e.getMessage(), Optional.of("look at the receiver's log on " + a)));
		}
	}

	private static Step messageStep(String a, SmbHeader reply) {
		String probe = " (the probe was a message start with no text and no end: nothing was delivered)";
		if (reply.success()) {
			return new Step("message-start", "SMB answer to a message", Outcome.OK, a + " accepts messages" + probe, Optional.empty());
		}
		String status = SmbError.describe(reply);
		if (reply.status() == SmbError.REQUEST_NOT_ACCEPTED.status(reply.ntStatus())) {
			return new Step("message-start", "SMB answer to a message", Outcome.FAIL, a + " refuses messages (" + status
					+ ", STATUS_REQUEST_NOT_ACCEPTED): its Messenger is off",
					Optional.of("Samba: set 'message command' in smb.conf [global]; Windows: start the Messenger service"));
		}
		Optional<Acceptance.Refusal> refusal = SmbError.refusalOf(reply);
		if (refusal.isPresent()) {
			return new Step("message-start", "SMB answer to a message", Outcome.FAIL, a + " refuses us: " + switch (refusal.get()) {
				case FLOOD_LIMIT -> "over its flood limit (" + status + ", STATUS_TOO_MANY_COMMANDS)";
				case BLOCKED -> "its spam policy blocks us (" + status + ", STATUS_ACCESS_DENIED)";
			}, Optional.of(refusal.get() == Acceptance.Refusal.FLOOD_LIMIT ? "wait, or ask its administrator to raise the limit"
					+ " (Herald: herald inbox policy)" : "ask its administrator to unblock us (Herald: herald inbox policy)"));
		}
		return new Step("message-start", "SMB answer to a message", Outcome.FAIL, a + " answered the message start with " + status
				+ probe, Optional.of("look at the receiver's log on " + a));
	}
}
