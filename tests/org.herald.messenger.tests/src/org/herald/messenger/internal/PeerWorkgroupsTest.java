/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.Inet4Address;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.api.NetbiosName;
import org.herald.messenger.CodePageRule;
import org.herald.messenger.CodePages;
import org.herald.netbios.NodeStatus;
import org.herald.netbios.wire.NodeStatusEntry;
import org.herald.netbios.wire.NodeType;
import org.junit.jupiter.api.Test;

/** Finding a peer's workgroup: from its name table, asked once, never holding a message up for long. */
class PeerWorkgroupsTest {

	private static final Inet4Address PEER = ip("127.0.0.9");

	/** A name table as nmbd gives it for a host of workgroup RUSSIA that is also the master browser. */
	private static NodeStatus nmbdLike() {
		return new NodeStatus(PEER, List.of(NodeStatusEntry.active(new NetbiosName("DOSRU", 0x00), false, NodeType.B),
				NodeStatusEntry.active(new NetbiosName("DOSRU", 0x03), false, NodeType.B),
				NodeStatusEntry.active(NetbiosName.MSBROWSE, true, NodeType.B),
				NodeStatusEntry.active(new NetbiosName("RUSSIA", 0x1E), true, NodeType.B),
				NodeStatusEntry.active(new NetbiosName("RUSSIA", 0x00), true, NodeType.B)), new byte[6]);
	}

	@Test
	void theWorkgroupIsTheGroupNameWithSuffix00() {
		assertEquals(Optional.of("RUSSIA"), PeerWorkgroups.workgroupIn(nmbdLike()));
		assertEquals(Optional.empty(), PeerWorkgroups.workgroupIn(new NodeStatus(PEER,
				List.of(NodeStatusEntry.active(new NetbiosName("DOSRU", 0x00), false, NodeType.B)), new byte[6])));
	}

	@Test
	void aSlowPeerDoesNotHoldTheMessageUpAndItsAnswerServesTheNextOne() throws Exception {
		CountDownLatch answer = new CountDownLatch(1);
		AtomicInteger asked = new AtomicInteger();
		PeerWorkgroups.WorkgroupSource slow = host -> {
			asked.incrementAndGet();
			try {
				answer.await(30, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return PeerWorkgroups.workgroupIn(nmbdLike());
		};
		try (PeerWorkgroups workgroups = new PeerWorkgroups(slow, Duration.ofMillis(50), null)) {
			// the peer has not answered: no workgroup now, and a second message does not ask again
			assertEquals(Optional.empty(), workgroups.workgroupOf(PEER));
			assertEquals(Optional.empty(), workgroups.workgroupOf(PEER));
			answer.countDown();
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (workgroups.workgroupOf(PEER).isEmpty()) {
				if (System.nanoTime() > deadline) {
					fail("the answer never reached the cache");
				}
				Thread.onSpinWait();
			}
			assertEquals(Optional.of("RUSSIA"), workgroups.workgroupOf(PEER));
			assertEquals(1, asked.get(), "one question for all those messages");
		}
	}

	@Test
	void aPeerThatDoesNotSayIsNotAskedAgainForAWhile() {
		AtomicInteger asked = new AtomicInteger();
		try (PeerWorkgroups workgroups = new PeerWorkgroups(host -> {
			asked.incrementAndGet();
			return Optional.empty();
		}, Duration.ofSeconds(10), null)) {
			assertEquals(Optional.empty(), workgroups.workgroupOf(PEER));
			assertEquals(Optional.empty(), workgroups.workgroupOf(PEER));
			assertEquals(1, asked.get());
		}
	}

	@Test
	void onlyAWorkgroupRuleThatCouldDecideMakesHeraldAsk() {
		AtomicInteger asked = new AtomicInteger();
		PeerWorkgroups.WorkgroupSource source = host -> {
			asked.incrementAndGet();
			return Optional.of("RUSSIA");
		};
		Charset cp866 = Charset.forName("IBM866");
		CodePages noWorkgroupRules = CodePages.standard().with(CodePageRule.parse("127.0.0.0/8", "CP852"));
		try (PeerCharsets charsets = new PeerCharsets(() -> noWorkgroupRules, new PeerWorkgroups(source, Duration.ofSeconds(10), null))) {
			assertEquals("IBM852", charsets.forPeer(List.of("X"), PEER, null).oem().name());
			assertEquals("IBM850", charsets.forPeer(List.of("X"), ip("192.0.2.1"), null).oem().name());
		}
		assertEquals(0, asked.get(), "no workgroup rule: nobody asked");
		CodePages rules = CodePages.standard().with(CodePageRule.parse("workgroup:RUSSIA", "CP866"))
				.with(CodePageRule.parse("HOSTNAME", "CP737"));
		try (PeerCharsets charsets = new PeerCharsets(() -> rules, new PeerWorkgroups(source, Duration.ofSeconds(10), null))) {
			assertEquals("x-IBM737", charsets.forPeer(List.of("hostname"), PEER, null).oem().name());
			assertEquals(0, asked.get(), "a host rule decided: nobody asked");
			assertEquals(cp866, charsets.forPeer(List.of("X"), PEER, "RUSSIA").oem());
			assertEquals(0, asked.get(), "the caller knew the workgroup");
			assertEquals(cp866, charsets.forPeer(List.of("X"), PEER, null).oem());
			assertEquals(1, asked.get());
		}
	}
}
