/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.cli.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.service.datalocation.Location;
import org.herald.api.Settings;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Equinox application {@code org.herald.cli.app} behind {@code herald <command>}: collects the
 * {@link CliCommand} services, then hands over to {@link Cli}. Ctrl-C asks the running command to
 * stop and gives it a few seconds to finish (release names, close the store).
 */
public class CliApplication implements IApplication {

	/** How long to wait for Declarative Services to register the settings service at start. */
	private static final long SERVICE_WAIT_MS = 10_000;
	private static final long STOP_GRACE_MS = 5_000;

	private final AtomicBoolean stop = new AtomicBoolean();
	private final CountDownLatch finished = new CountDownLatch(1);

	@Override
	public Object start(IApplicationContext context) throws Exception {
		context.applicationRunning();
		String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
		Bundle bundle = FrameworkUtil.getBundle(getClass());
		BundleContext bc = bundle.getBundleContext();
		ServiceTracker<Settings, Settings> settings = new ServiceTracker<>(bc, Settings.class, null);
		settings.open();
		Thread hook = new Thread(this::requestStopAndWait, "herald-cli-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			Settings s = settings.waitForService(SERVICE_WAIT_MS);
			if (s == null) {
				System.err.println("herald: the settings service did not start; is the installation complete?");
				return Cli.FAILURE;
			}
			Cli cli = new Cli(new ServiceCommands(bc, null), s, workspace(bc), System.out, System.err, System.in, stop::get, bundle.getVersion().toString());
			return cli.run(Arrays.asList(args));
		} catch (RuntimeException | Error e) {
			// Equinox would log it in the workspace and end the process with status 0
			System.err.println("herald: internal error: " + e);
			return Cli.FAILURE;
		} finally {
			finished.countDown();
			settings.close();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException e) {
				// already shutting down: the hook is running
			}
		}
	}

	private void requestStopAndWait() {
		stop.set(true);
		try {
			finished.await(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static Path workspace(BundleContext bc) throws InvalidSyntaxException, URISyntaxException {
		for (ServiceReference<Location> ref : bc.getServiceReferences(Location.class, Location.INSTANCE_FILTER)) {
			Location location = bc.getService(ref);
			if (location != null && location.getURL() != null) {
				return Path.of(location.getURL().getPath());
			}
		}
		return Path.of(System.getProperty("user.dir"));
	}

	@Override
	public void stop() {
		stop.set(true);
	}
}
