/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.herald.api.workbench.WorkbenchIds;
import org.herald.ui.EmptyState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Starts Herald's real application model the way the product does (E4Application with
 * Application.e4xmi, fragments merged from the part bundles) and renders it on a real SWT display.
 */
class WorkbenchModelTest {

	private Display display;
	private E4Workbench workbench;

	/** The launch arguments the product gives the E4 application. */
	private static IApplicationContext launchArguments(String... args) {
		return new IApplicationContext() {
			@Override
			public Map<String, Object> getArguments() {
				return Map.of(IApplicationContext.APPLICATION_ARGS, args);
			}

			@Override
			public void applicationRunning() {
			}

			@Override
			public String getBrandingApplication() {
				return null;
			}

			@Override
			public String getBrandingName() {
				return "Herald";
			}

			@Override
			public String getBrandingDescription() {
				return null;
			}

			@Override
			public String getBrandingId() {
				return null;
			}

			@Override
			public String getBrandingProperty(String key) {
				return null;
			}

			@Override
			public Bundle getBrandingBundle() {
				return null;
			}

			@Override
			public void setResult(Object result, org.eclipse.equinox.app.IApplication application) {
			}
		};
	}

	@BeforeEach
	void start() {
		display = Display.getDefault();
		workbench = new E4Application().createE4Workbench(
				launchArguments("-applicationXMI", "org.herald.ui/Application.e4xmi", "-clearPersistedState"), display);
		assertNotNull(workbench, "the application model did not load");
	}

	@AfterEach
	void stop() {
		if (workbench != null) {
			workbench.close();
		}
		while (!display.isDisposed() && display.readAndDispatch()) {
			// drain what closing posted
		}
	}

	/** One workbench per JVM, as in the product: the model is checked, then rendered. */
	@Test
	void startsTheRealModelAndRendersItSideBySide() throws Throwable {
		assertModel();
		assertRenders();
	}

	private void assertModel() throws IllegalAccessException {
		MApplication app = workbench.getApplication();
		EModelService models = workbench.getContext().get(EModelService.class);
		MTrimmedWindow window = assertInstanceOf(MTrimmedWindow.class, app.getChildren().get(0));
		assertEquals("Herald", window.getLabel());
		List<MPerspective> perspectives = models.findElements(app, WorkbenchIds.MAIN_PERSPECTIVE, MPerspective.class);
		assertEquals(1, perspectives.size());
		assertEquals("Messaging", perspectives.get(0).getLabel());
		List<String> parts = models.findElements(app, null, MPart.class).stream().map(MPart::getElementId).toList();
		assertPartIn(models, app, parts, WorkbenchIds.INBOX_STACK, WorkbenchIds.INBOX_PART, "Inbox");
		assertPartIn(models, app, parts, WorkbenchIds.COMPOSE_STACK, WorkbenchIds.COMPOSE_PART, "Compose");
		assertPartIn(models, app, parts, WorkbenchIds.NETWORK_STACK, WorkbenchIds.NETWORK_PART, "Network");
		assertNotNull(window.getMainMenu(), "the window has a menu");
		assertEquals(2, window.getTrimBars().size(), "a toolbar and a status line");
		assertActions(app, models);
		assertApiIds(app, models);
	}

	/** Every id WorkbenchIds publishes to extensions names an element of the assembled model. */
	private static void assertApiIds(MApplication app, EModelService models) throws IllegalAccessException {
		List<String> commands = app.getCommands().stream().map(c -> c.getElementId()).toList();
		int checked = 0;
		for (java.lang.reflect.Field f : WorkbenchIds.class.getFields()) {
			String id = (String) f.get(null);
			if (f.getName().endsWith("_COMMAND")) {
				assertTrue(commands.contains(id), f.getName() + " = " + id + " is a command of the model");
			} else {
				assertEquals(1, models.findElements(app, id, org.eclipse.e4.ui.model.application.ui.MUIElement.class, null,
						EModelService.ANYWHERE | EModelService.IN_MAIN_MENU).size(), f.getName() + " = " + id + " names one element of the model");
			}
			checked++;
		}
		assertEquals(19, checked, "the ids in WorkbenchIds");
	}

	/** org.herald.ui's fragment: toolbar icons, menu items with key bindings, Window > Reset Layout. */
	private static void assertActions(MApplication app, EModelService models) {
		for (String action : List.of("compose", "reply", "scan", "refresh", "exposure")) {
			var tool = assertInstanceOf(org.eclipse.e4.ui.model.application.ui.menu.MHandledToolItem.class,
					models.find("org.herald.ui.toolitem." + action, app), action);
			assertEquals("platform:/plugin/org.herald.ui/icons/" + action + ".png", tool.getIconURI());
			assertEquals("org.herald.ui.command." + action, tool.getCommand().getElementId());
			assertEquals(1, menuItems(app, models, "org.herald.ui.menuitem." + action), "menu item " + action);
		}
		assertEquals(1, menuItems(app, models, "org.herald.ui.menuitem.resetlayout"), "Window > Reset Layout");
		var bindings = app.getBindingTables().stream().filter(t -> t.getElementId().equals("org.herald.ui.bindings.actions")).findFirst()
				.orElseThrow().getBindings().stream()
				.collect(java.util.stream.Collectors.toMap(b -> b.getKeySequence(), b -> b.getCommand().getElementId()));
		assertEquals(Map.of("M1+N", "org.herald.ui.command.compose", "M1+R", "org.herald.ui.command.reply", "M1+M2+S",
				"org.herald.ui.command.scan", "F5", "org.herald.ui.command.refresh", "M1+M2+E", "org.herald.ui.command.exposure"), bindings);
	}

	private static int menuItems(MApplication app, EModelService models, String id) {
		return models.findElements(app, id, org.eclipse.e4.ui.model.application.ui.menu.MMenuElement.class, null, EModelService.IN_MAIN_MENU).size();
	}

	private static void assertPartIn(EModelService models, MApplication app, List<String> parts, String stackId, String partId,
			String label) {
		MPartStack stack = (MPartStack) models.find(stackId, app);
		assertNotNull(stack, stackId);
		MPart part = (MPart) models.find(partId, stack);
		assertNotNull(part, partId + " is contributed into " + stackId + " by its bundle's Model-Fragment; parts: " + parts);
		assertEquals(label, part.getLabel());
	}

	private void assertRenders() throws Throwable {
		MApplication app = workbench.getApplication();
		EModelService models = workbench.getContext().get(EModelService.class);
		MTrimmedWindow window = (MTrimmedWindow) app.getChildren().get(0);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		Runnable check = new Runnable() {
			@Override
			public void run() {
				MPart inboxPart = (MPart) models.find(WorkbenchIds.INBOX_PART, app);
				boolean ready = window.getWidget() instanceof Shell shell && shell.isVisible() && inboxPart != null
						&& inboxPart.getWidget() != null && showsPresence(shell);
				if (!ready && System.nanoTime() < deadline) {
					display.timerExec(50, this);
					return;
				}
				try {
					assertRendered(app, models, window);
				} catch (Throwable t) {
					failure.set(t);
				} finally {
					workbench.close();
				}
			}
		};
		display.asyncExec(check);
		workbench.createAndRunUI(app); // runs the real event loop until close()
		if (failure.get() != null) {
			throw failure.get();
		}
	}

	private void assertRendered(MApplication app, EModelService models, MTrimmedWindow window) {
		Shell shell = assertInstanceOf(Shell.class, window.getWidget());
		assertEquals("Herald", shell.getText());
		Control inbox = (Control) ((MPart) models.find(WorkbenchIds.INBOX_PART, app)).getWidget();
		Control network = (Control) ((MPart) models.find(WorkbenchIds.NETWORK_PART, app)).getWidget();
		assertNotNull(inbox, "the inbox part was rendered");
		assertNotNull(network, "the network part was rendered");
		int inboxX = display.map(inbox.getParent(), null, inbox.getLocation()).x;
		int networkX = display.map(network.getParent(), null, network.getLocation()).x;
		assertTrue(networkX > inboxX + inbox.getSize().x / 2, "inbox and network stand side by side: " + inboxX + " / " + networkX);
		List<EmptyState> states = new ArrayList<>();
		collect(shell, EmptyState.class, states);
		List<org.eclipse.swt.widgets.Table> tables = new ArrayList<>();
		collect((Composite) inbox, org.eclipse.swt.widgets.Table.class, tables);
		assertTrue(tables.stream().anyMatch(t -> t.getColumnCount() > 0 && t.getColumn(0).getText().equals("Sender")),
				"the inbox shows its message table");
		Control compose = (Control) ((MPart) models.find(WorkbenchIds.COMPOSE_PART, app)).getWidget();
		List<org.eclipse.swt.widgets.Button> buttons = new ArrayList<>();
		collect((Composite) compose, org.eclipse.swt.widgets.Button.class, buttons);
		assertTrue(buttons.stream().anyMatch(b -> b.getText().equals("&Send")), "the composer can send");
		assertTrue(states.stream().anyMatch(s -> s.getTitle().equals("No hosts known")), "the network part says it is empty");
		List<org.eclipse.swt.widgets.Label> labels = new ArrayList<>();
		collect(shell, org.eclipse.swt.widgets.Label.class, labels);
		assertTrue(labels.stream().anyMatch(l -> l.getText().contains(" in WORKGROUP")), "the status line shows the identity");
		assertTrue(showsPresence(shell), "the status line says why Herald does not receive");
	}

	/** Whether the status line says if Herald receives (here: it cannot, no interface is configured). */
	private static boolean showsPresence(Shell shell) {
		List<org.eclipse.swt.widgets.Label> labels = new ArrayList<>();
		collect(shell, org.eclipse.swt.widgets.Label.class, labels);
		return labels.stream().anyMatch(l -> l.getText().contains("not receiving: no interfaces configured"));
	}

	private static <T> void collect(Control control, Class<T> type, List<T> into) {
		if (type.isInstance(control)) {
			into.add(type.cast(control));
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, type, into);
			}
		}
	}
}
