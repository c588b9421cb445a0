/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import static org.herald.ui.testing.UiTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.eclipse.swt.widgets.TableItem;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageFlag;
import org.herald.api.Settings;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxService;
import org.herald.messenger.Messenger;
import org.herald.messenger.MessageTemplates;
import org.herald.messenger.Presence;
import org.herald.messenger.RecipientLists;
import org.herald.messenger.ui.internal.DeliveryRows;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerPins;
import org.herald.peer.PeerService;
import org.herald.ui.ComposeRequest;
import org.herald.ui.HeraldEvents;
import org.herald.ui.testing.Screenshots;
import org.herald.ui.testing.UiTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The composer with the real messenger: it sends as the saved identity (127.0.0.21/8) to a second
 * Herald present on 127.0.0.22 (standard ports, loopback only), whose inbox must hold the text.
 */
class ComposePartTest {

	private static final Identity SENDER = new Identity("COMPOSER", "UITEST", List.of(BindInterface.parse("127.0.0.21/8")), Optional.empty());
	private static final Identity RECEIVER = new Identity("RECEIVER", "UITEST", List.of(BindInterface.parse("127.0.0.22/8")),
			Optional.empty());

	private Display display;
	private Shell shell;
	private IEclipseContext context;
	private ComposePart part;
	private Settings settings;
	private Identity saved;

	@BeforeEach
	void setUp() throws Exception {
		display = Display.getDefault();
		settings = UiTesting.service(Settings.class);
		saved = settings.identity();
		settings.save(SENDER);
		context = UiTesting.partContext();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(900, 500);
		context.set(Composite.class, new Composite(shell, SWT.NONE));
		part = ContextInjectionFactory.make(ComposePart.class, context);
		shell.open();
	}

	@AfterEach
	void tearDown() throws Exception {
		ContextInjectionFactory.invoke(part, jakarta.annotation.PreDestroy.class, context);
		shell.dispose();
		context.dispose();
		settings.save(saved);
	}

	@Test
	void countsBytesInTheOemCodePageAgainstThePathLimit() {
		part.textField().setText("Grüße\nzwei");
		assertTrue(part.countLabel().getText().startsWith("11 / 1,598 bytes"), part.countLabel().getText());
		part.textField().setText("\u263A smile");
		assertTrue(part.countLabel().getText().contains("UTF-8"), "a character outside CP850 sends the text as UTF-8");
		part.pathChooser().select(2);
		part.pathChooser().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		assertTrue(part.countLabel().getText().contains("/ 398 bytes"), part.countLabel().getText());
	}

	@Test
	void countsInTheCodePagesOfTheRecipientsTyped() throws Exception {
		var store = UiTesting.service(org.herald.messenger.CodePageStore.class);
		var before = store.load();
		try {
			store.save(org.herald.messenger.CodePages.standard().with(org.herald.messenger.CodePageRule.parse("DOSBOX", "CP866")));
			part.textField().setText("Привет");
			assertTrue(part.countLabel().getText().startsWith("12 / 1,598 bytes, UTF-8"), part.countLabel().getText());
			part.toField().setText("dosbox");
			assertEquals("6 / 1,598 bytes, IBM866", part.countLabel().getText());
			// a CP866 host and a CP850 one: the larger count (UTF-8 for the CP850 host) and both code pages
			part.toField().setText("DOSBOX, WEST");
			assertEquals("12 / 1,598 bytes, UTF-8 (some characters are not in IBM850); the recipients use IBM866, IBM850, the largest count is shown",
					part.countLabel().getText());
		} finally {
			store.save(before);
		}
	}

	@Test
	void badRecipientsSayWhatIsWrongAndSendNothing() {
		part.toField().setText("GOOD, A*B");
		part.textField().setText("hello");
		part.send();
		assertTrue(part.statusLabel().getText().startsWith("'A*B' is not a recipient"), part.statusLabel().getText());
		assertEquals(0, part.reportTable().getItemCount());
	}

	@Test
	void aReplyRequestFillsTheComposer() {
		context.get(IEventBroker.class).send(HeraldEvents.COMPOSE, new ComposeRequest("ALICE", "\n\n> hi"));
		waitFor(display, "the composer to fill", () -> part.toField().getText().equals("ALICE"));
		assertEquals("\n\n> hi", part.textField().getText());
	}

	/**
	 * A Herald peer (PEERHOST, 127.0.0.25: receivers, responder and the peer service on TCP 1139) gets
	 * the text encrypted, with the lock mark in the report; a Herald without the peer service
	 * (LEGACYHOST, 127.0.0.26) gets it plain, said so. Then PEERHOST's pin is replaced by another key:
	 * the composer refuses to send, because the pinned key changed.
	 */
	@Test
	void encryptsToAHeraldPeerPlainToALegacyOneAndRefusesAChangedKey() throws Exception {
		Identity peerHost = new Identity("PEERHOST", "UITEST", List.of(BindInterface.parse("127.0.0.25/8")), Optional.empty());
		Identity legacyHost = new Identity("LEGACYHOST", "UITEST", List.of(BindInterface.parse("127.0.0.26/8")), Optional.empty());
		Path peerWorkspace = Files.createTempDirectory("herald-peer");
		Path legacyWorkspace = Files.createTempDirectory("herald-legacy");
		Path ours = Path.of(UiTesting.workspace().getURL().getPath());
		PeerPins pins = PeerPins.in(ours);
		pins.forget("PEERHOST");
		InboxService inboxes = UiTesting.service(InboxService.class);
		Inbox peerInbox = inboxes.open(peerWorkspace, peerHost);
		Inbox legacyInbox = inboxes.open(legacyWorkspace, legacyHost);
		Messenger messenger = UiTesting.service(Messenger.class);
		try (Presence peer = messenger.join(peerHost, peerInbox, null);
				PeerService peerService = PeerService.start(peerHost, PeerService.DEFAULT_PORT, IdentityKey.loadOrCreate(peerWorkspace),
						PeerPins.in(peerWorkspace), peerInbox, new PeerService.Listener() {
						}, PeerService.Limits.defaults());
				Presence legacy = messenger.join(legacyHost, legacyInbox, null)) {
			part.toField().setText("127.0.0.25, 127.0.0.26");
			part.textField().setText("The vault code is 4711.");
			part.send();
			waitFor(display, "the delivery report", () -> part.reportTable().getItemCount() == 2);
			TableItem encrypted = row("127.0.0.25");
			assertEquals("delivered", encrypted.getText(DeliveryRows.RESULT));
			assertEquals("peer", encrypted.getText(DeliveryRows.PATH));
			assertEquals("encrypted", encrypted.getText(DeliveryRows.CHANNEL));
			assertSame(part.deliveryRows().lock(), encrypted.getImage(DeliveryRows.CHANNEL), "the lock mark");
			TableItem plain = row("127.0.0.26");
			assertEquals("delivered", plain.getText(DeliveryRows.RESULT));
			assertEquals("plain because legacy peer", plain.getText(DeliveryRows.CHANNEL));
			assertNull(plain.getImage(DeliveryRows.CHANNEL), "no lock on plain text");
			assertEquals("2 of 2 sent", part.statusLabel().getText());
			var stored = peerInbox.page(InboxQuery.all()).messages();
			assertEquals(1, stored.size());
			assertEquals("The vault code is 4711.", stored.get(0).message().text());
			assertTrue(stored.get(0).message().flags().contains(MessageFlag.ENCRYPTED));
			assertEquals("The vault code is 4711.", legacyInbox.page(InboxQuery.all()).messages().get(0).message().text());
			Screenshots.take(shell, "compose-report-encrypted.png");

			pins.forget("PEERHOST");
			pins.check("PEERHOST", IdentityKey.loadOrCreate(Files.createTempDirectory("herald-impostor")).publicKey());
			part.toField().setText("127.0.0.25");
			part.textField().setText("Second message.");
			part.send();
			waitFor(display, "the refusal", () -> part.reportTable().getItemCount() == 1 && part.statusLabel().getText().endsWith(" sent"));
			TableItem refused = part.reportTable().getItem(0);
			assertEquals("failed: key changed", refused.getText(DeliveryRows.RESULT));
			assertEquals("refused: pinned key changed", refused.getText(DeliveryRows.CHANNEL));
			assertTrue(refused.getText(DeliveryRows.DETAIL).startsWith("refused because the pinned key changed"), refused.getText(DeliveryRows.DETAIL));
			assertEquals("0 of 1 sent", part.statusLabel().getText());
			assertEquals(1, peerInbox.page(InboxQuery.all()).messages().size(), "nothing more reached PEERHOST");
			Screenshots.take(shell, "compose-report-key-changed.png");
		} finally {
			pins.forget("PEERHOST");
		}
	}

	private TableItem row(String address) {
		for (TableItem item : part.reportTable().getItems()) {
			if (item.getText(DeliveryRows.ADDRESS).equals(address)) {
				return item;
			}
		}
		throw new AssertionError("no report row for " + address);
	}

	/**
	 * A recipient list of the workspace, {@code @UITEAM}: a Herald present on 127.0.0.155 (standard
	 * ports, loopback only) and 127.0.0.156, where nothing listens. The composer suggests the list,
	 * expands it into one report row per member, and says so when a list does not exist.
	 */
	@Test
	void aRecipientListIsSuggestedAndSentToEachMember() throws Exception {
		Identity member = new Identity("LISTMEMBER", "UITEST", List.of(BindInterface.parse("127.0.0.155/8")), Optional.empty());
		RecipientLists lists = RecipientLists.in(Path.of(UiTesting.workspace().getURL().getPath()));
		lists.add("UITEAM", List.of("127.0.0.155", "127.0.0.156"));
		Inbox memberInbox = UiTesting.service(InboxService.class).open(Files.createTempDirectory("herald-list-member"), member);
		try (Presence present = UiTesting.service(Messenger.class).join(member, memberInbox, null)) {
			part.toField().notifyListeners(SWT.FocusIn, new org.eclipse.swt.widgets.Event());
			waitFor(display, "the list among the suggestions", () -> part.proposals().contains("@UITEAM"));
			part.toField().setText("@uiteam");
			part.textField().setText("Standup in five minutes.");
			part.send();
			waitFor(display, "the delivery report", () -> part.reportTable().getItemCount() == 2 && part.statusLabel().getText().endsWith(" sent"));
			assertEquals("delivered", row("127.0.0.155").getText(DeliveryRows.RESULT));
			assertTrue(row("127.0.0.156").getText(DeliveryRows.RESULT).startsWith("failed: "), "nothing listens on 127.0.0.156");
			assertEquals("1 of 2 sent", part.statusLabel().getText());
			assertEquals("Standup in five minutes.", memberInbox.page(InboxQuery.all()).messages().get(0).message().text());

			part.toField().setText("@NOPE");
			part.send();
			assertEquals("'@NOPE' is not a recipient: unknown list @NOPE; the lists are @UITEAM", part.statusLabel().getText());
		} finally {
			lists.remove("UITEAM", List.of());
		}
	}

	/**
	 * A template of the workspace fills the text: {host} at once, {to} per recipient when sending, and
	 * {ticket} is left for the user, who cannot send before filling it. The recipient is the list
	 * {@code @UITPL}, a Herald present on 127.0.0.155 (standard ports, loopback only), and Urgent is ticked.
	 */
	@Test
	void aTemplateFillsTheTextAndItsToFieldPerRecipient() throws Exception {
		Identity member = new Identity("TPLMEMBER", "UITEST", List.of(BindInterface.parse("127.0.0.155/8")), Optional.empty());
		MessageTemplates templates = MessageTemplates.in(Path.of(UiTesting.workspace().getURL().getPath()));
		templates.put("UIMAINT", "Hello {to}, {host} restarts {ticket}.");
		RecipientLists lists = RecipientLists.in(Path.of(UiTesting.workspace().getURL().getPath()));
		lists.add("UITPL", List.of("127.0.0.155"));
		Inbox memberInbox = UiTesting.service(InboxService.class).open(Files.createTempDirectory("herald-template-member"), member);
		try (Presence present = UiTesting.service(Messenger.class).join(member, memberInbox, null)) {
			part.templateChooser().notifyListeners(SWT.FocusIn, new org.eclipse.swt.widgets.Event());
			int index = List.of(part.templateChooser().getItems()).indexOf("UIMAINT");
			assertTrue(index > 0, List.of(part.templateChooser().getItems()).toString());
			part.templateChooser().select(index);
			part.templateChooser().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
			assertEquals("Hello {to}, COMPOSER restarts {ticket}.", part.textField().getText());
			assertEquals("Fill in {ticket}", part.statusLabel().getText());
			part.toField().setText("@UITPL");
			part.urgentBox().setSelection(true);
			part.send();
			assertEquals("Fill in {ticket} before sending", part.statusLabel().getText());
			assertEquals(0, part.reportTable().getItemCount(), "nothing sent");
			part.textField().setText(part.textField().getText().replace("{ticket}", "FS1"));
			part.send();
			waitFor(display, "the delivery report", () -> part.reportTable().getItemCount() == 1 && part.statusLabel().getText().endsWith(" sent"));
			assertEquals("1 of 1 sent", part.statusLabel().getText());
			// TPLMEMBER runs no peer service: plain, so the urgency is the text's prefix
			assertEquals("URGENT: Hello 127.0.0.155, COMPOSER restarts FS1.", memberInbox.page(InboxQuery.all()).messages().get(0).message().text());
			Screenshots.take(shell, "compose-list-template-urgent.png");
		} finally {
			lists.remove("UITPL", List.of());
			templates.remove("UIMAINT");
		}
	}

	@Test
	void sendingProducesADeliveryReportAndTheOtherHeraldStoresTheText() throws Exception {
		Path otherWorkspace = Files.createTempDirectory("herald-receiver");
		Inbox otherInbox = UiTesting.service(InboxService.class).open(otherWorkspace, RECEIVER);
		try (Presence receiver = UiTesting.service(Messenger.class).join(RECEIVER, otherInbox, null)) {
			part.toField().setText("127.0.0.22, 127.0.0.23");
			part.textField().setText("Server reboot at 18:00.\nPlease save your work.");
			part.send();
			waitFor(display, "the delivery report", () -> part.reportTable().getItemCount() == 2);
			TableItem delivered = row("127.0.0.22");
			assertEquals("127.0.0.22", delivered.getText(DeliveryRows.RECIPIENT));
			assertEquals("delivered", delivered.getText(DeliveryRows.RESULT));
			assertEquals("session", delivered.getText(DeliveryRows.PATH));
			assertEquals("plain because legacy peer", delivered.getText(DeliveryRows.CHANNEL), "RECEIVER runs no peer service");
			assertTrue(row("127.0.0.23").getText(DeliveryRows.RESULT).startsWith("failed: "), "nothing listens on 127.0.0.23");
			assertEquals("1 of 2 sent", part.statusLabel().getText());
			var stored = otherInbox.page(InboxQuery.all()).messages();
			assertEquals(1, stored.size());
			assertEquals("Server reboot at 18:00.\nPlease save your work.", stored.get(0).message().text());
			assertEquals("COMPOSER", stored.get(0).message().senderName());
		}
	}
}
