/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.Settings;
import org.herald.api.setup.NetworkSurvey;
import org.herald.netbios.NameResponder;
import org.herald.netbios.NameResponderFactory;
import org.herald.netbios.ResponderOptions;
import org.herald.ui.internal.LocalInterfaces.LocalInterface;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The first-run setup on a real display with the real settings service: it lists this machine's
 * interfaces (read only), proposes a name and WORKGROUP, saves nothing until Start, and then saves
 * exactly what was chosen. Only 127.0.0.1/8 is ever chosen; nothing is bound by the dialog.
 */
class FirstRunDialogTest {

	private static final BindInterface LOOPBACK = BindInterface.parse("127.0.0.1/8");

	private Display display;
	private Shell shell;
	private Settings settings;
	private Identity original;

	@BeforeEach
	void setUp() throws Exception {
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setText("Herald");
		shell.setSize(900, 600);
		shell.open();
		settings = service(FrameworkUtil.getBundle(getClass()).getBundleContext(), Settings.class);
		original = settings.identity();
		settings.save(new Identity(original.name(), original.workgroup(), List.of(), Optional.empty()));
	}

	@AfterEach
	void tearDown() throws Exception {
		shell.dispose();
		settings.save(original);
	}

	@Test
	void listsTheInterfacesSavesNothingUntilStartThenExactlyTheChoice() throws Exception {
		List<LocalInterface> choices = LocalInterfaces.list();
		assertTrue(choices.stream().anyMatch(c -> c.loopback() && c.address().equals(LOOPBACK)), "lo 127.0.0.1/8 is listed: " + choices);
		AtomicReference<Identity> announced = new AtomicReference<>();
		FirstRunDialog dialog = new FirstRunDialog(shell, choices, "LABHOST", settings, announced::set);
		dialog.open();
		try {
			assertEquals(choices.size(), dialog.interfacesTable().getItemCount());
			TableItem lo = row(dialog, LOOPBACK);
			assertEquals("127.0.0.1/8", lo.getText(1));
			assertEquals("127.255.255.255", lo.getText(2));
			assertFalse(lo.getChecked(), "loopback is never proposed");
			assertEquals("LABHOST", dialog.nameField().getText());
			assertEquals("WORKGROUP", dialog.workgroupField().getText());
			assertEquals("", dialog.winsField().getText());

			// no interface chosen: Start is off and the dialog says why
			for (TableItem item : dialog.interfacesTable().getItems()) {
				item.setChecked(false);
			}
			changed(dialog);
			assertFalse(dialog.startButton().isEnabled());
			assertEquals("Choose at least one interface.", dialog.getErrorMessage());
			dialog.nameField().setText("BAD*NAME");
			lo.setChecked(true);
			changed(dialog);
			assertFalse(dialog.startButton().isEnabled());
			assertTrue(dialog.getErrorMessage().startsWith("NetBIOS name: "), dialog.getErrorMessage());

			dialog.nameField().setText("SETUPTEST");
			dialog.workgroupField().setText("LABWG");
			assertTrue(dialog.startButton().isEnabled());
			assertNull(dialog.getErrorMessage());
			screenshot(dialog.getShell(), "first-run-setup.png");
			assertEquals(List.of(), settings.identity().interfaces(), "nothing is saved before Start");
			assertNull(announced.get(), "nothing is announced (so nothing binds) before Start");

			dialog.startButton().notifyListeners(SWT.Selection, new Event());
			Identity saved = settings.identity();
			assertEquals(List.of(LOOPBACK), saved.interfaces());
			assertEquals("SETUPTEST", saved.name());
			assertEquals("LABWG", saved.workgroup());
			assertEquals(Optional.empty(), saved.wins());
			assertEquals(saved, announced.get(), "the saved identity is announced, as Preferences does");
			assertNull(dialog.getShell(), "Start closes the dialog");
		} finally {
			dialog.close();
		}
	}

	/**
	 * With the real survey service: the workgroup of this machine's Samba configuration (a test file)
	 * is proposed at once, with no traffic; "Look on the network" on 127.0.0.1/8 asks the WINS server
	 * that configuration names, a real Herald responder on 127.0.0.46:137, and fills it in once it
	 * answers; a workgroup the user typed is kept. The broadcast for master browsers goes to
	 * 127.255.255.255 only, where none answers.
	 */
	@Test
	void theSurveyProposesTheConfiguredWorkgroupAndAWinsServerThatAnswers(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		var context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		NetworkSurvey survey = service(context, NetworkSurvey.class);
		NameResponderFactory responders = service(context, NameResponderFactory.class);
		System.setProperty("herald.survey.smbconf", Files.writeString(dir.resolve("smb.conf"), "[global]\n workgroup = Accounts\n wins server = 127.0.0.46\n").toString());
		System.setProperty("herald.survey.leases", dir.resolve("no-leases").toString());
		NameResponder wins = responders.start(new Identity("WINSPEER", "ACCOUNTS", List.of(BindInterface.parse("127.0.0.46/8")), Optional.empty()),
				ResponderOptions.defaults());
		FirstRunDialog dialog = new FirstRunDialog(shell, LocalInterfaces.list(), "LABHOST", settings, saved -> {
		});
		try {
			wins.registered().get(30, java.util.concurrent.TimeUnit.SECONDS);
			dialog.survey(survey, FirstRunDialog.configured(survey));
			dialog.open();
			assertEquals("ACCOUNTS", dialog.workgroupField().getText(), "the configured workgroup, read with no traffic");
			assertTrue(dialog.findingLabel().getText().startsWith("ACCOUNTS: this machine's Samba configuration"), dialog.findingLabel().getText());
			assertEquals("", dialog.winsField().getText(), "a WINS server is proposed only once it answered");

			for (TableItem item : dialog.interfacesTable().getItems()) {
				item.setChecked(false);
			}
			changed(dialog);
			assertFalse(dialog.lookButton().isEnabled(), "nothing to ask from without a chosen interface");
			row(dialog, LOOPBACK).setChecked(true);
			changed(dialog);
			assertTrue(dialog.lookButton().isEnabled());
			dialog.lookButton().notifyListeners(SWT.Selection, new Event());
			waitFor("the survey's answer", () -> dialog.winsField().getText().equals("127.0.0.46"));
			String finding = dialog.findingLabel().getText();
			assertTrue(finding.contains("WINS 127.0.0.46") && finding.contains(": answers"), finding);
			assertEquals("ACCOUNTS", dialog.workgroupField().getText());
			screenshot(dialog.getShell(), "first-run-survey.png");

			dialog.workgroupField().setText("MINE");
			dialog.winsField().setText("");
			waitFor("the button back", () -> dialog.lookButton().isEnabled());
			dialog.lookButton().notifyListeners(SWT.Selection, new Event());
			waitFor("the second answer", () -> dialog.winsField().getText().equals("127.0.0.46"));
			assertEquals("MINE", dialog.workgroupField().getText(), "a workgroup the user typed is kept");
		} finally {
			dialog.close();
			wins.stop();
			System.clearProperty("herald.survey.smbconf");
			System.clearProperty("herald.survey.leases");
		}
	}

	private static <T> T service(org.osgi.framework.BundleContext context, Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		T s = tracker.waitForService(10_000);
		assertNotNull(s, "no " + type.getSimpleName() + " service");
		return s;
	}

	@Test
	void theProposedNameIsTheHostNameUpperCaseAtMostFifteen() {
		assertEquals("LAB-PC7", LocalInterfaces.netbiosNameFor("lab-pc7.example.org"));
		assertEquals("AVERYLONGHOSTNA", LocalInterfaces.netbiosNameFor("averylonghostname"));
		assertEquals("HERALD", LocalInterfaces.netbiosNameFor(""));
		assertEquals("HERALD", LocalInterfaces.netbiosNameFor("***"));
		assertNull(org.herald.api.NetbiosName.problemWith(LocalInterfaces.netbiosNameFor(LocalInterfaces.hostName())),
				"this machine's host name gives a valid proposal");
	}

	private static TableItem row(FirstRunDialog dialog, BindInterface address) {
		for (TableItem item : dialog.interfacesTable().getItems()) {
			if (((LocalInterface) item.getData()).address().equals(address)) {
				return item;
			}
		}
		return fail("no row for " + address);
	}

	/** What the table sends when a check box is clicked. */
	private static void changed(FirstRunDialog dialog) {
		Event e = new Event();
		e.detail = SWT.CHECK;
		dialog.interfacesTable().notifyListeners(SWT.Selection, e);
	}

	private void waitFor(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}

	/** Paints the dialog into target/screenshots/{@code name} for a person to look at. */
	private void screenshot(Shell dialogShell, String name) throws Exception {
		waitFor("the dialog to show", dialogShell::isVisible);
		while (display.readAndDispatch()) {
			// drain pending paints and layouts
		}
		Point size = dialogShell.getSize();
		Image image = new Image(display, size.x, size.y);
		GC gc = new GC(image);
		try {
			dialogShell.print(gc);
		} finally {
			gc.dispose();
		}
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
	}
}
