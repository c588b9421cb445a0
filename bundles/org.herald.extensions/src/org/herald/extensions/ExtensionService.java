/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions;

import java.net.URI;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Installs, updates and removes extensions of the running Herald installation (its own p2 profile)
 * from p2 repositories. Every change is all or nothing: when it fails the installation is as it
 * was and the {@link ExtensionException} says why. Changes take effect when Herald restarts.
 * The monitor (may be null) reports progress and cancels.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ExtensionService {

	/** The framework or system property that, set to {@code true}, turns installing off. */
	String LOCKED_PROPERTY = "herald.extensions.locked";

	/** The extensions installed, without Herald's own parts; sorted by id. */
	List<Extension> installed() throws ExtensionException;

	/** What a repository offers to install (its categorised features, or all its features). */
	List<Extension> available(URI repository, IProgressMonitor monitor) throws ExtensionException;

	/** The repositories known to the installation (added by earlier installs or by the user). */
	List<URI> repositories();

	/** Remembers a repository for installs and updates, once it loaded. */
	void addRepository(URI repository, IProgressMonitor monitor) throws ExtensionException;

	/**
	 * Installs units (ids, {@code id/version}, or a feature id without {@code .feature.group}) from
	 * the repository; none named: everything {@link #available} lists that is not installed.
	 * Unsigned content is refused unless {@code allowUnsigned}.
	 */
	Change install(URI repository, List<String> units, boolean allowUnsigned, IProgressMonitor monitor) throws ExtensionException;

	/** Removes installed extensions (ids as {@link #installed} lists them, or their short ids). */
	Change uninstall(List<String> units, IProgressMonitor monitor) throws ExtensionException;

	/** Updates the named extensions, or all of them, from the known repositories. */
	Change update(List<String> units, boolean allowUnsigned, IProgressMonitor monitor) throws ExtensionException;

	/** True when the administrator turned installing off ({@link #LOCKED_PROPERTY}). */
	boolean locked();
}
