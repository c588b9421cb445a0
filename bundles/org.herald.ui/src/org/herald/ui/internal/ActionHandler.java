/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.herald.ui.ComposeRequest;
import org.herald.ui.HeraldEvents;

/**
 * The toolbar's and menus' actions: each sends its topic of {@link HeraldEvents}, and the part
 * that offers the action does it. One subclass per command of Application.e4xmi.
 */
public abstract class ActionHandler {

	private final String topic;
	private final Object data;

	ActionHandler(String topic, Object data) {
		this.topic = topic;
		this.data = data;
	}

	@Execute
	public void execute(IEventBroker events) {
		events.send(topic, data);
	}

	/** Message &gt; Compose: a new, empty message. */
	public static final class Compose extends ActionHandler {
		public Compose() {
			super(HeraldEvents.COMPOSE, new ComposeRequest("", ""));
		}
	}

	/** Message &gt; Reply to the selected message. */
	public static final class Reply extends ActionHandler {
		public Reply() {
			super(HeraldEvents.REPLY, "");
		}
	}

	/** Network &gt; Scan range. */
	public static final class Scan extends ActionHandler {
		public Scan() {
			super(HeraldEvents.SCAN, "");
		}
	}

	/** Network &gt; Refresh. */
	public static final class Refresh extends ActionHandler {
		public Refresh() {
			super(HeraldEvents.REFRESH, "");
		}
	}

	/** Network &gt; Check exposure. */
	public static final class CheckExposure extends ActionHandler {
		public CheckExposure() {
			super(HeraldEvents.CHECK_EXPOSURE, "");
		}
	}
}
