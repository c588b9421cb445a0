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

	@Test
	void aRecordReadsBackAsItWasWrittenUpToATornOrDamagedTail() throws Exception {
		AcceptJournal journal = new AcceptJournal(store, true);
		try {
			assertEquals(2, journal.append(List.of(stored(1, "first"), stored(2, "second, with ünïcödé"))));
			assertEquals(3, journal.append(List.of(stored(3, "x".repeat(100_000)))));
			Path log = onlyLog();
			List<StoredMessage> all = read(log);
			assertEquals(List.of(stored(1, "first"), stored(2, "second, with ünïcödé"), stored(3, "x".repeat(100_000))), all);

			Path torn = store.resolve("torn.log");
			byte[] bytes = Files.readAllBytes(log);
			Files.write(torn, java.util.Arrays.copyOf(bytes, bytes.length - 10)); // the last group half written
			assertEquals(all.subList(0, 2), read(torn));

			int second = AcceptJournal.encode(stored(1, "first")).length + 8; // where record 2 starts
			bytes[second + 8 + 12] ^= 0x40; // a flipped bit inside record 2's payload
			Files.write(torn, bytes);
			assertEquals(all.subList(0, 1), read(torn), "the CRC stops the replay at the damage");
		} finally {
			journal.close(Long.MAX_VALUE);
		}
	}

	@Test
	void whatIsDurablyInTheDatabaseIsDroppedAndAClosedJournalIsGone() throws Exception {
		AcceptJournal journal = new AcceptJournal(store, true);
		journal.append(List.of(stored(1, "a"), stored(2, "b")));
		long seq = journal.append(List.of(stored(3, "c")));
		journal.release(2); // record 3 is not in the database yet: the segment keeps all three
		assertEquals(3, read(onlyLog()).size());
		journal.release(seq);
		assertEquals(0, Files.size(onlyLog()), "emptied once everything in it is durable in the database");
		journal.append(List.of(stored(4, "d")));
		assertEquals(List.of(stored(4, "d")), read(onlyLog()));
		journal.close(seq); // record 4 is not applied: the file stays for the next start's replay
		assertEquals(List.of(stored(4, "d")), read(onlyLog()));

		AcceptJournal next = new AcceptJournal(store, true);
		next.close(0);
		try (var files = Files.list(store.resolve("journal"))) {
			assertEquals(1, files.count(), "an empty journal that was fully applied is deleted at close");
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
