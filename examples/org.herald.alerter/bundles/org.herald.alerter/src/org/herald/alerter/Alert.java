/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter;

import java.time.Instant;

/** A rule that fired: when, which rule, what happened, and what became of the pop-up to the admins. */
public record Alert(Instant time, String rule, String text, String delivery) {
}
