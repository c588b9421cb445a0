/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.herald.api.MessageSink;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;

/**
 * The dev runner's inbox: each message becomes DIR/NNNNNNNN.txt (its text, UTF-8, exactly) and
 * DIR/NNNNNNNN.meta (sender, address, recipient, path, flags), each written to a temporary file and
 * renamed, so a reader never sees half a message. Not the product's store (the inbox helper's H2).
 */
public final class FileSink implements MessageSink {

	private final Path dir;
	private final AtomicLong sequence = new AtomicLong();

	public FileSink(Path dir) throws IOException {
		this.dir = Files.createDirectories(dir);
	}

	@Override
	public Optional<StoredMessage> accept(ReceivedMessage m) throws IOException {
		long id = sequence.incrementAndGet();
		String base = String.format("%08d", id);
		String meta = "from=" + m.senderName() + "\nip=" + m.senderAddress().getHostAddress() + "\nto=" + m.recipientName() + "\npath="
				+ m.path() + "\nflags=" + m.flags() + "\nreceived=" + m.received() + "\n";
		write(dir.resolve(base + ".meta"), meta);
		write(dir.resolve(base + ".txt"), m.text());
		return Optional.of(new StoredMessage(id, m, false));
	}

	private static void write(Path target, String content) throws IOException {
		Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
		Files.writeString(tmp, content, StandardCharsets.UTF_8);
		Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}
}
