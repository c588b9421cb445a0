/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.herald.alerter.Alert;
import org.herald.alerter.AlertService;
import org.herald.api.Acceptance;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.ReceivedMessage;
import org.herald.api.Settings;
import org.herald.api.StoredMessage;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;
import org.herald.browser.BrowseEvent;
import org.herald.browser.exposure.ExposureChecker;
import org.herald.browser.exposure.ExposureReport;
import org.herald.browser.exposure.ExposureService;
import org.herald.browser.exposure.HostExposure;
import org.herald.browser.exposure.Risk;
import org.herald.messenger.Messenger;
import org.herald.messenger.Presence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Alerter as it runs inside Herald: its DS services ({@code AlertService}, the
 * {@code herald alerts} command) on Herald's real {@code Messenger}, {@code Settings} and
 * {@code ExposureService} from Herald's p2 repository, rules kept in the test runtime's workspace
 * (a real preferences file under tycho-surefire's {@code target/work/data}), and every pop-up sent
 * to a real Herald receiver that the test starts with {@code Messenger.join}.
 * <p>
 * Network: loopback only, addresses 127.0.0.200/29 (no other Herald test uses them). The Alerter
 * speaks as ALERTER on 127.0.0.201; the admin's Herald (ADMINPC) receives on 127.0.0.202 (UDP
 * 137/138, TCP 139/445); nothing listens on 127.0.0.203 (the unreachable admin); name registrations
 * go to the /29's broadcast address 127.0.0.207.
 */
class AlerterTest {

	private static final String SENDER_IP = "127.0.0.201";
	private static final String ADMIN_IP = "127.0.0.202";
	private static final String NOBODY_IP = "127.0.0.203";
	private static final Identity ALERTER = identity("ALERTER", SENDER_IP);
	private static final Identity ADMINPC = identity("ADMINPC", ADMIN_IP);

	private static final BlockingQueue<ReceivedMessage> RECEIVED = new LinkedBlockingQueue<>();
	private static final AtomicLong IDS = new AtomicLong();
	private static Presence receiver;
	private static AlertService alerter;
	private static CliCommand command;
	private static ExposureService exposure;

	static Identity identity(String name, String ip) {
		return new Identity(name, "ALERTLAB", List.of(BindInterface.parse(ip + "/29")), Optional.empty());
	}

	static BundleContext context() throws Exception {
		Bundle host = FrameworkUtil.getBundle(AlerterTest.class);
		if (host.getBundleContext() == null) {
			host.start(Bundle.START_TRANSIENT);
		}
		return host.getBundleContext();
	}

	static <T> T service(Class<T> type) throws Exception {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
		tracker.open();
		T s = tracker.waitForService(30_000);
		assertNotNull(s, "no " + type.getSimpleName() + " service in the test runtime");
		return s;
	}

	@BeforeAll
	static void start() throws Exception {
		service(Settings.class).save(ALERTER);
		receiver = service(Messenger.class).join(ADMINPC, m -> {
			RECEIVED.add(m);
			return Acceptance.stored(new StoredMessage(IDS.incrementAndGet(), m, false));
		}, null);
		alerter = service(AlertService.class);
		exposure = service(ExposureService.class);
		ServiceTracker<CliCommand, CliCommand> commands = new ServiceTracker<>(context(), CliCommand.class, null);
		commands.open();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (command == null && System.nanoTime() < deadline) {
			for (CliCommand c : commands.getTracked().values()) {
				if (c.name().equals("alerts")) {
					command = c;
				}
			}
			Thread.sleep(50);
		}
		assertNotNull(command, "the Alerter's 'alerts' command is not a CliCommand service");
	}

	@AfterAll
	static void stop() throws Exception {
		if (receiver != null) {
			receiver.close();
		}
	}

	@BeforeEach
	void emptyAlerter() throws Exception {
		var node = InstanceScope.INSTANCE.getNode("org.herald.alerter");
		node.clear();
		node.flush();
		RECEIVED.clear();
	}

	/** What a command printed, and its exit status. */
	record Run(int status, String out, String err) {
	}

	/** Runs {@code herald alerts ARGS} as Herald's CLI does: with the saved identity, the workspace, stdout and stderr. */
	static Run alerts(String... args) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
		PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		CommandContext context = new CommandContext() {
			@Override
			public Identity identity() {
				return ALERTER;
			}

			@Override
			public Path workspace() {
				return AlerterTest.workspace();
			}

			@Override
			public PrintStream out() {
				return o;
			}

			@Override
			public PrintStream err() {
				return e;
			}

			@Override
			public InputStream in() {
				return new ByteArrayInputStream(new byte[0]);
			}

			@Override
			public boolean stopRequested() {
				return false;
			}
		};
		int status = command.run(context, List.of(args));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	static Path workspace() {
		return Path.of(URI.create(System.getProperty("osgi.instance.area")));
	}

	/** The Alerter's preferences file in the workspace, as it is on disk. */
	static String prefsOnDisk() throws Exception {
		try (Stream<Path> files = Files.walk(workspace())) {
			Path prefs = files.filter(f -> f.getFileName().toString().equals("org.herald.alerter.prefs")).findFirst().orElseThrow();
			return Files.readString(prefs, StandardCharsets.ISO_8859_1);
		}
	}

	/** The next pop-up the admin's Herald received, waiting up to a minute. */
	static ReceivedMessage popUp() throws InterruptedException {
		ReceivedMessage m = RECEIVED.poll(60, TimeUnit.SECONDS);
		assertNotNull(m, "no pop-up reached the admin's Herald on " + ADMIN_IP);
		return m;
	}

	@Test
	void addListAndRemoveKeepTheRulesInTheWorkspace() throws Exception {
		assertEquals(new Run(0, "no rules\nadmins: none\nno alerts recorded\n", ""), alerts("list"));
		assertEquals(new Run(0, "added r1  host-offline FILESRV\n", ""), alerts("add", "host-offline", "filesrv"));
		assertEquals(new Run(0, "added r2  exposure-high 127.0.0.200/29\n", ""), alerts("add", "exposure-high", "127.0.0.200/29"));
		assertEquals(new Run(0, "added r3  host-appears *\n", ""), alerts("add", "host-appears", "*"));
		assertEquals(new Run(0, "rules:\n  r1  host-offline FILESRV\n  r2  exposure-high 127.0.0.200/29\n  r3  host-appears *\nadmins: none\nno alerts recorded\n", ""),
				alerts("list"));
		String prefs = prefsOnDisk();
		assertTrue(prefs.contains("r1|host-offline|FILESRV") && prefs.contains("r2|exposure-high|127.0.0.200/29"), prefs);

		assertEquals(new Run(0, "removed r2\n", ""), alerts("remove", "r2"));
		assertEquals(new Run(1, "", "herald alerts: no rule 'r2'\n"), alerts("remove", "r2"));
		assertFalse(prefsOnDisk().contains("exposure-high"), "the removed rule is gone from the file");
		assertEquals(new Run(0, "added r4  host-offline PRINTSRV\n", ""), alerts("add", "host-offline", "PRINTSRV"), "ids are not reused");

		assertEquals(new Run(0, "admins: " + ADMIN_IP + ", @ALERTLAB\n", ""), alerts("admins", ADMIN_IP + ",@ALERTLAB"));
		assertTrue(prefsOnDisk().contains("admins=" + ADMIN_IP + ",@ALERTLAB"), prefsOnDisk());
		assertEquals(new Run(0, "admins: none\n", ""), alerts("admins"));
	}

	@Test
	void wrongArgumentsAreUsageErrors() throws Exception {
		assertEquals("exposure-high wants an address, a range or a prefix, not 'FILESRV'",
				assertThrows(UsageException.class, () -> alerts("add", "exposure-high", "FILESRV")).getMessage());
		assertTrue(assertThrows(UsageException.class, () -> alerts("add", "host-gone", "X")).getMessage().startsWith("unknown rule kind 'host-gone'"));
		assertEquals("unknown alerts action 'frobnicate' (list, add, remove, admins, test)",
				assertThrows(UsageException.class, () -> alerts("frobnicate")).getMessage());
		assertThrows(UsageException.class, () -> alerts("add", "host-offline"));
		assertThrows(UsageException.class, () -> alerts());
		assertEquals(new Run(1, "", "herald alerts: no rule 'r9'\n"), alerts("test", "r9"));
		assertEquals("no rules\nadmins: none\nno alerts recorded\n", alerts("list").out(), "nothing was saved");
	}

	@Test
	void testSendsThePopUpToTheAdminsHeraldAndRecordsTheAlert() throws Exception {
		alerts("admins", ADMIN_IP);
		alerts("add", "host-offline", "FILESRV");
		Run test = alerts("test", "r1");
		assertEquals(0, test.status(), test.toString());
		assertTrue(test.out().contains("  r1  Herald alert r1 (test): host-offline FILESRV  [" + ADMIN_IP + " " + ADMIN_IP + " "), test.out());
		assertTrue(test.out().contains(" delivered"), test.out());

		ReceivedMessage m = popUp();
		assertEquals("Herald alert r1 (test): host-offline FILESRV", m.text());
		assertEquals("ALERTER", m.senderName());
		assertEquals(SENDER_IP, m.senderAddress().getHostAddress(), "sent from the saved identity's interface");

		Run list = alerts("list");
		assertTrue(list.out().contains("alerts:\n  ") && list.out().contains("  r1  Herald alert r1 (test): host-offline FILESRV  [" + ADMIN_IP), list.out());
		assertTrue(prefsOnDisk().contains("Herald alert r1 (test)"), "the alert is recorded in the workspace");
	}

	@Test
	void aHostGoingOfflineOrAppearingSendsThePopUp() throws Exception {
		alerter.setAdmins(List.of(ADMIN_IP));
		alerter.add(org.herald.alerter.AlertRule.Kind.HOST_OFFLINE, "FILESRV");
		alerter.add(org.herald.alerter.AlertRule.Kind.HOST_APPEARS, "*");

		List<Alert> offline = alerter.onBrowse(RulesTest.event(BrowseEvent.Kind.HOST_STALE, RulesTest.host("FILESRV", "ALERTLAB", true)));
		assertEquals(1, offline.size(), offline.toString());
		assertEquals("r1", offline.get(0).rule());
		assertTrue(offline.get(0).delivery().contains(" delivered"), offline.get(0).delivery());
		assertEquals("Herald alert r1: host FILESRV went offline from the browse list of ALERTLAB", popUp().text());

		List<Alert> appeared = alerter.onBrowse(RulesTest.event(BrowseEvent.Kind.HOST_ADDED, RulesTest.host("NEWPC", "ALERTLAB", false)));
		assertEquals(List.of("r2"), appeared.stream().map(Alert::rule).toList());
		assertEquals("Herald alert r2: host NEWPC appeared in the browse list of ALERTLAB", popUp().text());

		assertTrue(alerter.onBrowse(RulesTest.event(BrowseEvent.Kind.HOST_CHANGED, RulesTest.host("NEWPC", "ALERTLAB", false))).isEmpty());
		assertEquals(2, alerter.alerts().size(), "both alerts recorded");
		assertNull(RECEIVED.poll(2, TimeUnit.SECONDS), "no pop-up for a rule that did not fire");
	}

	@Test
	void anExposureCheckRatingTheAdminsHeraldHighAlerts() throws Exception {
		alerter.setAdmins(List.of(ADMIN_IP));
		alerter.add(org.herald.alerter.AlertRule.Kind.EXPOSURE_HIGH, "127.0.0.200/29");
		// Herald's real exposure check of a host whose Messenger name is reachable on 139/445: HIGH.
		// The receiver's names take a moment to register; check until they answer (up to a minute).
		ExposureReport report = null;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			report = exposure.check(ALERTER, List.of(RulesTest.ip(ADMIN_IP), RulesTest.ip(NOBODY_IP)), false, ExposureChecker.Options.defaults());
			if (report.hosts().stream().anyMatch(h -> h.risk() == Risk.HIGH)) {
				break;
			}
			Thread.sleep(500);
		}
		assertNotNull(report);
		HostExposure admin = report.hosts().stream().filter(h -> h.address().getHostAddress().equals(ADMIN_IP)).findFirst().orElseThrow();
		assertEquals(Risk.HIGH, admin.risk(), admin.toString());
		assertTrue(report.hosts().stream().noneMatch(h -> h.address().getHostAddress().equals(NOBODY_IP) && h.risk() == Risk.HIGH), report.hosts().toString());

		List<Alert> fired = alerter.onExposure(report);
		assertEquals(1, fired.size(), "only the HIGH host fires: " + fired);
		assertEquals("Herald alert r1: " + ADMIN_IP + " is exposed HIGH (" + admin.reason() + ")", fired.get(0).text());
		assertTrue(admin.reason().contains("ADMINPC<03>"), admin.reason());
		assertEquals(fired.get(0).text(), popUp().text());
	}

	@Test
	void aPopUpThatCannotBeDeliveredIsStillRecordedWithWhy() throws Exception {
		alerts("admins", NOBODY_IP);
		alerts("add", "host-offline", "FILESRV");
		Run test = alerts("test", "r1");
		assertEquals(0, test.status(), "the alert fired; its delivery failed: " + test);
		assertTrue(test.out().contains("[" + NOBODY_IP + " " + NOBODY_IP) && test.out().contains(" failed"), test.out());
		assertTrue(alerts("list").out().contains(" failed"), "recorded with the failure");

		alerts("admins");
		assertTrue(alerts("test", "r1").out().contains("[no admins to notify"), "without admins the alert says so");
	}
}
