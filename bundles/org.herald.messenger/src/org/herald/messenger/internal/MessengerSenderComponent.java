/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.herald.api.Identity;
import org.herald.messenger.Delivery;
import org.herald.messenger.NameResolver;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.Sender;
import org.herald.netbios.NameService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The sender as a DS component, configured by PID {@value MessengerConfig#PID}; names resolve with the name service. */
@Component(service = Sender.class, configurationPid = MessengerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class MessengerSenderComponent implements Sender {

	private final MessengerSender sender;

	@Activate
	public MessengerSenderComponent(Map<String, Object> properties,
			@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) NameService names) {
		MessengerConfig config = new MessengerConfig(properties);
		Identity identity = config.identity();
		NameResolver resolver = names != null ? new NameServiceResolver(names, identity) : name -> {
			throw new IOException("no name service to resolve " + name);
		};
		sender = new MessengerSender(identity, resolver, config.ports(), config.charset(), config.timeout(), config.timeout(),
				config.parallel());
	}

	@Override
	public List<Delivery> send(OutgoingMessage message) throws InterruptedException {
		return sender.send(message);
	}
}
