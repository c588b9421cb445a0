/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.herald.api.MessageFlag;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accept journal on real files: what it keeps, what a torn or damaged tail costs, and replay's rules. */
class AcceptJournalTest {

	@TempDir
	Path store;

	private static StoredMessage stored(long id, String text) {
		ReceivedMessage m = Messages.msg("ALICE", "127.0.0.7", text, Messages.T0.plusSeconds(id));
		return new StoredMessage(id, new ReceivedMessage(m.senderName(), m.senderAddress(), m.recipientName(), m.path(), m.received(), m.text(),
				Set.of(MessageFlag.URGENT)), false);
	}

	private Path onlyLog() throws Exception {
		try (var files = Files.list(store.resolve("journal"))) {
			List<Path> logs = files.filter(f -> f.toString().endsWith(".log")).toList();
			assertEquals(1, logs.size(), logs.toString());
			return logs.get(0);
		}
	}

	private static List<StoredMessage> read(Path file) throws Exception {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			return AcceptJournal.read(ch);
		}
	}

	/** Bytes a message takes in the journal: header and payload. */
	private static int size(StoredMessage m) throws Exception {
		return 16 + AcceptJournal.encode(m).length;
	}

	@Test
	void aRecordReadsBackAsItWasWrittenUpToATornOrDamagedTail() throws Exception {
		AcceptJournal journal = new AcceptJournal(store, true);
		try {
			assertEquals(2, journal.append(List.of(stored(1, "first"), stored(2, "second, with ünïcödé"))));
			assertEquals(3, journal.append(List.of(stored(3, "x".repeat(100_000)))));
			Path log = onlyLog();
			assertTrue(Files.size(log) >= 4 << 20, "made full size at once, so that an fsync has no size to commit");
			List<StoredMessage> all = read(log);
			assertEquals(List.of(stored(1, "first"), stored(2, "second, with ünïcödé"), stored(3, "x".repeat(100_000))), all);

			byte[] bytes = Files.readAllBytes(log);
			int end = size(all.get(0)) + size(all.get(1)) + size(all.get(2));
			Path torn = store.resolve("torn.log");
			Files.write(torn, java.util.Arrays.copyOf(bytes, end - 10)); // the last group half written
			assertEquals(all.subList(0, 2), read(torn));

			bytes[size(all.get(0)) + 16 + 12] ^= 0x40; // a flipped bit inside record 2's payload
			Files.write(torn, bytes);
			assertEquals(all.subList(0, 1), read(torn), "the CRC stops the replay at the damage");
		} finally {
			journal.close(Long.MAX_VALUE);
		}
	}

	@Test
	void aRewoundSegmentShowsOnlyWhatWasWrittenSinceThoughOlderRecordsFollow() throws Exception {
		AcceptJournal journal = new AcceptJournal(store, true);
		journal.append(List.of(stored(1, "a".repeat(500)), stored(2, "b".repeat(500))));
		long seq = journal.append(List.of(stored(3, "c".repeat(500))));
		journal.release(2); // record 3 is not in the database yet: the segment keeps all three
		assertEquals(3, read(onlyLog()).size());
		journal.release(seq);
		assertEquals(List.of(), read(onlyLog()), "rewound once everything in it is durable in the database");
		journal.append(List.of(stored(4, "d")));
		// records 2 and 3 are still on disk behind record 4, but their numbers do not follow its number
		assertEquals(List.of(stored(4, "d")), read(onlyLog()));
		journal.close(seq); // record 4 is not applied: the file stays for the next start's replay
		assertEquals(List.of(stored(4, "d")), read(onlyLog()));

		AcceptJournal idle = new AcceptJournal(store, true);
		idle.close(0);
		try (var files = Files.list(store.resolve("journal"))) {
			assertEquals(1, files.count(), "a journal that never took a message leaves no file");
		}
	}

	@Test
	void aGroupLargerThanASegmentGetsASegmentOfItsOwn() throws Exception {
		AcceptJournal journal = new AcceptJournal(store, true);
		try {
			List<StoredMessage> big = new ArrayList<>();
			for (int i = 1; i <= 6; i++) {
				big.add(stored(i, String.valueOf((char) ('a' + i)).repeat(999_000)));
			}
			journal.append(big);
			assertEquals(big, read(onlyLog()));
			journal.append(List.of(stored(7, "small")));
			try (var files = Files.list(store.resolve("journal"))) {
				assertEquals(2, files.count(), "the next group went to a new segment");
			}
			journal.release(7);
			assertEquals(List.of(), read(onlyLog()), "the full one deleted, the current one rewound");
		} finally {
			journal.close(Long.MAX_VALUE);
		}
	}

	@Test
	void replayTakesOnlyJournalsNobodyHolds() throws Exception {
		AcceptJournal dead = new AcceptJournal(store, true);
		dead.append(List.of(stored(1, "left behind"), stored(2, "also")));
		dead.close(0); // as a process that died: the file stays, unlocked
		AcceptJournal living = new AcceptJournal(store, true);
		try {
			living.append(List.of(stored(3, "still being applied")));
			List<StoredMessage> seen = new ArrayList<>();
			AcceptJournal.Replayed r = AcceptJournal.replay(store, found -> {
				seen.addAll(found);
				return found.size();
			});
			assertEquals(new AcceptJournal.Replayed(1, 2, 2), r);
			assertEquals(List.of(stored(1, "left behind"), stored(2, "also")), seen);
			assertEquals(List.of(stored(3, "still being applied")), read(onlyLog()), "the held journal is left alone");
			assertFalse(seen.stream().anyMatch(m -> m.id() == 3));
		} finally {
			living.close(Long.MAX_VALUE);
		}
		try (var files = Files.list(store.resolve("journal"))) {
			assertTrue(files.findAny().isEmpty());
		}
	}
}
