/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import static org.herald.inbox.internal.Messages.LOOPBACK;
import static org.herald.inbox.internal.Messages.T0;
import static org.herald.inbox.internal.Messages.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.herald.api.MessageFlag;
import org.herald.api.MessagePath;
import org.herald.api.StoredMessage;
import org.herald.inbox.ExportFormat;
import org.herald.inbox.InboxChange;
import org.herald.inbox.InboxPage;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxQuery.ReadFilter;
import org.herald.inbox.SpamSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real H2 database in a temporary workspace (no network: the auto-server binds 127.0.0.1). */
class H2InboxTest {

	@TempDir
	Path workspace;

	H2Inbox inbox;

	@BeforeEach
	void open() throws Exception {
		inbox = new H2Inbox(workspace, LOOPBACK, Duration.ofMillis(50));
		// these tests are about storing: no flood limit
		inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), false, true));
	}

	@AfterEach
	void close() {
		inbox.close();
	}

	@Test
	void acceptStoresTheMessageWithItsFieldsAndItReadsBackUnread() throws Exception {
		var m = msg("ALICE", "127.0.0.7", "Server restarts at 18:00\nSave your work", T0, MessageFlag.REPAIRED);
		StoredMessage stored = inbox.accept(m).stored().orElseThrow();
		StoredMessage back = inbox.get(stored.id()).orElseThrow();
		assertEquals(m, back.message());
		assertFalse(back.read());
		assertEquals(Set.of(MessageFlag.REPAIRED), back.flags());
		assertEquals(stored, back);
		assertTrue(inbox.get(stored.id() + 1000).isEmpty());
	}

	@Test
	void messagesSurviveClosingAndReopening() throws Exception {
		long id = inbox.accept(msg("BOB", "lunch?")).stored().orElseThrow().id();
		inbox.close();
		inbox = new H2Inbox(workspace, LOOPBACK);
		assertEquals("lunch?", inbox.get(id).orElseThrow().message().text());
	}

	@Test
	void keysetPagesWalkTheWholeInboxNewestFirstWithoutGapsOrRepeats() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			ids.add(inbox.accept(msg("S" + (i % 3), "message " + i)).stored().orElseThrow().id());
		}
		List<Long> seen = new ArrayList<>();
		InboxQuery q = InboxQuery.all().withLimit(50);
		int pages = 0;
		while (true) {
			InboxPage page = inbox.page(q);
			pages++;
			page.messages().forEach(m -> seen.add(m.id()));
			if (page.next().isEmpty()) {
				break;
			}
			assertEquals(page.messages().get(49).id(), page.next().getAsLong());
			q = q.withBefore(page.next().getAsLong());
		}
		assertEquals(3, pages);
		assertEquals(ids.reversed(), seen);
		assertEquals(120, inbox.count(InboxQuery.all()));
		assertEquals(40, inbox.count(InboxQuery.all().withSender("s1")));
	}

	@Test
	void idsListEveryMatchNewestFirstAndRowsComeBackByIdInTheOrderAsked() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			ids.add(inbox.accept(msg("S" + (i % 4), (i % 10 == 0 ? "disk full on " : "all well on ") + "node" + i)).stored().orElseThrow().id());
		}
		long[] all = inbox.ids(InboxQuery.all().withLimit(1));
		assertEquals(ids.reversed(), java.util.Arrays.stream(all).boxed().toList());
		long[] disk = inbox.ids(InboxQuery.all().withWords("DISK full"));
		assertEquals(120, disk.length);
		assertEquals(inbox.count(InboxQuery.all().withWords("disk full")), disk.length);
		long[] wanted = { all[1100], all[3], ids.get(0) + 100_000, all[700] };
		List<StoredMessage> rows = inbox.get(wanted);
		assertEquals(List.of(all[1100], all[3], all[700]), rows.stream().map(StoredMessage::id).toList());
		assertEquals("all well on node1196", rows.get(1).message().text());
	}

	@Test
	void wordSearchMatchesAllWordsWithoutRegardToCaseAndPagesByKeyset() throws Exception {
		long a = inbox.accept(msg("ALICE", "The BACKUP server is down")).stored().orElseThrow().id();
		long b = inbox.accept(msg("BOB", "backup finished, server fine")).stored().orElseThrow().id();
		inbox.accept(msg("CAROL", "lunch at noon"));
		long d = inbox.accept(msg("DAVE", "Backup-Server: Ärger mit dem Netz")).stored().orElseThrow().id();

		assertEquals(List.of(d, b, a), ids(inbox.page(InboxQuery.all().withWords("backup"))));
		assertEquals(List.of(d, b, a), ids(inbox.page(InboxQuery.all().withWords("SERVER backup"))));
		assertEquals(List.of(a), ids(inbox.page(InboxQuery.all().withWords("down backup"))));
		assertEquals(List.of(d), ids(inbox.page(InboxQuery.all().withWords("ärger"))));
		assertEquals(List.of(), ids(inbox.page(InboxQuery.all().withWords("backups"))));
		assertEquals(3, inbox.count(InboxQuery.all().withWords("backup")));

		InboxPage first = inbox.page(InboxQuery.all().withWords("backup").withLimit(2));
		assertEquals(List.of(d, b), ids(first));
		assertEquals(List.of(a), ids(inbox.page(InboxQuery.all().withWords("backup").withLimit(2).withBefore(first.next().getAsLong()))));
		assertThrows(IllegalArgumentException.class, () -> inbox.page(InboxQuery.all().withWords("a !")),
				"a search without any indexable word is refused");
	}

	@Test
	void aSearchFindsTheSameMessagesBeforeAndAfterTheWordIndexReachesThem() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ids.add(inbox.accept(msg("S", (i % 2 == 0 ? "even" : "odd") + " message number" + i + " common")).stored().orElseThrow().id());
		}
		InboxQuery even = InboxQuery.all().withWords("common even").withLimit(10);
		List<Long> before = ids(inbox.page(even));
		long countBefore = inbox.count(InboxQuery.all().withWords("even"));
		try (var db = new InboxDatabase(workspace); var c = db.open()) {
			while (WordIndexer.indexSome(c, 7) > 0) {
				// index everything the background indexer has not done yet
			}
		}
		assertEquals(0, inbox.unindexed());
		assertEquals(before, ids(inbox.page(even)));
		assertEquals(ids.reversed().stream().filter(id -> (id - ids.get(0)) % 2 == 0).limit(10).toList(), before);
		assertEquals(15, countBefore);
		assertEquals(15, inbox.count(InboxQuery.all().withWords("even")));
		assertTrue(inbox.explain(InboxQuery.all().withWords("even")).contains("index sorted"), "walks the word index in order");
		assertTrue(inbox.explain(InboxQuery.all().withRead(ReadFilter.UNREAD)).contains("index sorted"));
		assertTrue(inbox.explain(InboxQuery.all().withSender("S")).contains("index sorted"));
	}

	@Test
	void filtersBySenderNameOrAddressTimeRangeFlagsAndReadState() throws Exception {
		long a = inbox.accept(msg("alice", "127.0.0.7", "one", T0)).stored().orElseThrow().id();
		long b = inbox.accept(msg("BOB", "127.0.0.8", "two", T0.plusSeconds(60), MessageFlag.URGENT)).stored().orElseThrow().id();
		long c = inbox.accept(msg("BOB", "127.0.0.9", "three", T0.plusSeconds(120))).stored().orElseThrow().id();

		assertEquals(List.of(a), ids(inbox.page(InboxQuery.all().withSender("ALICE"))));
		assertEquals(List.of(c, b), ids(inbox.page(InboxQuery.all().withSender("bob"))));
		assertEquals(List.of(b), ids(inbox.page(InboxQuery.all().withSender("127.0.0.8"))));
		assertEquals(List.of(b), ids(inbox.page(InboxQuery.all().withSince(T0.plusSeconds(60)).withUntil(T0.plusSeconds(120)))));
		assertEquals(List.of(b), ids(inbox.page(InboxQuery.all().withFlags(Set.of(MessageFlag.URGENT)))));
		assertEquals(List.of(c, a), ids(inbox.page(InboxQuery.all().withoutFlags(Set.of(MessageFlag.URGENT)))));

		assertEquals(2, inbox.markRead(List.of(a, c, 999L), true));
		assertEquals(0, inbox.markRead(List.of(a), true), "already read");
		assertEquals(List.of(b), ids(inbox.page(InboxQuery.all().withRead(ReadFilter.UNREAD))));
		assertEquals(List.of(c, a), ids(inbox.page(InboxQuery.all().withRead(ReadFilter.READ))));
		assertTrue(inbox.get(a).orElseThrow().read());
		assertEquals(1, inbox.markRead(List.of(a), false));
		assertFalse(inbox.get(a).orElseThrow().read());
	}

	@Test
	void deleteRemovesTheMessageAndItsWords() throws Exception {
		long a = inbox.accept(msg("ALICE", "printer on fire")).stored().orElseThrow().id();
		long b = inbox.accept(msg("BOB", "printer fixed")).stored().orElseThrow().id();
		assertEquals(1, inbox.delete(List.of(a, a, 12345L)));
		assertTrue(inbox.get(a).isEmpty());
		assertEquals(List.of(b), ids(inbox.page(InboxQuery.all().withWords("printer"))));
		assertEquals(0, inbox.count(InboxQuery.all().withWords("fire")));
		try (var c = new InboxDatabase(workspace).borrow(); var s = c.createStatement();
				var r = s.executeQuery("SELECT COUNT(*) FROM message_word WHERE message_id = " + a)) {
			r.next();
			assertEquals(0, r.getLong(1));
		}
	}

	@Test
	void exportWritesCsvAndJsonExactly() throws Exception {
		inbox.accept(msg("ALICE", "127.0.0.7", "Hi, \"you\"\nbye", T0, MessageFlag.URGENT, MessageFlag.REPAIRED));
		inbox.accept(msg("BOB", "127.0.0.8", "plain", T0.plusSeconds(1)));
		StringWriter csv = new StringWriter();
		assertEquals(2, inbox.export(InboxQuery.all(), ExportFormat.CSV, csv));
		assertEquals("id,received,sender_name,sender_address,recipient_name,path,read,flags,text\r\n"
				+ "2,2026-01-05T09:00:01Z,BOB,127.0.0.8,HERALD,SESSION,false,,plain\r\n"
				+ "1,2026-01-05T09:00:00Z,ALICE,127.0.0.7,HERALD,SESSION,false,repaired urgent,\"Hi, \"\"you\"\"\nbye\"\r\n", csv.toString());
		StringWriter json = new StringWriter();
		assertEquals(1, inbox.export(InboxQuery.all().withSender("ALICE"), ExportFormat.JSON, json));
		assertEquals("[\n  {\"id\": 1, \"received\": \"2026-01-05T09:00:00Z\", \"sender_name\": \"ALICE\", "
				+ "\"sender_address\": \"127.0.0.7\", \"recipient_name\": \"HERALD\", \"path\": \"SESSION\", \"read\": false, "
				+ "\"flags\": [\"repaired\", \"urgent\"], \"text\": \"Hi, \\\"you\\\"\\nbye\"}\n]\n", json.toString());
		StringWriter none = new StringWriter();
		assertEquals(0, inbox.export(InboxQuery.all().withSender("NOBODY"), ExportFormat.JSON, none));
		assertEquals("[]\n", none.toString());
	}

	@Test
	void concurrentAcceptsAllCommitWithDistinctIncreasingIds() throws Exception {
		int threads = 8, each = 100;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<List<Long>>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int tt = t;
				Callable<List<Long>> job = () -> {
					List<Long> mine = new ArrayList<>();
					for (int i = 0; i < each; i++) {
						mine.add(inbox.accept(msg("T" + tt, "127.0.0." + (10 + tt), "thread " + tt + " message " + i, T0.plusMillis(i)))
								.stored().orElseThrow().id());
					}
					return mine;
				};
				futures.add(pool.submit(job));
			}
			Set<Long> all = new HashSet<>();
			for (Future<List<Long>> f : futures) {
				List<Long> mine = f.get(60, TimeUnit.SECONDS);
				for (int i = 1; i < mine.size(); i++) {
					assertTrue(mine.get(i) > mine.get(i - 1), "ids increase in each thread's arrival order");
				}
				all.addAll(mine);
			}
			assertEquals(threads * each, all.size());
			assertEquals(threads * each, inbox.count(InboxQuery.all()));
			assertEquals(threads * each, inbox.counters().stored());
		} finally {
			pool.shutdown();
		}
	}

	@Test
	void listenersHearOfAddedUpdatedAndDeletedMessages() throws Exception {
		BlockingQueue<InboxChange> changes = new LinkedBlockingQueue<>();
		inbox.addListener(changes::add);
		long id = inbox.accept(msg("ALICE", "hello")).stored().orElseThrow().id();
		assertEquals(new InboxChange(InboxChange.Kind.ADDED, List.of(id)), next(changes));
		inbox.markRead(List.of(id), true);
		assertEquals(new InboxChange(InboxChange.Kind.UPDATED, List.of(id)), next(changes));
		inbox.delete(List.of(id));
		assertEquals(new InboxChange(InboxChange.Kind.DELETED, List.of(id)), next(changes));
	}

	@Test
	void storesEveryPathAndLongText() throws Exception {
		String text = "x".repeat(1598) + " end";
		var m = new org.herald.api.ReceivedMessage("WINPOPUP-USER", org.herald.api.BindInterface.parseIpv4("127.0.0.9"), "WORKGROUP",
				MessagePath.MAILSLOT, T0, text, Set.of());
		long id = inbox.accept(m).stored().orElseThrow().id();
		assertEquals(m, inbox.get(id).orElseThrow().message());
	}

	static InboxChange next(BlockingQueue<InboxChange> q) throws InterruptedException {
		InboxChange c = q.poll(10, TimeUnit.SECONDS);
		if (c == null) {
			throw new AssertionError("no change reported within 10 s");
		}
		return c;
	}

	static List<Long> ids(InboxPage page) {
		return page.messages().stream().map(StoredMessage::id).toList();
	}
}
