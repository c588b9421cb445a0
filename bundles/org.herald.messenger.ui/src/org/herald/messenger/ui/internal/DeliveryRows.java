/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.herald.messenger.Delivery;
import org.herald.messenger.Delivery.FailureReason;

/**
 * The composer's delivery report: one row per recipient, with the channel it took: encrypted
 * (the lock mark), plain because the host is a legacy peer, or refused because the pinned key
 * changed. Owns the lock image; dispose with the table.
 */
public final class DeliveryRows {

	public static final int RECIPIENT = 0, ADDRESS = 1, PATH = 2, RESULT = 3, CHANNEL = 4, DETAIL = 5;
	private static final String[] NAMES = { "Recipient", "Address", "Path", "Result", "Channel", "Detail" };
	private static final int[] WIDTHS = { 140, 110, 70, 130, 200, 260 };

	private final Table table;
	private final Image lock;

	public DeliveryRows(Table table) {
		this.table = table;
		this.lock = LockIcon.create(table.getDisplay());
		for (int i = 0; i < NAMES.length; i++) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(NAMES[i]);
			c.setWidth(WIDTHS[i]);
		}
		table.addListener(SWT.Dispose, e -> lock.dispose());
	}

	/** Adds the row of {@code d}. */
	public void add(Delivery d) {
		TableItem item = new TableItem(table, SWT.NONE);
		item.setData(d);
		String result = switch (d.status()) {
		case DELIVERED -> "delivered";
		case SENT_UNCONFIRMED -> "sent, unconfirmed";
		case FAILED -> "failed: " + d.reason().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse("");
		};
		String path = d.channel() == Delivery.Channel.PEER ? "peer" : d.path().map(p -> p.name().toLowerCase(Locale.ROOT)).orElse("");
		item.setText(new String[] { d.recipient(), d.address().map(a -> a.getHostAddress()).orElse(""), path, result, channel(d), d.detail() });
		item.setForeground(RESULT, table.getDisplay().getSystemColor(switch (d.status()) {
		case DELIVERED -> SWT.COLOR_DARK_GREEN;
		case SENT_UNCONFIRMED -> SWT.COLOR_DARK_YELLOW;
		case FAILED -> SWT.COLOR_RED;
		}));
		if (d.encrypted()) {
			item.setImage(CHANNEL, lock);
		} else if (d.reason().filter(r -> r == FailureReason.KEY_CHANGED || r == FailureReason.NOT_A_PEER).isPresent()) {
			item.setForeground(CHANNEL, table.getDisplay().getSystemColor(SWT.COLOR_RED));
		}
	}

	/** The delivery a row shows. */
	public static Delivery delivery(TableItem item) {
		return (Delivery) item.getData();
	}

	/** The channel column's words. */
	public static String channel(Delivery d) {
		if (d.encrypted()) {
			return "encrypted";
		}
		if (d.reason().filter(r -> r == FailureReason.KEY_CHANGED).isPresent()) {
			return "refused: pinned key changed";
		}
		if (d.reason().filter(r -> r == FailureReason.NOT_A_PEER).isPresent()) {
			return "refused: encryption required";
		}
		return d.channel() == Delivery.Channel.LEGACY ? "plain because legacy peer" : "plain";
	}

	/** For tests: the lock mark the rows show. */
	public Image lock() {
		return lock;
	}
}
