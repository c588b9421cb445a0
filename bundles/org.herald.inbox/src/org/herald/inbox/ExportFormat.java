/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

/** Formats of {@link Inbox#export}. */
public enum ExportFormat {
	/** RFC 4180: a header line, fields quoted when needed, CRLF line ends. */
	CSV,
	/** A JSON array of message objects (RFC 8259). */
	JSON
}
