/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The listen command's printer on a real OS pipe that nobody reads for a while. */
class MessagePrinterTest {

	@Test
	void aStalledOutputHoldsNobodyBackAndLosesOnlyTheOverflowFromTheScreen() throws Exception {
		Pipe pipe = Pipe.open();
		// fill the pipe's kernel buffer: from now on a write blocks until someone reads
		pipe.sink().configureBlocking(false);
		ByteBuffer filler = ByteBuffer.wrap(new byte[4096]);
		long stuffed = 0;
		for (int n; (n = pipe.sink().write(filler.clear())) > 0;) {
			stuffed += n;
		}
		pipe.sink().configureBlocking(true);
		PrintStream out = new PrintStream(Channels.newOutputStream(pipe.sink()), false, StandardCharsets.UTF_8);
		// the printer takes at most a full queue before its first write blocks, and then the queue fills
		// again: so at least two are skipped, wherever in the sequence
		int total = 2 * MessagePrinter.MAX_BACKLOG + 2;
		try (MessagePrinter printer = new MessagePrinter(out)) {
			// every call returns although the output is stuck
			for (int i = 0; i < total; i++) {
				printer.print("message " + i + "\n");
			}
			InputStream in = Channels.newInputStream(pipe.source());
			in.readNBytes((int) stuffed);
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
				try {
					in.transferTo(read);
				} catch (IOException e) {
					throw new IllegalStateException(e);
				}
			});
			printer.awaitCount(total, () -> false);
			out.close(); // ends the reader
			reader.get();
			String text = read.toString(StandardCharsets.UTF_8);
			// what was printed are messages in their order (the overflow left gaps); the skip lines count the rest
			int shown = 0;
			int last = -1;
			int skipped = 0;
			Pattern skip = Pattern.compile("\\.\\.\\. (\\d+) messages? not shown \\(the output was too slow\\); see herald inbox list");
			for (String line : text.split("\n")) {
				Matcher m = skip.matcher(line);
				if (m.matches()) {
					skipped += Integer.parseInt(m.group(1));
				} else {
					assertTrue(line.startsWith("message "), line);
					int n = Integer.parseInt(line.substring("message ".length()));
					assertTrue(n > last, n + " after " + last);
					last = n;
					shown++;
				}
			}
			assertTrue(shown >= MessagePrinter.MAX_BACKLOG, "shown " + shown);
			assertTrue(skipped >= 2, "skipped " + skipped);
			assertEquals(total, shown + skipped);
		}
	}

	@Test
	void closePrintsWhatIsQueued() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
		MessagePrinter printer = new MessagePrinter(out);
		for (int i = 0; i < 1000; i++) {
			printer.print(i + "\n");
		}
		printer.close();
		String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
		assertEquals(1000, lines.length);
		assertEquals("999", lines[999]);
	}
}
