/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.osgi.service.event.Event;

import org.herald.api.workbench.WorkbenchIds;

import jakarta.inject.Inject;

/**
 * Keeps the layout as it was at the first start (the application model with every part
 * contributed) as a snippet of the application, saved with the workspace's layout, for
 * Window &gt; Reset Layout ({@link ResetLayoutHandler}).
 */
public class LayoutSnapshotAddon {

	/** The perspective whose first layout is kept; the snippet has the same id. */
	static final String PERSPECTIVE = WorkbenchIds.MAIN_PERSPECTIVE;

	@Inject
	@Optional
	void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application, EModelService models) {
		if (models.findSnippet(application, PERSPECTIVE) != null) {
			return;
		}
		MUIElement perspective = models.find(PERSPECTIVE, application);
		if (perspective instanceof MPerspective p) {
			models.cloneElement(p, application);
		}
	}
}
