/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.io.IOException;

/**
 * Herald's saved settings, kept in the workspace's instance preferences so that the workbench and
 * the CLI of one workspace ({@code -data}) share them.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Settings {

	/** The saved identity, with defaults for whatever was never saved. */
	Identity identity();

	/** Saves the identity durably in the workspace. */
	void save(Identity identity) throws IOException;
}
