/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.herald.api.cli.CliCommand;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Every command of Herald's own bundles declares its name as the service property
 * {@code herald.command}, the same as its {@code name()}: the CLI starts only the command it runs by
 * that property, so a command whose property said otherwise could not be run.
 */
class CommandNamesTest {

	@Test
	void everyHeraldCommandDeclaresTheNameItAnswersTo() throws Exception {
		BundleContext bc = FrameworkUtil.getBundle(CommandNamesTest.class).getBundleContext();
		Map<String, String> declared = new TreeMap<>();
		// DS registers the commands as their bundles start: wait for Herald's 15, on the registry's
		// events (the limit only bounds a hang); references only, so nothing is started by waiting
		CountDownLatch registered = new CountDownLatch(15);
		ServiceTracker<CliCommand, ServiceReference<CliCommand>> tracker = new ServiceTracker<>(bc, CliCommand.class, null) {
			@Override
			public ServiceReference<CliCommand> addingService(ServiceReference<CliCommand> reference) {
				registered.countDown();
				return reference;
			}
		};
		tracker.open();
		registered.await(60, TimeUnit.SECONDS);
		ServiceReference<CliCommand>[] refs = tracker.getServiceReferences();
		tracker.close();
		assertTrue(refs != null, "no CliCommand service registered");
		for (ServiceReference<CliCommand> ref : refs) {
			CliCommand c = bc.getService(ref);
			try {
				Object property = ref.getProperty("herald.command");
				assertEquals(c.name(), property, c.getClass().getName() + " answers to '" + c.name() + "' but declares herald.command=" + property);
				declared.put(c.name(), c.getClass().getName());
			} finally {
				bc.ungetService(ref);
			}
		}
		assertTrue(declared.keySet().containsAll(java.util.List.of("alias", "browse", "charset", "diagnose", "exposure", "extensions", "inbox", "listen",
				"lists", "names", "outbox", "peers", "scan", "send", "templates")), "Herald's commands: " + declared);
	}
}
