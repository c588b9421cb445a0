/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import static org.herald.ui.testing.UiTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.Settings;
import org.herald.messenger.DeliveryDiagnosis;
import org.herald.messenger.Diagnosis;
import org.herald.messenger.ui.internal.DeliveryRows;
import org.herald.messenger.ui.internal.DiagnosisDialog;
import org.herald.ui.testing.Screenshots;
import org.herald.ui.testing.UiTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * "Why didn't it arrive?" from the composer's report, with the real messenger and the real
 * {@link DeliveryDiagnosis} service, on loopback only. The composer sends as 127.0.15.1/8 (the saved
 * identity) to 127.0.15.2, where nothing listens: the send fails, and the diagnosis of that row
 * finds TCP 139 refused. 127.0.15.3 port 139 is this test's own socket, which takes a session request
 * and never answers, to stop a diagnosis while it waits. Nothing else is sent anywhere.
 */
class DiagnosisDialogTest {

	private static final Identity SENDER = new Identity("WHYSENDER", "UITEST", List.of(BindInterface.parse("127.0.15.1/8")), Optional.empty());
	private static final String NOBODY = "127.0.15.2";
	private static final String SILENT = "127.0.15.3";
	/** Several probes, each with its timeout: generous, so a slow machine only waits longer. */
	private static final Duration DIAGNOSIS = Duration.ofSeconds(120);
	private static final String COMPONENT = "org.herald.messenger.internal.DeliveryDiagnoser";

	private Display display;
	private Shell shell;
	private IEclipseContext context;
	private ComposePart part;
	private Settings settings;
	private Identity saved;
	private DiagnosisDialog dialog;

	@BeforeEach
	void setUp() throws Exception {
		display = Display.getDefault();
		settings = UiTesting.service(Settings.class);
		saved = settings.identity();
		settings.save(SENDER);
		context = UiTesting.partContext();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(900, 520);
		context.set(Composite.class, new Composite(shell, SWT.NONE));
		part = ContextInjectionFactory.make(ComposePart.class, context);
		shell.open();
	}

	@AfterEach
	void tearDown() throws Exception {
		if (dialog != null && dialog.getShell() != null) {
			dialog.close();
		}
		ContextInjectionFactory.invoke(part, jakarta.annotation.PreDestroy.class, context);
		shell.dispose();
		context.dispose();
		settings.save(saved);
	}

	private TableItem sendToNobody() {
		part.toField().setText(NOBODY);
		part.textField().setText("Is anybody there?");
		part.send();
		waitFor(display, "the delivery report", Duration.ofSeconds(60),
				() -> part.reportTable().getItemCount() == 1 && part.statusLabel().getText().endsWith(" sent"));
		TableItem row = part.reportTable().getItem(0);
		assertTrue(row.getText(DeliveryRows.RESULT).startsWith("failed: "), row.getText(DeliveryRows.RESULT));
		return row;
	}

	@Test
	void aFailedRowOpensTheDiagnosisWithTheBrokenStepItsFixAndTheCommandsText() throws Exception {
		assertFalse(part.whyButton().isEnabled(), "nothing sent yet");
		assertEquals("Send a message first: a failed line of the report can be diagnosed", part.whyButton().getToolTipText());
		sendToNobody();
		assertEquals(0, part.reportTable().getSelectionIndex(), "the failed row is selected");
		assertTrue(part.whyButton().isEnabled(), part.whyButton().getToolTipText());
		assertTrue(part.whyMenuItem().isEnabled(), "the context menu entry too");

		dialog = part.diagnoseSelected();
		assertNotNull(dialog);
		assertTrue(dialog.running(), "the diagnosis runs while the dialog is open");
		assertTrue(dialog.status().getText().startsWith("Checking the path to " + NOBODY), dialog.status().getText());
		waitFor(display, "the diagnosis", DIAGNOSIS, () -> dialog.result() != null);
		Diagnosis d = dialog.result();
		assertEquals(NOBODY, d.target());
		Diagnosis.Step broken = d.firstFailure().orElseThrow();
		assertEquals("tcp-139", broken.id());

		TableItem selected = dialog.table().getSelection()[0];
		assertEquals(d.steps().indexOf(broken), dialog.table().getSelectionIndex(), "the first broken step is selected");
		assertEquals("TCP 139", selected.getText(DiagnosisDialog.STEP));
		assertEquals("broken", selected.getText(DiagnosisDialog.OUTCOME));
		assertEquals(NOBODY + " refused TCP 139 (a reset): nothing listens there", selected.getText(DiagnosisDialog.FINDING));
		assertTrue(selected.getText(DiagnosisDialog.FIX).startsWith("start an SMB server or Messenger receiver on " + NOBODY),
				selected.getText(DiagnosisDialog.FIX));
		assertEquals(d.steps().size(), dialog.table().getItemCount());
		assertEquals("skipped", row(dialog, "session request").getText(DiagnosisDialog.OUTCOME), "no session without a port");
		assertEquals("skipped", row(dialog, "name resolution").getText(DiagnosisDialog.OUTCOME), "an address needs no lookup");
		assertTrue(dialog.detail().getText().contains("Fix: start an SMB server or Messenger receiver on " + NOBODY), dialog.detail().getText());
		assertEquals("Breaks at TCP 139. Fix: " + broken.fix().orElseThrow(), dialog.getErrorMessage(), "the verdict above the steps");
		assertTrue(dialog.status().getText().matches(d.steps().size() + " steps checked, [0-9]+ broken; the first is selected\\..*"),
				dialog.status().getText());
		assertFalse(dialog.running());

		Path shot = Screenshots.take(dialog.getShell(), "diagnosis-refused.png");
		assertTrue(java.nio.file.Files.size(shot) > 0);

		assertTrue(dialog.button("copy").isEnabled());
		dialog.press("copy");
		Clipboard clipboard = new Clipboard(display);
		try {
			String copied = (String) clipboard.getContents(TextTransfer.getInstance());
			assertEquals(d.report(), copied, "the text herald diagnose prints");
			assertTrue(copied.startsWith("diagnosis of " + NOBODY + "\n"), copied);
			assertTrue(copied.contains(". FAIL    TCP 139: " + NOBODY + " refused TCP 139"), copied);
		} finally {
			clipboard.dispose();
		}
	}

	/** The context menu's entry opens the same dialog; Stop ends a diagnosis waiting on a session that never answers. */
	@Test
	void stopEndsADiagnosisThatWaitsAndTheDialogStaysResponsive() throws Exception {
		CountDownLatch requested = new CountDownLatch(1);
		try (ServerSocket silent = new ServerSocket()) {
			silent.bind(new InetSocketAddress(InetAddress.getByName(SILENT), 139));
			Thread.ofVirtual().start(() -> {
				try (Socket s = silent.accept(); InputStream in = s.getInputStream()) {
					in.readNBytes(4); // the session request's header: now the diagnosis waits for an answer that never comes
					requested.countDown();
					in.read(); // until the diagnosis gives up
				} catch (java.io.IOException e) {
					// the test ends
				}
			});
			dialog = new DiagnosisDialog(shell, UiTesting.service(DeliveryDiagnosis.class), SENDER, SILENT, Duration.ofSeconds(300));
			dialog.open();
			waitFor(display, "the session request at " + SILENT, DIAGNOSIS, () -> requested.getCount() == 0);
			assertTrue(dialog.running());
			assertTrue(dialog.button("stop").isEnabled());
			dialog.press("stop");
			waitFor(display, "the diagnosis to stop", DIAGNOSIS, () -> !dialog.running());
			assertEquals("Stopped: the diagnosis was cancelled before its end.", dialog.status().getText());
			assertFalse(dialog.button("copy").isEnabled(), "nothing to copy from a stopped diagnosis");
			assertFalse(dialog.button("stop").isEnabled());
			dialog.press("close");
			dialog = null;
		}
	}

	@Test
	void withoutTheDiagnosisServiceTheEntryIsDisabledAndSaysWhy() throws Exception {
		sendToNobody();
		assertTrue(part.whyButton().isEnabled());
		ServiceComponentRuntime scr = UiTesting.service(ServiceComponentRuntime.class);
		Bundle messenger = FrameworkUtil.getBundle(DeliveryDiagnosis.class);
		ComponentDescriptionDTO component = scr.getComponentDescriptionDTO(messenger, COMPONENT);
		assertNotNull(component, COMPONENT);
		try {
			scr.disableComponent(component).getValue();
			waitFor(display, "the entry to follow the service", () -> !part.whyButton().isEnabled());
			assertTrue(part.whyButton().getToolTipText().startsWith("Diagnosis needs Herald's delivery diagnosis service"),
					part.whyButton().getToolTipText());
			assertFalse(part.whyMenuItem().isEnabled());
			assertEquals(part.whyButton().getToolTipText(), part.whyMenuItem().getToolTipText());
			part.whyButton().notifyListeners(SWT.Selection, new Event());
			assertTrue(part.statusLabel().getText().startsWith("Diagnosis needs"), "pressed anyway, it says why: " + part.statusLabel().getText());
		} finally {
			scr.enableComponent(component).getValue();
		}
		waitFor(display, "the entry to come back with the service", () -> part.whyButton().isEnabled());
	}

	private static TableItem row(DiagnosisDialog dialog, String step) {
		for (TableItem item : dialog.table().getItems()) {
			if (item.getText(DiagnosisDialog.STEP).equals(step)) {
				return item;
			}
		}
		throw new AssertionError("no step " + step);
	}
}
