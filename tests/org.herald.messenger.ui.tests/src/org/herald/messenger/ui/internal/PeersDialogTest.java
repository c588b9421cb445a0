/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.herald.messenger.EncryptionPolicy;
import org.herald.peer.Fingerprint;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerPins;
import org.herald.ui.testing.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Peers dialog over a real pin file (two Heralds pinned on first use): fingerprints in 12
 * groups of 5, verify only with the right digits, forget; and Preferences &gt; Encryption.
 */
class PeersDialogTest {

	@TempDir
	Path tmp;
	private Display display;
	private Shell shell;
	private PeerPins pins;
	private IdentityKey alpha;
	private IdentityKey bravo;
	private IdentityKey own;

	@BeforeEach
	void setUp() throws Exception {
		display = Display.getDefault();
		shell = new Shell(display);
		pins = PeerPins.in(tmp);
		own = IdentityKey.loadOrCreate(tmp);
		alpha = IdentityKey.loadOrCreate(Files.createDirectories(tmp.resolve("alpha")));
		bravo = IdentityKey.loadOrCreate(Files.createDirectories(tmp.resolve("bravo")));
		pins.check("ALPHA", alpha.publicKey());
		pins.check("BRAVO", bravo.publicKey());
	}

	@AfterEach
	void tearDown() {
		shell.dispose();
	}

	private PeersDialog open() {
		PeersDialog dialog = new PeersDialog(shell, pins, own.fingerprint());
		dialog.setBlockOnOpen(false);
		dialog.open();
		return dialog;
	}

	@Test
	void listsThePinsWithFingerprintsVerifiesOnlyTheRightDigitsAndForgets() throws Exception {
		PeersDialog dialog = open();
		try {
			assertEquals(own.fingerprint().toString(), dialog.ownField().getText());
			assertTrue(dialog.ownField().getText().matches("(\\d{5} ){11}\\d{5}"), dialog.ownField().getText());
			assertEquals(2, dialog.table().getItemCount());
			assertEquals("ALPHA", dialog.table().getItem(0).getText(0));
			assertEquals(alpha.fingerprint().toString(), dialog.table().getItem(0).getText(1));
			assertEquals("no", dialog.table().getItem(0).getText(2));
			assertFalse(dialog.table().getItem(0).getText(3).isEmpty(), "last seen");
			assertFalse(dialog.verifyButton().getEnabled(), "nothing selected");

			dialog.table().select(0);
			dialog.table().notifyListeners(SWT.Selection, new Event());
			assertTrue(dialog.verifyButton().getEnabled());
			assertFalse(dialog.verify("ALPHA", bravo.fingerprint()), "BRAVO's digits are not ALPHA's");
			assertTrue(dialog.errorMessage().startsWith("The fingerprint does not match ALPHA's pinned key"), dialog.errorMessage());
			assertFalse(pins.get("ALPHA").orElseThrow().verified());
			Screenshots.take(dialog.getShell(), "peers-dialog-mismatch.png");

			String spoken = alpha.fingerprint().digits().replaceAll("(\\d{5})", "$1-"); // as typed while listening
			assertTrue(dialog.verify("ALPHA", Fingerprint.parse(spoken)));
			assertNull(dialog.errorMessage());
			assertTrue(pins.get("ALPHA").orElseThrow().verified());
			assertEquals("verified", dialog.table().getItem(0).getText(2));
			Screenshots.take(dialog.getShell(), "peers-dialog-verified.png");

			dialog.forget("BRAVO");
			assertEquals(1, dialog.table().getItemCount());
			assertTrue(pins.get("BRAVO").isEmpty());
		} finally {
			dialog.close();
		}
	}

	@Test
	void theVerifyDialogAcceptsOnlySixtyDigits() throws Exception {
		assertEquals("Type the 60 digits", VerifyFingerprintDialog.problem(""));
		assertEquals("a fingerprint has 60 digits, this one 5", VerifyFingerprintDialog.problem("12345"));
		assertTrue(VerifyFingerprintDialog.problem("12345 x").startsWith("a fingerprint has digits, spaces and dashes only"));
		assertNull(VerifyFingerprintDialog.problem(alpha.fingerprint().toString()));
		VerifyFingerprintDialog dialog = new VerifyFingerprintDialog(shell, pins.get("ALPHA").orElseThrow());
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			dialog.field().setText("12345 67890");
			assertFalse(dialog.ok().getEnabled());
			Screenshots.take(dialog.getShell(), "peers-verify-dialog.png");
			dialog.field().setText(alpha.fingerprint().toString());
			assertTrue(dialog.ok().getEnabled());
		} finally {
			dialog.close();
		}
	}

	@Test
	void theEncryptionPageSavesTheWorkspaceDefault() throws Exception {
		EncryptionPolicy before = EncryptionPolicy.workspaceDefault();
		try {
			EncryptionPage page = new EncryptionPage(own.fingerprint());
			Shell pageShell = new Shell(display);
			pageShell.setLayout(new org.eclipse.swt.layout.FillLayout());
			page.createControl(pageShell);
			pageShell.setSize(720, 300);
			pageShell.open();
			assertEquals(before, page.chosen());
			page.choose(EncryptionPolicy.REQUIRE);
			Screenshots.take(pageShell, "preferences-encryption.png");
			assertTrue(page.performOk());
			assertEquals(EncryptionPolicy.REQUIRE, EncryptionPolicy.workspaceDefault());
			pageShell.dispose();
		} finally {
			before.saveAsWorkspaceDefault();
		}
	}
}
