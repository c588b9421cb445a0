/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trust on first use, bound to the peer's NetBIOS name: the keys pinned per name, in
 * {@value #FILE_NAME} in the workspace. One line per pin,
 * {@code NAME<TAB>KEY<TAB>FIRST-SEEN<TAB>LAST-SEEN<TAB>verified|unverified}, times in ISO-8601 UTC.
 *
 * <p>Every operation reads the file and, if it changes something, replaces it atomically
 * (temporary file, fsync, rename), under a lock that other threads and processes sharing the
 * workspace respect. A file that does not parse is never written: the operation fails with the
 * file and line, and nothing in it is lost.
 */
public final class PeerPins {

	public static final String FILE_NAME = "peer-pins.txt";
	static final String LOCK_NAME = "peer-pins.lock";
	/** The last-seen time is kept to this step: a peer seen again within it does not rewrite the file. */
	public static final java.time.Duration LAST_SEEN_STEP = java.time.Duration.ofMinutes(1);
	static final String HEADER = "# Herald peer pins: NetBIOS name, X25519 public key, first seen, last seen, verified. One tab between fields.";

	/** One lock per pin file in this process: FileLock guards against other processes only. */
	private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

	private final Path file;
	private final Path lockFile;
	private final Clock clock;

	public PeerPins(Path directory, Clock clock) throws IOException {
		Files.createDirectories(directory);
		this.file = directory.resolve(FILE_NAME);
		this.lockFile = directory.resolve(LOCK_NAME);
		this.clock = clock;
	}

	/** The pins in {@code directory} (usually the workspace), with the system clock. */
	public static PeerPins in(Path directory) throws IOException {
		return new PeerPins(directory, Clock.systemUTC());
	}

	public Path file() {
		return file;
	}

	/**
	 * Checks the key a peer presented under {@code name}: pins it if the name is new, notes the time
	 * if it matches (when the last time noted is {@link #LAST_SEEN_STEP} or more ago), and changes
	 * nothing if it differs.
	 */
	public PinCheck check(String name, PeerKey key) throws IOException {
		String canonical = PeerPrologue.canonical(name);
		return locked(pins -> {
			Instant now = clock.instant();
			Pin pin = pins.get(canonical);
			if (pin == null) {
				Pin created = new Pin(canonical, key, now, now, false);
				pins.put(canonical, created);
				return new Result<>(new PinCheck(PinStatus.NEW, created, key), true);
			}
			if (!pin.key().equals(key)) {
				return new Result<>(new PinCheck(PinStatus.CHANGED, pin, key), false);
			}
			if (now.isBefore(pin.lastSeen().plus(LAST_SEEN_STEP))) {
				// seen within the step already: no write (and fsync) per connection
				return new Result<>(new PinCheck(PinStatus.MATCH, pin, key), false);
			}
			Pin seen = new Pin(canonical, key, pin.firstSeen(), now, pin.verified());
			pins.put(canonical, seen);
			return new Result<>(new PinCheck(PinStatus.MATCH, seen, key), true);
		});
	}

	/**
	 * Marks the pin of {@code name} verified if {@code fingerprint} is the pinned key's, as the
	 * administrators read it to each other. Returns false (and changes nothing) if it is not, or if
	 * the name has no pin.
	 */
	public boolean verify(String name, Fingerprint fingerprint) throws IOException {
		String canonical = PeerPrologue.canonical(name);
		return locked(pins -> {
			Pin pin = pins.get(canonical);
			if (pin == null || !pin.fingerprint().matches(fingerprint)) {
				return new Result<>(false, false);
			}
			pins.put(canonical, new Pin(canonical, pin.key(), pin.firstSeen(), pin.lastSeen(), true));
			return new Result<>(true, true);
		});
	}

	/** Removes the pin of {@code name}, so the next key it presents is pinned as NEW. Returns whether there was one. */
	public boolean forget(String name) throws IOException {
		String canonical = PeerPrologue.canonical(name);
		return locked(pins -> {
			boolean removed = pins.remove(canonical) != null;
			return new Result<>(removed, removed);
		});
	}

	public Optional<Pin> get(String name) throws IOException {
		String canonical = PeerPrologue.canonical(name);
		return locked(pins -> new Result<>(Optional.ofNullable(pins.get(canonical)), false));
	}

	/** All pins, by name. */
	public List<Pin> list() throws IOException {
		return locked(pins -> new Result<>(List.copyOf(pins.values()), false));
	}

	private record Result<T>(T value, boolean changed) {
	}

	private interface Operation<T> {
		Result<T> apply(TreeMap<String, Pin> pins) throws IOException;
	}

	private <T> T locked(Operation<T> operation) throws IOException {
		ReentrantLock processLock = PROCESS_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
		processLock.lock();
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.lock()) {
			TreeMap<String, Pin> pins = read();
			Result<T> result = operation.apply(pins);
			if (result.changed()) {
				SecureFiles.replace(file, encode(pins));
			}
			return result.value();
		} finally {
			processLock.unlock();
		}
	}

	private TreeMap<String, Pin> read() throws IOException {
		TreeMap<String, Pin> pins = new TreeMap<>();
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			return pins;
		}
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			throw new PeerStoreException("The pin file " + file + " is not a regular file: Herald refuses to use it.");
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
		if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
			// Whoever may write the pins may make Herald trust any key.
			throw new PeerStoreException("The pin file " + file + " has mode " + PosixFilePermissions.toString(permissions)
					+ ": others may change which keys Herald trusts, so it refuses to use it. Check the pins"
					+ " in it, then run 'chmod 600 " + file + "'.");
		}
		List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Pin pin = parse(line, i + 1);
			if (pins.put(pin.name(), pin) != null) {
				throw corrupted(i + 1, "a second pin for " + pin.name());
			}
		}
		return pins;
	}

	private Pin parse(String line, int number) throws PeerStoreException {
		String[] fields = line.split("\t", -1);
		if (fields.length != 5) {
			throw corrupted(number, "expected 5 fields separated by tabs, found " + fields.length);
		}
		if (!fields[4].equals("verified") && !fields[4].equals("unverified")) {
			throw corrupted(number, "the last field must be 'verified' or 'unverified'");
		}
		try {
			return new Pin(fields[0], new PeerKey(fields[1]), Instant.parse(fields[2]), Instant.parse(fields[3]), fields[4].equals("verified"));
		} catch (IllegalArgumentException | DateTimeParseException e) {
			throw corrupted(number, e.getMessage());
		}
	}

	private PeerStoreException corrupted(int line, String why) {
		return new PeerStoreException("The pin file " + file + " is damaged at line " + line + " (" + why + "). Herald changed"
				+ " nothing in it and will not use it until it is repaired: fix that line (NAME, KEY, FIRST-SEEN, LAST-SEEN,"
				+ " verified|unverified, separated by tabs) or move the file away to start with no pins.");
	}

	private static byte[] encode(TreeMap<String, Pin> pins) {
		List<String> lines = new ArrayList<>();
		lines.add(HEADER);
		for (Pin pin : pins.values()) {
			lines.add(String.join("\t", pin.name(), pin.key().hex(), pin.firstSeen().toString(), pin.lastSeen().toString(),
					pin.verified() ? "verified" : "unverified"));
		}
		return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
	}
}
