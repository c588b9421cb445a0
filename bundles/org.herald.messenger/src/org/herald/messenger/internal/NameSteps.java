/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.messenger.Diagnosis.Outcome;
import org.herald.messenger.Diagnosis.Step;
import org.herald.netbios.NameRecord;
import org.herald.netbios.NameService;
import org.herald.netbios.QueryTarget;

/**
 * The name resolution steps of a diagnosis, as an H-node resolves (RFC 1001 10.2): WINS first,
 * then a broadcast on each of our subnets; both are asked, so the diagnosis can say which
 * answered. Without a &lt;03&gt; answer it asks for NAME&lt;00&gt;: a host that holds its computer
 * name but no messenger name is up, with its Messenger off.
 */
final class NameSteps {

	private final NameService ns;
	private final Identity identity;

	NameSteps(NameService ns, Identity identity) {
		this.ns = ns;
		this.identity = identity;
	}

	/** Adds the steps; returns the address to go on with, if any. */
	Optional<Inet4Address> resolve(NetbiosName name, List<Step> steps) throws IOException {
		NetbiosName messenger = name.withSuffix(NetbiosName.MESSENGER);
		Optional<Inet4Address> wins = identity.wins();
		List<NameRecord> fromWins = List.of();
		boolean winsAlive = false;
		if (wins.isPresent()) {
			String w = wins.get().getHostAddress();
			fromWins = unique(ns.query(messenger, new QueryTarget.Wins(wins.get())));
			if (!fromWins.isEmpty()) {
				winsAlive = true;
				steps.add(new Step("wins", "WINS lookup", Outcome.OK, "WINS " + w + " knows " + messenger + " at " + addresses(fromWins),
						Optional.empty()));
			} else {
				// NBNS gives the same empty result for "negative" and "no answer": a node status of the server tells them apart.
				winsAlive = ns.nodeStatus(wins.get()).isPresent();
				steps.add(winsAlive
						? new Step("wins", "WINS lookup", Outcome.WARN, "WINS " + w + " answered and does not know " + messenger
								+ ": the host did not register with it (it is a B-node, uses another WINS server, or its Messenger is off)",
								Optional.of("make " + name.name() + " register with " + w + " (Windows: WINS address in TCP/IP settings;"
										+ " Samba: wins server = " + w + "; Herald: --wins " + w + ")"))
						: new Step("wins", "WINS lookup", Outcome.FAIL, "WINS " + w + " did not answer (neither the query nor node status)",
								Optional.of("check that the WINS server runs (nmbd with wins support = yes) and that UDP 137 to " + w
										+ " and back is let through")));
			}
		} else {
			steps.add(new Step("wins", "WINS lookup", Outcome.SKIPPED, "no WINS server configured: we are a B-node, and broadcasts"
					+ " do not cross routers", Optional.of("for hosts on other subnets give --wins IP (Preferences > Identity)")));
		}
		List<NameRecord> fromBroadcast = new ArrayList<>();
		for (BindInterface i : identity.interfaces()) {
			fromBroadcast.addAll(ns.query(messenger, new QueryTarget.Broadcast(i.broadcast())));
		}
		fromBroadcast = unique(fromBroadcast);
		String subnets = identity.interfaces().stream().map(i -> i.broadcast().getHostAddress()).collect(Collectors.joining(", "));
		steps.add(fromBroadcast.isEmpty()
				? new Step("broadcast", "broadcast lookup", fromWins.isEmpty() ? Outcome.WARN : Outcome.INFO, "no answer for " + messenger
						+ " on " + subnets + (fromWins.isEmpty() ? "" : " (expected when it is on another subnet)"), Optional.empty())
				: new Step("broadcast", "broadcast lookup", Outcome.OK, messenger + " answered on " + subnets + " from "
						+ addresses(fromBroadcast), Optional.empty()));
		List<NameRecord> found = !fromWins.isEmpty() ? fromWins : fromBroadcast;
		if (!found.isEmpty()) {
			String by = !fromWins.isEmpty() && !fromBroadcast.isEmpty() ? "WINS and broadcast" : !fromWins.isEmpty() ? "WINS" : "broadcast";
			steps.add(new Step("resolve", "name resolution", Outcome.OK, messenger + " is " + found.get(0).address().getHostAddress()
					+ " (answered by " + by + ")", Optional.empty()));
			return Optional.of(found.get(0).address());
		}
		NetbiosName computer = name.withSuffix(NetbiosName.WORKSTATION);
		List<NameRecord> host = new ArrayList<>();
		if (wins.isPresent() && winsAlive) {
			host.addAll(ns.query(computer, new QueryTarget.Wins(wins.get())));
		}
		for (BindInterface i : identity.interfaces()) {
			if (host.isEmpty()) {
				host.addAll(ns.query(computer, new QueryTarget.Broadcast(i.broadcast())));
			}
		}
		host = unique(host);
		if (!host.isEmpty()) {
			steps.add(new Step("resolve", "name resolution", Outcome.FAIL, computer + " is " + host.get(0).address().getHostAddress()
					+ " but nobody holds " + messenger + ": the host is up and its Messenger is not",
					Optional.of("start the Messenger on " + name.name() + " (Windows NT to XP: net start messenger; Herald: herald listen;"
							+ " Samba: nmbd registers NAME<03>, smbd needs a message command)")));
			return Optional.of(host.get(0).address());
		}
		steps.add(new Step("resolve", "name resolution", Outcome.FAIL, "nobody knows " + messenger + " or " + computer
				+ (wins.isPresent() ? ", neither WINS nor a broadcast" : " on our subnets"),
				Optional.of("check the name; a host on another subnet must register with the same WINS server"
						+ wins.map(w -> " (" + w.getHostAddress() + ")").orElse(" (and we need --wins)") + ", or send to its address")));
		return Optional.empty();
	}

	private static List<NameRecord> unique(List<NameRecord> records) {
		List<NameRecord> out = new ArrayList<>();
		for (NameRecord r : records) {
			if (!r.group() && out.stream().noneMatch(o -> o.address().equals(r.address()))) {
				out.add(r);
			}
		}
		return out;
	}

	private static String addresses(List<NameRecord> records) {
		return records.stream().map(r -> r.address().getHostAddress()).collect(Collectors.joining(", "));
	}
}
