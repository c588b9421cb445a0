/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Window &gt; Reset Layout: the perspective is replaced by a copy of the one kept at the first
 * start ({@link LayoutSnapshotAddon}); its parts are created again in their first places.
 */
public class ResetLayoutHandler {

	@CanExecute
	public boolean canExecute(MApplication application, EModelService models) {
		return models.findSnippet(application, LayoutSnapshotAddon.PERSPECTIVE) != null;
	}

	@Execute
	public void execute(MApplication application, MWindow window, EModelService models, EPartService parts) {
		MPerspective current = models.getActivePerspective(window);
		MUIElement copy = models.cloneSnippet(application, LayoutSnapshotAddon.PERSPECTIVE, window);
		if (current == null || !(copy instanceof MPerspective fresh)) {
			return;
		}
		MElementContainer<MUIElement> stack = current.getParent();
		stack.getChildren().add(stack.getChildren().indexOf(current), fresh);
		parts.switchPerspective(fresh);
		models.removePerspectiveModel(current, window);
	}
}
