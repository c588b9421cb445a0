/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.cli.CommandContext;
import org.herald.browser.NodeStatusResponder;
import org.herald.netbios.datagram.internal.SharedDatagramService;
import org.junit.jupiter.api.Test;

/**
 * {@code herald scan} with no interfaces configured scans from the routing table's choice for the
 * range (127.0.0.1 for 127.0.8.0/24) and says which. Responders on 127.0.8.10-12, a random high port.
 */
class ScanCommandRoutedTest {

	@Test
	void aScanWithoutInterfacesGoesOutOnTheRouteAndSaysWhich() throws Exception {
		int port = ThreadLocalRandom.current().nextInt(20000, 60000);
		List<NodeStatusResponder> responders = new ArrayList<>();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		try (SharedDatagramService datagrams = new SharedDatagramService()) {
			for (int n = 10; n <= 12; n++) {
				responders.add(new NodeStatusResponder(BindInterface.parseIpv4("127.0.8." + n), port, "ROUTED" + n, "LABWG", null, new byte[6], 0));
			}
			Identity none = new Identity("SCANNER", "LABWG", List.of(), Optional.empty());
			PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
			PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
			int status = new ScanCommand(new BrowserFactory(datagrams)).run(new CommandContext() {
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
					return false;
				}
			}, List.of("127.0.8.0/24", "--port", Integer.toString(port), "--timeout", "500"));
			String text = out.toString(StandardCharsets.UTF_8);
			String log = err.toString(StandardCharsets.UTF_8);
			assertEquals(0, status, text + log);
			for (int n = 10; n <= 12; n++) {
				assertTrue(text.contains("127.0.8." + n) && text.contains("ROUTED" + n), text);
			}
			assertTrue(log.contains("scan: via 127.0.0.1/8 (no interfaces configured: the routing table's choice for 127.0.8.1 and the others)"), log);
			assertTrue(log.contains("3 of 254 addresses answered"), log);
		} finally {
			responders.forEach(NodeStatusResponder::close);
		}
	}
}
