/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityKeyTest {

	@TempDir
	Path workspace;

	@Test
	void createdOnFirstUseWithMode0600AndKept() throws Exception {
		IdentityKey first = IdentityKey.loadOrCreate(workspace);
		Path file = workspace.resolve(IdentityKey.FILE_NAME);
		assertEquals(file, first.file());
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
		IdentityKey again = IdentityKey.loadOrCreate(workspace);
		assertEquals(first.publicKey(), again.publicKey());
		assertEquals(first.fingerprint(), again.fingerprint());
		// Nothing but the key file: the temporary file it was written to is gone.
		try (var files = Files.list(workspace)) {
			assertEquals(List.of(file), files.toList());
		}
	}

	@Test
	void fileHoldsTheHeaderAndTheClampedPrivateKey() throws Exception {
		IdentityKey identity = IdentityKey.loadOrCreate(workspace);
		List<String> lines = Files.readAllLines(identity.file(), StandardCharsets.US_ASCII);
		assertEquals(2, lines.size());
		assertTrue(lines.get(0).startsWith("# Herald peer identity"));
		byte[] privateKey = java.util.HexFormat.of().parseHex(lines.get(1));
		assertEquals(0, privateKey[0] & 7);
		assertArrayEquals(identity.keyPair().publicKey(), identity.publicKey().bytes());
	}

	@Test
	void createsTheWorkspaceDirectory() throws Exception {
		Path nested = workspace.resolve("a/b");
		IdentityKey.loadOrCreate(nested);
		assertTrue(Files.isRegularFile(nested.resolve(IdentityKey.FILE_NAME)));
	}

	@Test
	void refusesAKeyFileOthersMayRead() throws Exception {
		IdentityKey identity = IdentityKey.loadOrCreate(workspace);
		Files.setPosixFilePermissions(identity.file(), PosixFilePermissions.fromString("rw-r--r--"));
		PeerStoreException e = assertThrows(PeerStoreException.class, () -> IdentityKey.loadOrCreate(workspace));
		assertTrue(e.getMessage().contains("rw-r--r--"), e.getMessage());
		assertTrue(e.getMessage().contains("chmod 600 " + identity.file()), e.getMessage());
		Files.setPosixFilePermissions(identity.file(), PosixFilePermissions.fromString("rw----r--"));
		assertThrows(PeerStoreException.class, () -> IdentityKey.load(identity.file()));
		Files.setPosixFilePermissions(identity.file(), PosixFilePermissions.fromString("rw--w----"));
		assertThrows(PeerStoreException.class, () -> IdentityKey.load(identity.file()));
		// The owner's own bits do not matter, only the group's and others'.
		Files.setPosixFilePermissions(identity.file(), PosixFilePermissions.fromString("r--------"));
		assertEquals(identity.publicKey(), IdentityKey.load(identity.file()).publicKey());
		Files.setPosixFilePermissions(identity.file(), PosixFilePermissions.fromString("rwx------"));
		assertEquals(identity.publicKey(), IdentityKey.load(identity.file()).publicKey());
	}

	@Test
	void refusesASymbolicLink() throws Exception {
		Path elsewhere = workspace.resolve("elsewhere");
		IdentityKey identity = IdentityKey.loadOrCreate(elsewhere);
		Path link = workspace.resolve(IdentityKey.FILE_NAME);
		Files.createSymbolicLink(link, identity.file());
		assertThrows(PeerStoreException.class, () -> IdentityKey.loadOrCreate(workspace));
	}

	@Test
	void damagedKeyFileIsReportedAndLeftAlone() throws Exception {
		Path file = workspace.resolve(IdentityKey.FILE_NAME);
		byte[] damaged = "# Herald peer identity\nnot a key\n".getBytes(StandardCharsets.US_ASCII);
		Files.write(file, damaged);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		PeerStoreException e = assertThrows(PeerStoreException.class, () -> IdentityKey.loadOrCreate(workspace));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertArrayEquals(damaged, Files.readAllBytes(file));
	}

	@Test
	void twoWorkspacesTwoIdentities() throws Exception {
		assertNotEquals(IdentityKey.loadOrCreate(workspace.resolve("one")).publicKey(),
				IdentityKey.loadOrCreate(workspace.resolve("two")).publicKey());
	}
}
