/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.setup;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link NetworkSurvey} found, strongest first: a workgroup a local master browser answered
 * for comes before one from this machine's configuration.
 *
 * @param workgroups the workgroups found, each with where it came from
 * @param wins       the WINS servers found, each with where it came from and whether it answered
 * @param notes      what was asked and not answered, in plain words (e.g. no master browser answered on a subnet)
 */
public record Survey(List<Workgroup> workgroups, List<Wins> wins, List<String> notes) {

	public Survey {
		workgroups = List.copyOf(workgroups);
		wins = List.copyOf(wins);
		notes = List.copyOf(notes);
	}

	/** A workgroup and where it was found, e.g. "local master browser SAMBA1 at 192.0.2.1 on 192.0.2.10/24". */
	public record Workgroup(String name, String source) {
	}

	/**
	 * A WINS server and where it was found.
	 *
	 * @param answered whether it answered a question from one of the surveyed interfaces (false if it was not asked)
	 * @param answer   what it answered or why it was not asked, in plain words
	 */
	public record Wins(Inet4Address address, String source, boolean answered, String answer) {
	}

	/** The workgroup to propose: the strongest one found. */
	public Optional<String> workgroup() {
		return workgroups.stream().map(Workgroup::name).findFirst();
	}

	/** The WINS server to propose: the first that answered. */
	public Optional<Inet4Address> answeringWins() {
		return wins.stream().filter(Wins::answered).map(Wins::address).findFirst();
	}
}
