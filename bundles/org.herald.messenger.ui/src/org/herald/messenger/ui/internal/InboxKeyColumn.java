/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.herald.api.MessageFlag;
import org.herald.api.ReceivedMessage;
import org.herald.messenger.ui.internal.SenderKeys.State;

/**
 * The inbox's "Key" column, shown after the sender: whether an encrypted message's sender key is
 * verified, unverified (pinned on first use) or changed (quarantined); and the lock mark before the
 * sender's name. Owns the lock image; it is disposed with the table.
 */
public final class InboxKeyColumn {

	private final int index;
	private final Image lock;
	private final Optional<SenderKeys> keys;

	/** Adds the column at the end of {@code table}. */
	public InboxKeyColumn(Table table, Optional<SenderKeys> keys) {
		TableColumn column = new TableColumn(table, SWT.LEFT);
		column.setText("Key");
		column.setWidth(110);
		column.setToolTipText("Encrypted messages from Herald peers carry the lock; verified means the fingerprints were compared");
		this.index = table.getColumnCount() - 1;
		// shown right after the sender, whatever its index (other code keeps the indices it knows)
		int[] order = table.getColumnOrder();
		int[] shown = new int[order.length];
		for (int i = 0, j = 0; i < order.length; i++) {
			if (order[i] != index) {
				shown[j++] = order[i];
				if (j == 1) {
					shown[j++] = index;
				}
			}
		}
		table.setColumnOrder(shown);
		this.lock = LockIcon.create(table.getDisplay());
		this.keys = keys;
		table.addListener(SWT.Dispose, e -> lock.dispose());
	}

	/** Fills the column of {@code item} for {@code m}. */
	public void show(TableItem item, ReceivedMessage m) {
		State state = state(m);
		// the lock goes before the sender: GTK leaves images out of a column moved by setColumnOrder
		item.setImage(0, state == State.NONE ? null : lock);
		item.setText(index, text(state));
		item.setForeground(index, state == State.CHANGED ? item.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
	}

	public State state(ReceivedMessage m) {
		boolean encrypted = m.flags().contains(MessageFlag.ENCRYPTED);
		return keys.map(k -> k.of(m.senderName(), encrypted)).orElse(encrypted ? State.UNVERIFIED : State.NONE);
	}

	public static String text(State state) {
		return switch (state) {
		case NONE -> "";
		case VERIFIED -> "verified";
		case UNVERIFIED -> "unverified";
		case CHANGED -> "key changed!";
		};
	}

	public int index() {
		return index;
	}

	public Image lock() {
		return lock;
	}
}
