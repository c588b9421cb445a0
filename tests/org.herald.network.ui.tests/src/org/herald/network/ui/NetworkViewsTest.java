/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.network.ui;

import static org.herald.ui.testing.UiTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.Settings;
import org.herald.browser.HostObservation;
import org.herald.browser.ScanOptions;
import org.herald.inbox.InboxService;
import org.herald.messenger.Messenger;
import org.herald.messenger.Presence;
import org.herald.ui.testing.UiTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network and exposure views with the real browser and checker, looking at a second Herald
 * that is present on 127.0.0.43 (loopback only; the views bind 127.0.0.42).
 */
class NetworkViewsTest {

	private static final Identity VIEWER = new Identity("NETVIEW", "UITEST", List.of(BindInterface.parse("127.0.0.42/8")), Optional.empty());
	private static final Identity PEER = new Identity("PEER", "UITEST", List.of(BindInterface.parse("127.0.0.43/8")), Optional.empty());
	private static final Inet4Address PEER_ADDRESS = BindInterface.parseIpv4("127.0.0.43");

	@TempDir
	Path peerWorkspace;

	private Display display;
	private Shell shell;
	private IEclipseContext context;
	private Settings settings;
	private Identity saved;
	private Presence peer;

	@BeforeEach
	void setUp() throws Exception {
		display = Display.getDefault();
		settings = UiTesting.service(Settings.class);
		saved = settings.identity();
		settings.save(VIEWER);
		peer = UiTesting.service(Messenger.class).join(PEER, UiTesting.service(InboxService.class).open(peerWorkspace, PEER), null);
		context = UiTesting.partContext();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(1000, 600);
		context.set(Composite.class, new Composite(shell, SWT.NONE));
	}

	@AfterEach
	void tearDown() throws Exception {
		shell.dispose();
		context.dispose();
		peer.close();
		settings.save(saved);
	}

	private static List<String> rows(TreeItem[] items) {
		return Arrays.stream(items).flatMap(i -> {
			List<String> own = List.of(i.getText(0));
			return java.util.stream.Stream.concat(own.stream(), rows(i.getItems()).stream());
		}).toList();
	}

	@Test
	void aScanAndAChangeOfTheModelShowInTheTreeAndTheFilterNarrowsIt() throws Exception {
		NetworkPart part = ContextInjectionFactory.make(NetworkPart.class, context);
		shell.open();
		try {
			part.browser().scan(List.of(PEER_ADDRESS), ScanOptions.defaults(), null); // the test's thread, as the view's worker does
			waitFor(display, "the scanned host in the tree", () -> rows(part.tree().getItems()).contains("PEER"));
			TreeItem workgroup = part.tree().getItems()[0];
			assertTrue(workgroup.getText(0).startsWith("UITEST (1 host"), workgroup.getText(0));
			assertEquals("127.0.0.43", workgroup.getItem(0).getText(NetworkPart.ADDRESSES));
			assertEquals("node status of 127.0.0.43", workgroup.getItem(0).getText(NetworkPart.REPORTED_BY));

			part.browser().model().observe(HostObservation.registered("FILESRV", Optional.of("ACCOUNTS"), BindInterface.parseIpv4("127.0.0.44"),
					Instant.now()));
			waitFor(display, "a second workgroup", () -> rows(part.tree().getItems()).contains("FILESRV"));

			part.filterField().setText("filesrv");
			waitFor(display, "the filter", () -> rows(part.tree().getItems()).equals(List.of(part.tree().getItems()[0].getText(0), "FILESRV")));
			part.filterField().setText("");
			waitFor(display, "both again", () -> rows(part.tree().getItems()).containsAll(List.of("PEER", "FILESRV")));
		} finally {
			ContextInjectionFactory.invoke(part, jakarta.annotation.PreDestroy.class, context);
		}
	}

	/**
	 * Opened before any interface is configured (as on a first run), both views show what is missing;
	 * once the setup saves the settings and announces them, they start over on the new interface with
	 * no restart: the network view's browser scans the peer, the checker checks it.
	 */
	@Test
	void bothViewsStartOverOnSavedSettingsWithoutARestart() throws Exception {
		Identity unconfigured = new Identity("NETVIEW", "UITEST", List.of(), Optional.empty());
		settings.save(unconfigured);
		IEclipseContext exposureContext = UiTesting.partContext();
		exposureContext.set(Composite.class, new Composite(shell, SWT.NONE));
		NetworkPart network = ContextInjectionFactory.make(NetworkPart.class, context);
		ExposurePart exposure = ContextInjectionFactory.make(ExposurePart.class, exposureContext);
		shell.open();
		try {
			assertEquals(null, network.tree(), "no tree without interfaces");
			assertEquals(null, exposure.results(), "no checker without interfaces");

			settings.save(VIEWER);
			context.get(IEventBroker.class).send(org.herald.ui.HeraldEvents.SETTINGS_CHANGED, VIEWER);
			waitFor(display, "both views rebuilt on " + VIEWER.interfaces(), () -> network.tree() != null && exposure.results() != null);

			network.browser().scan(List.of(PEER_ADDRESS), ScanOptions.defaults(), null);
			waitFor(display, "the scanned host in the rebuilt tree", () -> rows(network.tree().getItems()).contains("PEER"));
			context.get(IEventBroker.class).send(NetworkEvents.CHECK_EXPOSURE, List.of(PEER_ADDRESS));
			waitFor(display, "the rebuilt checker's result", () -> exposure.results().getItemCount() == 1);
			assertEquals("127.0.0.43", exposure.results().getItem(0).getText(0));
		} finally {
			ContextInjectionFactory.invoke(network, jakarta.annotation.PreDestroy.class, context);
			ContextInjectionFactory.invoke(exposure, jakarta.annotation.PreDestroy.class, exposureContext);
			exposureContext.dispose();
		}
	}

	@Test
	void exposureOfAPresentHeraldIsHighWithItsMessengerNameAndExports() throws Exception {
		ExposurePart part = ContextInjectionFactory.make(ExposurePart.class, context);
		shell.open();
		try {
			context.get(IEventBroker.class).send(NetworkEvents.CHECK_EXPOSURE, List.of(PEER_ADDRESS));
			waitFor(display, "the check's result", () -> part.results().getItemCount() == 1);
			var row = part.results().getItem(0);
			assertEquals("127.0.0.43", row.getText(0));
			assertEquals("high", row.getText(1));
			assertEquals("closed", row.getText(2), "nothing listens on 135");
			assertEquals("open", row.getText(3), "137: the name responder answers");
			assertEquals("open", row.getText(5), "139");
			assertEquals("open", row.getText(6), "445");
			assertTrue(row.getText(7).contains("PEER<03>"), row.getText(7));
			part.results().select(0);
			part.results().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
			assertTrue(part.details().getText().contains("What to do:"), part.details().getText());
			Path html = part.export(Files.createTempFile("exposure", ".html"));
			assertTrue(Files.readString(html).contains("127.0.0.43"));
			Path csv = part.export(Files.createTempFile("exposure", ".csv"));
			assertTrue(Files.readString(csv).lines().anyMatch(l -> l.startsWith("host,127.0.0.43,445/tcp,OPEN,")), Files.readString(csv));
		} finally {
			ContextInjectionFactory.invoke(part, jakarta.annotation.PreDestroy.class, context);
		}
	}
}
