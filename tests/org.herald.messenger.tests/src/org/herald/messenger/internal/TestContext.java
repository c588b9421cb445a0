/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.herald.api.Identity;
import org.herald.api.cli.CommandContext;

/** A command context with captured output and a given standard input. */
final class TestContext implements CommandContext {

	private final Identity identity;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
	private final InputStream in;
	private final Path workspace;
	volatile boolean stop;

	TestContext(Identity identity, String stdin) {
		this(identity, stdin, Path.of(System.getProperty("java.io.tmpdir")));
	}

	/** With its own workspace ({@code -data}), e.g. a {@code @TempDir}. */
	TestContext(Identity identity, String stdin, Path workspace) {
		this.identity = identity;
		this.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
		this.workspace = workspace;
	}

	@Override
	public Identity identity() {
		return identity;
	}

	@Override
	public Path workspace() {
		return workspace;
	}

	@Override
	public PrintStream out() {
		return outStream;
	}

	@Override
	public PrintStream err() {
		return outStream;
	}

	@Override
	public InputStream in() {
		return in;
	}

	@Override
	public boolean stopRequested() {
		return stop;
	}

	String output() {
		return out.toString(StandardCharsets.UTF_8);
	}
}
