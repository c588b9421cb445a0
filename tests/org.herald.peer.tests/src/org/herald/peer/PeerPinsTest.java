/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerPinsTest {

	private static final PeerKey BOB_KEY = new PeerKey("31e0303fd6418d2f8c0e78b91f22e8caed0fbe48656dcf4767e4834f701b8f62");
	private static final PeerKey MALLORY_KEY = new PeerKey("6bc3822a2aa7f4e6981d6538692b3cdf3e6df9eea6ed269eb41d93c22757b75a");
	private static final Instant START = Instant.parse("2026-12-06T18:00:00Z");

	@TempDir
	Path workspace;
	private SettableClock clock;
	private PeerPins pins;

	@BeforeEach
	void open() throws Exception {
		clock = new SettableClock(START);
		pins = new PeerPins(workspace, clock);
	}

	@Test
	void firstUsePinsThenMatches() throws Exception {
		PinCheck first = pins.check("bob", BOB_KEY);
		assertEquals(PinStatus.NEW, first.status());
		assertEquals(new Pin("BOB", BOB_KEY, START, START, false), first.pin());

		clock.now = START.plus(Duration.ofHours(2));
		PinCheck second = pins.check("BOB ", BOB_KEY);
		assertEquals(PinStatus.MATCH, second.status());
		assertEquals(new Pin("BOB", BOB_KEY, START, clock.now, false), second.pin());
		assertEquals(List.of(second.pin()), pins.list());

		// seen again within the step: the time stays and the file is not rewritten
		byte[] before = Files.readAllBytes(pins.file());
		clock.now = clock.now.plusSeconds(59);
		PinCheck third = pins.check("BOB", BOB_KEY);
		assertEquals(PinStatus.MATCH, third.status());
		assertEquals(second.pin(), third.pin());
		assertArrayEquals(before, Files.readAllBytes(pins.file()));
		clock.now = clock.now.plusSeconds(1);
		assertEquals(clock.now, pins.check("BOB", BOB_KEY).pin().lastSeen(), "a minute after the time noted, it moves");
	}

	@Test
	void aDifferentKeyIsChangedAndChangesNothing() throws Exception {
		pins.check("BOB", BOB_KEY);
		byte[] before = Files.readAllBytes(pins.file());
		clock.now = START.plusSeconds(60);
		PinCheck changed = pins.check("BOB", MALLORY_KEY);
		assertEquals(PinStatus.CHANGED, changed.status());
		assertEquals(BOB_KEY, changed.pin().key());
		assertEquals(MALLORY_KEY, changed.presented());
		assertArrayEquals(before, Files.readAllBytes(pins.file()));
		// Still changed on the next attempt: a CHANGED key is never pinned by trying again.
		assertEquals(PinStatus.CHANGED, pins.check("BOB", MALLORY_KEY).status());
		assertEquals(PinStatus.MATCH, pins.check("BOB", BOB_KEY).status());
	}

	@Test
	void forgettingLetsTheNextKeyPinAsNew() throws Exception {
		pins.check("BOB", BOB_KEY);
		assertTrue(pins.forget("bob"));
		assertFalse(pins.forget("bob"));
		assertEquals(PinStatus.NEW, pins.check("BOB", MALLORY_KEY).status());
		assertEquals(MALLORY_KEY, pins.get("BOB").orElseThrow().key());
	}

	@Test
	void verifyNeedsTheMatchingFingerprint() throws Exception {
		pins.check("BOB", BOB_KEY);
		assertFalse(pins.verify("BOB", MALLORY_KEY.fingerprint()));
		assertFalse(pins.get("BOB").orElseThrow().verified());
		assertFalse(pins.verify("CAROL", BOB_KEY.fingerprint()));
		assertTrue(pins.verify("BOB", Fingerprint.parse(BOB_KEY.fingerprint().toString())));
		assertTrue(pins.get("BOB").orElseThrow().verified());
		// Verified survives a match and a new PeerPins on the same workspace.
		pins.check("BOB", BOB_KEY);
		assertTrue(new PeerPins(workspace, clock).get("BOB").orElseThrow().verified());
		// A forgotten and re-pinned name starts unverified.
		pins.forget("BOB");
		pins.check("BOB", BOB_KEY);
		assertFalse(pins.get("BOB").orElseThrow().verified());
	}

	@Test
	void fileIsReadableTextWrittenAtomically() throws Exception {
		pins.check("ALICE", MALLORY_KEY);
		pins.check("BOB", BOB_KEY);
		List<String> lines = Files.readAllLines(pins.file(), StandardCharsets.ISO_8859_1);
		assertEquals(List.of(PeerPins.HEADER,
				"ALICE\t" + MALLORY_KEY.hex() + "\t2026-12-06T18:00:00Z\t2026-12-06T18:00:00Z\tunverified",
				"BOB\t" + BOB_KEY.hex() + "\t2026-12-06T18:00:00Z\t2026-12-06T18:00:00Z\tunverified"), lines);
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pins.file())));
		try (var files = Files.list(workspace)) {
			Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
			assertEquals(Set.of(PeerPins.FILE_NAME, PeerPins.LOCK_NAME), names);
		}
		assertEquals(List.of("ALICE", "BOB"), new PeerPins(workspace, clock).list().stream().map(Pin::name).toList());
	}

	@Test
	void damagedFileIsReportedWithItsLineAndNeverOverwritten() throws Exception {
		pins.check("BOB", BOB_KEY);
		String good = Files.readString(pins.file(), StandardCharsets.ISO_8859_1);
		String damaged = good + "CAROL\tnot-a-key\t2026-12-06T18:00:00Z\t2026-12-06T18:00:00Z\tunverified\n";
		writePins(damaged);

		PeerStoreException e = assertThrows(PeerStoreException.class, () -> pins.check("DAVE", MALLORY_KEY));
		assertTrue(e.getMessage().contains("line 3"), e.getMessage());
		assertTrue(e.getMessage().contains(pins.file().toString()), e.getMessage());
		assertThrows(PeerStoreException.class, () -> pins.forget("BOB"));
		assertThrows(PeerStoreException.class, () -> pins.verify("BOB", BOB_KEY.fingerprint()));
		assertThrows(PeerStoreException.class, pins::list);
		assertEquals(damaged, Files.readString(pins.file(), StandardCharsets.ISO_8859_1));

		// Repaired by hand, the pins are all there again.
		writePins(good);
		assertEquals(PinStatus.MATCH, pins.check("BOB", BOB_KEY).status());
	}

	@Test
	void otherDamage() throws Exception {
		for (String line : List.of("BOB\t" + BOB_KEY.hex() + "\t2026-12-06T18:00:00Z\tyesterday\tunverified",
				"BOB\t" + BOB_KEY.hex() + "\t2026-12-06T18:00:00Z\t2026-12-06T18:00:00Z\tmaybe",
				"BOB " + BOB_KEY.hex(),
				"A*B\t" + BOB_KEY.hex() + "\t2026-12-06T18:00:00Z\t2026-12-06T18:00:00Z\tverified")) {
			writePins(line + "\n");
			PeerStoreException e = assertThrows(PeerStoreException.class, pins::list, line);
			assertTrue(e.getMessage().contains("line 1"), e.getMessage());
		}
		String twice = "BOB\t" + BOB_KEY.hex() + "\t2026-12-06T18:00:00Z\t2026-12-06T18:00:00Z\tverified\n";
		writePins(twice + twice);
		assertTrue(assertThrows(PeerStoreException.class, pins::list).getMessage().contains("line 2"));
	}

	@Test
	void twoStoresOnOneWorkspaceLoseNothing() throws Exception {
		// Two PeerPins on the same files (as two components, or a CLI beside the workbench would
		// have): every check of either survives, none overwrites another's.
		PeerPins other = new PeerPins(workspace, clock);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<PinStatus>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 40; i++) {
				PeerPins store = i % 2 == 0 ? pins : other;
				String name = "HOST" + i;
				results.add(pool.submit(() -> store.check(name, BOB_KEY).status()));
			}
			for (java.util.concurrent.Future<PinStatus> result : results) {
				assertEquals(PinStatus.NEW, result.get());
			}
		} finally {
			pool.shutdown();
		}
		assertEquals(40, pins.list().size());
		assertEquals(40, other.list().size());
	}

	@Test
	void pinFileOthersMayChangeIsRefused() throws Exception {
		pins.check("BOB", BOB_KEY);
		Files.setPosixFilePermissions(pins.file(), PosixFilePermissions.fromString("rw-rw-r--"));
		PeerStoreException e = assertThrows(PeerStoreException.class, () -> pins.check("BOB", MALLORY_KEY));
		assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
		Files.setPosixFilePermissions(pins.file(), PosixFilePermissions.fromString("rw-r--r--"));
		assertEquals(PinStatus.MATCH, pins.check("BOB", BOB_KEY).status());
	}

	@Test
	void namesAreNetbiosNames() {
		assertThrows(IllegalArgumentException.class, () -> pins.check("", BOB_KEY));
		assertThrows(IllegalArgumentException.class, () -> pins.check("WAY-TOO-LONG-NAME", BOB_KEY));
		assertThrows(IllegalArgumentException.class, () -> pins.check("#BOB", BOB_KEY));
	}

	/** Writes the pin file by hand, owner-only as Herald writes it (whatever the umask). */
	private void writePins(String content) throws Exception {
		Files.writeString(pins.file(), content, StandardCharsets.ISO_8859_1);
		Files.setPosixFilePermissions(pins.file(), PosixFilePermissions.fromString("rw-------"));
	}

	/** A clock the test moves by hand. */
	private static final class SettableClock extends Clock {
		Instant now;

		SettableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
