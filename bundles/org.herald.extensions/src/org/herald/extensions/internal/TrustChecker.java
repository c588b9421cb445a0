/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.p2.core.UIServices;

/**
 * p2's questions during an install, answered without a person: unsigned content and content
 * signed by certificates or keys nobody trusted yet is refused unless the administrator allowed
 * unsigned content ({@code --allow-unsigned} or the dialog's check box). Remembers what it
 * refused so the error can say it. Passwords are never asked: a repository that wants one fails.
 */
final class TrustChecker extends UIServices {

	private final boolean allowUnsigned;
	private final List<String> refused = new ArrayList<>();

	TrustChecker(boolean allowUnsigned) {
		this.allowUnsigned = allowUnsigned;
	}

	@Override
	public AuthenticationInfo getUsernamePassword(String location) {
		return null;
	}

	@Override
	public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
		return null;
	}

	@Override
	public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
		return getTrustInfo(untrustedChains, List.of(), unsignedDetail);
	}

	@Override
	public synchronized TrustInfo getTrustInfo(Certificate[][] untrustedChains, Collection<PGPPublicKey> untrustedPGPKeys,
			String[] unsignedDetail) {
		if (allowUnsigned) {
			List<Certificate> certificates = new ArrayList<>();
			if (untrustedChains != null) {
				for (Certificate[] chain : untrustedChains) {
					if (chain != null && chain.length > 0) {
						certificates.add(chain[0]);
					}
				}
			}
			return new TrustInfo(certificates, untrustedPGPKeys == null ? List.of() : untrustedPGPKeys, false, true);
		}
		if (unsignedDetail != null) {
			for (String artifact : unsignedDetail) {
				refused.add("unsigned: " + artifact);
			}
		}
		if (untrustedChains != null) {
			for (Certificate[] chain : untrustedChains) {
				if (chain != null && chain.length > 0) {
					refused.add("signed by an untrusted certificate: " + subject(chain[0]));
				}
			}
		}
		if (untrustedPGPKeys != null) {
			for (PGPPublicKey key : untrustedPGPKeys) {
				refused.add("signed by an untrusted PGP key: " + Long.toHexString(key.getKeyID()).toUpperCase());
			}
		}
		return new TrustInfo(List.of(), List.of(), false, false);
	}

	@Override
	public void showInformationMessage(String title, String text, String linkText) {
		// nothing to show in a headless install
	}

	/** What was refused, one line each; empty when nothing was. */
	synchronized List<String> refused() {
		return List.copyOf(refused);
	}

	private static String subject(Certificate certificate) {
		return certificate instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : certificate.getType() + " certificate";
	}
}
