/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.browser.BrowseModel;
import org.herald.browser.BrowseSource;
import org.herald.browser.BrowserCounters;
import org.herald.browser.BrowserSettings;
import org.herald.browser.HostBrowser;
import org.herald.browser.HostObservation;
import org.herald.browser.MasterBrowser;
import org.herald.browser.ScanHit;
import org.herald.browser.ScanOptions;
import org.herald.browser.ScanSummary;
import org.herald.browser.ServerListResult;
import org.herald.browser.SiteRound;
import org.herald.browser.wire.Announcement;
import org.herald.browser.wire.AnnouncementRequest;
import org.herald.browser.wire.BrowseDatagram;
import org.herald.browser.wire.ServerInfo1;
import org.herald.browser.wire.ServerType;
import org.herald.netbios.datagram.DatagramService;
import org.herald.netbios.datagram.MailslotDatagram;
import org.herald.netbios.datagram.MailslotHandler;
import org.herald.netbios.datagram.Subscription;
import org.herald.netbios.wire.MalformedPacketException;

/**
 * The host browser of one identity: a subscription to \MAILSLOT\BROWSE and \MAILSLOT\LANMAN on
 * each configured interface through the process's datagram service (which the Messenger's
 * receiver shares), the model's ageing, Herald's own announcements, and the active sources (master
 * lookup and server lists, scans, WINS) on demand. When another process (nmbd, another Herald)
 * holds the unicast datagram port, it hears broadcasts only and sends from an ephemeral port, until
 * that process lets the port go (the datagram service tries it again every 10 s).
 */
public final class BrowserService implements HostBrowser {

	private static final System.Logger LOG = System.getLogger(BrowserService.class.getName());
	/**
	 * What Herald announces: it runs a workstation and answers SMB sessions (the Messenger commands)
	 * as a server. It claims no browser role (no POTENTIAL_BROWSER), so it never stands in elections.
	 */
	static final int HERALD_SERVER_TYPE = ServerType.WORKSTATION | ServerType.SERVER;
	/** The OS version Herald announces: 6.1, what Samba announces too. */
	static final int OS_MAJOR = 6;
	static final int OS_MINOR = 1;

	private final Identity identity;
	private final BrowserSettings settings;
	private final BrowseModel model;
	private final Clock clock;
	private final DatagramService datagrams;
	private volatile Subscription subscription;
	private final ScheduledExecutorService timer;
	private final AtomicLong received = new AtomicLong();
	private final AtomicLong frames = new AtomicLong();
	private final AtomicLong malformed = new AtomicLong();
	private final AtomicLong announced = new AtomicLong();
	private Announcer announcer;
	private int datagramId;
	private boolean started;

	/** On the process's datagram service {@code datagrams}. */
	public BrowserService(DatagramService datagrams, Identity identity, BrowserSettings settings, BrowseModel model, Clock clock) {
		if (identity.interfaces().isEmpty()) {
			throw new IllegalArgumentException("no interfaces configured: the browser binds only to configured interfaces");
		}
		this.datagrams = datagrams;
		this.identity = identity;
		this.settings = settings;
		this.model = model;
		this.clock = clock;
		this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("herald-browser").unstarted(r));
	}

	@Override
	public BrowseModel model() {
		return model;
	}

	@Override
	public synchronized void start() throws IOException {
		if (started) {
			throw new IllegalStateException("already started");
		}
		started = true;
		try {
			subscription = datagrams.subscribe(identity.interfaces(), settings.datagramPort(),
					List.of(BrowseDatagram.BROWSE_MAILSLOT, BrowseDatagram.LANMAN_MAILSLOT),
					settings.listen() ? DatagramService.Mode.RECEIVE_IF_FREE : DatagramService.Mode.SEND_ONLY, new FrameHandler());
		} catch (IOException | RuntimeException e) {
			close();
			throw e;
		}
		long ageEvery = Math.max(1000, Math.min(model.maxAge().toMillis() / 4, 10_000));
		timer.scheduleWithFixedDelay(() -> model.age(clock.instant()), ageEvery, ageEvery, TimeUnit.MILLISECONDS);
		if (settings.announce()) {
			announcer = new Announcer(settings.announceSchedule(), settings.answerDelay(), timer, this::announce);
			announcer.start();
		}
	}

	/** Counts what arrives on the browser's sockets and hands the browser frames to {@link #onFrame}. */
	private final class FrameHandler implements MailslotHandler {
		@Override
		public void deliver(MailslotDatagram d) {
			received.incrementAndGet();
			Optional<BrowseDatagram> frame;
			try {
				frame = BrowseDatagram.of(d.datagram());
			} catch (MalformedPacketException | RuntimeException e) {
				malformed.incrementAndGet();
				return;
			}
			if (frame.isPresent()) {
				frames.incrementAndGet();
				try {
					onFrame(frame.get(), d.via());
				} catch (RuntimeException e) {
					LOG.log(System.Logger.Level.WARNING, "handling a browser frame failed", e);
				}
			}
		}

		@Override
		public void skipped(Skip why, BindInterface via) {
			received.incrementAndGet();
			if (why == Skip.MALFORMED) {
				malformed.incrementAndGet();
			}
		}
	}

	private void onFrame(BrowseDatagram d, BindInterface via) {
		NetbiosName to = d.destination();
		switch (d.frame()) {
			case Announcement a when a.kind() == Announcement.Kind.DOMAIN ->
				model.observeWorkgroup(a.name(), Optional.of(a.comment()).filter(c -> !c.isEmpty()), Optional.of(d.sourceAddress()),
						BrowseSource.ANNOUNCEMENT, clock.instant());
			case Announcement a -> model.observe(HostObservation.announced(a, to.name(), d.sourceAddress(), clock.instant()));
			case AnnouncementRequest r -> {
				boolean forUs = to.name().equals(identity.workgroup()) && (to.suffix() == NetbiosName.WORKSTATION
						|| to.suffix() == NetbiosName.BROWSER_ELECTION) || to.equals(identity.workstationName());
				Announcer a = announcer;
				if (forUs && a != null) {
					a.requested();
				}
			}
			default -> {
				// elections, backup lists and the rest: nothing for the browse list
			}
		}
	}

	private void announce(int updateCount, Duration period) {
		Announcement a = Announcement.host(updateCount, period.toMillis(), identity.name(), OS_MAJOR, OS_MINOR, HERALD_SERVER_TYPE,
				truncate(settings.comment()));
		Subscription s = subscription;
		if (s == null) {
			return; // closed
		}
		for (BindInterface i : s.interfaces()) {
			BrowseDatagram d = new BrowseDatagram(i.address(), identity.workstationName(),
					new NetbiosName(identity.workgroup(), NetbiosName.LOCAL_MASTER_BROWSER), BrowseDatagram.BROWSE_MAILSLOT, a);
			try {
				s.send(i, d.encode(nextDatagramId(), true), i.broadcast());
				announced.incrementAndGet();
			} catch (IOException ex) {
				LOG.log(System.Logger.Level.WARNING, "announcement on " + i + " failed: " + ex.getMessage());
			}
		}
	}

	private static String truncate(String comment) {
		return comment.length() > Announcement.MAX_COMMENT ? comment.substring(0, Announcement.MAX_COMMENT) : comment;
	}

	private synchronized int nextDatagramId() {
		return datagramId++ & 0xFFFF;
	}

	@Override
	public void requestAnnouncements(String workgroup) throws IOException {
		ensureStarted();
		AnnouncementRequest r = new AnnouncementRequest(identity.name());
		Subscription s = subscription;
		if (s == null) {
			throw new IOException("the browser is closed");
		}
		for (BindInterface i : s.interfaces()) {
			BrowseDatagram d = new BrowseDatagram(i.address(), identity.workstationName(), new NetbiosName(workgroup, NetbiosName.WORKSTATION),
					BrowseDatagram.BROWSE_MAILSLOT, r);
			s.send(i, d.encode(nextDatagramId(), true), i.broadcast());
		}
	}

	@Override
	public List<MasterBrowser> findMasters(String workgroup) throws IOException {
		String wg = NetbiosName.upperAscii(workgroup);
		NetbiosName name = new NetbiosName(wg, NetbiosName.LOCAL_MASTER_BROWSER);
		Map<Inet4Address, BindInterface> found = new LinkedHashMap<>();
		for (BindInterface i : identity.interfaces()) {
			for (NameQueries.Found f : queries(i).query(name, i.broadcast(), true)) {
				found.putIfAbsent(f.address().address(), i);
			}
		}
		List<MasterBrowser> masters = new ArrayList<>();
		for (Map.Entry<Inet4Address, BindInterface> e : found.entrySet()) {
			Optional<ScanHit> hit = nodeStatus(e.getValue(), e.getKey());
			hit.flatMap(h -> HostObservation.scanned(h, clock.instant())).ifPresent(model::observe);
			Optional<String> masterName = hit.flatMap(h -> h.hostNames().computer());
			model.observeWorkgroup(wg, masterName, Optional.of(e.getKey()), BrowseSource.SCAN, clock.instant());
			masters.add(new MasterBrowser(wg, e.getKey(), masterName));
		}
		return masters;
	}

	@Override
	public ServerListResult refreshServerLists(String workgroup) throws IOException {
		String wg = NetbiosName.upperAscii(workgroup);
		List<MasterBrowser> masters = findMasters(wg);
		if (masters.isEmpty()) {
			return new ServerListResult(Optional.empty(), List.of(), List.of(),
					Optional.of("no local master browser answered " + wg + "<1D> on " + identity.interfaces()));
		}
		String problem = null;
		for (MasterBrowser m : masters) {
			BindInterface via = identity.interfaceFor(m.address());
			try (ServerListClient c = ServerListClient.open(via.address(), m.address(), settings.sessionPort(), m.name(),
					identity.workstationName(), settings.timeout())) {
				ServerListClient.Lists lists = c.lists(wg);
				java.time.Instant now = clock.instant();
				String from = "server list of " + m.name().map(n -> n + " ").orElse("") + m.address().getHostAddress();
				for (ServerInfo1 s : lists.servers()) {
					model.observe(HostObservation.listed(s, wg, now), from);
				}
				for (ServerInfo1 w : lists.workgroups()) {
					model.observeWorkgroup(w.name(), Optional.of(w.comment()).filter(x -> !x.isEmpty()), Optional.empty(),
							BrowseSource.SERVER_LIST, now);
				}
				m.name().ifPresent(n -> model.observe(new HostObservation(n, Optional.of(wg), Optional.of(m.address()), Optional.empty(),
						Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
						BrowseSource.SERVER_LIST, now)));
				resolveAddresses(wg);
				return new ServerListResult(Optional.of(m), lists.servers(), lists.workgroups(), Optional.empty());
			} catch (IOException e) {
				problem = "server list from " + m.address().getHostAddress() + " failed: " + e.getMessage();
			}
		}
		return new ServerListResult(Optional.of(masters.get(0)), List.of(), List.of(), Optional.ofNullable(problem));
	}

	/** Hosts of the workgroup known only by name (server lists carry no addresses): ask NAME&lt;00&gt; by broadcast. */
	private void resolveAddresses(String wg) throws IOException {
		for (org.herald.browser.Host h : model.hosts(wg)) {
			if (!h.addresses().isEmpty()) {
				continue;
			}
			for (BindInterface i : identity.interfaces()) {
				NameQueries q = new NameQueries(i.address(), settings.nameServicePort(), settings.queryWindow(), 1);
				for (NameQueries.Found f : q.query(new NetbiosName(h.name(), NetbiosName.WORKSTATION), i.broadcast(), true)) {
					model.observe(new HostObservation(h.name(), Optional.empty(), Optional.of(f.address().address()), Optional.empty(),
							Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
							BrowseSource.SERVER_LIST, clock.instant()));
				}
			}
		}
	}

	@Override
	public ScanSummary scan(List<Inet4Address> targets, ScanOptions options, Consumer<ScanHit> onHit) throws IOException, InterruptedException {
		Consumer<ScanHit> observe = hit -> {
			HostObservation.scanned(hit, clock.instant()).ifPresent(model::observe);
			onHit.accept(hit);
		};
		return NodeStatusScanner.scanFrom(identity, targets, options, observe);
	}

	@Override
	public List<String> queryWins(String workgroup) throws IOException {
		Inet4Address wins = identity.wins().orElseThrow(() -> new IOException("no WINS server configured (give --wins IP)"));
		String wg = NetbiosName.upperAscii(workgroup);
		BindInterface via = identity.interfaceFor(wins);
		NameQueries q = queries(via);
		List<String> out = new ArrayList<>();
		for (int suffix : new int[] { NetbiosName.DOMAIN_MASTER_BROWSER, 0x1C, NetbiosName.WORKSTATION }) {
			for (NameQueries.Found f : q.query(new NetbiosName(wg, suffix), wins, false)) {
				out.add(f.name() + " " + f.address().address().getHostAddress() + (f.address().group() ? " group" : ""));
				if (!f.address().address().getHostAddress().equals("255.255.255.255")) {
					nodeStatus(via, f.address().address()).flatMap(h -> HostObservation.scanned(h, clock.instant())).ifPresent(model::observe);
				}
			}
		}
		for (org.herald.browser.Host h : model.hosts()) {
			for (NameQueries.Found f : q.query(new NetbiosName(h.name(), NetbiosName.WORKSTATION), wins, false)) {
				out.add(f.name() + " " + f.address().address().getHostAddress());
				model.observe(HostObservation.registered(h.name(), h.workgroup(), f.address().address(), clock.instant()));
			}
		}
		return out;
	}

	private NameQueries queries(BindInterface i) {
		return new NameQueries(i.address(), settings.nameServicePort(), settings.queryWindow(), 3);
	}

	private Optional<ScanHit> nodeStatus(BindInterface via, Inet4Address host) throws IOException {
		List<ScanHit> hits = new ArrayList<>(1);
		ScanOptions o = ScanOptions.defaults().withPort(settings.nameServicePort()).withTimeout(settings.queryWindow()).withRetries(2);
		try {
			new NodeStatusScanner(via.address(), o).scan(List.of(host), hits::add);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		return hits.stream().findFirst();
	}

	private synchronized void ensureStarted() {
		if (!started) {
			throw new IllegalStateException("start the browser first");
		}
	}

	@Override
	public SiteRound browseSite(List<String> workgroups) throws IOException {
		return new SiteBrowse(identity, settings, model, clock).round(workgroups);
	}

	@Override
	public BrowserCounters counters() {
		return new BrowserCounters(received.get(), frames.get(), malformed.get(), announced.get());
	}

	/** Whether each interface's unicast UDP 138 could be bound (else only broadcasts are heard there). */
	public synchronized List<Boolean> unicastBound() {
		Subscription s = subscription;
		return s == null ? List.of() : s.interfaces().stream().map(s::hearsUnicast).toList();
	}

	@Override
	public synchronized void close() {
		if (announcer != null) {
			announcer.stop();
		}
		timer.shutdownNow();
		if (subscription != null) {
			subscription.close();
			subscription = null;
		}
	}
}
