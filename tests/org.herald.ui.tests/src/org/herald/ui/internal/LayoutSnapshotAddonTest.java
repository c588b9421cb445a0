/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.List;

import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MAdvancedFactory;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartSashContainer;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.herald.api.workbench.WorkbenchIds;
import org.junit.jupiter.api.Test;

/**
 * The copy of the first layout that Window &gt; Reset Layout restores gains the parts contributed
 * after it was taken (an extension installed later), in a model shaped like Herald's.
 */
class LayoutSnapshotAddonTest {

	private static final String ALERTS = "org.herald.alerter.alerts";

	private static MPart part(String id) {
		MPart part = MBasicFactory.INSTANCE.createPart();
		part.setElementId(id);
		part.setLabel(id.substring(id.lastIndexOf('.') + 1));
		part.setContributionURI("bundleclass://" + id.substring(0, id.lastIndexOf('.')) + "/Part");
		return part;
	}

	private static MPartStack stack(String id, MPart... parts) {
		MPartStack stack = MBasicFactory.INSTANCE.createPartStack();
		stack.setElementId(id);
		stack.getChildren().addAll(List.of(parts));
		return stack;
	}

	/** Herald's perspective: inbox and network stacks, the network stack with the given parts. */
	private static MPerspective perspective(MPart... network) {
		MPerspective p = MAdvancedFactory.INSTANCE.createPerspective();
		p.setElementId(WorkbenchIds.MAIN_PERSPECTIVE);
		MPartSashContainer sash = MBasicFactory.INSTANCE.createPartSashContainer();
		sash.getChildren().add(stack(WorkbenchIds.INBOX_STACK, part(WorkbenchIds.INBOX_PART)));
		sash.getChildren().add(stack(WorkbenchIds.NETWORK_STACK, network));
		p.getChildren().add(sash);
		return p;
	}

	private static List<String> children(MPerspective p, String stackId) {
		List<String> ids = new java.util.ArrayList<>();
		((EObject) p).eAllContents().forEachRemaining(e -> {
			if (e instanceof MPartStack s && stackId.equals(s.getElementId())) {
				s.getChildren().forEach(c -> ids.add(c.getElementId()));
			}
		});
		return ids;
	}

	@Test
	void aPartContributedAfterTheCopyWasTakenJoinsItsStackInTheCopy() {
		MPerspective kept = perspective(part(WorkbenchIds.NETWORK_PART), part(WorkbenchIds.EXPOSURE_PART));
		MPerspective live = perspective(part(WorkbenchIds.NETWORK_PART), part(WorkbenchIds.EXPOSURE_PART), part(ALERTS));
		assertEquals(List.of(ALERTS), LayoutSnapshotAddon.adoptNewParts(kept, live));
		assertEquals(List.of(WorkbenchIds.NETWORK_PART, WorkbenchIds.EXPOSURE_PART, ALERTS), children(kept, WorkbenchIds.NETWORK_STACK));
		MUIElement copy = findPart(kept, ALERTS);
		assertNotSame(findPart(live, ALERTS), copy, "the copy holds its own part");
		assertEquals("bundleclass://org.herald.alerter/Part", ((MPart) copy).getContributionURI());
		assertEquals(List.of(WorkbenchIds.NETWORK_PART, WorkbenchIds.EXPOSURE_PART, ALERTS), children(live, WorkbenchIds.NETWORK_STACK),
				"the live layout is left as it is");
		assertEquals(List.of(), LayoutSnapshotAddon.adoptNewParts(kept, live), "at the next start there is nothing new");
	}

	@Test
	void aPartTheUserMovedStaysWhereTheCopyHasIt() {
		MPerspective kept = perspective(part(WorkbenchIds.NETWORK_PART), part(WorkbenchIds.EXPOSURE_PART));
		MPerspective live = perspective(part(WorkbenchIds.NETWORK_PART));
		MPartStack inbox = (MPartStack) findStack(live, WorkbenchIds.INBOX_STACK);
		inbox.getChildren().add(part(WorkbenchIds.EXPOSURE_PART));
		assertEquals(List.of(), LayoutSnapshotAddon.adoptNewParts(kept, live));
		assertEquals(List.of(WorkbenchIds.INBOX_PART), children(kept, WorkbenchIds.INBOX_STACK));
		assertEquals(List.of(WorkbenchIds.NETWORK_PART, WorkbenchIds.EXPOSURE_PART), children(kept, WorkbenchIds.NETWORK_STACK));
	}

	@Test
	void aPartInAStackTheCopyDoesNotKnowIsLeftOut() {
		MPerspective kept = perspective(part(WorkbenchIds.NETWORK_PART));
		MPerspective live = perspective(part(WorkbenchIds.NETWORK_PART));
		((MPartSashContainer) live.getChildren().get(0)).getChildren().add(stack("org.example.stack", part(ALERTS)));
		MPerspective before = (MPerspective) EcoreUtil.copy((EObject) kept);
		assertEquals(List.of(), LayoutSnapshotAddon.adoptNewParts(kept, live));
		assertEquals(children(before, WorkbenchIds.NETWORK_STACK), children(kept, WorkbenchIds.NETWORK_STACK));
	}

	private static MUIElement findPart(MPerspective p, String id) {
		return findElement(p, id, MPart.class);
	}

	private static MUIElement findStack(MPerspective p, String id) {
		return findElement(p, id, MPartStack.class);
	}

	private static MUIElement findElement(MPerspective p, String id, Class<?> type) {
		var it = ((EObject) p).eAllContents();
		while (it.hasNext()) {
			EObject e = it.next();
			if (type.isInstance(e) && id.equals(((MUIElement) e).getElementId())) {
				return (MUIElement) e;
			}
		}
		return null;
	}
}
