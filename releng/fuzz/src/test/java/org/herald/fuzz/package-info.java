/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * Fuzz targets for the network decoders, one class per decoder family. The contract each target
 * checks: on any input a decoder returns a value or throws {@code MalformedPacketException}; nothing
 * else escapes, and a decoded value can be written back and reads back the same (a responder echoes
 * what it read). Jazzer reports any other throwable, a hang or an out-of-memory as a finding.
 * Regression inputs (replayed by {@code ./mvnw verify}) live in
 * {@code src/test/resources/org/herald/fuzz/<Class>Inputs/<method>/}.
 */
package org.herald.fuzz;
