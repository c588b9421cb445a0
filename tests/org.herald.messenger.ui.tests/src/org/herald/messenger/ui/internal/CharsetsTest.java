/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.herald.messenger.CodePageRule;
import org.herald.messenger.CodePageStore;
import org.herald.messenger.CodePages;
import org.herald.messenger.Messenger;
import org.herald.ui.testing.UiTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Preferences &gt; Character sets on the real display and the test runtime's workspace: the default
 * and the rules table are what the real messenger service uses.
 */
class CharsetsTest {

	private CodePageStore store;
	private CodePages saved;
	private Display display;
	private Shell shell;

	@BeforeEach
	void setUp() throws InterruptedException {
		store = UiTesting.service(CodePageStore.class);
		saved = store.load();
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setText("Preferences > Character sets");
	}

	@AfterEach
	void restore() throws Exception {
		shell.dispose();
		store.save(saved);
		store.save(store.load().withDefault(Charset.forName("IBM850")));
	}

	@Test
	void theSavedCodePageIsTheMessengersAndBadNamesAreRefused() throws Exception {
		Messenger messenger = UiTesting.service(Messenger.class);
		assertEquals("IBM850", messenger.oem().name(), "CP850 when nothing is saved");
		store.save(store.load().withDefault(CharsetsPage.parse("IBM437 (United States)")));
		assertEquals("IBM437", messenger.oem().name());
		assertNull(CharsetsPage.parse("no-such-code-page"));
		assertNull(CharsetsPage.parse("UTF-16"));
		assertNull(CharsetsPage.parse("  "));
	}

	@Test
	void rulesAddedOnThePageAreSavedAndTheMessengerUsesThem() throws Exception {
		store.save(CodePages.standard().with(CodePageRule.parse("DOSBOX", "CP866")));
		CharsetsPage page = new CharsetsPage(store);
		page.createControl(shell);
		shell.setSize(640, 460);
		shell.open();
		assertEquals(1, page.table().getItemCount());
		assertEquals("Host name", page.table().getItem(0).getText(0));
		assertEquals("DOSBOX", page.table().getItem(0).getText(1));
		assertEquals("IBM866", page.table().getItem(0).getText(2));
		page.put(CodePageRule.parse("198.51.100.0/24", "CP866"));
		page.put(CodePageRule.parse("198.51.100.128/25", "CP852"));
		page.put(CodePageRule.parse("workgroup:ATHENS", "CP737"));
		page.put(CodePageRule.parse("DOSBOX", "CP855")); // replaces the first rule where it stands
		assertEquals(4, page.table().getItemCount());
		assertEquals("IBM855", page.table().getItem(0).getText(2));
		assertEquals("Workgroup", page.table().getItem(3).getText(0));
		page.table().setSelection(2);
		page.removeSelected();
		page.put(CodePageRule.parse("198.51.100.200", "CP437"));
		screenshot(shell, "charsets-page.png");
		assertTrue(page.performOk());
		CodePages expected = CodePages.standard().with(CodePageRule.parse("DOSBOX", "CP855")).with(CodePageRule.parse("198.51.100.0/24", "CP866"))
				.with(CodePageRule.parse("workgroup:ATHENS", "CP737")).with(CodePageRule.parse("198.51.100.200", "CP437"));
		assertEquals(expected, store.load());
		assertEquals(expected, UiTesting.service(Messenger.class).codePages(), "the messenger service reads the same rules");
	}

	@Test
	void theRuleDialogAcceptsOnlyAValidRuleAndSaysWhatIsWrong() throws Exception {
		CodePageRuleDialog dialog = new CodePageRuleDialog(shell, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Button ok = dialog.okButton();
			assertFalse(ok.isEnabled(), "no match typed yet");
			dialog.kindField().select(1);
			dialog.kindField().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
			dialog.matchField().setText("198.51.100.7/24");
			assertFalse(ok.isEnabled());
			assertEquals("198.51.100.7/24 has host bits set; the network is 198.51.100.0/24", dialog.problemLabel().getText());
			dialog.matchField().setText("198.51.100.0/24");
			dialog.codePageField().setText("CP9999");
			assertFalse(ok.isEnabled());
			assertTrue(dialog.problemLabel().getText().startsWith("unknown code page 'CP9999'"), dialog.problemLabel().getText());
			dialog.codePageField().setText("IBM866 (Cyrillic)");
			assertTrue(ok.isEnabled());
			assertEquals(CodePageRule.parse("198.51.100.0/24", "CP866"), dialog.result());
			dialog.kindField().select(2);
			dialog.kindField().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
			dialog.matchField().setText("athens");
			dialog.codePageField().setText("x-IBM737 (Greek)");
			screenshot(dialog.getShell(), "charsets-rule-dialog.png");
			assertEquals(CodePageRule.parse("workgroup:ATHENS", "cp737"), dialog.result());
		} finally {
			dialog.close();
		}
	}

	/** Paints {@code control} into target/screenshots/{@code name} for a person to look at. */
	private void screenshot(Control control, String name) throws Exception {
		UiTesting.waitFor(display, "the page to paint", () -> {
			while (display.readAndDispatch()) {
				// drain pending paints and layouts
			}
			return true;
		});
		var size = control.getSize();
		Image image = new Image(display, size.x, size.y);
		GC gc = new GC(image);
		try {
			control.print(gc);
		} finally {
			gc.dispose();
		}
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			ImageLoader loader = new ImageLoader();
			loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
			loader.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
	}
}
