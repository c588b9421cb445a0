/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.herald.peer.PeerPins;
import org.herald.peer.Pin;

/**
 * The pins of the workspace as the inbox shows them: whether the key of an encrypted message's
 * sender is verified. Read again when the pin file changed (looked at no more than once a second),
 * so the inbox follows {@code herald peers verify} and the Peers dialog.
 */
public final class SenderKeys {

	/** What the inbox says about the key of a message's sender. */
	public enum State {
		/** Not an encrypted message. */
		NONE,
		/** Encrypted; the sender's pinned key is verified. */
		VERIFIED,
		/** Encrypted; the sender's key is pinned on first use but nobody compared fingerprints. */
		UNVERIFIED,
		/** Encrypted with another key than the pinned one: quarantined, not shown as from that name. */
		CHANGED
	}

	private static final long RECHECK_NANOS = 1_000_000_000L;

	private final PeerPins pins;
	private Map<String, Pin> byName = Map.of();
	private FileTime read;
	private long checked = Long.MIN_VALUE;

	public SenderKeys(PeerPins pins) {
		this.pins = pins;
	}

	/** The pins of {@code workspace}; empty if they cannot be opened. */
	public static Optional<SenderKeys> of(Optional<Path> workspace) {
		try {
			return workspace.isEmpty() ? Optional.empty() : Optional.of(new SenderKeys(PeerPins.in(workspace.get())));
		} catch (IOException e) {
			return Optional.empty();
		}
	}

	/**
	 * The state of an encrypted message from {@code sender} (the name it was stored under); a
	 * quarantined one from a changed key is stored as {@code ?NAME (key changed)}.
	 */
	public synchronized State of(String sender, boolean encrypted) {
		if (!encrypted) {
			return State.NONE;
		}
		if (sender.startsWith("?")) {
			return State.CHANGED;
		}
		refresh();
		Pin pin = byName.get(sender.strip().toUpperCase(java.util.Locale.ROOT));
		return pin != null && pin.verified() ? State.VERIFIED : State.UNVERIFIED;
	}

	private void refresh() {
		long now = System.nanoTime();
		if (checked != Long.MIN_VALUE && now - checked < RECHECK_NANOS) {
			return;
		}
		checked = now;
		try {
			FileTime modified = Files.exists(pins.file()) ? Files.getLastModifiedTime(pins.file()) : FileTime.fromMillis(0);
			if (modified.equals(read)) {
				return;
			}
			byName = pins.list().stream().collect(Collectors.toMap(Pin::name, Function.identity()));
			read = modified;
		} catch (IOException e) {
			byName = Map.of(); // a damaged pin file: nothing counts as verified
			read = null;
		}
	}
}
