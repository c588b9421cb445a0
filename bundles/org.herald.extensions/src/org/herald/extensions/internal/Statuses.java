/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

import org.eclipse.core.runtime.IStatus;

/** p2's statuses as one readable message: the distinct messages of the tree, most specific last. */
final class Statuses {

	private Statuses() {
	}

	static String describe(IStatus status) {
		Set<String> lines = new LinkedHashSet<>();
		collect(status, lines);
		return String.join("; ", lines);
	}

	/**
	 * Whether the status tree failed on a TLS server whose certificate chain the JVM's trust store
	 * does not lead to (JSSE's handshake failure with a certificate-path cause).
	 */
	static boolean untrustedCertificate(IStatus status) {
		if (status == null) {
			return false;
		}
		for (Throwable e = status.getException(); e != null; e = e.getCause() == e ? null : e.getCause()) {
			if (e instanceof CertPathBuilderException || e instanceof CertPathValidatorException
					|| e instanceof SSLHandshakeException && e.getMessage() != null && e.getMessage().contains("PKIX")) {
				return true;
			}
		}
		for (IStatus child : status.getChildren()) {
			if (untrustedCertificate(child)) {
				return true;
			}
		}
		return false;
	}

	private static void collect(IStatus status, Set<String> lines) {
		if (status == null) {
			return;
		}
		String message = status.getMessage();
		if (message != null && !message.isBlank() && status.getSeverity() >= IStatus.WARNING) {
			lines.add(message.strip());
		}
		Throwable e = status.getException();
		if (e != null && e.getMessage() != null && !e.getMessage().isBlank()) {
			lines.add(e.getMessage().strip());
		}
		for (IStatus child : status.getChildren()) {
			collect(child, lines);
		}
	}
}
