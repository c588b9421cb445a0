/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.herald.api.Identity;

/**
 * The fields every template may use without a value given: {@code {date}} (ISO, 2026-12-07) and
 * {@code {time}} (24 h, 18:05) on the sender's clock, {@code {host}} (our NetBIOS name),
 * {@code {user}} (the operating system's user), {@code {workgroup}}, and per recipient {@code {to}},
 * the recipient as given (a name without its suffix, an address, a range, a workgroup).
 */
public final class TemplateFields {

	public static final String TO = "to";

	private TemplateFields() {
	}

	/** The fields that do not depend on the recipient, now. */
	public static Map<String, String> of(Identity identity, Clock clock) {
		LocalDateTime now = LocalDateTime.now(clock);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("date", now.toLocalDate().toString());
		values.put("time", now.format(DateTimeFormatter.ofPattern("HH:mm")));
		values.put("host", identity.name());
		values.put("user", System.getProperty("user.name", ""));
		values.put("workgroup", identity.workgroup());
		return values;
	}

	/** {@code {to}} for {@code recipient}. */
	public static String to(Recipient recipient) {
		return switch (recipient) {
		case Recipient.Name n -> n.name().suffix() == org.herald.api.NetbiosName.MESSENGER ? n.name().name() : n.label();
		case Recipient.Address a -> a.label();
		case Recipient.Range r -> r.label();
		case Recipient.Workgroup w -> w.workgroup();
		};
	}
}
