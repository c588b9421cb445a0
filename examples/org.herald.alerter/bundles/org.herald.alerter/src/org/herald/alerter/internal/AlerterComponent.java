/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.herald.alerter.Alert;
import org.herald.alerter.AlertRule;
import org.herald.alerter.AlertService;
import org.herald.api.Identity;
import org.herald.api.Settings;
import org.herald.browser.BrowseEvent;
import org.herald.browser.exposure.ExposureReport;
import org.herald.messenger.Delivery;
import org.herald.messenger.Messenger;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Recipient;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Alerter as a DS service: rules and alerts in the workspace's preferences, pop-ups through
 * Herald's Messenger with the saved identity. Uses only Herald's API packages.
 */
@Component(service = AlertService.class)
public final class AlerterComponent implements AlertService {

	private final Messenger messenger;
	private final Settings settings;
	private final AlertStore store;

	@Activate
	public AlerterComponent(@Reference Messenger messenger, @Reference Settings settings) {
		this(messenger, settings, new AlertStore(InstanceScope.INSTANCE.getNode("org.herald.alerter")));
	}

	AlerterComponent(Messenger messenger, Settings settings, AlertStore store) {
		this.messenger = messenger;
		this.settings = settings;
		this.store = store;
	}

	@Override
	public List<AlertRule> rules() {
		return store.rules();
	}

	@Override
	public AlertRule add(AlertRule.Kind kind, String target) {
		Rules.check(kind, target);
		return store.add(kind, target);
	}

	@Override
	public boolean remove(String ruleId) {
		return store.remove(ruleId);
	}

	@Override
	public List<String> admins() {
		return store.admins();
	}

	@Override
	public void setAdmins(List<String> admins) {
		for (String admin : admins) {
			recipient(admin); // refuses what is not a name or @WORKGROUP
		}
		store.setAdmins(admins);
	}

	@Override
	public List<Alert> alerts() {
		return store.alerts();
	}

	@Override
	public List<Alert> onBrowse(BrowseEvent event) {
		return fire(Rules.fired(store.rules(), event));
	}

	@Override
	public List<Alert> onExposure(ExposureReport report) {
		return fire(Rules.fired(store.rules(), report));
	}

	@Override
	public Optional<Alert> test(String ruleId) {
		Optional<AlertRule> rule = store.rules().stream().filter(r -> r.id().equalsIgnoreCase(ruleId)).findFirst();
		return rule.map(r -> fire(List.of(new Rules.Firing(r, "Herald alert " + r.id() + " (test): " + r.text()))).get(0));
	}

	private List<Alert> fire(List<Rules.Firing> firings) {
		List<Alert> alerts = new ArrayList<>();
		for (Rules.Firing f : firings) {
			Alert alert = new Alert(Instant.now(), f.rule().id(), f.text(), notifyAdmins(f.text()));
			store.record(alert);
			alerts.add(alert);
		}
		return alerts;
	}

	/** Sends the pop-up to every admin; says what became of it. */
	private String notifyAdmins(String text) {
		List<String> admins = store.admins();
		if (admins.isEmpty()) {
			return "no admins to notify (set them in Preferences > Alerter or with herald alerts admins)";
		}
		Identity identity = settings.identity();
		try {
			List<Recipient> recipients = admins.stream().map(AlerterComponent::recipient).toList();
			List<Delivery> deliveries = messenger.sender(identity).send(new OutgoingMessage(identity.name(), recipients, text, PathChoice.AUTO));
			return String.join("; ", deliveries.stream().map(Delivery::line).toList());
		} catch (IllegalArgumentException e) {
			return "not sent: " + e.getMessage();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "not sent: interrupted";
		}
	}

	static Recipient recipient(String admin) {
		String a = admin.strip();
		return a.startsWith("@") ? new Recipient.Workgroup(a.substring(1)) : Recipient.parse(a);
	}
}
