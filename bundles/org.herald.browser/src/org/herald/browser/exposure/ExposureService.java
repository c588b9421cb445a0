/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.List;

import org.herald.api.Identity;

/**
 * The firewall-exposure check as a service, the same for the CLI ({@code herald exposure}) and the
 * workbench's Exposure view: each target is probed from the configured interface that reaches it
 * ({@link Identity#interfaceFor}), so a multi-homed host gets one answer everywhere.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ExposureService {

	/**
	 * Checks {@code targets}; with {@code local}, also this machine's own sockets on the Messenger
	 * ports, and its own interface addresses as targets.
	 *
	 * @throws IllegalStateException if the identity has no interfaces
	 * @throws IOException           if the local sockets cannot be read (only with {@code local})
	 */
	ExposureReport check(Identity identity, List<Inet4Address> targets, boolean local, ExposureChecker.Options options)
			throws IOException, InterruptedException;
}
