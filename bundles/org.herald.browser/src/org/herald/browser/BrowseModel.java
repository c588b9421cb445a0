/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.herald.api.NetbiosName;

/**
 * The live browse list: workgroups and their hosts, merged from announcements, server lists, scans
 * and WINS, with change events. Thread safe; listeners are called after each change, outside the
 * model's lock, on the thread that made the change.
 *
 * <p>Aging follows MS-BRWS 3.3.5: a host that announced is stale once three of its announcement
 * periods passed without news; hosts and workgroups learnt otherwise are stale after
 * {@link #maxAge()}. Stale entries stay listed (marked) until {@link #prune} removes them.
 */
public final class BrowseModel {

	/** MS-BRWS: a host is dropped after missing three announcements. */
	public static final int MISSED_ANNOUNCEMENTS = 3;
	/** Three of the 12-minute steady announcement periods. */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(36);

	private final Duration maxAge;
	private final Map<String, Host> hosts = new TreeMap<>();
	private final Map<String, Workgroup> workgroups = new TreeMap<>();
	/** Per host: who reported it, in words, and when last. */
	private final Map<String, Map<String, Instant>> reporters = new TreeMap<>();
	private final List<Consumer<BrowseEvent>> listeners = new CopyOnWriteArrayList<>();

	public BrowseModel() {
		this(DEFAULT_MAX_AGE);
	}

	/** @param maxAge how long a host or workgroup that never announced stays fresh */
	public BrowseModel(Duration maxAge) {
		this.maxAge = maxAge;
	}

	public Duration maxAge() {
		return maxAge;
	}

	public void addListener(Consumer<BrowseEvent> l) {
		listeners.add(l);
	}

	public void removeListener(Consumer<BrowseEvent> l) {
		listeners.remove(l);
	}

	public synchronized List<Workgroup> workgroups() {
		return List.copyOf(workgroups.values());
	}

	public synchronized List<Host> hosts() {
		return List.copyOf(hosts.values());
	}

	/** The hosts of {@code workgroup} (case-insensitive), by name. */
	public synchronized List<Host> hosts(String workgroup) {
		String wg = key(workgroup);
		return hosts.values().stream().filter(h -> h.workgroup().map(w -> w.equals(wg)).orElse(false)).toList();
	}

	public synchronized Optional<Host> host(String name) {
		return Optional.ofNullable(hosts.get(key(name)));
	}

	public synchronized Optional<Workgroup> workgroup(String name) {
		return Optional.ofNullable(workgroups.get(key(name)));
	}

	/** Merges what a source reported about a host; its workgroup is added too. The reporter is {@link #reporterOf}. */
	public void observe(HostObservation o) {
		observe(o, reporterOf(o));
	}

	/**
	 * In words, who reported an observation when the caller says no more: the kind of source and the
	 * address it came from, e.g. {@code announcement from 198.51.100.7}, {@code node status of 198.51.100.9}.
	 */
	public static String reporterOf(HostObservation o) {
		String at = o.address().map(Inet4Address::getHostAddress).orElse("");
		return switch (o.source()) {
		case ANNOUNCEMENT -> "announcement" + (at.isEmpty() ? "" : " from " + at);
		case SCAN -> "node status" + (at.isEmpty() ? "" : " of " + at);
		case SERVER_LIST -> "a master browser's server list";
		case WINS -> "WINS";
		};
	}

	/**
	 * Where each source reported the host from, in words ({@code server list of SAMBA2 203.0.113.1},
	 * {@code announcement from 198.51.100.7}), with when it last did, the latest first. Empty for an
	 * unknown host; forgotten with the host by {@link #prune}.
	 */
	public synchronized Map<String, Instant> reporters(String host) {
		Map<String, Instant> r = reporters.get(key(host));
		if (r == null) {
			return Map.of();
		}
		Map<String, Instant> sorted = new java.util.LinkedHashMap<>();
		r.entrySet().stream().sorted(Map.Entry.<String, Instant>comparingByValue().reversed()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return java.util.Collections.unmodifiableMap(sorted);
	}

	/**
	 * Merges what a source reported about a host, noting {@code reportedBy}: where it came from in
	 * words ({@link #reporters}).
	 */
	public void observe(HostObservation o, String reportedBy) {
		List<BrowseEvent> events = new ArrayList<>(2);
		synchronized (this) {
			reporters.computeIfAbsent(key(o.name()), k -> new TreeMap<>()).merge(reportedBy, o.time(), (a, b) -> a.isAfter(b) ? a : b);
			o.workgroup().ifPresent(wg -> mergeWorkgroup(wg, Optional.empty(), Optional.empty(), o.source(), o.time(), events));
			String name = key(o.name());
			Host old = hosts.get(name);
			Host merged = merge(old, o);
			Workgroup wg = merged.workgroup().map(workgroups::get).orElse(null);
			if (wg != null && wg.masterBrowser().equals(Optional.of(merged.name())) && !merged.role().isMaster()) {
				// A host announcement does not repeat the master bit the workgroup's master holds (nmbd's do not).
				merged = new Host(merged.name(), merged.workgroup(), merged.addresses(), merged.user(), merged.unitId(), merged.serverType(),
						merged.comment(), merged.osVersion(), BrowserRole.LOCAL_MASTER, merged.periodicity(), merged.lastSeen(), merged.seenBy(),
						false);
			}
			if (!merged.equals(old)) {
				hosts.put(name, merged);
				events.add(BrowseEvent.of(old == null ? BrowseEvent.Kind.HOST_ADDED : BrowseEvent.Kind.HOST_CHANGED, merged));
			}
			if (merged.role().isMaster() && merged.workgroup().isPresent() && o.source() != BrowseSource.SERVER_LIST) {
				mergeWorkgroup(merged.workgroup().get(), Optional.of(merged.name()), o.address(), o.source(), o.time(), events);
			}
		}
		fire(events);
	}

	/** Merges what a source reported about a workgroup (from a DomainAnnouncement or a workgroup list). */
	public void observeWorkgroup(String name, Optional<String> master, Optional<Inet4Address> masterAddress, BrowseSource source,
			Instant time) {
		List<BrowseEvent> events = new ArrayList<>(1);
		synchronized (this) {
			mergeWorkgroup(name, master, masterAddress, source, time, events);
		}
		fire(events);
	}

	/** Marks hosts and workgroups stale that are past their age at {@code now}; returns how many turned stale. */
	public int age(Instant now) {
		List<BrowseEvent> events = new ArrayList<>();
		synchronized (this) {
			for (Map.Entry<String, Host> e : hosts.entrySet()) {
				Host h = e.getValue();
				if (!h.stale() && now.isAfter(h.lastSeen().plus(ageOf(h)))) {
					Host s = h.withStale(true);
					e.setValue(s);
					events.add(BrowseEvent.of(BrowseEvent.Kind.HOST_STALE, s));
				}
			}
			for (Map.Entry<String, Workgroup> e : workgroups.entrySet()) {
				Workgroup w = e.getValue();
				if (!w.stale() && now.isAfter(w.lastSeen().plus(maxAge))) {
					Workgroup s = new Workgroup(w.name(), w.masterBrowser(), w.masterAddress(), w.lastSeen(), w.seenBy(), true);
					e.setValue(s);
					events.add(BrowseEvent.of(BrowseEvent.Kind.WORKGROUP_STALE, s));
				}
			}
		}
		fire(events);
		return events.size();
	}

	/** Removes stale hosts and workgroups last seen before {@code before}. */
	public int prune(Instant before) {
		List<BrowseEvent> events = new ArrayList<>();
		synchronized (this) {
			hosts.values().removeIf(h -> {
				boolean gone = h.stale() && h.lastSeen().isBefore(before);
				if (gone) {
					reporters.remove(key(h.name()));
					events.add(BrowseEvent.of(BrowseEvent.Kind.HOST_REMOVED, h));
				}
				return gone;
			});
			workgroups.values().removeIf(w -> {
				boolean gone = w.stale() && w.lastSeen().isBefore(before);
				if (gone) {
					events.add(BrowseEvent.of(BrowseEvent.Kind.WORKGROUP_REMOVED, w));
				}
				return gone;
			});
		}
		fire(events);
		return events.size();
	}

	/** Three announcement periods for a host that announced, else the maximum age. */
	Duration ageOf(Host h) {
		return h.seenBy().containsKey(BrowseSource.ANNOUNCEMENT) && h.periodicity().isPresent()
				? h.periodicity().get().multipliedBy(MISSED_ANNOUNCEMENTS)
				: maxAge;
	}

	private static Host merge(Host old, HostObservation o) {
		Map<BrowseSource, Instant> seen = new EnumMap<>(BrowseSource.class);
		List<Inet4Address> addresses = new ArrayList<>();
		if (old != null) {
			seen.putAll(old.seenBy());
			addresses.addAll(old.addresses());
		}
		seen.merge(o.source(), o.time(), (a, b) -> a.isAfter(b) ? a : b);
		o.address().filter(a -> !addresses.contains(a)).ifPresent(addresses::add);
		addresses.sort(Comparator.comparingLong(Targets::key));
		Instant last = old == null || o.time().isAfter(old.lastSeen()) ? o.time() : old.lastSeen();
		BrowserRole role = o.role().orElse(old == null ? BrowserRole.NONE : old.role());
		if (old != null && o.source() == BrowseSource.SCAN && o.role().isEmpty()) {
			role = old.role(); // a scan that sees no <1D> says nothing about the announced role
		}
		return new Host(o.name().transform(NetbiosName::upperAscii), pick(o.workgroup().map(BrowseModel::key), old, Host::workgroup),
				addresses, pick(o.user(), old, Host::user), pick(o.unitId(), old, Host::unitId),
				o.serverType().isPresent() ? o.serverType() : old == null ? OptionalInt.empty() : old.serverType(),
				o.comment().orElse(old == null ? "" : old.comment()), pick(o.osVersion(), old, Host::osVersion), role,
				pick(o.periodicity(), old, Host::periodicity), last, seen, false);
	}

	private static <T> Optional<T> pick(Optional<T> fresh, Host old, java.util.function.Function<Host, Optional<T>> field) {
		return fresh.isPresent() || old == null ? fresh : field.apply(old);
	}

	private void mergeWorkgroup(String name, Optional<String> master, Optional<Inet4Address> masterAddress, BrowseSource source,
			Instant time, List<BrowseEvent> events) {
		String k = key(name);
		Workgroup old = workgroups.get(k);
		Map<BrowseSource, Instant> seen = new EnumMap<>(BrowseSource.class);
		if (old != null) {
			seen.putAll(old.seenBy());
		}
		seen.merge(source, time, (a, b) -> a.isAfter(b) ? a : b);
		Instant last = old == null || time.isAfter(old.lastSeen()) ? time : old.lastSeen();
		Optional<String> m = master.isPresent() || old == null ? master.map(BrowseModel::key) : old.masterBrowser();
		Optional<Inet4Address> ma = masterAddress.isPresent() || old == null || master.isPresent() ? masterAddress : old.masterAddress();
		if (ma.isEmpty() && old != null && m.equals(old.masterBrowser())) {
			ma = old.masterAddress();
		}
		Workgroup merged = new Workgroup(k, m, ma, last, seen, false);
		if (!merged.equals(old)) {
			workgroups.put(k, merged);
			events.add(BrowseEvent.of(old == null ? BrowseEvent.Kind.WORKGROUP_ADDED : BrowseEvent.Kind.WORKGROUP_CHANGED, merged));
		}
	}

	private void fire(List<BrowseEvent> events) {
		for (BrowseEvent e : events) {
			for (Consumer<BrowseEvent> l : listeners) {
				try {
					l.accept(e);
				} catch (RuntimeException ex) {
					System.getLogger(BrowseModel.class.getName()).log(System.Logger.Level.WARNING, "browse listener failed", ex);
				}
			}
		}
	}

	private static String key(String name) {
		return NetbiosName.upperAscii(name.strip());
	}
}
