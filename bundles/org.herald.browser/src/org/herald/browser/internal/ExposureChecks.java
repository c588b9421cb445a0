/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.browser.Targets;
import org.herald.browser.exposure.ExposureChecker;
import org.herald.browser.exposure.ExposureReport;
import org.herald.browser.exposure.ExposureService;
import org.herald.browser.exposure.HostExposure;
import org.herald.browser.exposure.LocalAudit;
import org.herald.browser.exposure.LocalSocket;
import org.osgi.service.component.annotations.Component;

/** {@link ExposureService}: the targets grouped by the interface that reaches them, one checker per group. */
@Component(service = ExposureService.class)
public final class ExposureChecks implements ExposureService {

	@Override
	public ExposureReport check(Identity identity, List<Inet4Address> targets, boolean local, ExposureChecker.Options options)
			throws IOException, InterruptedException {
		if (identity.interfaces().isEmpty()) {
			throw new IllegalStateException("no interfaces configured: Herald probes only from the interfaces you give it");
		}
		List<Inet4Address> all = new ArrayList<>(targets);
		List<LocalSocket> sockets = List.of();
		if (local) {
			sockets = LocalAudit.system().sockets();
			identity.interfaces().stream().map(BindInterface::address).filter(a -> !all.contains(a)).forEach(all::add);
		}
		Map<BindInterface, List<Inet4Address>> groups = new LinkedHashMap<>();
		for (Inet4Address t : all) {
			groups.computeIfAbsent(identity.interfaceFor(t), k -> new ArrayList<>()).add(t);
		}
		List<HostExposure> hosts = new ArrayList<>();
		for (Map.Entry<BindInterface, List<Inet4Address>> g : groups.entrySet()) {
			hosts.addAll(new ExposureChecker(g.getKey().address(), identity.workstationName(), options).check(g.getValue()));
		}
		hosts.sort(Comparator.comparingLong(h -> Targets.key(h.address())));
		return new ExposureReport(Instant.now(), identity.name() + " " + identity.interfaces(), hosts, sockets);
	}
}
