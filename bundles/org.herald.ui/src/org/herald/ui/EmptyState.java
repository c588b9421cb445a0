/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The face of a part that has nothing to show yet: a title and one sentence that says why and what
 * to do. Never fake data.
 */
public final class EmptyState extends Composite {

	private final Label title;
	private final Label text;
	private final Font titleFont;

	public EmptyState(Composite parent, String titleText, String explanation) {
		super(parent, SWT.NONE);
		setLayout(new GridLayout(1, false));
		title = new Label(this, SWT.CENTER);
		FontData[] data = title.getFont().getFontData();
		for (FontData d : data) {
			d.setHeight(d.getHeight() + 3);
			d.setStyle(SWT.BOLD);
		}
		titleFont = new Font(getDisplay(), data);
		title.setFont(titleFont);
		title.setLayoutData(new GridData(SWT.CENTER, SWT.END, true, true));
		text = new Label(this, SWT.CENTER | SWT.WRAP);
		GridData textData = new GridData(SWT.CENTER, SWT.BEGINNING, true, true);
		textData.widthHint = 360;
		text.setLayoutData(textData);
		setText(titleText, explanation);
		addDisposeListener(e -> titleFont.dispose());
	}

	public void setText(String titleText, String explanation) {
		title.setText(titleText);
		text.setText(explanation);
		layout(true);
	}

	public String getTitle() {
		return title.getText();
	}

	public String getExplanation() {
		return text.getText();
	}
}
