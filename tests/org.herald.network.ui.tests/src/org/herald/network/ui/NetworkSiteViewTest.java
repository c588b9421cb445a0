/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.network.ui;

import static org.herald.ui.testing.UiTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.Settings;
import org.herald.browser.BrowserSettings;
import org.herald.browser.ScanOptions;
import org.herald.browser.wire.Announcement;
import org.herald.browser.wire.BrowseDatagram;
import org.herald.browser.wire.ServerType;
import org.herald.inbox.InboxService;
import org.herald.messenger.Messenger;
import org.herald.messenger.Presence;
import org.herald.ui.testing.Screenshots;
import org.herald.ui.testing.UiTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Network view with several workgroups from several subnets and sources, fed through the real
 * browser service, on loopback only. The view binds 127.0.15.10/24 and 127.0.16.10/24 (two subnets
 * of its own). Two Heralds are present with their name responders: ALPHA of SALES on 127.0.15.11 and
 * BETA of LAB on 127.0.16.12; the view's browser scans them (node status). Two hosts announce
 * themselves with real HostAnnouncement datagrams sent by this test to the view's UDP 138 on
 * 127.0.15.10: GAMMA of ACCOUNTS from 127.0.17.13 (a routed subnet) with a one-second period, so it
 * goes stale after three missed announcements, and DELTA of LAB from 127.0.16.14 with the usual 12
 * minutes. Nothing is sent outside 127.0.0.0/8.
 */
class NetworkSiteViewTest {

	private static final Identity VIEWER = new Identity("SITEVIEW", "SALES",
			List.of(BindInterface.parse("127.0.15.10/24"), BindInterface.parse("127.0.16.10/24")), Optional.empty());
	private static final Identity ALPHA = new Identity("ALPHA", "SALES", List.of(BindInterface.parse("127.0.15.11/24")), Optional.empty());
	private static final Identity BETA = new Identity("BETA", "LAB", List.of(BindInterface.parse("127.0.16.12/24")), Optional.empty());
	private static final Inet4Address VIEWER_ADDRESS = BindInterface.parseIpv4("127.0.15.10");
	/** Ageing runs every 10 s; three one-second periods and a tick, waited for generously. */
	private static final Duration STALE = Duration.ofSeconds(90);

	@TempDir
	Path alphaWorkspace;
	@TempDir
	Path betaWorkspace;

	private Display display;
	private Shell shell;
	private IEclipseContext context;
	private Settings settings;
	private Identity saved;
	private final List<Presence> present = new ArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		display = Display.getDefault();
		settings = UiTesting.service(Settings.class);
		saved = settings.identity();
		settings.save(VIEWER);
		Messenger messenger = UiTesting.service(Messenger.class);
		InboxService inboxes = UiTesting.service(InboxService.class);
		present.add(messenger.join(ALPHA, inboxes.open(alphaWorkspace, ALPHA), null));
		present.add(messenger.join(BETA, inboxes.open(betaWorkspace, BETA), null));
		context = UiTesting.partContext();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(1300, 520);
		context.set(Composite.class, new Composite(shell, SWT.NONE));
	}

	@AfterEach
	void tearDown() throws Exception {
		shell.dispose();
		context.dispose();
		for (Presence p : present) {
			p.close();
		}
		settings.save(saved);
	}

	/** A HostAnnouncement of {@code host} to {@code workgroup}&lt;1D&gt; from {@code from}, as a host's browser sends it (MS-BRWS 2.2.1). */
	private static void announce(String host, String workgroup, String from, long periodMs) throws Exception {
		Inet4Address source = BindInterface.parseIpv4(from);
		byte[] wire = new BrowseDatagram(source, new NetbiosName(host, NetbiosName.WORKSTATION),
				new NetbiosName(workgroup, NetbiosName.LOCAL_MASTER_BROWSER), BrowseDatagram.BROWSE_MAILSLOT,
				Announcement.host(1, periodMs, host, 6, 1, ServerType.WORKSTATION | ServerType.SERVER, host + " of " + workgroup))
				.encode(7, true);
		try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(source, 0))) {
			s.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(VIEWER_ADDRESS, BrowserSettings.defaults().datagramPort())));
		}
	}

	private static TreeItem workgroup(NetworkPart part, String name) {
		for (TreeItem item : part.tree().getItems()) {
			if (name.equals(item.getData("workgroup"))) {
				return item;
			}
		}
		return null;
	}

	private static TreeItem host(NetworkPart part, String name) {
		for (TreeItem g : part.tree().getItems()) {
			for (TreeItem h : g.getItems()) {
				if (h.getText(NetworkPart.NAME).equals(name)) {
					return h;
				}
			}
		}
		return null;
	}

	@Test
	void workgroupsSideBySideEachHostWithItsSubnetAndWhoReportedItAndAStaleOneAgesOut() throws Exception {
		NetworkPart part = ContextInjectionFactory.make(NetworkPart.class, context);
		shell.open();
		try {
			part.browser().scan(List.of(BindInterface.parseIpv4("127.0.15.11"), BindInterface.parseIpv4("127.0.16.12")), ScanOptions.defaults(),
					hit -> {
					}); // the test's thread, as the view's worker does
			// the listener binds in the view's worker: announce (once a second) until the first one is heard
			long[] next = { 0 };
			waitFor(display, "GAMMA's announcement", Duration.ofSeconds(60), () -> {
				if (host(part, "GAMMA") != null) {
					return true;
				}
				if (System.nanoTime() - next[0] > 0) {
					next[0] = System.nanoTime() + 1_000_000_000L;
					try {
						announce("GAMMA", "ACCOUNTS", "127.0.17.13", 1_000);
					} catch (Exception e) {
						throw new AssertionError(e);
					}
				}
				return false;
			});
			announce("DELTA", "LAB", "127.0.16.14", 720_000);
			waitFor(display, "three workgroups with their four hosts", Duration.ofSeconds(60),
					() -> workgroup(part, "ACCOUNTS") != null && workgroup(part, "LAB") != null && workgroup(part, "SALES") != null
							&& host(part, "ALPHA") != null && host(part, "BETA") != null && host(part, "DELTA") != null);

			assertEquals(List.of("ACCOUNTS", "LAB", "SALES"), List.of(part.tree().getItems()).stream().map(i -> i.getData("workgroup")).toList(),
					"the workgroups side by side, each with its hosts");
			for (TreeItem g : part.tree().getItems()) {
				assertTrue(g.getExpanded(), g.getText(NetworkPart.NAME) + " is open");
			}
			assertTrue(workgroup(part, "LAB").getText(NetworkPart.NAME).startsWith("LAB (2 hosts"), workgroup(part, "LAB").getText(NetworkPart.NAME));

			TreeItem alpha = host(part, "ALPHA");
			assertEquals("127.0.15.11", alpha.getText(NetworkPart.ADDRESSES));
			assertEquals("127.0.15.0/24 (on-link)", alpha.getText(NetworkPart.SUBNET));
			assertEquals("node status of 127.0.15.11", alpha.getText(NetworkPart.REPORTED_BY));
			assertEquals("SALES", alpha.getParentItem().getData("workgroup"));
			TreeItem beta = host(part, "BETA");
			assertEquals("127.0.16.0/24 (on-link)", beta.getText(NetworkPart.SUBNET), "the view's second interface");
			assertEquals("node status of 127.0.16.12", beta.getText(NetworkPart.REPORTED_BY));
			TreeItem delta = host(part, "DELTA");
			assertEquals("127.0.16.0/24 (on-link)", delta.getText(NetworkPart.SUBNET));
			assertEquals("announcement from 127.0.16.14", delta.getText(NetworkPart.REPORTED_BY));
			assertEquals("DELTA of LAB", delta.getText(NetworkPart.COMMENT));
			TreeItem gamma = host(part, "GAMMA");
			assertEquals("127.0.0.0/8 (routed, classful)", gamma.getText(NetworkPart.SUBNET), "not on either of the view's subnets");
			assertEquals("announcement from 127.0.17.13", gamma.getText(NetworkPart.REPORTED_BY));

			String tip = part.tooltip(alpha);
			assertNotNull(tip);
			assertTrue(tip.startsWith("ALPHA in SALES\n127.0.15.11 on 127.0.15.0/24 (on-link)\nreported by node status of 127.0.15.11, "), tip);
			assertEquals("ACCOUNTS", part.tooltip(workgroup(part, "ACCOUNTS")), "no master browser known for ACCOUNTS");

			// GAMMA announced a one-second period and fell silent: after three missed announcements it is stale, shown grey
			waitFor(display, "GAMMA to go stale", STALE, () -> host(part, "GAMMA").getText(NetworkPart.STATUS).startsWith("stale"));
			gamma = host(part, "GAMMA");
			assertEquals(display.getSystemColor(SWT.COLOR_DARK_GRAY), gamma.getForeground());
			assertTrue(host(part, "DELTA").getText(NetworkPart.STATUS).startsWith("active"), "DELTA's period is 12 minutes");
			Path shot = Screenshots.take(shell, "network-workgroups-subnets.png");
			assertTrue(Files.size(shot) > 0);
		} finally {
			ContextInjectionFactory.invoke(part, jakarta.annotation.PreDestroy.class, context);
		}
	}
}
