/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.herald.extensions.ExtensionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningLockTest {

	@TempDir
	Path dir;

	@Test
	void secondHolderIsRefusedUntilTheFirstLetsGo() throws Exception {
		Path file = dir.resolve("p2/.lock");
		try (ProvisioningLock first = ProvisioningLock.acquire(file)) {
			ExtensionException e = assertThrows(ExtensionException.class, () -> ProvisioningLock.acquire(file));
			assertTrue(e.getMessage().contains("another Herald process"), e.getMessage());
			assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
		}
		ProvisioningLock.acquire(file).close();
	}
}
