/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import static org.herald.messenger.ui.Messages.message;
import static org.herald.ui.testing.UiTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.herald.api.MessageFlag;
import org.herald.api.Settings;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxService;
import org.herald.inbox.SpamSettings;
import org.herald.messenger.ui.internal.ArrivalPopup;
import org.herald.messenger.ui.internal.Notifications;
import org.herald.ui.testing.Screenshots;
import org.herald.ui.testing.UiTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** New messages in the real inbox pop up on a real display; quiet mode and quarantine keep them down. */
class ArrivalAddonTest {

	private Display display;
	private IEclipseContext context;
	private Inbox inbox;
	private ArrivalAddon addon;

	@BeforeEach
	void setUp() throws Exception {
		display = Display.getDefault();
		Notifications.DEFAULTS.save();
		context = UiTesting.partContext();
		MApplication app = context.get(EModelService.class) != null
				? context.get(EModelService.class).createModelElement(MApplication.class)
				: org.eclipse.e4.ui.model.application.impl.ApplicationFactoryImpl.eINSTANCE.createApplication();
		context.set(MApplication.class, app);
		Path workspace = Path.of(UiTesting.workspace().getURL().getPath());
		inbox = UiTesting.service(InboxService.class).open(workspace, UiTesting.service(Settings.class).identity());
		inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), false, false));
		inbox.delete(Arrays.stream(inbox.ids(InboxQuery.all())).boxed().toList());
		addon = ContextInjectionFactory.make(ArrivalAddon.class, context);
	}

	@AfterEach
	void tearDown() throws Exception {
		ContextInjectionFactory.invoke(addon, jakarta.annotation.PreDestroy.class, context);
		for (ArrivalPopup p : addon.popups()) {
			if (!p.shell().isDisposed()) {
				p.shell().dispose();
			}
		}
		context.dispose();
		Notifications.DEFAULTS.save();
	}

	private static String allText(Control c) {
		StringBuilder b = new StringBuilder();
		if (c instanceof Text t) {
			b.append(t.getText()).append('\n');
		} else if (c instanceof org.eclipse.swt.widgets.Label l) {
			b.append(l.getText()).append('\n');
		}
		if (c instanceof org.eclipse.swt.widgets.Composite comp) {
			for (Control child : comp.getChildren()) {
				b.append(allText(child));
			}
		}
		return b.toString();
	}

	@Test
	void aNewMessagePopsUpWithSenderTextAndReply() throws Exception {
		inbox.accept(message("ALICE", "127.0.0.7", "Coffee in 5 minutes", Instant.now()));
		waitFor(display, "a pop-up", () -> addon.popups().size() == 1 && addon.popups().get(0).shell().isVisible());
		Shell shell = addon.popups().get(0).shell();
		assertEquals("Message from ALICE", shell.getText());
		String text = allText(shell);
		assertTrue(text.contains("Coffee in 5 minutes"), text);
		assertTrue(text.contains("ALICE (127.0.0.7)"), text);
		assertTrue(Arrays.stream(((org.eclipse.swt.widgets.Composite) shell.getChildren()[2]).getChildren())
				.anyMatch(c -> c instanceof Button b && b.getText().equals("&Reply")));
		assertEquals(0, shell.getStyle() & SWT.ON_TOP, "an ordinary message does not stay on top");
	}

	/**
	 * The addon opens the store off the UI thread: what was in the inbox before it started stays down,
	 * and a message stored while the store was still being opened pops up all the same.
	 */
	@Test
	void onlyWhatArrivesAfterTheStartPopsUp() throws Exception {
		ContextInjectionFactory.invoke(addon, jakarta.annotation.PreDestroy.class, context);
		inbox.accept(message("EARLY", "127.0.0.10", "sent before the workbench started", Instant.now()));
		addon = ContextInjectionFactory.make(ArrivalAddon.class, context);
		long late = inbox.accept(message("LATE", "127.0.0.11", "sent as it started", Instant.now())).stored().orElseThrow().id();
		waitFor(display, "the late message to be seen", () -> addon.lastSeen() >= late);
		waitFor(display, "its pop-up", () -> addon.popups().size() == 1);
		while (display.readAndDispatch()) {
			// let any pop-up that was (wrongly) scheduled for the early one open
		}
		assertEquals(1, addon.popups().size());
		assertEquals("Message from LATE", addon.popups().get(0).shell().getText());
	}

	@Test
	void urgentMessagesStayOnTop() throws Exception {
		inbox.accept(message("BOSS", "127.0.0.8", "Fire drill now", Instant.now(), MessageFlag.URGENT));
		waitFor(display, "a pop-up", () -> addon.popups().size() == 1);
		Shell shell = addon.popups().get(0).shell();
		assertEquals("Urgent message from BOSS", shell.getText());
		assertTrue(((org.eclipse.swt.widgets.Label) shell.getChildren()[0]).getText().startsWith("Urgent message from BOSS (127.0.0.8)"),
				"the header inside says so too (a desktop without title bars shows only that)");
		assertTrue((shell.getStyle() & SWT.ON_TOP) != 0);
	}

	/**
	 * Quiet mode (and pop-ups turned off) never quiet an urgent message; an urgent message that the
	 * spam policy quarantined still stays down: urgency changes how a message is shown, not whether
	 * the defences let it through.
	 */
	@Test
	void urgentMessagesPopUpInQuietModeButNotFromQuarantine() throws Exception {
		new Notifications(true, false, true, true).save();
		long calm = inbox.accept(message("CAROL", "127.0.0.9", "lunch?", Instant.now())).stored().orElseThrow().id();
		waitFor(display, "the ordinary message to be seen", () -> addon.lastSeen() >= calm);
		assertEquals(0, addon.popups().size(), "quiet: no pop-up for an ordinary message");
		inbox.accept(message("BOSS", "127.0.0.8", "Server room flooding", Instant.now(), MessageFlag.URGENT));
		waitFor(display, "the urgent pop-up in quiet mode", () -> addon.popups().size() == 1 && addon.popups().get(0).shell().isVisible());
		assertEquals("Urgent message from BOSS", addon.popups().get(0).shell().getText());
		Screenshots.take(addon.popups().get(0).shell(), "urgent-popup-quiet-mode.png");

		inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), false, true));
		long held = inbox.accept(message("OUTSIDER", "127.0.0.13", "URGENT!!! click here", Instant.now(), MessageFlag.URGENT)).stored()
				.orElseThrow().id();
		assertTrue(inbox.get(held).orElseThrow().flags().contains(MessageFlag.QUARANTINED), "quarantined though urgent");
		waitFor(display, "the quarantined urgent message to be seen", () -> addon.lastSeen() >= held);
		while (display.readAndDispatch()) {
			// let any pop-up that was (wrongly) scheduled open
		}
		assertEquals(1, addon.popups().size(), "no pop-up for the quarantined one");
	}

	@Test
	void quietModeAndQuarantineKeepPopUpsDown() throws Exception {
		new Notifications(true, true, true, true).save();
		long quiet = inbox.accept(message("CAROL", "127.0.0.9", "shh", Instant.now())).stored().orElseThrow().id();
		waitFor(display, "the quiet message to be seen", () -> addon.lastSeen() >= quiet);
		new Notifications(true, true, true, false).save();
		inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), false, true));
		long held = inbox.accept(message("SPAMMER", "127.0.0.13", "buy now", Instant.now())).stored().orElseThrow().id();
		assertTrue(inbox.get(held).orElseThrow().flags().contains(MessageFlag.QUARANTINED));
		waitFor(display, "the quarantined message to be seen", () -> addon.lastSeen() >= held);
		while (display.readAndDispatch()) {
			// let any pop-up that was (wrongly) scheduled open
		}
		assertEquals(0, addon.popups().size(), "nothing popped up");
		assertEquals(Set.of(), Set.copyOf(addon.popups()));
	}
}
