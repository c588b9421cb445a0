/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.herald.api.NetbiosName;
import org.herald.messenger.wire.MessageCharset;

/**
 * The OEM code pages of the network: a default (CP850 unless configured) and rules for hosts,
 * addresses or networks, and workgroups. The most specific rule wins: a host name rule, then the
 * address rule with the longest prefix, then a workgroup rule, then the default. Immutable; rules
 * keep the order they were added in, and a rule for a match already present replaces it in place.
 */
public final class CodePages {

	private final Charset defaultCodePage;
	private final List<CodePageRule> rules;

	public CodePages(Charset defaultCodePage, List<CodePageRule> rules) {
		String problem = CodePageRule.problemWith(defaultCodePage);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		this.defaultCodePage = defaultCodePage;
		List<CodePageRule> unique = new ArrayList<>();
		for (CodePageRule r : rules) {
			put(unique, r);
		}
		this.rules = List.copyOf(unique);
	}

	/** Only a default. */
	public static CodePages of(Charset defaultCodePage) {
		return new CodePages(defaultCodePage, List.of());
	}

	/** CP850 and no rules. */
	public static CodePages standard() {
		return of(MessageCharset.defaultOem().oem());
	}

	public Charset defaultCodePage() {
		return defaultCodePage;
	}

	public List<CodePageRule> rules() {
		return rules;
	}

	public CodePages withDefault(Charset codePage) {
		return new CodePages(codePage, rules);
	}

	/** With {@code rule} added, or replacing the rule for the same match where it stands. */
	public CodePages with(CodePageRule rule) {
		List<CodePageRule> list = new ArrayList<>(rules);
		put(list, rule);
		return new CodePages(defaultCodePage, list);
	}

	/** Without the rule for {@code match}; the same if there is none. */
	public CodePages without(CodePageMatch match) {
		List<CodePageRule> list = new ArrayList<>(rules);
		list.removeIf(r -> r.match().equals(match));
		return new CodePages(defaultCodePage, list);
	}

	public Optional<CodePageRule> ruleFor(CodePageMatch match) {
		return rules.stream().filter(r -> r.match().equals(match)).findFirst();
	}

	/** Whether some rule is for a workgroup: only then is it worth finding out a host's workgroup. */
	public boolean hasWorkgroupRules() {
		return rules.stream().anyMatch(r -> r.match() instanceof CodePageMatch.Workgroup);
	}

	/**
	 * The rule that decides for a host known by any of {@code names}, {@code address} and
	 * {@code workgroup} (each may be missing), by precedence: host name, longest address prefix,
	 * workgroup. Empty: the default applies.
	 */
	public Optional<CodePageRule> decide(Collection<String> names, InetAddress address, String workgroup) {
		Optional<CodePageRule> r = byName(names);
		if (r.isEmpty()) {
			r = byAddress(address);
		}
		if (r.isEmpty()) {
			r = byWorkgroup(workgroup);
		}
		return r;
	}

	/** The code page for such a host: {@link #decide}'s rule's, else the default. */
	public Charset codePageFor(Collection<String> names, InetAddress address, String workgroup) {
		return decide(names, address, workgroup).map(CodePageRule::codePage).orElse(defaultCodePage);
	}

	/** The rule for a host name, if any. */
	public Optional<CodePageRule> byName(Collection<String> names) {
		for (String n : names) {
			if (n == null || n.isBlank()) {
				continue;
			}
			String upper = NetbiosName.upperAscii(n.strip());
			for (CodePageRule rule : rules) {
				if (rule.match() instanceof CodePageMatch.Host h && h.name().equals(upper)) {
					return Optional.of(rule);
				}
			}
		}
		return Optional.empty();
	}

	/** The rule of the longest prefix containing {@code address}, if any. */
	public Optional<CodePageRule> byAddress(InetAddress address) {
		CodePageRule best = null;
		if (address instanceof Inet4Address) {
			for (CodePageRule rule : rules) {
				if (rule.match() instanceof CodePageMatch.Network n && n.contains(address)
						&& (best == null || n.prefixLength() > ((CodePageMatch.Network) best.match()).prefixLength())) {
					best = rule;
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/** The rule for a workgroup, if any. */
	public Optional<CodePageRule> byWorkgroup(String workgroup) {
		if (workgroup == null || workgroup.isBlank()) {
			return Optional.empty();
		}
		String upper = NetbiosName.upperAscii(workgroup.strip());
		return rules.stream().filter(r -> r.match() instanceof CodePageMatch.Workgroup w && w.name().equals(upper)).findFirst();
	}

	/**
	 * Every code page a message to the addresses {@code first} to {@code last} may go out in: those
	 * of the network rules that overlap the range, and the default unless one rule covers it all.
	 */
	public Set<Charset> codePagesForRange(Inet4Address first, Inet4Address last) {
		Set<Charset> found = new LinkedHashSet<>();
		boolean covered = false;
		for (CodePageRule rule : rules) {
			if (rule.match() instanceof CodePageMatch.Network n && n.overlaps(first, last)) {
				found.add(rule.codePage());
				covered |= n.contains(first) && n.contains(last);
			}
		}
		if (!covered) {
			found.add(defaultCodePage);
		}
		return found;
	}

	private static void put(List<CodePageRule> list, CodePageRule rule) {
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i).match().equals(rule.match())) {
				list.set(i, rule);
				return;
			}
		}
		list.add(rule);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CodePages c && c.defaultCodePage.equals(defaultCodePage) && c.rules.equals(rules);
	}

	@Override
	public int hashCode() {
		return defaultCodePage.hashCode() * 31 + rules.hashCode();
	}

	@Override
	public String toString() {
		return "CodePages[default " + defaultCodePage.name() + ", " + rules + "]";
	}
}
