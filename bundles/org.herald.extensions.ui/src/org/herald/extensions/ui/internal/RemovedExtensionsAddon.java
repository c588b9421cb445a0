/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPlaceholder;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import jakarta.annotation.PostConstruct;

/**
 * The workbench keeps its layout between starts, with the parts extensions contributed, and so
 * does the copy of the first layout that Window &gt; Reset Layout restores (a snippet of the
 * application). When an extension was uninstalled, its parts stay in both without a class behind
 * them: this addon takes them out of the whole model at start, before anything is drawn (parts
 * whose {@code bundleclass://} bundle is no longer installed, and placeholders that show them).
 */
public class RemovedExtensionsAddon {

	@PostConstruct
	public void removeOrphans(MApplication application) {
		removeParts(application, this::installed);
	}

	/**
	 * Takes out of the application, its snippets included, every part whose contribution's bundle
	 * is not {@code installed}, and the placeholders that refer to one; returns the parts taken out.
	 */
	static List<MPart> removeParts(MApplication application, Predicate<String> installed) {
		List<MPart> orphans = new ArrayList<>();
		List<MPlaceholder> placeholders = new ArrayList<>();
		((EObject) application).eAllContents().forEachRemaining(element -> {
			if (element instanceof MPart part) {
				String bundle = bundleOf(part.getContributionURI());
				if (bundle != null && !installed.test(bundle)) {
					orphans.add(part);
				}
			} else if (element instanceof MPlaceholder placeholder) {
				placeholders.add(placeholder);
			}
		});
		for (MPlaceholder placeholder : placeholders) {
			if (orphans.contains(placeholder.getRef())) {
				remove(placeholder);
			}
		}
		for (MPart part : orphans) {
			remove(part);
		}
		return orphans;
	}

	/** Out of its container, whichever containment holds it (children, snippets, shared elements). */
	private static void remove(MUIElement element) {
		MElementContainer<MUIElement> parent = element.getParent();
		if (parent != null && parent.getSelectedElement() == element) {
			parent.setSelectedElement(null);
		}
		EcoreUtil.remove((EObject) element);
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
