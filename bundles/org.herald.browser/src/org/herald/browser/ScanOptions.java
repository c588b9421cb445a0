/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.time.Duration;

/**
 * How a node status scan runs.
 *
 * @param rate    queries per second, 0 for as fast as the socket takes them
 * @param timeout how long a host has to answer, from its first query, its retries included: a
 *                host that has not answered is asked again every timeout / (retries + 1)
 * @param retries further queries to a host that has not answered
 * @param port    the peers' name service port (137; tests use others)
 */
public record ScanOptions(int rate, Duration timeout, int retries, int port) {

	public static final int NAME_SERVICE_PORT = 137;

	public ScanOptions {
		if (rate < 0) {
			throw new IllegalArgumentException("rate must not be negative");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		if (retries < 0 || retries > 10) {
			throw new IllegalArgumentException("retries must be 0-10");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port out of range");
		}
	}

	/** No rate limit, 1 s timeout, 1 retry, port 137: nbtscan's defaults, plus one retry. */
	public static ScanOptions defaults() {
		return new ScanOptions(0, Duration.ofSeconds(1), 1, NAME_SERVICE_PORT);
	}

	public ScanOptions withRate(int r) {
		return new ScanOptions(r, timeout, retries, port);
	}

	public ScanOptions withTimeout(Duration t) {
		return new ScanOptions(rate, t, retries, port);
	}

	public ScanOptions withRetries(int r) {
		return new ScanOptions(rate, timeout, r, port);
	}

	public ScanOptions withPort(int p) {
		return new ScanOptions(rate, timeout, retries, p);
	}
}
