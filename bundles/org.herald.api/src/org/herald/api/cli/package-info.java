/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The contract of a {@code herald} command ({@link org.herald.api.cli.CliCommand}, a DS service) and
 * what a command may use: {@link org.herald.api.cli.Options} (the one argument parser, usage lines
 * from the declarations), {@link org.herald.api.cli.CommandContext}, {@link org.herald.api.cli.Json}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.api.cli;
