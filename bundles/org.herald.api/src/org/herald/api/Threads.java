/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

/** Small helpers for the threads Herald's services own. */
public final class Threads {

	private Threads() {
	}

	/**
	 * Waits until {@code thread} has ended, even if the caller is interrupted meanwhile (a service's
	 * close must not return while its worker still writes); the interrupt is kept for the caller.
	 */
	public static void joinUninterruptibly(Thread thread) {
		boolean interrupted = false;
		while (thread.isAlive()) {
			try {
				thread.join();
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
