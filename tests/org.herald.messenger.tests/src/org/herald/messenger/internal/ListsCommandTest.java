/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.herald.api.NetbiosName;
import org.herald.api.ReceivedMessage;
import org.herald.api.cli.UsageException;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.Recipient;
import org.herald.messenger.RecipientList;
import org.herald.messenger.RecipientLists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald lists} and {@code herald send @LIST} on a real workspace folder ({@code @TempDir}):
 * the lists file, nested lists, cycles and bad names refused, and a send to a list reaching two
 * Herald receivers on loopback (ALPHA on 127.0.0.151, BETA on 127.0.0.152, the sender on
 * 127.0.0.153; free ports, nothing leaves 127.0.0.0/8).
 */
class ListsCommandTest {

	@TempDir
	Path workspace;

	private TestContext context() {
		return new TestContext(Loopback.identity("SENDER", "127.0.0.153"), "", workspace);
	}

	private String lists(String... args) throws Exception {
		TestContext c = context();
		assertEquals(0, new ListsCommand().run(c, List.of(args)));
		return c.output();
	}

	private UsageException refused(String... args) {
		return assertThrows(UsageException.class, () -> new ListsCommand().run(context(), List.of(args)));
	}

	@Test
	void addShowListAndRemoveKeepTheListsInTheWorkspace() throws Exception {
		assertTrue(lists().startsWith("no recipient lists in "), "none yet");
		assertEquals("@OPS (2): CAROL, 198.51.100.0/30\n", lists("add", "ops", "CAROL", "198.51.100.0/30"));
		assertEquals("@ADMINS (4): BOB, 198.51.100.7, /DOMAIN:LAB, @OPS\n",
				lists("add", "@Admins", "BOB", "198.51.100.7", "/DOMAIN:LAB", "@ops"));
		assertEquals("@ADMINS (4): BOB, 198.51.100.7, /DOMAIN:LAB, @OPS\n", lists("add", "ADMINS", "bob"), "BOB is a member already");
		assertEquals("@ADMINS (4): BOB, 198.51.100.7, /DOMAIN:LAB, @OPS\n@OPS (2): CAROL, 198.51.100.0/30\n", lists("list"));
		assertEquals("[{\"name\":\"ADMINS\",\"members\":[\"BOB\",\"198.51.100.7\",\"/DOMAIN:LAB\",\"@OPS\"]},"
				+ "{\"name\":\"OPS\",\"members\":[\"CAROL\",\"198.51.100.0/30\"]}]\n", lists("--json"));
		assertEquals("{\"name\":\"OPS\",\"members\":[\"CAROL\",\"198.51.100.0/30\"]}\n", lists("show", "@ops", "--json"));

		String file = Files.readString(workspace.resolve("recipient-lists.txt"), StandardCharsets.UTF_8);
		assertTrue(file.contains("ADMINS\tBOB\t198.51.100.7\t/DOMAIN:LAB\t@OPS\n"), file);
		assertFalse(Files.exists(workspace.resolve(".recipient-lists.txt.new")), "the new file was moved over the old one");

		// another process (a new RecipientLists on the same folder) sees the same lists
		RecipientLists.Expansion e = RecipientLists.in(workspace).expand(List.of("@ADMINS", "BOB"));
		assertEquals(List.of(new Recipient.Name(new NetbiosName("BOB", 3)), new Recipient.Address(ip("198.51.100.7")),
				new Recipient.Workgroup("LAB"), new Recipient.Name(new NetbiosName("CAROL", 3)), Recipient.parse("198.51.100.0/30")),
				e.recipients(), "nested lists expanded, BOB once");
		assertEquals(List.of("BOB<03>", "198.51.100.7", "LAB (workgroup)", "CAROL<03>", "198.51.100.0/30"), e.lists().get("@ADMINS"));

		assertTrue(refused("remove", "OPS").getMessage().contains("@OPS is a member of @ADMINS: remove it there first"));
		assertEquals("@ADMINS (3): BOB, 198.51.100.7, /DOMAIN:LAB\n", lists("remove", "ADMINS", "@OPS"));
		assertEquals("@OPS: removed\n", lists("remove", "OPS"));
		assertEquals("@ADMINS: removed\n", lists("remove", "ADMINS", "BOB", "198.51.100.7", "/domain:lab"), "the last member takes the list");
		assertEquals(List.of(), RecipientLists.in(workspace).all());
	}

	@Test
	void cyclesUnknownListsBadNamesAndBadMembersAreRefusedAndChangeNothing() throws Exception {
		lists("add", "A", "ALICE");
		lists("add", "B", "@A");
		lists("add", "C", "@B");
		String before = Files.readString(workspace.resolve("recipient-lists.txt"));
		assertEquals("refused: @A -> @C -> @B -> @A would be a cycle", refused("add", "A", "@C").getMessage());
		assertEquals("refused: @A -> @A would be a cycle", refused("add", "A", "@a").getMessage());
		assertEquals("unknown list @NOPE: create it first (herald lists add NOPE MEMBER...)", refused("add", "A", "@NOPE").getMessage());
		assertEquals("list name 'A!' may have letters, digits and (not first) - _ . only; '!' at position 2 is not allowed",
				refused("add", "A!", "X").getMessage());
		assertEquals("'A*B' is not a target: NetBIOS name 'A*B' contains a forbidden character at position 2",
				refused("add", "A", "A*B").getMessage());
		assertEquals("unknown list @ZED; the lists are @A, @B, @C", refused("show", "ZED").getMessage());
		assertEquals("BOB is not a member of @A", refused("remove", "A", "BOB").getMessage());
		assertEquals("unknown verb 'rename': list, show, add or remove", refused("rename", "A", "Z").getMessage());
		assertEquals("add takes NAME and at least one MEMBER", refused("add", "A").getMessage());
		assertEquals("--json is for list and show, not add", refused("add", "A", "X", "--json").getMessage());
		assertEquals(before, Files.readString(workspace.resolve("recipient-lists.txt")), "nothing refused was written");

		// a file edited by hand into a cycle: sending says so rather than looping
		Files.writeString(workspace.resolve("recipient-lists.txt"), "A\t@B\nB\t@A\n");
		IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class, () -> RecipientLists.in(workspace).expand(List.of("@A")));
		assertEquals("the lists form a cycle: @A -> @B -> @A", cycle.getMessage());
		Files.writeString(workspace.resolve("recipient-lists.txt"), "A\tBOB\nB C\tX\n");
		var damaged = assertThrows(java.io.IOException.class, () -> RecipientLists.in(workspace).all());
		assertTrue(damaged.getMessage().endsWith("line 2: list name 'B C' may have letters, digits and (not first) - _ . only; ' ' at position 2 is not allowed; fix or remove the line"),
				damaged.getMessage());
	}

	@Test
	void sendToAListReachesEveryMemberOnceAndNamesEachInTheReport() throws Exception {
		MessengerPorts ports = Loopback.freePorts();
		String portsArg = ports.session() + "," + ports.direct() + "," + ports.datagram();
		try (Loopback.Host alpha = new Loopback.Host("ALPHA", "127.0.0.151", ports);
				Loopback.Host beta = new Loopback.Host("BETA", "127.0.0.152", ports)) {
			lists("add", "BETAS", "BETA");
			lists("add", "ADMINS", "ALPHA", "@BETAS", "127.0.0.152");
			TestContext c = context();
			SendCommand send = new SendCommand(n -> n.name().equals("ALPHA") ? List.of(ip("127.0.0.151"))
					: n.name().equals("BETA") ? List.of(ip("127.0.0.152")) : List.of(), Loopback.DATAGRAMS);
			int status = send.run(c, List.of("--ports", portsArg, "--peer-port", "0", "@admins", "ALPHA", "Printer on fire"));
			assertEquals(0, status, c.output());
			String[] lines = c.output().split("\n");
			assertEquals("send: @ADMINS: ALPHA<03>, BETA<03>, 127.0.0.152", lines[0]);
			assertEquals("ALPHA<03> 127.0.0.151 session delivered (via 139)", lines[1]);
			assertEquals("BETA<03> 127.0.0.152 session delivered (via 139)", lines[2]);
			assertTrue(lines[3].startsWith("127.0.0.152 127.0.0.152 session delivered"), lines[3]);
			assertEquals(4, lines.length, "ALPHA given again is sent once");
			List<ReceivedMessage> atAlpha = alpha.sink.await(1, Duration.ofSeconds(30));
			List<ReceivedMessage> atBeta = beta.sink.await(2, Duration.ofSeconds(30));
			assertEquals(List.of("Printer on fire"), atAlpha.stream().map(ReceivedMessage::text).toList());
			assertEquals(List.of("Printer on fire", "Printer on fire"), atBeta.stream().map(ReceivedMessage::text).toList(),
					"BETA by name and by address: two recipients");

			UsageException unknown = assertThrows(UsageException.class,
					() -> send.run(context(), List.of("--ports", portsArg, "@OPS", "text")));
			assertEquals("unknown list @OPS; the lists are @ADMINS, @BETAS", unknown.getMessage());
			UsageException bad = assertThrows(UsageException.class, () -> send.run(context(), List.of("@no/good", "text")));
			assertTrue(bad.getMessage().startsWith("list name 'no/good' may have"), bad.getMessage());
			assertEquals(1, alpha.sink.messages().size(), "nothing more was sent");
		}
	}

	@Test
	void aRecipientListIsNoTargetOfItsOwnAndDomainIsAWorkgroup() {
		assertEquals(new Recipient.Workgroup("LAB"), Recipient.parse("/domain:lab"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recipient.parse("@ADMINS"));
		assertTrue(e.getMessage().contains("recipient list"), e.getMessage());
		assertEquals("@X", new RecipientList("X", List.of("A")).label());
	}
}
