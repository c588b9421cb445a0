/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.herald.api.Identity;
import org.herald.netbios.NameEvent;
import org.herald.netbios.NameResponder;
import org.herald.netbios.NameResponderFactory;
import org.herald.netbios.ResponderOptions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Starts {@link NbnsResponder}s with the RFC timers ({@link ResponderSettings#defaults()}) and the
 * caller's port and TTL. Needs no configuration; binds nothing until asked. When the component goes
 * away (the bundle stops) it stops the responders it started, so their names are released.
 */
@Component(immediate = true, service = NameResponderFactory.class)
public final class NbnsResponderFactory implements NameResponderFactory {

	private final Set<NbnsResponder> started = ConcurrentHashMap.newKeySet();

	@Override
	public NameResponder start(Identity identity, ResponderOptions options, Consumer<NameEvent> listener) throws IOException {
		NbnsResponder r = new NbnsResponder(identity,
				ResponderSettings.defaults().withPort(options.port()).withTtl(options.ttlSeconds()), options.messenger());
		if (listener != null) {
			r.addListener(listener);
		}
		r.start();
		started.add(r);
		return r;
	}

	@Override
	public List<NameResponder> running() {
		started.removeIf(r -> !r.running());
		return List.copyOf(started);
	}

	/** Stops every responder still running. */
	@Deactivate
	public void stopAll() {
		for (NbnsResponder r : started) {
			r.stop();
		}
		started.clear();
	}
}
