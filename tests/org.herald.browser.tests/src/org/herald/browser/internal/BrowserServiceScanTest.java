/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet4Address;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.netbios.datagram.internal.SharedDatagramService;
import org.herald.browser.BrowseModel;
import org.herald.browser.BrowserSettings;
import org.herald.browser.NodeStatusResponder;
import org.herald.browser.ScanOptions;
import org.herald.browser.ScanSummary;
import org.herald.browser.Targets;
import org.junit.jupiter.api.Test;

/**
 * A scan across two configured interfaces (127.0.5.1/24 and 127.0.6.1/24 on loopback): each subnet
 * is asked from its own interface's address, both side by side, and the model learns every host.
 * The responders bind 127.0.5.N and 127.0.6.N on one random high port.
 */
class BrowserServiceScanTest {

	@Test
	void twoInterfacesAreScannedSideBySideAndEveryHostReachesTheModel() throws Exception {
		int port = ThreadLocalRandom.current().nextInt(20000, 60000);
		Identity identity = new Identity("SCANNER", "LABWG",
				List.of(BindInterface.parse("127.0.5.1/24"), BindInterface.parse("127.0.6.1/24")), Optional.empty());
		List<NodeStatusResponder> responders = new ArrayList<>();
		try {
			for (int n = 10; n < 20; n++) {
				responders.add(new NodeStatusResponder(BindInterface.parseIpv4("127.0.5." + n), port, "FIVE" + n, "LABWG", null, new byte[6], 0));
				responders.add(new NodeStatusResponder(BindInterface.parseIpv4("127.0.6." + n), port, "SIX" + n, "OTHERWG", null, new byte[6], 0));
			}
			BrowseModel model = new BrowseModel();
			Set<Inet4Address> found = ConcurrentHashMap.newKeySet();
			BrowserSettings settings = BrowserSettings.defaults().withListen(false).withPorts(138, port, 139);
			ScanSummary s;
			try (SharedDatagramService datagrams = new SharedDatagramService();
					BrowserService browser = new BrowserService(datagrams, identity, settings, model, Clock.systemUTC())) {
				s = browser.scan(Targets.parse(List.of("127.0.5.10-29", "127.0.6.10-29")),
						ScanOptions.defaults().withPort(port).withTimeout(Duration.ofMillis(300)), hit -> found.add(hit.address()));
			}
			assertEquals(40, s.targets());
			assertEquals(20, s.answered());
			assertEquals(20, found.size());
			assertEquals(Set.of("LABWG", "OTHERWG"), model.workgroups().stream().map(w -> w.name()).collect(Collectors.toSet()));
			assertEquals(10, model.hosts("LABWG").size());
			assertEquals(10, model.hosts("OTHERWG").size());
		} finally {
			responders.forEach(NodeStatusResponder::close);
		}
	}
}
