/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.Routes;
import org.herald.api.setup.NetworkSurvey;
import org.herald.api.setup.Survey;
import org.herald.netbios.NameRecord;
import org.herald.netbios.NameService;
import org.herald.netbios.NodeStatus;
import org.herald.netbios.QueryTarget;
import org.herald.netbios.wire.NodeStatusEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The survey behind the first-run setup and {@code herald names survey}: the local master browsers
 * of each chosen subnet (they hold {@code __MSBROWSE__<01>}) and their node status, then this
 * machine's Samba configuration and dhclient leases, then a question to each WINS server found that
 * is reached through a chosen interface. The files are {@value #SAMBA_DEFAULT} and the
 * {@code *.leases} in {@value #LEASES_DEFAULT}, or what the system properties {@value #SAMBA_CONFIG}
 * and {@value #DHCP_LEASES} name.
 */
@Component(service = NetworkSurvey.class)
public final class NeighbourhoodSurvey implements NetworkSurvey {

	public static final String SAMBA_CONFIG = "herald.survey.smbconf";
	public static final String DHCP_LEASES = "herald.survey.leases";
	static final String SAMBA_DEFAULT = "/etc/samba/smb.conf";
	static final String LEASES_DEFAULT = "/var/lib/dhcp";
	/** At most this many master browsers of one subnet are asked for their node status. */
	static final int MASTERS_ASKED = 8;
	/** The name the survey's questions come from; a query carries no source name, so it never shows. */
	private static final String ASKER = "HERALDSETUP";

	private final NameService names;

	@Activate
	public NeighbourhoodSurvey(@Reference NameService names) {
		this.names = names;
	}

	@Override
	public Survey survey(List<BindInterface> interfaces) throws IOException {
		List<Survey.Workgroup> workgroups = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		NameService asking = interfaces.isEmpty() ? null : names.as(new Identity(ASKER, "WORKGROUP", interfaces, Optional.empty()));
		for (BindInterface i : interfaces) {
			masters(asking, i, workgroups, notes);
		}

		Path sambaFile = Path.of(System.getProperty(SAMBA_CONFIG, SAMBA_DEFAULT));
		LocalConfiguration.Samba samba = read(sambaFile).map(LocalConfiguration::samba).orElse(new LocalConfiguration.Samba(Optional.empty(), List.of()));
		samba.workgroup().filter(w -> NetbiosName.problemWith(w) == null).ifPresent(w -> workgroups.add(new Survey.Workgroup(w, "this machine's Samba configuration (" + sambaFile + ")")));
		Map<Inet4Address, String> winsFound = new LinkedHashMap<>();
		samba.winsServers().forEach(a -> winsFound.putIfAbsent(a, "this machine's Samba configuration (" + sambaFile + ")"));
		for (Path lease : leaseFiles()) {
			read(lease).map(LocalConfiguration::dhcpNameServers).orElse(List.of())
					.forEach(a -> winsFound.putIfAbsent(a, "a DHCP lease (" + lease + ")"));
		}

		Optional<String> proposed = workgroups.stream().map(Survey.Workgroup::name).findFirst();
		List<Survey.Wins> wins = new ArrayList<>();
		for (Map.Entry<Inet4Address, String> w : winsFound.entrySet()) {
			wins.add(ask(interfaces, w.getKey(), w.getValue(), proposed));
		}
		return new Survey(distinct(workgroups), wins, notes);
	}

	/** The local masters of {@code i}'s subnet and the workgroup each one's node status names. */
	private void masters(NameService asking, BindInterface i, List<Survey.Workgroup> workgroups, List<String> notes) throws IOException {
		Set<Inet4Address> masters = new LinkedHashSet<>();
		for (NameRecord r : asking.query(NetbiosName.MSBROWSE, new QueryTarget.Broadcast(i.broadcast()))) {
			masters.add(r.address());
		}
		if (masters.isEmpty()) {
			notes.add("no master browser answered on " + i + " (broadcast to " + i.broadcast().getHostAddress() + ")");
			return;
		}
		masters.stream().limit(MASTERS_ASKED).forEach(m -> {
			try {
				Optional<NodeStatus> status = asking.nodeStatus(m);
				Optional<String> workgroup = status.flatMap(NeighbourhoodSurvey::masterOf);
				if (workgroup.isPresent()) {
					String host = status.flatMap(NeighbourhoodSurvey::hostName).map(h -> h + " ").orElse("");
					workgroups.add(new Survey.Workgroup(workgroup.get(), "local master browser " + host + "at " + m.getHostAddress() + " on " + i));
				} else {
					notes.add(m.getHostAddress() + " holds __MSBROWSE__ but " + (status.isEmpty() ? "did not answer node status" : "lists no workgroup"));
				}
			} catch (IOException e) {
				notes.add(m.getHostAddress() + ": node status failed: " + e.getMessage());
			}
		});
	}

	/** The workgroup a master browser's name table says it is master of (WG&lt;1D&gt;), else its workgroup (WG&lt;00&gt;, a group). */
	static Optional<String> masterOf(NodeStatus status) {
		Optional<String> member = Optional.empty();
		for (NodeStatusEntry e : status.names()) {
			if (NetbiosName.problemWith(e.name()) != null) {
				continue; // __MSBROWSE__ and the like
			}
			if (!e.group() && e.suffix() == 0x1D) {
				return Optional.of(e.name());
			}
			if (e.group() && e.suffix() == NetbiosName.WORKSTATION && member.isEmpty()) {
				member = Optional.of(e.name());
			}
		}
		return member;
	}

	private static Optional<String> hostName(NodeStatus status) {
		return status.names().stream().filter(e -> !e.group() && e.suffix() == NetbiosName.WORKSTATION).map(NodeStatusEntry::name).findFirst();
	}

	/**
	 * Asks a WINS server found in the configuration, if the route to it leaves through a chosen
	 * interface: for the proposed workgroup's name, then for its node status.
	 */
	private Survey.Wins ask(List<BindInterface> interfaces, Inet4Address wins, String source, Optional<String> workgroup) {
		if (interfaces.isEmpty()) {
			return new Survey.Wins(wins, source, false, "not asked: no interface chosen");
		}
		BindInterface route;
		try {
			route = Routes.to(wins);
		} catch (IOException e) {
			return new Survey.Wins(wins, source, false, "not asked: " + e.getMessage());
		}
		Optional<BindInterface> via = interfaces.stream().filter(i -> i.address().equals(route.address())).findFirst();
		if (via.isEmpty()) {
			return new Survey.Wins(wins, source, false,
					"not asked: it is reached through " + route + ", which is not one of the chosen interfaces");
		}
		NameService asking = names.as(new Identity(ASKER, workgroup.orElse("WORKGROUP"), List.of(via.get()), Optional.of(wins)));
		try {
			if (workgroup.isPresent()) {
				NetbiosName group = new NetbiosName(workgroup.get(), NetbiosName.WORKSTATION);
				List<NameRecord> members = asking.query(group, new QueryTarget.Wins(wins));
				if (!members.isEmpty()) {
					return new Survey.Wins(wins, source, true, "answers from " + via.get() + ": it knows " + group + " (" + members.size() + " address"
							+ (members.size() == 1 ? "" : "es") + ")");
				}
			}
			Optional<NodeStatus> status = asking.nodeStatus(wins);
			if (status.isPresent()) {
				return new Survey.Wins(wins, source, true, "answers node status from " + via.get()
						+ workgroup.map(w -> ", but does not know " + w + "<00>").orElse(""));
			}
			return new Survey.Wins(wins, source, false, "did not answer from " + via.get());
		} catch (IOException | IllegalArgumentException e) {
			return new Survey.Wins(wins, source, false, "could not be asked: " + e.getMessage());
		}
	}

	private static List<Survey.Workgroup> distinct(List<Survey.Workgroup> all) {
		return List.copyOf(new LinkedHashSet<>(all));
	}

	private static List<Path> leaseFiles() {
		Path dir = Path.of(System.getProperty(DHCP_LEASES, LEASES_DEFAULT));
		if (Files.isRegularFile(dir)) {
			return List.of(dir);
		}
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".leases")).sorted().toList();
		} catch (IOException e) {
			return List.of();
		}
	}

	private static Optional<String> read(Path file) {
		try {
			return Files.isReadable(file) ? Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1)) : Optional.empty();
		} catch (IOException e) {
			return Optional.empty();
		}
	}
}
