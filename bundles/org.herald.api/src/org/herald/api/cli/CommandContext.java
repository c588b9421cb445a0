/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import org.herald.api.Identity;

/** What a CLI command runs with. */
@org.osgi.annotation.versioning.ProviderType
public interface CommandContext {

	/** The identity: CLI options over the workspace's saved settings over defaults. */
	Identity identity();

	/** The workspace folder ({@code -data}). */
	Path workspace();

	PrintStream out();

	PrintStream err();

	InputStream in();

	/** True once the user asked to stop (Ctrl-C); long-running commands poll it or wait on it. */
	boolean stopRequested();
}
