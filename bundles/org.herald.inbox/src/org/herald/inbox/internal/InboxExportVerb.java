/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.inbox.ExportFormat;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxQuery;

/** {@code herald inbox export [FILE]}: every message as CSV or JSON, to FILE or standard output. */
final class InboxExportVerb implements InboxVerb {

	@Override
	public String operands() {
		return "[FILE]";
	}

	@Override
	public Options options() {
		return new Options().value("--format", "csv|json", "the format (csv)");
	}

	@Override
	public String note() {
		return "(to standard output without FILE)";
	}

	@Override
	public int run(Inbox inbox, ParsedOptions given, CommandContext context) throws IOException, UsageException {
		String format = given.string("--format").orElse(null);
		ExportFormat f;
		try {
			f = format == null ? ExportFormat.CSV : ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new UsageException("export format must be csv or json, not '" + format + "'");
		}
		List<String> rest = given.operands();
		if (rest.size() > 1) {
			throw new UsageException("export takes at most one file");
		}
		PrintStream out = context.out();
		if (rest.isEmpty()) {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			inbox.export(InboxQuery.all(), f, w);
			w.flush();
			return 0;
		}
		Path file = Path.of(rest.get(0));
		long n;
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			n = inbox.export(InboxQuery.all(), f, w);
		}
		out.println("exported " + n + " messages to " + file);
		return 0;
	}
}
