/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.herald.browser.HostNames;

/** The rating of a host's findings, its reason, and the remedies for what is open. Pure rules, no I/O. */
public final class RiskRating {

	/** A rating and its reason. */
	public record Rating(Risk risk, String reason) {
	}

	private RiskRating() {
	}

	public static Rating rate(List<PortFinding> ports, Optional<HostNames> names) {
		boolean session = state(ports, Port.NBSS_139) == PortState.OPEN || state(ports, Port.SMB_445) == PortState.OPEN;
		List<String> messenger = names.map(HostNames::messengerNames).orElse(List.of());
		if (session && !messenger.isEmpty()) {
			return new Rating(Risk.HIGH, "pop-up spam target: Messenger name(s) " + String.join(", ", messenger.stream().map(n -> n + "<03>").toList())
					+ " reachable on the session service (" + openList(ports, Port.NBSS_139, Port.SMB_445) + ")");
		}
		if (state(ports, Port.RPC_135) == PortState.OPEN) {
			return new Rating(Risk.HIGH, "RPC endpoint mapper 135/tcp open: the Windows Messenger service took pop-ups over RPC, and RPC worms spread through it");
		}
		List<String> medium = new ArrayList<>();
		if (state(ports, Port.NBNS_137) == PortState.OPEN) {
			StringBuilder s = new StringBuilder("137/udp gives away its name table");
			names.flatMap(HostNames::user).ifPresent(u -> s.append(" with the logged-on user ").append(u));
			medium.add(s.toString());
		}
		if (session) {
			medium.add("SMB open on " + openList(ports, Port.NBSS_139, Port.SMB_445) + " (file sharing, and pop-ups to any Messenger name)");
		}
		if (!medium.isEmpty()) {
			return new Rating(Risk.MEDIUM, String.join("; ", medium));
		}
		if (state(ports, Port.NBDGM_138).reachable()) {
			return new Rating(Risk.LOW, "138/udp not refused: mailslot pop-ups (WinPopup) may reach it");
		}
		return new Rating(Risk.NONE, "no NetBIOS, SMB or RPC port answered");
	}

	/** A remedy for each port that may be reachable, and the host-wide ones when any is. */
	public static List<Remedy> remedies(List<PortFinding> ports) {
		List<Remedy> out = new ArrayList<>();
		for (PortFinding f : ports) {
			if (f.state().reachable()) {
				out.add(close(f.port()));
			}
		}
		if (!out.isEmpty()) {
			out.add(new Remedy(null, "or keep the services for the LAN only: bind them to the LAN interface (Samba: 'interfaces = <LAN IP>/<prefix>' with "
					+ "'bind interfaces only = yes'; Herald: --interfaces <LAN IP>/<prefix>) and allow the ports from the LAN subnet only",
					"iptables -A INPUT -p udp -m multiport --dports 137,138 ! -s <LAN>/<prefix> -j DROP && iptables -A INPUT -p tcp -m multiport --dports 135,139,445 ! -s <LAN>/<prefix> -j DROP",
					"nft add rule inet filter input ip saddr != <LAN>/<prefix> udp dport { 137, 138 } drop; nft add rule inet filter input ip saddr != <LAN>/<prefix> tcp dport { 135, 139, 445 } drop",
					"netsh advfirewall firewall set rule group=\"File and Printer Sharing\" new remoteip=localsubnet"));
		}
		return out;
	}

	static Remedy close(Port p) {
		String proto = p.protocol();
		String service = switch (p) {
			case RPC_135 -> "block it at the firewall (Windows cannot turn the endpoint mapper off)";
			case NBNS_137, NBDGM_138 -> "turn NetBIOS off if nothing needs it (Windows: NetBIOS over TCP/IP off in the adapter's WINS settings; "
					+ "Samba: 'disable netbios = yes'; Windows XP: 'sc config messenger start= disabled')";
			case NBSS_139 -> "turn off the session service if only 445 is needed (Samba: 'smb ports = 445'; Windows: NetBIOS over TCP/IP off); "
					+ "stop the Messenger (Windows XP: 'net stop messenger')";
			case SMB_445 -> "stop sharing if nothing needs it (Windows: turn off File and Printer Sharing; Samba: stop smbd)";
		};
		return new Remedy(p, "close " + p + " (" + p.serves() + "): " + service,
				"iptables -A INPUT -p " + proto + " --dport " + p.number() + " -j DROP",
				"nft add rule inet filter input " + proto + " dport " + p.number() + " drop",
				"netsh advfirewall firewall add rule name=\"Block " + p.protocol().toUpperCase(java.util.Locale.ROOT) + " " + p.number()
						+ "\" dir=in action=block protocol=" + proto.toUpperCase(java.util.Locale.ROOT) + " localport=" + p.number());
	}

	private static PortState state(List<PortFinding> ports, Port p) {
		return ports.stream().filter(f -> f.port() == p).map(PortFinding::state).findFirst().orElse(PortState.FILTERED);
	}

	private static String openList(List<PortFinding> ports, Port... which) {
		List<String> open = new ArrayList<>();
		for (Port p : which) {
			if (state(ports, p) == PortState.OPEN) {
				open.add(p.toString());
			}
		}
		return String.join(", ", open);
	}
}
