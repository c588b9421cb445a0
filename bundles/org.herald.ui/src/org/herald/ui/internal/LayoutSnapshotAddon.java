/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.herald.api.workbench.WorkbenchIds;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * Keeps the layout as it was at the first start (the application model with every part
 * contributed) as a snippet of the application, saved with the workspace's layout, for
 * Window &gt; Reset Layout ({@link ResetLayoutHandler}). A part contributed later (an extension
 * installed since) joins the kept copy, in the stack of the same id, so Reset Layout keeps it.
 */
public class LayoutSnapshotAddon {

	/** The perspective whose first layout is kept; the snippet has the same id. */
	static final String PERSPECTIVE = WorkbenchIds.MAIN_PERSPECTIVE;

	@Inject
	@Optional
	void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application, EModelService models) {
		MUIElement live = models.find(PERSPECTIVE, application);
		MUIElement kept = models.findSnippet(application, PERSPECTIVE);
		if (kept instanceof MPerspective k && live instanceof MPerspective l) {
			adoptNewParts(k, l);
		} else if (kept == null && live instanceof MPerspective p) {
			models.cloneElement(p, application);
		}
	}

	/**
	 * Copies into {@code kept} every part of {@code live} that it does not hold, into the stack of
	 * the same id; a part the user moved is in the copy already and stays where the copy has it, a
	 * part in a stack the copy does not know is left out. Returns the ids of the parts copied.
	 */
	static List<String> adoptNewParts(MPerspective kept, MPerspective live) {
		Set<String> ids = new HashSet<>();
		Map<String, MPartStack> stacks = new HashMap<>();
		((EObject) kept).eAllContents().forEachRemaining(e -> {
			if (e instanceof MUIElement element && element.getElementId() != null) {
				ids.add(element.getElementId());
				if (element instanceof MPartStack stack) {
					stacks.putIfAbsent(stack.getElementId(), stack);
				}
			}
		});
		List<MPart> fresh = new ArrayList<>();
		((EObject) live).eAllContents().forEachRemaining(e -> {
			if (e instanceof MPart part && part.getElementId() != null && !ids.contains(part.getElementId())
					&& (Object) part.getParent() instanceof MPartStack stack && stacks.containsKey(stack.getElementId())) {
				fresh.add(part);
			}
		});
		List<String> adopted = new ArrayList<>();
		for (MPart part : fresh) {
			MPart copy = (MPart) EcoreUtil.copy((EObject) part);
			// what the live part holds while it is drawn is not part of a layout
			copy.setWidget(null);
			copy.setRenderer(null);
			copy.setObject(null);
			copy.setContext(null);
			stacks.get(part.getParent().getElementId()).getChildren().add(copy);
			adopted.add(part.getElementId());
		}
		return adopted;
	}
}
