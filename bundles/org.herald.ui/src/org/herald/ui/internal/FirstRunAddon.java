/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Shell;
import org.herald.api.Settings;
import org.herald.api.setup.NetworkSurvey;
import org.herald.api.setup.Survey;
import org.herald.ui.HeraldEvents;
import org.herald.ui.internal.LocalInterfaces.LocalInterface;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * Offers the first-run setup once the workbench is up, when the workspace has no interfaces
 * configured. The interfaces, the host name and what this machine's configuration says of its
 * workgroup and WINS server are read off the UI thread (no traffic); the dialog saves
 * through {@link Settings} and announces {@link HeraldEvents#SETTINGS_CHANGED}, as Preferences does.
 */
public class FirstRunAddon {

	@Inject
	@Service
	private Settings settings;

	@Inject
	@Optional
	@Service
	private NetworkSurvey survey;

	@Inject
	private IEventBroker events;

	@Inject
	private UISynchronize ui;

	@Inject
	@Optional
	void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application) {
		if (!settings.identity().interfaces().isEmpty()) {
			return;
		}
		NetworkSurvey s = survey;
		CompletableFuture.supplyAsync(() -> new Proposal(LocalInterfaces.list(), LocalInterfaces.netbiosNameFor(LocalInterfaces.hostName()),
				FirstRunDialog.configured(s))).thenAccept(p -> ui.asyncExec(() -> open(application, p)));
	}

	/** What the dialog proposes; {@code configured} is what this machine's configuration says (read with no traffic). */
	private record Proposal(List<LocalInterface> interfaces, String name, java.util.Optional<Survey> configured) {
	}

	private void open(MApplication application, Proposal p) {
		MWindow window = application.getSelectedElement();
		if (window == null || !(window.getWidget() instanceof Shell shell) || shell.isDisposed()
				|| !settings.identity().interfaces().isEmpty()) {
			return; // closed meanwhile, or configured through Preferences meanwhile
		}
		FirstRunDialog dialog = new FirstRunDialog(shell, p.interfaces(), p.name(), settings, saved -> events.post(HeraldEvents.SETTINGS_CHANGED, saved));
		dialog.survey(survey, p.configured());
		dialog.open();
	}
}
