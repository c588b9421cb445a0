/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** Pictures of controls for a person to look at: target/screenshots/NAME.png. */
public final class Screenshots {

	private static final long SETTLE_NANOS = 600_000_000L;

	private Screenshots() {
	}

	/**
	 * Lets pending layouts and paints run, then copies what the X server shows of {@code control}
	 * into the file: the pixels on the display, not a fresh rendering (which may differ from it).
	 */
	public static Path take(Control control, String name) throws Exception {
		Display display = control.getDisplay();
		control.getShell().forceActive();
		control.redraw();
		// GTK paints on its frame clock: run the event loop for a moment so the screen catches up.
		// (A picture for a person only; no test waits on this.)
		long until = System.nanoTime() + SETTLE_NANOS;
		while (System.nanoTime() < until) {
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
		display.update();
		Rectangle area = control instanceof org.eclipse.swt.widgets.Shell shell ? shell.getClientArea() : control.getBounds();
		Point origin = control.toDisplay(0, 0);
		Image image = new Image(display, area.width, area.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, origin.x, origin.y);
		} finally {
			gc.dispose();
		}
		try {
			Path dir = Files.createDirectories(Path.of("target", "screenshots"));
			ImageLoader loader = new ImageLoader();
			loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
			Path file = dir.resolve(name);
			loader.save(file.toString(), SWT.IMAGE_PNG);
			return file;
		} finally {
			image.dispose();
		}
	}
}
