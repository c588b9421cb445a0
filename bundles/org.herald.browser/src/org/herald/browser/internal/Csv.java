/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.util.List;

/** CSV lines (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled. */
public final class Csv {

	private Csv() {
	}

	public static String line(List<?> fields) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			String f = fields.get(i) == null ? "" : String.valueOf(fields.get(i));
			if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
				sb.append('"').append(f.replace("\"", "\"\"")).append('"');
			} else {
				sb.append(f);
			}
		}
		return sb.toString();
	}
}
