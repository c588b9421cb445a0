/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationFactory;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MAdvancedFactory;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.advanced.MPlaceholder;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

/**
 * An application model shaped like Herald's (a window, the main perspective with the network stack,
 * the copy of the first layout that Window &gt; Reset Layout restores) with the Alerts part of an
 * extension that has since been uninstalled: the addon takes it out of the live layout and of the
 * copy, and leaves the parts whose bundles are installed.
 */
class RemovedExtensionsAddonTest {

	private static final String NETWORK_STACK = "org.herald.ui.stack.network";
	private static final Set<String> INSTALLED = Set.of("org.herald.network.ui", "org.herald.messenger.ui");

	private static MPart part(String id, String bundle, String type) {
		MPart part = MBasicFactory.INSTANCE.createPart();
		part.setElementId(id);
		part.setContributionURI("bundleclass://" + bundle + "/" + type);
		return part;
	}

	/** Herald's window with the Alerts part selected in the network stack, and the Reset Layout copy taken then. */
	private static MApplication heraldWithAlerts() {
		MApplication application = MApplicationFactory.INSTANCE.createApplication();
		application.setElementId("org.herald.ui.application");
		MTrimmedWindow window = MBasicFactory.INSTANCE.createTrimmedWindow();
		application.getChildren().add(window);
		MPerspectiveStack perspectives = MAdvancedFactory.INSTANCE.createPerspectiveStack();
		window.getChildren().add(perspectives);
		MPerspective main = MAdvancedFactory.INSTANCE.createPerspective();
		main.setElementId("org.herald.ui.perspective.main");
		perspectives.getChildren().add(main);
		MPartStack network = MBasicFactory.INSTANCE.createPartStack();
		network.setElementId(NETWORK_STACK);
		main.getChildren().add(network);
		network.getChildren().add(part("org.herald.network.ui.network", "org.herald.network.ui", "org.herald.network.ui.NetworkPart"));
		MPart alerts = part("org.herald.alerter.alerts", "org.herald.alerter", "org.herald.alerter.internal.AlertsPart");
		network.getChildren().add(alerts);
		network.setSelectedElement(alerts);
		// The copy LayoutSnapshotAddon keeps (EModelService.cloneElement: an EMF copy in the snippets).
		application.getSnippets().add((MUIElement) EcoreUtil.copy((EObject) main));
		return application;
	}

	private static MPartStack networkStackIn(MUIElement root) {
		List<MPartStack> found = new ArrayList<>();
		((EObject) root).eAllContents().forEachRemaining(e -> {
			if (e instanceof MPartStack s && NETWORK_STACK.equals(s.getElementId())) {
				found.add(s);
			}
		});
		assertEquals(1, found.size(), "one network stack in " + root);
		return found.get(0);
	}

	private static List<String> ids(MElementContainer<? extends MUIElement> container) {
		return container.getChildren().stream().map(MUIElement::getElementId).toList();
	}

	@Test
	void anUninstalledExtensionsPartLeavesTheLayoutAndTheResetLayoutCopy() {
		MApplication application = heraldWithAlerts();
		MUIElement live = application.getChildren().get(0);
		MUIElement copy = application.getSnippets().get(0);
		assertEquals(List.of("org.herald.network.ui.network", "org.herald.alerter.alerts"), ids(networkStackIn(copy)));

		List<MPart> removed = RemovedExtensionsAddon.removeParts(application, INSTALLED::contains);

		assertEquals(List.of("org.herald.alerter.alerts", "org.herald.alerter.alerts"), removed.stream().map(MPart::getElementId).toList());
		MPartStack liveNetwork = networkStackIn(live);
		assertEquals(List.of("org.herald.network.ui.network"), ids(liveNetwork));
		assertNull(liveNetwork.getSelectedElement(), "the stack no longer selects the removed part");
		assertEquals(List.of("org.herald.network.ui.network"), ids(networkStackIn(copy)));
		// What Reset Layout puts in place (EModelService.cloneSnippet: a copy of the snippet).
		MUIElement reset = (MUIElement) EcoreUtil.copy((EObject) copy);
		assertEquals(List.of("org.herald.network.ui.network"), ids(networkStackIn(reset)));
	}

	@Test
	void installedExtensionsKeepTheirPartsEverywhere() {
		MApplication application = heraldWithAlerts();
		Set<String> withAlerter = Set.of("org.herald.network.ui", "org.herald.alerter");

		assertEquals(List.of(), RemovedExtensionsAddon.removeParts(application, withAlerter::contains));

		MPartStack liveNetwork = networkStackIn(application.getChildren().get(0));
		assertEquals(List.of("org.herald.network.ui.network", "org.herald.alerter.alerts"), ids(liveNetwork));
		assertEquals("org.herald.alerter.alerts", liveNetwork.getSelectedElement().getElementId());
		assertEquals(List.of("org.herald.network.ui.network", "org.herald.alerter.alerts"), ids(networkStackIn(application.getSnippets().get(0))));
	}

	@Test
	void aSharedPartOfARemovedExtensionGoesWithItsPlaceholder() {
		MApplication application = heraldWithAlerts();
		MTrimmedWindow window = (MTrimmedWindow) application.getChildren().get(0);
		MPart shared = part("org.example.console", "org.example.gone", "org.example.ConsolePart");
		window.getSharedElements().add(shared);
		MPlaceholder placeholder = MAdvancedFactory.INSTANCE.createPlaceholder();
		placeholder.setRef(shared);
		MPartStack liveNetwork = networkStackIn(window);
		liveNetwork.getChildren().add(placeholder);

		RemovedExtensionsAddon.removeParts(application, INSTALLED::contains);

		assertEquals(List.of(), window.getSharedElements());
		assertEquals(List.of("org.herald.network.ui.network"), ids(liveNetwork));
		assertSame(liveNetwork, networkStackIn(window));
	}

	@Test
	void bundleOfReadsBundleclassUris() {
		assertEquals("org.herald.alerter", RemovedExtensionsAddon.bundleOf("bundleclass://org.herald.alerter/org.herald.alerter.internal.AlertsPart"));
		assertNull(RemovedExtensionsAddon.bundleOf("platform:/plugin/org.herald.alerter/x"));
		assertNull(RemovedExtensionsAddon.bundleOf("bundleclass:///NoBundle"));
		assertNull(RemovedExtensionsAddon.bundleOf(null));
	}
}
