/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.api.cli.Json;
import org.herald.browser.internal.Csv;

/**
 * An exposure report: the hosts checked and, for a local audit, the local sockets; written as CSV
 * (one row per host and port, then one per local socket), JSON or a self-contained HTML page.
 */
public record ExposureReport(Instant time, String from, List<HostExposure> hosts, List<LocalSocket> local) {

	public ExposureReport {
		hosts = List.copyOf(hosts);
		local = List.copyOf(local);
	}

	public String csv() {
		StringBuilder sb = new StringBuilder();
		sb.append(Csv.line(List.of("kind", "address", "port", "state", "evidence", "risk", "reason", "names", "user", "mac"))).append("\r\n");
		for (HostExposure h : hosts) {
			for (PortFinding f : h.ports()) {
				sb.append(Csv.line(List.of("host", h.address().getHostAddress(), f.port().toString(), f.state().name(), f.evidence(), h.risk().name(),
						h.reason(), String.join(" ", h.names()), h.hostNames().flatMap(n -> n.user()).orElse(""), h.mac().orElse("")))).append("\r\n");
			}
		}
		for (LocalSocket s : local) {
			sb.append(Csv.line(List.of("local", s.address(), s.port() + "/" + s.protocol(), "LISTENING", s.process().orElse(""),
					s.warning().isPresent() ? "WARNING" : "", s.warning().orElse(s.reach()), "", "", ""))).append("\r\n");
		}
		return sb.toString();
	}

	public String json() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("time", time.toString());
		m.put("from", from);
		List<Object> hs = new ArrayList<>();
		for (HostExposure h : hosts) {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("address", h.address().getHostAddress());
			x.put("risk", h.risk().name());
			x.put("reason", h.reason());
			List<Object> ports = new ArrayList<>();
			for (PortFinding f : h.ports()) {
				Map<String, Object> pm = new LinkedHashMap<>();
				pm.put("port", f.port().number());
				pm.put("protocol", f.port().protocol());
				pm.put("state", f.state().name());
				pm.put("evidence", f.evidence());
				ports.add(pm);
			}
			x.put("ports", ports);
			x.put("names", h.names());
			x.put("computer", h.hostNames().flatMap(n -> n.computer()));
			x.put("workgroup", h.hostNames().flatMap(n -> n.workgroup()));
			x.put("user", h.hostNames().flatMap(n -> n.user()));
			x.put("messengerNames", h.hostNames().map(n -> n.messengerNames()).orElse(List.of()));
			x.put("mac", h.mac());
			List<Object> remedies = new ArrayList<>();
			for (Remedy r : h.remedies()) {
				Map<String, Object> rm = new LinkedHashMap<>();
				rm.put("port", r.port() == null ? null : r.port().toString());
				rm.put("action", r.action());
				rm.put("iptables", r.iptables());
				rm.put("nftables", r.nftables());
				rm.put("netsh", r.netsh());
				remedies.add(rm);
			}
			x.put("remedies", remedies);
			hs.add(x);
		}
		m.put("hosts", hs);
		List<Object> ls = new ArrayList<>();
		for (LocalSocket s : local) {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("protocol", s.protocol());
			x.put("address", s.address());
			x.put("port", s.port());
			x.put("process", s.process());
			x.put("herald", s.herald());
			x.put("reach", s.reach());
			x.put("warning", s.warning());
			ls.add(x);
		}
		m.put("local", ls);
		return Json.write(m);
	}

	public String html() {
		StringBuilder sb = new StringBuilder();
		sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Herald exposure report</title>\n");
		sb.append("<style>body{font-family:sans-serif}table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #999;padding:2px 6px;text-align:left}"
				+ ".HIGH{background:#f99}.MEDIUM{background:#fd9}.LOW{background:#ffc}.NONE{background:#cfc}code{font-size:90%}</style></head><body>\n");
		sb.append("<h1>Exposure report</h1>\n<p>").append(esc(time.toString())).append(", checked from ").append(esc(from)).append("</p>\n");
		for (HostExposure h : hosts) {
			sb.append("<h2 class=\"").append(h.risk().name()).append("\">").append(esc(h.address().getHostAddress()))
					.append(h.hostNames().flatMap(n -> n.computer()).map(c -> " (" + c + ")").orElse("")).append(": ").append(h.risk().name())
					.append("</h2>\n<p>").append(esc(h.reason())).append("</p>\n");
			sb.append("<table><tr><th>Port</th><th>State</th><th>Evidence</th></tr>\n");
			for (PortFinding f : h.ports()) {
				sb.append("<tr><td>").append(f.port()).append("</td><td>").append(f.state()).append("</td><td>").append(esc(f.evidence()))
						.append("</td></tr>\n");
			}
			sb.append("</table>\n");
			if (!h.names().isEmpty()) {
				sb.append("<p>Names: ").append(esc(String.join(", ", h.names()))).append("; MAC ").append(esc(h.mac().orElse(""))).append("</p>\n");
			}
			if (!h.remedies().isEmpty()) {
				sb.append("<h3>Remedies</h3>\n<ul>\n");
				for (Remedy r : h.remedies()) {
					sb.append("<li>").append(esc(r.action())).append("<br><code>").append(esc(r.iptables())).append("</code><br><code>")
							.append(esc(r.nftables())).append("</code><br><code>").append(esc(r.netsh())).append("</code></li>\n");
				}
				sb.append("</ul>\n");
			}
		}
		if (!local.isEmpty()) {
			sb.append("<h2>Local sockets</h2>\n<table><tr><th>Protocol</th><th>Address</th><th>Port</th><th>Process</th><th>Reachable from</th><th>Warning</th></tr>\n");
			for (LocalSocket s : local) {
				sb.append("<tr><td>").append(s.protocol()).append("</td><td>").append(esc(s.address())).append("</td><td>").append(s.port())
						.append("</td><td>").append(esc(s.process().orElse("")) + (s.herald() ? " (Herald)" : "")).append("</td><td>")
						.append(esc(s.reach())).append("</td><td>").append(esc(s.warning().orElse(""))).append("</td></tr>\n");
			}
			sb.append("</table>\n");
		}
		sb.append("</body></html>\n");
		return sb.toString();
	}

	static String esc(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
