/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Real services of the OSGi test runtime, a context for parts, and waiting on the display. */
public final class UiTesting {

	private UiTesting() {
	}

	public static BundleContext bundleContext() {
		return FrameworkUtil.getBundle(UiTesting.class).getBundleContext();
	}

	public static <T> T service(Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext(), type, null);
		tracker.open();
		T s = tracker.waitForService(10_000);
		assertNotNull(s, "no " + type.getSimpleName() + " service in the test runtime");
		return s;
	}

	/** The test runtime's workspace, as the workbench's "instanceLocation". */
	public static Location workspace() throws Exception {
		for (var ref : bundleContext().getServiceReferences(Location.class, Location.INSTANCE_FILTER)) {
			return bundleContext().getService(ref);
		}
		throw new IllegalStateException("no instance location");
	}

	/** A context like a part's in the workbench: OSGi services, the event broker, the workspace. */
	public static IEclipseContext partContext() throws Exception {
		IEclipseContext context = EclipseContextFactory.getServiceContext(bundleContext()).createChild("test part");
		context.set("instanceLocation", workspace());
		// as the workbench does: UI event topics are delivered on the display's thread
		context.set(org.eclipse.e4.ui.di.UISynchronize.class, new org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize(Display.getDefault()));
		return context;
	}

	/** Runs the event loop until {@code condition} holds, or fails after 20 s. */
	public static void waitFor(Display display, String what, BooleanSupplier condition) {
		waitFor(display, what, java.time.Duration.ofSeconds(20), condition);
	}

	/** Runs the event loop until {@code condition} holds, or fails after {@code limit}: for work made of several network timeouts. */
	public static void waitFor(Display display, String what, java.time.Duration limit, BooleanSupplier condition) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}
}
