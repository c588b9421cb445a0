/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link MessageSink} did with a message, durably: stored it, or refused it. A receiver tells
 * the sender "delivered" only for {@link Stored}; a {@link Refused} message is answered with an error
 * the sender sees (on the session path), and is only counted.
 */
public sealed interface Acceptance {

	/** The message is in the store (its flags say whether it was quarantined or blocked). */
	record Stored(StoredMessage message) implements Acceptance {
		public Stored {
			Objects.requireNonNull(message);
		}
	}

	/** The spam policy turned the message away; nothing of it was kept but a count. */
	record Refused(Refusal reason) implements Acceptance {
		public Refused {
			Objects.requireNonNull(reason);
		}
	}

	/** Why the spam policy turned a message away. */
	enum Refusal {
		/** Its source address sent more than the flood limit allows within the window. */
		FLOOD_LIMIT("flood limit"),
		/** The sender is on the block list and the policy does not keep blocked messages. */
		BLOCKED("sender blocked");

		private final String label;

		Refusal(String label) {
			this.label = label;
		}

		/** A few words for reports: "flood limit", "sender blocked". */
		public String label() {
			return label;
		}
	}

	static Acceptance stored(StoredMessage message) {
		return new Stored(message);
	}

	static Acceptance refused(Refusal reason) {
		return new Refused(reason);
	}

	/** The stored message, or empty if it was refused. */
	default Optional<StoredMessage> stored() {
		return this instanceof Stored s ? Optional.of(s.message()) : Optional.empty();
	}

	/** The reason it was refused, or empty if it was stored. */
	default Optional<Refusal> refusal() {
		return this instanceof Refused r ? Optional.of(r.reason()) : Optional.empty();
	}
}
