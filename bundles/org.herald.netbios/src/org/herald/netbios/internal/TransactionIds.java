/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** NAME_TRN_IDs: a random start, then increasing (mod 2^16), so answers to old requests do not match new ones. */
final class TransactionIds {

	private final AtomicInteger next = new AtomicInteger(new SecureRandom().nextInt(0x10000));

	int next() {
		return next.getAndIncrement() & 0xFFFF;
	}
}
