/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.workbench;

/**
 * The element ids of Herald's application model that are part of its API. An extension's
 * {@code fragment.e4xmi} names a stack as {@code parentElementId}, e.g. {@link #NETWORK_STACK} to
 * stand beside the Network view; Java code finds parts and runs commands by these ids through
 * {@code EModelService} and {@code ECommandService}. Every id here names an element of the running
 * workbench's model (a test checks it); ids not listed here may change between releases.
 */
public final class WorkbenchIds {

	/** The stack above left: the inbox. */
	public static final String INBOX_STACK = "org.herald.ui.stack.inbox";
	/** The stack below left: the composer. */
	public static final String COMPOSE_STACK = "org.herald.ui.stack.compose";
	/** The stack on the right: the host browser and the exposure checker; extensions' views go here. */
	public static final String NETWORK_STACK = "org.herald.ui.stack.network";

	/** The perspective that holds the three stacks. */
	public static final String MAIN_PERSPECTIVE = "org.herald.ui.perspective.main";

	/** The inbox part. */
	public static final String INBOX_PART = "org.herald.messenger.ui.inbox";
	/** The composer part. */
	public static final String COMPOSE_PART = "org.herald.messenger.ui.compose";
	/** The host browser part (workgroups and their hosts). */
	public static final String NETWORK_PART = "org.herald.network.ui.network";
	/** The firewall-exposure checker part. */
	public static final String EXPOSURE_PART = "org.herald.network.ui.exposure";

	/** The main menu's Message menu, for menu contributions. */
	public static final String MESSAGE_MENU = "org.herald.ui.menu.message";
	/** The main menu's Network menu. */
	public static final String NETWORK_MENU = "org.herald.ui.menu.network";
	/** The main menu's Window menu. */
	public static final String WINDOW_MENU = "org.herald.ui.menu.window";
	/** The main menu's Help menu. */
	public static final String HELP_MENU = "org.herald.ui.menu.help";
	/** The window's toolbar. */
	public static final String MAIN_TOOLBAR = "org.herald.ui.toolbar.main";

	/** Opens the composer (Ctrl+N). */
	public static final String COMPOSE_COMMAND = "org.herald.ui.command.compose";
	/** Replies to the selected message (Ctrl+R). */
	public static final String REPLY_COMMAND = "org.herald.ui.command.reply";
	/** Refreshes the active view (F5). */
	public static final String REFRESH_COMMAND = "org.herald.ui.command.refresh";
	/** Scans the network (Ctrl+Shift+S). */
	public static final String SCAN_COMMAND = "org.herald.ui.command.scan";
	/** Checks the firewall exposure (Ctrl+Shift+E). */
	public static final String EXPOSURE_COMMAND = "org.herald.ui.command.exposure";
	/** Opens Preferences, where extensions' preference pages appear. */
	public static final String PREFERENCES_COMMAND = "org.herald.ui.command.preferences";

	private WorkbenchIds() {
	}
}
