/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.herald.api.MessageFlag;
import org.herald.api.ReceivedMessage;

/**
 * The WinPopup-style window for one new message: who sent it, when, the text, Reply and Close.
 * Urgent messages stay on top of other windows.
 */
public final class ArrivalPopup {

	private final Shell shell;

	/**
	 * @param stack how many pop-ups are open already: each new one stands a little higher
	 * @param reply what Reply does (the popup closes itself afterwards)
	 */
	public ArrivalPopup(Display display, ReceivedMessage m, int stack, Runnable reply) {
		boolean urgent = m.flags().contains(MessageFlag.URGENT);
		shell = new Shell(display, SWT.DIALOG_TRIM | (urgent ? SWT.ON_TOP : SWT.NONE));
		shell.setText((urgent ? "Urgent message from " : "Message from ") + m.senderName());
		shell.setLayout(new GridLayout(1, false));
		Label header = new Label(shell, SWT.WRAP);
		header.setText((urgent ? "Urgent message from " : "Message from ") + MessageText.sender(m) + " to " + m.recipientName() + " on " + MessageText.time(m));
		header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		Text text = new Text(shell, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
		text.setText(m.text());
		GridData textData = new GridData(SWT.FILL, SWT.FILL, true, true);
		textData.widthHint = 380;
		textData.heightHint = 140;
		text.setLayoutData(textData);
		Composite buttons = new Composite(shell, SWT.NONE);
		buttons.setLayout(new GridLayout(2, true));
		buttons.setLayoutData(new GridData(SWT.END, SWT.BOTTOM, false, false));
		Button replyButton = new Button(buttons, SWT.PUSH);
		replyButton.setText("&Reply");
		replyButton.addListener(SWT.Selection, e -> {
			reply.run();
			shell.close();
		});
		Button close = new Button(buttons, SWT.PUSH);
		close.setText("&Close");
		close.addListener(SWT.Selection, e -> shell.close());
		shell.setDefaultButton(close);
		shell.pack();
		Rectangle area = display.getPrimaryMonitor().getClientArea();
		var size = shell.getSize();
		int offset = 24 * (stack % 8);
		shell.setLocation(area.x + area.width - size.x - 16 - offset, area.y + area.height - size.y - 16 - offset);
	}

	public void open() {
		shell.open();
	}

	public Shell shell() {
		return shell;
	}
}
