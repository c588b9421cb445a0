/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The lock mark of encrypted messages, drawn at 16 by 16 pixels (no font has to have U+1F512).
 * Whoever creates one disposes it.
 */
public final class LockIcon {

	public static final int SIZE = 16;

	private LockIcon() {
	}

	/** A lock: a shackle over a body with a keyhole, in {@code rgb}, on a transparent background. */
	public static Image create(Display display, RGB rgb) {
		PaletteData palette = new PaletteData(new RGB[] { new RGB(255, 255, 255), rgb, new RGB(250, 250, 250) });
		ImageData data = new ImageData(SIZE, SIZE, 4, palette);
		data.transparentPixel = 0;
		// the shackle: two posts and a rounded top
		for (int y = 2; y <= 7; y++) {
			for (int x : new int[] { 4, 5, 10, 11 }) {
				data.setPixel(x, y, 1);
			}
		}
		for (int x = 6; x <= 9; x++) {
			data.setPixel(x, 1, 1);
			data.setPixel(x, 2, 1);
		}
		data.setPixel(5, 2, 1);
		data.setPixel(10, 2, 1);
		// the body
		for (int y = 7; y <= 14; y++) {
			for (int x = 2; x <= 13; x++) {
				data.setPixel(x, y, 1);
			}
		}
		// the keyhole
		data.setPixel(7, 9, 2);
		data.setPixel(8, 9, 2);
		data.setPixel(7, 10, 2);
		data.setPixel(8, 10, 2);
		data.setPixel(7, 11, 2);
		data.setPixel(8, 11, 2);
		return new Image(display, data);
	}

	/** The standard lock: dark green. */
	public static Image create(Display display) {
		return create(display, new RGB(0x1e, 0x6b, 0x2e));
	}
}
