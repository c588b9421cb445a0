/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * Setting up a new installation: {@link org.herald.api.setup.NetworkSurvey} says which workgroup and
 * WINS server the network around the chosen interfaces, and this machine's own configuration,
 * suggest. The first-run setup and {@code herald names survey} use it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.api.setup;
