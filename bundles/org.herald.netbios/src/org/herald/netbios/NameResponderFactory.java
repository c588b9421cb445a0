/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.herald.api.Identity;

/**
 * Starts Herald's name responder for an identity. A responder binds the name service port on the
 * identity's interfaces, so it never starts by itself: {@code herald names serve}, {@code listen}
 * or the workbench start one explicitly, and stop it when done. Thread safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface NameResponderFactory {

	/**
	 * Binds the name service port on each of {@code identity}'s interfaces and starts registering
	 * NAME&lt;00&gt;, NAME&lt;03&gt; and WORKGROUP&lt;00&gt;; registration goes on in the background
	 * ({@link NameResponder#registered()}).
	 *
	 * @param listener gets every event from the first one on (none is missed), or null
	 * @throws IOException              if a socket cannot be bound (the port is in use, or needs privileges);
	 *                                  nothing stays bound then
	 * @throws IllegalArgumentException if the identity has no interfaces
	 */
	NameResponder start(Identity identity, ResponderOptions options, Consumer<NameEvent> listener) throws IOException;

	default NameResponder start(Identity identity, ResponderOptions options) throws IOException {
		return start(identity, options, null);
	}

	/** The responders this factory started that have not been stopped. */
	List<NameResponder> running();
}
