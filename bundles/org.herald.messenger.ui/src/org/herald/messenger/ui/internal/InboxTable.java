/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.herald.api.StoredMessage;

/**
 * A table that shows an {@link InboxWindow} of any size: it holds only the rows that fit (a virtual
 * table filled from the window), and a slider beside it scrolls through all of them. GTK builds a row
 * of its own for every item a table is given (7 µs each on the UI thread, 11 s for a million, and
 * 110 MB), so the table never gets more items than it can show. The wheel, the arrow and page keys,
 * Home and End (with or without Ctrl) and the slider move the window. The selection is kept by message
 * id, so it survives scrolling and reading the rows again.
 */
public final class InboxTable {

	private final Composite box;
	private final Table table;
	private final Slider slider;
	private final BiConsumer<TableItem, StoredMessage> painter;
	private final InboxTrace trace;
	private InboxWindow window;
	/** The row shown first, and the one asked for (more than there are rows until they are counted). */
	private int top;
	private int requestedTop;
	/** The rows that fit when the table was last filled, and whether a check of that is queued. */
	private int fitShown;
	private boolean fitCheckQueued;
	/** The window's {@link InboxWindow#prepended()} when the table last looked. */
	private long arrivalsSeen;
	/** The row with the keyboard focus, and the one a Shift selection extends from. */
	private int focus = -1;
	private int anchor = -1;
	/** The row Home/End or a key moved to before its page was read: selected once it is. */
	private int pendingSelect = -1;
	private final Map<Long, StoredMessage> selected = new LinkedHashMap<>();
	private Listener selectionListener = e -> {
	};

	/** Creates the table and its slider in {@code parent}; {@code painter} fills an item from a message. */
	public InboxTable(Composite parent, BiConsumer<TableItem, StoredMessage> painter, InboxTrace trace) {
		this.painter = painter;
		this.trace = trace;
		box = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(2, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.horizontalSpacing = 0;
		box.setLayout(layout);
		table = new Table(box, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		slider = new Slider(box, SWT.VERTICAL);
		slider.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
		slider.addListener(SWT.Selection, e -> scrollTo(slider.getSelection()));
		table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
		table.addListener(SWT.Resize, e -> refresh());
		// the rows' height changes without a resize once GTK has measured what they show (a bold font, the
		// key column's image, the header): how many rows fit is checked again once they are drawn
		table.addListener(SWT.Paint, e -> checkFitLater());
		table.addListener(SWT.MouseVerticalWheel, e -> {
			e.doit = false;
			scrollTo(top - e.count);
		});
		table.addListener(SWT.KeyDown, this::key);
		table.addListener(SWT.Selection, this::clicked);
	}

	public Composite control() {
		return box;
	}

	public Table table() {
		return table;
	}

	public Slider slider() {
		return slider;
	}

	/** Called after the selection changed (the event's item is not set). */
	public void onSelection(Listener listener) {
		this.selectionListener = listener;
	}

	/**
	 * Shows {@code rows} from {@code fromRow} on (as far as it has rows: further once they are counted);
	 * with {@code keepSelection} the messages selected stay selected, else nothing is.
	 */
	public void show(InboxWindow rows, int fromRow, boolean keepSelection) {
		long t0 = System.nanoTime();
		int before = table.getItemCount();
		window = rows;
		arrivalsSeen = rows == null ? 0 : rows.prepended();
		requestedTop = Math.max(0, fromRow);
		focus = -1;
		anchor = -1;
		pendingSelect = -1;
		if (!keepSelection) {
			selected.clear();
		}
		refresh();
		trace.log("table rows %d -> %d in %d ms", before, table.getItemCount(), (System.nanoTime() - t0) / 1_000_000);
	}

	public InboxWindow window() {
		return window;
	}

	/** The first row shown. */
	public int top() {
		return top;
	}

	/** How many rows fit (the table's items). */
	public int visibleRows() {
		int itemHeight = Math.max(1, table.getItemHeight());
		Rectangle area = table.getClientArea();
		int header = table.getHeaderVisible() ? table.getHeaderHeight() : 0;
		return Math.max(1, (area.height - header) / itemHeight);
	}

	/** The window changed (rows read, counted, arrived): shows what it has now. */
	public void refresh() {
		if (table.isDisposed()) {
			return;
		}
		followArrivals();
		int total = window == null ? 0 : window.size();
		int fit = visibleRows();
		fitShown = fit;
		top = Math.max(0, Math.min(requestedTop, total - fit));
		int count = Math.max(0, Math.min(fit, total - top));
		if (table.getItemCount() != count) {
			table.setItemCount(count);
		}
		table.clearAll();
		slider.setValues(top, 0, Math.max(1, total), Math.max(1, Math.min(fit, Math.max(1, total))), 1, Math.max(1, fit - 1));
		slider.setEnabled(total > fit);
		if (window != null && count > 0) {
			window.show(top, top + count - 1);
		}
		syncSelection();
	}

	/**
	 * Messages that came on top since the table last looked keep the rows in view where they are, unless
	 * at the top, and the focus on its message. Looked at on every refresh, whatever caused it: the rows
	 * move the moment the table first shows them moved, so a scroll asked for since is not moved again.
	 */
	private boolean followArrivals() {
		if (window == null) {
			return false;
		}
		long now = window.prepended();
		int rows = (int) Math.min(Integer.MAX_VALUE, now - arrivalsSeen);
		arrivalsSeen = now;
		if (rows <= 0) {
			return false;
		}
		if (top > 0) {
			top += rows;
			requestedTop = top;
		}
		if (focus >= 0) {
			focus += rows;
		}
		if (anchor >= 0) {
			anchor += rows;
		}
		if (pendingSelect >= 0) {
			pendingSelect += rows;
		}
		return true;
	}

	/** Before a scroll or a key: rows that came on top move what is in view first, so the scroll is from there. */
	private void catchUp() {
		if (followArrivals()) {
			refresh();
		}
	}

	/** Scrolls so that {@code row} is the first row shown. */
	public void scrollTo(int row) {
		catchUp();
		int total = window == null ? 0 : window.size();
		int next = Math.max(0, Math.min(row, total - visibleRows()));
		requestedTop = next;
		if (next != top) {
			refresh();
		} else if (slider.getSelection() != top) {
			slider.setSelection(top);
		}
	}

	private void checkFitLater() {
		if (fitCheckQueued) {
			return;
		}
		fitCheckQueued = true;
		table.getDisplay().asyncExec(() -> {
			fitCheckQueued = false;
			if (!table.isDisposed() && visibleRows() != fitShown) {
				refresh();
			}
		});
	}

	private void fill(TableItem item, int index) {
		int row = top + index;
		StoredMessage m = window == null ? null : window.at(row);
		if (m == null) {
			item.setData(null); // its page is being read: the table is filled again when it is
			return;
		}
		painter.accept(item, m);
		item.setData(m);
		checkFitLater();
		if (trace.shown(row)) {
			table.getDisplay().asyncExec(trace::flushShown);
		}
	}

	/** Selects in the table the items whose messages are selected. */
	private void syncSelection() {
		if (window == null) {
			return;
		}
		if (pendingSelect >= 0 && window.at(pendingSelect) != null) {
			StoredMessage m = window.at(pendingSelect);
			selected.clear();
			selected.put(m.id(), m);
			pendingSelect = -1;
			selectionListener.handleEvent(new Event());
		}
		List<Integer> indices = new ArrayList<>();
		for (int i = 0; i < table.getItemCount(); i++) {
			StoredMessage m = window.at(top + i);
			if (m != null && selected.containsKey(m.id())) {
				selected.put(m.id(), m); // its newest state (read mark)
				indices.add(i);
			}
		}
		table.deselectAll();
		table.select(indices.stream().mapToInt(Integer::intValue).toArray());
	}

	/** Drops deleted messages from the selection. */
	public void forget(List<Long> ids) {
		ids.forEach(selected::remove);
	}

	/** The selected messages, including those scrolled out of view, in the order they were selected. */
	public List<StoredMessage> selection() {
		return List.copyOf(selected.values());
	}

	/** Selects the message of {@code row} alone and shows it (for the keyboard, and tests). */
	public void select(int row) {
		moveFocus(row, false);
	}

	private void clicked(Event e) {
		int[] indices = table.getSelectionIndices();
		boolean add = (e.stateMask & (SWT.MOD1 | SWT.MOD2)) != 0;
		if (!add) {
			selected.clear();
		} else {
			for (int i = 0; i < table.getItemCount(); i++) {
				StoredMessage m = window == null ? null : window.at(top + i);
				if (m != null) {
					selected.remove(m.id());
				}
			}
		}
		for (int i : indices) {
			StoredMessage m = window == null ? null : window.at(top + i);
			if (m != null) {
				selected.put(m.id(), m);
			}
		}
		int clicked = e.item instanceof TableItem item ? table.indexOf(item) : indices.length > 0 ? indices[0] : -1;
		if (clicked >= 0) {
			focus = top + clicked;
			if ((e.stateMask & SWT.MOD2) == 0) {
				anchor = focus;
			}
		}
		pendingSelect = -1;
		selectionListener.handleEvent(new Event());
	}

	private void key(Event e) {
		catchUp();
		int fit = visibleRows();
		int total = window == null ? 0 : window.size();
		int from = focus >= 0 ? focus : top;
		int to = switch (e.keyCode) {
		case SWT.ARROW_DOWN -> from + 1;
		case SWT.ARROW_UP -> from - 1;
		case SWT.PAGE_DOWN -> from + fit - 1;
		case SWT.PAGE_UP -> from - fit + 1;
		case SWT.HOME -> 0;
		case SWT.END -> total - 1;
		default -> Integer.MIN_VALUE;
		};
		if (to == Integer.MIN_VALUE || total == 0) {
			return;
		}
		e.doit = false;
		moveFocus(Math.max(0, Math.min(total - 1, to)), (e.stateMask & SWT.MOD2) != 0);
	}

	private void moveFocus(int row, boolean extend) {
		catchUp();
		int fit = visibleRows();
		focus = row;
		if (row < top) {
			requestedTop = row;
		} else if (row >= top + fit) {
			requestedTop = row - fit + 1;
		} else {
			requestedTop = top;
		}
		if (!extend || anchor < 0) {
			anchor = row;
			selected.clear();
			StoredMessage m = window == null ? null : window.at(row);
			if (m != null) {
				selected.put(m.id(), m);
			} else {
				pendingSelect = row;
			}
		} else {
			// a Shift range reaches the rows whose pages are held
			for (int r = Math.min(anchor, row); r <= Math.max(anchor, row); r++) {
				StoredMessage m = window.at(r);
				if (m != null) {
					selected.put(m.id(), m);
				}
			}
		}
		refresh();
		selectionListener.handleEvent(new Event());
	}
}
