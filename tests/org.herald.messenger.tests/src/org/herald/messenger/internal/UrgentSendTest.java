/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.herald.api.Identity;
import org.herald.api.MessageFlag;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxService;
import org.herald.inbox.SenderPattern;
import org.herald.inbox.SpamRule;
import org.herald.inbox.SpamSettings;
import org.herald.messenger.MessengerPorts;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerPins;
import org.herald.peer.PeerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code herald send --urgent} on loopback: PEERHOST (127.0.0.154) runs the peer service in front of
 * the real H2 inbox (its DS service, a temporary workspace), LEGACY (127.0.0.151) only the plain
 * session receiver; the sender is 127.0.0.153. Free ports; nothing leaves 127.0.0.0/8. The peer
 * gets the urgent flag, the legacy host the text after "URGENT: ", and urgency gets past neither a
 * block rule nor the flood limit.
 */
class UrgentSendTest {

	@TempDir
	Path tmp;
	private final Identity peerHost = Loopback.identity("PEERHOST", "127.0.0.154");
	private Inbox inbox;
	private PeerService peer;
	private Loopback.Host legacy;
	private String portsArg;

	@BeforeEach
	void start() throws Exception {
		Path peerWorkspace = Files.createDirectories(tmp.resolve("peer"));
		ServiceTracker<InboxService, InboxService> tracker = new ServiceTracker<>(
				FrameworkUtil.getBundle(UrgentSendTest.class).getBundleContext(), InboxService.class, null);
		tracker.open();
		InboxService service = tracker.waitForService(30_000);
		inbox = service.open(peerWorkspace, peerHost);
		inbox.updateSettings(new SpamSettings(2, Duration.ofMinutes(10), false, false));
		peer = PeerService.start(peerHost, 0, IdentityKey.loadOrCreate(peerWorkspace), PeerPins.in(peerWorkspace), inbox,
				new PeerService.Listener() {
				}, PeerService.Limits.defaults());
		MessengerPorts ports = Loopback.freePorts();
		portsArg = ports.session() + "," + ports.direct() + "," + ports.datagram();
		legacy = new Loopback.Host("LEGACY", "127.0.0.151", ports);
	}

	@AfterEach
	void stop() throws Exception {
		peer.close();
		legacy.close();
		inbox.close();
	}

	private TestContext send(String... args) throws Exception {
		TestContext c = new TestContext(Loopback.identity("SENDER", "127.0.0.153"), "", Files.createDirectories(tmp.resolve("sender")));
		SendCommand cmd = new SendCommand(n -> n.name().equals("PEERHOST") ? List.of(ip("127.0.0.154"))
				: n.name().equals("LEGACY") ? List.of(ip("127.0.0.151")) : List.of(), Loopback.DATAGRAMS);
		List<String> all = new java.util.ArrayList<>(List.of("--ports", portsArg, "--peer-port", Integer.toString(peer.addresses().get(0).getPort())));
		all.addAll(List.of(args));
		cmd.run(c, all);
		return c;
	}

	@Test
	void aHeraldPeerGetsTheUrgentFlagALegacyHostTheTextAfterUrgent() throws Exception {
		TestContext c = send("--urgent", "PEERHOST", "LEGACY", "Fire drill at 10:00");
		String[] lines = c.output().split("\n");
		assertEquals("PEERHOST 127.0.0.154 peer delivered encrypted (stored; key new)", lines[0]);
		assertTrue(lines[1].startsWith("LEGACY<03> 127.0.0.151 session delivered") && lines[1].endsWith("plain because legacy peer"), lines[1]);

		List<StoredMessage> stored = inbox.page(InboxQuery.all()).messages();
		assertEquals(1, stored.size());
		assertEquals("Fire drill at 10:00", stored.get(0).message().text(), "the flag, not a prefix, on the peer channel");
		assertEquals(Set.of(MessageFlag.ENCRYPTED, MessageFlag.URGENT), stored.get(0).message().flags());
		assertEquals(1, inbox.count(InboxQuery.all().withFlags(Set.of(MessageFlag.URGENT))), "the store finds it by its urgent mark");

		List<ReceivedMessage> plain = legacy.sink.await(1, Duration.ofSeconds(30));
		assertEquals("URGENT: Fire drill at 10:00", plain.get(0).text());
		assertFalse(plain.get(0).flags().contains(MessageFlag.URGENT), "plain text cannot carry the mark");

		send("PEERHOST", "Not urgent");
		StoredMessage calm = inbox.page(InboxQuery.all()).messages().get(0);
		assertEquals("Not urgent", calm.message().text());
		assertFalse(calm.message().flags().contains(MessageFlag.URGENT));
	}

	@Test
	void urgencyPassesNeitherTheFloodLimitNorABlockRule() throws Exception {
		assertTrue(send("--urgent", "PEERHOST", "one").output().startsWith("PEERHOST 127.0.0.154 peer delivered"));
		assertTrue(send("--urgent", "PEERHOST", "two").output().startsWith("PEERHOST 127.0.0.154 peer delivered"));
		String third = send("--urgent", "PEERHOST", "three").output();
		assertTrue(third.startsWith("PEERHOST 127.0.0.154 peer failed refused encrypted (refused: flood limit"), third);
		assertEquals(2, inbox.count(InboxQuery.all()), "the flood limit of 2 holds for urgent messages");

		inbox.updateSettings(new SpamSettings(0, Duration.ofMinutes(10), false, false));
		inbox.addRule(new SpamRule(SpamRule.RuleList.BLOCK, SenderPattern.parse("127.0.0.153")));
		String blocked = send("--urgent", "PEERHOST", "let me in").output();
		assertTrue(blocked.startsWith("PEERHOST 127.0.0.154 peer failed refused encrypted (refused: "), blocked);
		assertEquals(2, inbox.count(InboxQuery.all()), "nothing from a blocked sender is stored, urgent or not");
	}
}
