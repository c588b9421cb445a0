/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.cli.Json;
import org.herald.api.setup.Survey;

/** How {@code herald names survey} prints a {@link Survey}: one line per finding, then the proposal. */
final class SurveyOutput {

	private SurveyOutput() {
	}

	/** Prints the survey; exit status 0 if it proposes a workgroup, 1 if nothing was found. */
	static int print(Identity identity, Survey s, boolean json, PrintStream out) {
		if (identity.interfaces().isEmpty()) {
			String note = "no interfaces configured: only this machine's configuration was read (give --interfaces IP/PREFIX to ask the network)";
			out.println(json ? Json.write(Map.of("note", note)) : "note: " + note);
		}
		for (Survey.Workgroup w : s.workgroups()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("workgroup", w.name());
			m.put("source", w.source());
			out.println(json ? Json.write(m) : "workgroup " + w.name() + "\t" + w.source());
		}
		for (Survey.Wins w : s.wins()) {
			if (json) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("wins", w.address().getHostAddress());
				m.put("answered", w.answered());
				m.put("source", w.source());
				m.put("answer", w.answer());
				out.println(Json.write(m));
			} else {
				out.println("wins " + w.address().getHostAddress() + "\t" + (w.answered() ? "answers" : "unconfirmed") + "\t" + w.source() + ": "
						+ w.answer());
			}
		}
		for (String note : s.notes()) {
			out.println(json ? Json.write(Map.of("note", note)) : "note: " + note);
		}
		if (s.workgroup().isEmpty()) {
			out.println(json ? Json.write(Map.of("proposal", Map.of())) : "no workgroup found: keep --workgroup " + identity.workgroup());
			return 1;
		}
		StringBuilder options = new StringBuilder("--workgroup " + s.workgroup().get());
		s.answeringWins().ifPresent(a -> options.append(" --wins ").append(a.getHostAddress()));
		if (json) {
			Map<String, Object> proposal = new LinkedHashMap<>();
			proposal.put("workgroup", s.workgroup().get());
			s.answeringWins().ifPresent(a -> proposal.put("wins", a.getHostAddress()));
			out.println(Json.write(Map.of("proposal", proposal)));
		} else {
			String on = String.join(",", identity.interfaces().stream().map(BindInterface::toString).toList());
			out.println("proposal: " + options + (on.isEmpty() ? "" : " --interfaces " + on) + "  (save it with herald config save)");
		}
		return 0;
	}
}
