/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableColumn;
import org.herald.extensions.internal.P2Extensions;
import org.herald.ui.testing.UiTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Extensions dialog on a real display, on the real extension service over a p2 profile of its own. */
class ExtensionsDialogTest {

	@TempDir
	Path dir;

	private IProvisioningAgent agent;
	private Shell shell;

	@AfterEach
	void tearDown() {
		if (shell != null && !shell.isDisposed()) {
			shell.dispose();
		}
		if (agent != null) {
			agent.stop();
		}
	}

	private P2Extensions extensions(boolean locked) throws Exception {
		IProvisioningAgentProvider provider = UiTesting.service(IProvisioningAgentProvider.class);
		agent = provider.createAgent(dir.resolve("p2").toUri());
		IProfileRegistry registry = agent.getService(IProfileRegistry.class);
		registry.addProfile("test", Map.of(IProfile.PROP_INSTALL_FOLDER, dir.resolve("install").toString()));
		return new P2Extensions(agent, "test", dir.resolve("p2"), () -> locked);
	}

	@Test
	void listsInstalledAndSaysWhyARepositoryIsRefused() throws Exception {
		Display display = Display.getDefault();
		shell = new Shell(display);
		ExtensionsDialog dialog = new ExtensionsDialog(shell, extensions(false));
		dialog.setBlockOnOpen(false);
		dialog.open();
		assertEquals(List.of("Name", "Version", "Vendor", "Id"),
				Arrays.stream(dialog.installedTable().getColumns()).map(TableColumn::getText).toList());
		assertEquals(0, dialog.installedTable().getItemCount());

		Path empty = Files.createDirectories(dir.resolve("not-a-repository"));
		dialog.repositoryField().setText(empty.toString());
		click(dialog.getShell(), "&Add repository");
		UiTesting.waitFor(display, "the dialog's error", () -> dialog.error() != null);
		assertTrue(dialog.error().startsWith("no usable p2 repository at " + empty.toUri()), dialog.error());
		assertEquals(0, dialog.availableTable().getItemCount());

		dialog.repositoryField().setText("ftp://127.0.0.1/site");
		click(dialog.getShell(), "&Add repository");
		assertTrue(dialog.error().contains("not ftp:"), dialog.error());

		click(dialog.getShell(), "&Install");
		assertEquals("Add a repository and select what to install", dialog.error());
		assertTrue(!dialog.changed());
		screenshot(dialog.getShell(), "extensions-dialog.png");
		dialog.close();
	}

	@Test
	void aLockedInstallationDisablesChanges() throws Exception {
		Display display = Display.getDefault();
		shell = new Shell(display);
		ExtensionsDialog dialog = new ExtensionsDialog(shell, extensions(true));
		dialog.setBlockOnOpen(false);
		dialog.open();
		for (String label : List.of("&Install", "&Uninstall", "Check for &updates", "&Add repository")) {
			assertTrue(!find(dialog.getShell(), label).isEnabled(), label + " is disabled");
		}
		dialog.close();
	}

	private static void click(Shell shell, String label) {
		Button b = find(shell, label);
		b.notifyListeners(SWT.Selection, new Event());
	}

	private static Button find(Composite root, String label) {
		List<Control> todo = new ArrayList<>(List.of(root.getChildren()));
		while (!todo.isEmpty()) {
			Control c = todo.remove(0);
			if (c instanceof Button b && label.equals(b.getText())) {
				return b;
			}
			if (c instanceof Composite k) {
				todo.addAll(List.of(k.getChildren()));
			}
		}
		throw new AssertionError("no button " + label);
	}

	/** The dialog as it looks, for a person to check: target/extensions-dialog.png. */
	private static void screenshot(Shell shell, String name) throws Exception {
		Display display = shell.getDisplay();
		UiTesting.waitFor(display, "painting", () -> !display.readAndDispatch());
		Rectangle r = shell.getBounds();
		Image image = new Image(display, r.width, r.height);
		GC gc = new GC(display);
		gc.copyArea(image, r.x, r.y);
		gc.dispose();
		ImageData data = image.getImageData();
		image.dispose();
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		Path out = Path.of("target", name).toAbsolutePath();
		Files.createDirectories(out.getParent());
		loader.save(out.toString(), SWT.IMAGE_PNG);
		assertTrue(Files.size(out) > 0, "screenshot written");
	}
}
