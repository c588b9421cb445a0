/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter;

import java.util.List;
import java.util.Optional;

import org.herald.browser.BrowseEvent;
import org.herald.browser.exposure.ExposureReport;

/** The Alerter: rules, the admins who get the pop-ups, and the alerts recorded (newest last). */
public interface AlertService {

	List<AlertRule> rules();

	AlertRule add(AlertRule.Kind kind, String target);

	boolean remove(String ruleId);

	/** Names (or {@code @WORKGROUP}) that get each alert as a Messenger pop-up. */
	List<String> admins();

	void setAdmins(List<String> admins);

	List<Alert> alerts();

	/** Feeds a change of the browse list; returns the alerts it fired. */
	List<Alert> onBrowse(BrowseEvent event);

	/** Feeds an exposure report; returns the alerts it fired. */
	List<Alert> onExposure(ExposureReport report);

	/** Fires a rule now, as a test: the admins get the pop-up and the alert is recorded. */
	Optional<Alert> test(String ruleId);
}
