/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import jakarta.annotation.PostConstruct;

/**
 * The workbench keeps its layout between starts, with the parts extensions contributed. When an
 * extension was uninstalled, its parts stay in the saved layout without a class behind them: this
 * addon takes them out at start, before anything is drawn (parts whose {@code bundleclass://}
 * bundle is no longer installed).
 */
public class RemovedExtensionsAddon {

	@PostConstruct
	public void removeOrphans(MApplication application, EModelService models) {
		List<MPart> orphans = new ArrayList<>();
		for (MPart part : models.findElements(application, null, MPart.class, null)) {
			String bundle = bundleOf(part.getContributionURI());
			if (bundle != null && !installed(bundle)) {
				orphans.add(part);
			}
		}
		for (MPart part : orphans) {
			var parent = part.getParent();
			if (parent != null) {
				if (parent.getSelectedElement() == part) {
					parent.setSelectedElement(null);
				}
				parent.getChildren().remove(part);
			}
		}
	}

	/** The bundle of {@code bundleclass://BUNDLE/CLASS}, or null for another kind of URI. */
	static String bundleOf(String uri) {
		if (uri == null || !uri.startsWith("bundleclass://")) {
			return null;
		}
		String rest = uri.substring("bundleclass://".length());
		int slash = rest.indexOf('/');
		return slash <= 0 ? null : rest.substring(0, slash);
	}

	private boolean installed(String symbolicName) {
		Bundle self = FrameworkUtil.getBundle(getClass());
		if (self == null) {
			return true;
		}
		for (Bundle b : self.getBundleContext().getBundles()) {
			if (symbolicName.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
				return true;
			}
		}
		return false;
	}
}
