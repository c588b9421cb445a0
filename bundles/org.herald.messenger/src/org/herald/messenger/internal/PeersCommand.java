/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Json;
import org.herald.api.cli.UsageException;
import org.herald.peer.Fingerprint;
import org.herald.peer.IdentityKey;
import org.herald.peer.Pin;
import org.herald.peer.PeerPins;
import org.osgi.service.component.annotations.Component;

/** {@code herald peers}: the Herald peers this workspace pinned, verifying and forgetting them, and our own fingerprint. */
@Component(service = CliCommand.class, property = "herald.command=peers")
public final class PeersCommand implements CliCommand {

	@Override
	public String name() {
		return "peers";
	}

	@Override
	public String summary() {
		return "known Herald peers and their key fingerprints (encrypted messaging)";
	}

	@Override
	public String usage() {
		return """
				usage: herald peers [--json]              the pinned peers: name, fingerprint, verified, last seen
				       herald peers fingerprint           this workspace's own fingerprint, to read to a peer's user
				       herald peers verify NAME FINGERPRINT  mark NAME verified if its pinned key has this fingerprint
				       herald peers forget NAME           drop NAME's pin: its next key is pinned anew (reinstalled peer)
				A peer's key is pinned on first contact (trust on first use). Compare fingerprints over another
				channel (phone, in person) and verify them; spaces and dashes in FINGERPRINT are ignored.""";
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		String sub = args.isEmpty() ? "list" : args.get(0);
		switch (sub) {
		case "list", "--json" -> {
			boolean json = args.contains("--json");
			for (String a : args) {
				if (!a.equals("--json") && !a.equals("list")) {
					throw new UsageException("unknown argument " + a);
				}
			}
			List<Pin> pins = PeerPins.in(context.workspace()).list();
			if (json) {
				List<Map<String, Object>> rows = new ArrayList<>();
				for (Pin p : pins) {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("name", p.name());
					row.put("fingerprint", p.fingerprint().toString());
					row.put("key", p.key().hex());
					row.put("verified", p.verified());
					row.put("firstSeen", p.firstSeen().toString());
					row.put("lastSeen", p.lastSeen().toString());
					rows.add(row);
				}
				context.out().println(Json.write(rows));
			} else if (pins.isEmpty()) {
				context.out().println("no Herald peers pinned yet in " + context.workspace());
			} else {
				for (Pin p : pins) {
					context.out().printf("%-15s %s  %s  last seen %s%n", p.name(), p.fingerprint(), p.verified() ? "verified  " : "unverified",
							p.lastSeen());
				}
			}
			return 0;
		}
		case "fingerprint" -> {
			expect(args, 1);
			context.out().println(IdentityKey.loadOrCreate(context.workspace()).fingerprint());
			return 0;
		}
		case "verify" -> {
			if (args.size() < 3) {
				throw new UsageException("verify takes NAME and FINGERPRINT");
			}
			Fingerprint f;
			try {
				f = Fingerprint.parse(String.join("", args.subList(2, args.size())));
			} catch (IllegalArgumentException e) {
				throw new UsageException("not a fingerprint: " + e.getMessage());
			}
			PeerPins pins = PeerPins.in(context.workspace());
			if (pins.get(args.get(1)).isEmpty()) {
				context.err().println("herald peers: no pin for " + args.get(1) + " (it has not been in touch yet)");
				return 1;
			}
			if (!pins.verify(args.get(1), f)) {
				context.err().println("herald peers: the fingerprint does NOT match the key pinned for " + args.get(1) + ": not verified");
				return 1;
			}
			context.out().println(args.get(1) + ": verified");
			return 0;
		}
		case "forget" -> {
			expect(args, 2);
			boolean gone = PeerPins.in(context.workspace()).forget(args.get(1));
			context.out().println(args.get(1) + (gone ? ": forgotten; its next key will be pinned on first use" : ": no pin"));
			return gone ? 0 : 1;
		}
		default -> throw new UsageException("unknown argument " + sub);
		}
	}

	private static void expect(List<String> args, int size) throws UsageException {
		if (args.size() != size) {
			throw new UsageException(args.get(0) + " takes " + (size - 1) + " argument(s)");
		}
	}
}
