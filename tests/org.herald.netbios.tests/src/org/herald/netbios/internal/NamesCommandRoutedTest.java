/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.herald.api.Identity;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;
import org.herald.netbios.NameResponder;
import org.herald.netbios.ResponderOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code herald names} with no interfaces configured: a query at a host and a node status go out
 * from the routing table's choice (127.0.0.1 for 127.0.0.31) and say so; a broadcast query is
 * refused. The peer is a real responder on 127.0.0.31 and a random high port.
 */
class NamesCommandRoutedTest {

	private final NbnsResponderFactory factory = new NbnsResponderFactory();
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private int port;

	@AfterEach
	void stop() {
		factory.stopAll();
	}

	private void startPeer() throws Exception {
		for (int attempt = 0;; attempt++) {
			port = Loopback.randomPort();
			try {
				NameResponder r = factory.start(Loopback.identity("ROUTED", "LABWG", 31, null), ResponderOptions.defaults().withPort(port),
						e -> {
						});
				r.registered().get(10, TimeUnit.SECONDS);
				return;
			} catch (IOException e) {
				if (attempt > 5) {
					throw e;
				}
			}
		}
	}

	private int names(String... args) throws Exception {
		Identity none = new Identity("ASKER", "LABWG", List.of(), Optional.empty());
		PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
		PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		return new NamesCommand(factory).run(new CommandContext() {
			@Override
			public Identity identity() {
				return none;
			}

			@Override
			public Path workspace() {
				return Path.of(".");
			}

			@Override
			public PrintStream out() {
				return o;
			}

			@Override
			public PrintStream err() {
				return e;
			}

			@Override
			public InputStream in() {
				return new ByteArrayInputStream(new byte[0]);
			}

			@Override
			public boolean stopRequested() {
				return true;
			}
		}, List.of(args));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void nodeStatusOfAHostGoesOutOnTheRouteAndSaysWhich() throws Exception {
		startPeer();
		assertEquals(0, names("status", "127.0.0.31", "--port", Integer.toString(port)), out() + err());
		assertTrue(out().contains("ROUTED          <00>"), out());
		assertTrue(err().contains("via 127.0.0.1/8"), err());
	}

	@Test
	void aQueryAtAHostGoesOutOnTheRoute() throws Exception {
		startPeer();
		assertEquals(0, names("query", "ROUTED", "--host", "127.0.0.31", "--port", Integer.toString(port)), out() + err());
		assertTrue(out().contains("127.0.0.31 ROUTED<00>"), out());
		assertTrue(err().contains("via 127.0.0.1/8 (no interfaces configured: the routing table's choice for 127.0.0.31)"), err());
	}

	@Test
	void aBroadcastQueryStillNeedsConfiguredInterfaces() {
		UsageException e = assertThrows(UsageException.class, () -> names("query", "ROUTED"));
		assertEquals("no interfaces configured: give --interfaces IP/PREFIX (or query one host with --host IP)", e.getMessage());
		assertThrows(UsageException.class, () -> names("query", "ROUTED", "--bcast", "127.255.255.255"));
		assertThrows(UsageException.class, () -> names("serve"));
		assertEquals("", out(), "nothing was sent");
	}
}
