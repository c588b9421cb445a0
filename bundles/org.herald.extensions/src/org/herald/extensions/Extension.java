/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions;

/**
 * An installable unit as the user sees it: a root of the installation, or something a repository
 * offers. {@code id} is the p2 id (a feature's is {@code <feature id>.feature.group}).
 */
public record Extension(String id, String version, String name, String vendor) {

	/** The id without p2's {@code .feature.group} suffix. */
	public String shortId() {
		return id.endsWith(".feature.group") ? id.substring(0, id.length() - ".feature.group".length()) : id;
	}

	@Override
	public String toString() {
		return id + " " + version;
	}
}
