/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.herald.api.Identity;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxService;
import org.herald.inbox.SenderPattern;
import org.herald.inbox.SpamRule;
import org.herald.inbox.SpamSettings;
import org.herald.messenger.Delivery;
import org.herald.messenger.Delivery.FailureReason;
import org.herald.messenger.Delivery.Status;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Recipient;
import org.herald.messenger.wire.MessageCharset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * "Delivered" means stored: the session receiver in front of the real inbox (its DS service, a
 * temporary workspace) on 127.0.0.2, and Herald's own sender on 127.0.0.4 sending one message per
 * session. What the spam policy turns away is answered with an error the sender reports.
 */
class FloodRefusalTest {

	private static final Identity RECEIVER = Loopback.identity("HERALD1", "127.0.0.2");

	@TempDir
	Path workspace;

	private Inbox inbox;
	private SessionReceiver receiver;
	private final ReceiverCounters counters = new ReceiverCounters();
	private MessengerPorts ports;

	@BeforeEach
	void start() throws Exception {
		inbox = inboxService().open(workspace, RECEIVER);
		ports = Loopback.freePorts();
		receiver = new SessionReceiver(RECEIVER, ports, MessengerReceivers.ownMessengerName(RECEIVER), inbox,
				PeerCharsets.fixed(MessageCharset.defaultOem()), counters, Duration.ofSeconds(10), Clock.systemUTC());
		receiver.start();
	}

	@AfterEach
	void stop() throws Exception {
		receiver.close();
		inbox.close();
	}

	private static InboxService inboxService() throws InterruptedException {
		BundleContext bc = FrameworkUtil.getBundle(FloodRefusalTest.class).getBundleContext();
		ServiceTracker<InboxService, InboxService> tracker = new ServiceTracker<>(bc, InboxService.class, null);
		tracker.open();
		InboxService s = tracker.waitForService(30_000);
		if (s == null) {
			throw new AssertionError("no InboxService registered within 30 s");
		}
		return s;
	}

	private List<Delivery> sendEach(int n, String target) throws InterruptedException {
		MessengerSender sender = new MessengerSender(Loopback.identity("SENDER", "127.0.0.4"), name -> List.of(), ports,
				PeerCharsets.fixed(MessageCharset.defaultOem()), Duration.ofSeconds(5), Duration.ofSeconds(10), 16, Loopback.DATAGRAMS);
		List<Delivery> all = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			all.addAll(sender.send(new OutgoingMessage("Flooder", List.of(Recipient.parse(target)), "message " + i, PathChoice.SESSION)));
		}
		return all;
	}

	@Test
	void messagesOverTheFloodLimitAreRefusedVisiblyAndEveryDeliveredOneIsStored() throws Exception {
		inbox.updateSettings(new SpamSettings(30, Duration.ofMinutes(10), false, false));
		List<Delivery> deliveries = sendEach(200, "127.0.0.2");

		Map<Status, Long> byStatus = deliveries.stream().collect(Collectors.groupingBy(Delivery::status, Collectors.counting()));
		assertEquals(Map.of(Status.DELIVERED, 30L, Status.FAILED, 170L), byStatus);
		for (Delivery d : deliveries) {
			if (d.failed()) {
				assertEquals(Optional.of(FailureReason.FLOOD_LIMIT), d.reason(), d.line());
				assertTrue(d.detail().startsWith("refused: flood limit"), d.line());
			}
		}
		assertEquals(30, inbox.count(InboxQuery.all()), "delivered = stored");
		assertEquals(170, inbox.counters().droppedByFlood());
		assertEquals(30, counters.snapshot().stored());
		assertEquals(170, counters.snapshot().refusedByPolicy());
	}

	@Test
	void aBlockedSenderIsToldSoAndNothingIsStored() throws Exception {
		inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), false, false));
		inbox.addRule(new SpamRule(SpamRule.RuleList.BLOCK, SenderPattern.parse("127.0.0.4")));
		Delivery d = sendEach(1, "127.0.0.2").get(0);
		assertEquals(Optional.of(FailureReason.BLOCKED), d.reason(), d.line());
		assertTrue(d.line().contains("refused: sender blocked"), d.line());
		assertEquals(0, inbox.count(InboxQuery.all()));

		// a policy that keeps blocked messages stores it (flagged), so the sender is told "delivered"
		inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), true, false));
		Delivery kept = sendEach(1, "127.0.0.2").get(0);
		assertEquals(Status.DELIVERED, kept.status(), kept.line());
		assertEquals(1, inbox.count(InboxQuery.all()));
		assertEquals(ip("127.0.0.4"), inbox.page(InboxQuery.all()).messages().get(0).message().senderAddress());
	}
}
