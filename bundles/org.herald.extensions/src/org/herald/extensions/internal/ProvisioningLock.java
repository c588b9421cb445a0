/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.herald.extensions.ExtensionException;

/**
 * One Herald process at a time changes an installation: an exclusive lock on a file in the p2
 * data area, taken without waiting. The second process is refused with a message that says so.
 */
final class ProvisioningLock implements AutoCloseable {

	private final FileChannel channel;
	private final FileLock lock;

	private ProvisioningLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static ProvisioningLock acquire(Path file) throws ExtensionException {
		FileChannel channel = null;
		try {
			Files.createDirectories(file.getParent());
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				throw busy(file);
			}
			return new ProvisioningLock(channel, lock);
		} catch (OverlappingFileLockException e) {
			close(channel);
			throw busy(file);
		} catch (IOException e) {
			close(channel);
			throw new ExtensionException("cannot lock the installation for changes (" + file + "): " + e.getMessage(), e);
		}
	}

	private static ExtensionException busy(Path file) {
		return new ExtensionException("another Herald process is installing, updating or removing extensions of this installation"
				+ " (it holds " + file + "); nothing was changed: try again when it has finished");
	}

	private static void close(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			} catch (IOException ignored) {
				// already failing
			}
		}
	}

	@Override
	public void close() {
		try {
			lock.release();
		} catch (IOException ignored) {
			// the channel's close releases it too
		}
		close(channel);
	}
}
