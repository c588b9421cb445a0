/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.io.IOException;

/**
 * Another process already listens on Herald's ports on a configured interface: usually the
 * workbench or a {@code herald listen} on the same host. The message says which port and address.
 */
public class PortsInUseException extends IOException {
	private static final long serialVersionUID = 1L;

	public PortsInUseException(String message, Throwable cause) {
		super(message, cause);
	}
}
