/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.api.SessionLimits;
import org.herald.netbios.NameEvent;

/**
 * Herald's messenger as a service: what the workbench and the CLI send with. Needs no
 * configuration; the identity (name, interfaces, WINS) is given per use.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Messenger {

	/**
	 * A sender that speaks as {@code identity}, resolves names through the name service (WINS first
	 * when one is configured, then broadcast on the interfaces) and binds its sockets to the
	 * identity's interfaces only.
	 *
	 * @throws IllegalArgumentException if the identity has no interfaces
	 */
	Sender sender(Identity identity);

	/**
	 * A sender like {@link #sender(Identity)} that tries Herald's encrypted peer channel first, as
	 * {@code peers} says: a recipient by name or address whose peer port answers gets the message
	 * encrypted ({@link Delivery.Channel#PEER}), one whose port does not gets it plain
	 * ({@link Delivery.Channel#LEGACY}) unless the policy is {@link EncryptionPolicy#REQUIRE}; a
	 * peer whose key differs from the pinned one gets nothing ({@link Delivery.FailureReason#KEY_CHANGED}).
	 * A message for the session or mailslot path only goes plain unless encryption is required.
	 *
	 * @throws IllegalArgumentException if the identity has no interfaces
	 */
	default Sender sender(Identity identity, PeerChannel peers) {
		if (peers.policy() == EncryptionPolicy.NEVER || peers.port() == 0) {
			return sender(identity);
		}
		throw new UnsupportedOperationException("this messenger has no peer channel");
	}

	/**
	 * Makes Herald present as {@code identity}: starts the name responder (NAME&lt;00&gt;,
	 * NAME&lt;03&gt;, WORKGROUP&lt;00&gt;) and the session and mailslot receivers, which hand every
	 * message to {@code sink} and acknowledge it only after the sink returned.
	 *
	 * @param nameEvents told of registrations, conflicts and defences; may be null
	 * @throws PortsInUseException if another process holds the ports on a configured interface
	 * @throws IOException         if the sockets cannot be opened for another reason
	 */
	default Presence join(Identity identity, MessageSink sink, Consumer<NameEvent> nameEvents) throws IOException {
		return join(identity, sink, nameEvents, () -> SessionLimits.DEFAULTS);
	}

	/**
	 * Like {@link #join(Identity, MessageSink, Consumer)}, with the session receiver bounded by
	 * {@code limits} (idle timeout, sessions per address and in all).
	 *
	 * @param limits the limits in effect, asked again while the presence lasts (at most about once a
	 *               second, never on a receiving thread); it may throw an unchecked exception when its
	 *               source cannot be read, and the limits it gave last then stay
	 */
	Presence join(Identity identity, MessageSink sink, Consumer<NameEvent> nameEvents, Supplier<SessionLimits> limits) throws IOException;

	/** The default OEM code page: text goes out in it when every character fits (else UTF-8), as configured. */
	java.nio.charset.Charset oem();

	/** The default code page and the rules per host, address and workgroup in effect. */
	default CodePages codePages() {
		return CodePages.of(oem());
	}

	/** The largest text, in bytes of its encoding, that the session path carries in one message. */
	int maxSessionText();
}
