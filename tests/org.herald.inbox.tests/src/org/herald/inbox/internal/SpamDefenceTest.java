/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import static org.herald.inbox.internal.Messages.LOOPBACK;
import static org.herald.inbox.internal.Messages.T0;
import static org.herald.inbox.internal.Messages.TEST_NET;
import static org.herald.inbox.internal.Messages.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.herald.api.Acceptance;
import org.herald.api.Acceptance.Refusal;
import org.herald.api.MessageFlag;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.SenderPattern;
import org.herald.inbox.SpamCounters;
import org.herald.inbox.SpamRule;
import org.herald.inbox.SpamRule.RuleList;
import org.herald.inbox.SpamSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spam defence inside accept(), on a real store. */
class SpamDefenceTest {

	@TempDir
	Path workspace;

	H2Inbox inbox;

	@AfterEach
	void close() {
		if (inbox != null) {
			inbox.close();
		}
	}

	private H2Inbox open(org.herald.api.Identity identity, SpamSettings settings) throws Exception {
		inbox = new H2Inbox(workspace, identity);
		inbox.updateSettings(settings);
		return inbox;
	}

	private static SpamSettings settings(int floodLimit, boolean storeBlocked, boolean quarantine) {
		return new SpamSettings(floodLimit, Duration.ofSeconds(10), storeBlocked, quarantine);
	}

	@Test
	void blockedSendersAreCountedAndByDefaultNotStored() throws Exception {
		open(LOOPBACK, settings(0, false, true));
		assertTrue(inbox.addRule(new SpamRule(RuleList.BLOCK, SenderPattern.parse("spammer"))));
		assertTrue(inbox.addRule(new SpamRule(RuleList.BLOCK, SenderPattern.parse("127.0.0.66"))));
		assertEquals(Optional.of(Refusal.BLOCKED), inbox.accept(msg("Spammer", "127.0.0.5", "buy now", T0)).refusal());
		assertEquals(Optional.of(Refusal.BLOCKED), inbox.accept(msg("ANYONE", "127.0.0.66", "buy now", T0)).refusal());
		assertTrue(inbox.accept(msg("ALICE", "127.0.0.5", "hello", T0)).stored().isPresent());
		assertEquals(1, inbox.count(InboxQuery.all()));
		assertEquals(new SpamCounters(1, 0, 2, 0), inbox.counters());
	}

	@Test
	void blockedMessagesCanBeStoredWithTheBlockedFlag() throws Exception {
		open(LOOPBACK, settings(0, true, true));
		inbox.addRule(new SpamRule(RuleList.BLOCK, SenderPattern.parse("127.0.0.0/8")));
		var stored = inbox.accept(msg("SPAMMER", "127.0.0.5", "buy now", T0)).stored().orElseThrow();
		assertEquals(Set.of(MessageFlag.BLOCKED), stored.flags());
		assertEquals(Set.of(MessageFlag.BLOCKED), inbox.get(stored.id()).orElseThrow().flags());
		assertEquals(List.of(stored.id()), H2InboxTest.ids(inbox.page(InboxQuery.all().withFlags(Set.of(MessageFlag.BLOCKED)))));
		assertEquals(0, inbox.count(InboxQuery.all().withoutFlags(Set.of(MessageFlag.BLOCKED))));
		assertEquals(new SpamCounters(0, 0, 1, 0), inbox.counters());
	}

	@Test
	void theAllowListWinsOverABlockedSubnetAndOverQuarantine() throws Exception {
		open(TEST_NET, settings(0, false, true));
		inbox.addRule(new SpamRule(RuleList.BLOCK, SenderPattern.parse("127.0.0.0/8")));
		inbox.addRule(new SpamRule(RuleList.ALLOW, SenderPattern.parse("BOSS")));
		var boss = inbox.accept(msg("boss", "127.0.0.9", "meeting", T0)).stored().orElseThrow();
		assertEquals(Set.of(), boss.flags(), "allowed: neither blocked nor quarantined");
		assertEquals(Optional.of(Refusal.BLOCKED), inbox.accept(msg("OTHER", "127.0.0.9", "meeting", T0)).refusal());
		assertEquals(new SpamCounters(1, 0, 1, 0), inbox.counters());
	}

	@Test
	void sendersOutsideTheLocalAndTrustedSubnetsAreQuarantined() throws Exception {
		open(TEST_NET, settings(0, false, true));
		var local = inbox.accept(msg("NEIGHBOUR", "198.51.100.20", "hi", T0)).stored().orElseThrow();
		var outsider = inbox.accept(msg("STRANGER", "127.0.0.9", "hi", T0)).stored().orElseThrow();
		assertEquals(Set.of(), local.flags());
		assertEquals(Set.of(MessageFlag.QUARANTINED), outsider.flags());

		inbox.addRule(new SpamRule(RuleList.TRUST, SenderPattern.parse("127.0.0.0/8")));
		assertEquals(Set.of(), inbox.accept(msg("STRANGER", "127.0.0.9", "hi again", T0)).stored().orElseThrow().flags());

		inbox.removeRule(SenderPattern.parse("127.0.0.0/8"));
		inbox.updateSettings(settings(0, false, false));
		assertEquals(Set.of(), inbox.accept(msg("STRANGER", "127.0.0.9", "quarantine off", T0)).stored().orElseThrow().flags());
		assertEquals(new SpamCounters(3, 1, 0, 0), inbox.counters());
		assertEquals(List.of(outsider.id()), H2InboxTest.ids(inbox.page(InboxQuery.all().withFlags(Set.of(MessageFlag.QUARANTINED)))));
	}

	@Test
	void aFloodingAddressIsCutAtTheLimitAndCountedWhileOthersPass() throws Exception {
		open(LOOPBACK, settings(3, false, true));
		int stored = 0;
		for (int i = 0; i < 10; i++) {
			Acceptance a = inbox.accept(msg("FLOODER", "127.0.0.66", "spam " + i, T0.plusMillis(100 * i)));
			if (a.stored().isPresent()) {
				stored++;
			} else {
				assertEquals(Optional.of(Refusal.FLOOD_LIMIT), a.refusal(), "turned away is refused, never silently dropped");
			}
		}
		assertEquals(3, stored);
		assertTrue(inbox.accept(msg("ALICE", "127.0.0.5", "normal", T0.plusSeconds(1))).stored().isPresent());
		assertTrue(inbox.accept(msg("FLOODER", "127.0.0.66", "later", T0.plusSeconds(11))).stored().isPresent(), "the window slid on");
		assertEquals(new SpamCounters(5, 0, 0, 7), inbox.counters());
	}

	@Test
	void policyAndCountersPersistAndAPolicyChangedElsewhereAppliesAtOnce() throws Exception {
		open(LOOPBACK, settings(0, false, true));
		inbox.addRule(new SpamRule(RuleList.BLOCK, SenderPattern.parse("SPAMMER")));
		inbox.accept(msg("SPAMMER", "buy"));
		// a second, independent store instance on the same workspace (as the CLI would be)
		try (H2Inbox other = new H2Inbox(workspace, LOOPBACK)) {
			assertEquals(List.of(new SpamRule(RuleList.BLOCK, SenderPattern.parse("SPAMMER"))), other.policy().rules());
			assertEquals(settings(0, false, true), other.policy().settings());
			Messages.await("the blocked count in the other instance", () -> other.counters().blocked() == 1);
			assertTrue(other.addRule(new SpamRule(RuleList.ALLOW, SenderPattern.parse("SPAMMER"))), "moved to the allow list");
			assertFalse(other.addRule(new SpamRule(RuleList.ALLOW, SenderPattern.parse("spammer"))), "already there");
			assertTrue(other.addRule(new SpamRule(RuleList.BLOCK, SenderPattern.parse("EVE"))));
		}
		assertTrue(inbox.accept(msg("SPAMMER", "now allowed")).stored().isPresent());
		assertTrue(inbox.accept(msg("EVE", "now blocked")).stored().isEmpty());
		assertEquals(Set.of(new SpamRule(RuleList.ALLOW, SenderPattern.parse("SPAMMER")), new SpamRule(RuleList.BLOCK, SenderPattern.parse("EVE"))),
				Set.copyOf(inbox.policy().rules()));
		inbox.close();
		inbox = new H2Inbox(workspace, LOOPBACK);
		assertEquals(new SpamCounters(1, 0, 2, 0), inbox.counters());
		assertTrue(inbox.removeRule(SenderPattern.parse("eve")));
		assertFalse(inbox.removeRule(SenderPattern.parse("eve")));
	}
}
