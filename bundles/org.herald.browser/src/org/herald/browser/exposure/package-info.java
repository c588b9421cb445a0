/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The exposure checker: which NetBIOS, SMB and RPC ports hosts answer on
 * ({@link org.herald.browser.exposure.ExposureChecker}), the rating and remedies
 * ({@link org.herald.browser.exposure.RiskRating}), the local socket audit
 * ({@link org.herald.browser.exposure.LocalAudit}) and the reports.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.browser.exposure;
