/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.util.Map;

import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.messenger.HeldNames;
import org.herald.messenger.MessengerReceiver;
import org.herald.messenger.ReceiverStats;
import org.herald.netbios.NameResponder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The receivers as a DS component: configured by PID {@value MessengerConfig#PID}, storing into the
 * inbox's {@link MessageSink}, accepting sessions for the names the name responder holds (or, without
 * one, our own NAME&lt;03&gt;). Activation fails if a port cannot be bound.
 */
@Component(service = MessengerReceiver.class, configurationPid = MessengerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class MessengerReceiverComponent implements MessengerReceiver {

	private final MessengerReceivers receivers;

	@Activate
	public MessengerReceiverComponent(Map<String, Object> properties, @Reference MessageSink sink,
			@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) NameResponder responder)
			throws IOException {
		MessengerConfig config = new MessengerConfig(properties);
		Identity identity = config.identity();
		HeldNames held = responder != null ? new ResponderHeldNames(responder) : MessengerReceivers.ownMessengerName(identity);
		receivers = new MessengerReceivers(identity, config.ports(), held, sink, config.charset(), config.idleTimeout());
		receivers.start();
	}

	@Override
	public ReceiverStats stats() {
		return receivers.stats();
	}

	@Deactivate
	void deactivate() {
		receivers.close();
	}
}
