/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.SimpleContentProposalProvider;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.herald.api.Identity;
import org.herald.api.Settings;
import org.herald.api.StoredMessage;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxService;
import org.herald.messenger.Delivery;
import org.herald.messenger.DeliveryDiagnosis;
import org.herald.messenger.EncryptionPolicy;
import org.herald.messenger.MessageTemplate;
import org.herald.messenger.MessageTemplates;
import org.herald.messenger.Messenger;
import org.herald.messenger.TemplateFields;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.PeerChannel;
import org.herald.messenger.Recipient;
import org.herald.messenger.RecipientLists;
import org.herald.messenger.Sender;
import org.herald.messenger.ui.internal.DeliveryRows;
import org.herald.messenger.ui.internal.DiagnosisDialog;
import org.herald.messenger.ui.internal.WorkbenchPeers;
import org.herald.messenger.ui.internal.WorkspaceInbox;
import org.herald.messenger.ui.internal.ByteCount;
import org.herald.messenger.ui.internal.RecipientCodePages;
import org.herald.messenger.ui.internal.ListSuggestions;
import org.herald.messenger.ui.internal.ToField;
import org.herald.ui.ComposeRequest;
import org.herald.ui.EmptyState;
import org.herald.ui.HeraldEvents;
import org.herald.ui.Workers;
import org.herald.ui.RecipientSuggestions;

import org.osgi.service.event.EventHandler;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The composer: recipients with completion, the path, the text with its live byte count against
 * the protocol's limit, and after sending a delivery report per recipient (with the channel: encrypted
 * to Herald peers, plain to legacy peers). Sending runs off the UI thread and can be cancelled.
 */
public class ComposePart {

	/** The mailslot path's data limit (424 bytes) less the names and their NULs. */
	static final int MAILSLOT_DATA = 424;

	private static final String NO_TEMPLATE = "(no template)";

	@Inject
	@Optional
	@Service
	private Messenger messenger;

	@Inject
	@Service
	private Settings settings;

	@Inject
	@Optional
	@Service
	private InboxService inboxService;

	@Inject
	@Optional
	@Service
	private List<RecipientSuggestions> suggestionSources;

	private volatile DeliveryDiagnosis diagnosis;

	@Inject
	@Optional
	@Named("instanceLocation")
	private Location workspace;

	@Inject
	private IEventBroker events;

	private final EventHandler composeHandler = event -> {
		if (event.getProperty(IEventBroker.DATA) instanceof ComposeRequest request) {
			ui(() -> compose(request));
		}
	};

	private final ExecutorService worker = Workers.single("herald-compose");

	private Display display;
	private Text to;
	private Combo path;
	private Combo template;
	/** The template the text came from, whose fields are still to fill: {to} per recipient, the others by the user. */
	private MessageTemplate chosen;
	private Text text;
	private Label count;
	private Label status;
	private Button send;
	private Button urgent;
	private Button cancel;
	private ProgressBar progress;
	private Table report;
	private DeliveryRows rows;
	private Button why;
	private MenuItem whyItem;
	private SimpleContentProposalProvider proposals;
	private Future<?> sending;

	/** "Why didn't it arrive?" follows the diagnosis service: it comes and goes with its bundle. */
	@Inject
	void setDiagnosis(@Optional @Service DeliveryDiagnosis service) {
		diagnosis = service;
		if (display != null && why != null) {
			ui(this::updateWhy);
		}
	}

	@PostConstruct
	public void create(Composite parent) {
		display = parent.getDisplay();
		parent.setLayout(new GridLayout(1, false));
		if (messenger == null) {
			new EmptyState(parent, "Compose", "Sending needs Herald's messenger service, which this installation does not have.")
					.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
			return;
		}
		Composite head = new Composite(parent, SWT.NONE);
		head.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		GridLayout headLayout = new GridLayout(6, false);
		headLayout.marginWidth = 0;
		head.setLayout(headLayout);
		new Label(head, SWT.NONE).setText("&To:");
		to = new Text(head, SWT.BORDER | SWT.SINGLE);
		to.setMessage("names, addresses, ranges (198.51.100.10-20, a CIDR), /DOMAIN:WORKGROUP or @LIST");
		to.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		to.addModifyListener(e -> updateCount()); // the count depends on the recipients' code pages
		new Label(head, SWT.NONE).setText("Te&mplate:");
		template = new Combo(head, SWT.READ_ONLY);
		template.setItems(NO_TEMPLATE);
		template.select(0);
		template.addListener(SWT.FocusIn, e -> loadTemplates()); // herald templates may have added some
		template.addListener(SWT.Selection, e -> applyTemplate());
		new Label(head, SWT.NONE).setText("&Path:");
		path = new Combo(head, SWT.READ_ONLY);
		path.setItems("Auto", "Session (139/445)", "Mailslot (138)");
		path.select(0);
		path.addListener(SWT.Selection, e -> updateCount());
		proposals = new SimpleContentProposalProvider();
		proposals.setFiltering(true);
		ContentProposalAdapter assist = new ContentProposalAdapter(to, new TextContentAdapter(), proposals,
				KeyStroke.getInstance(SWT.CTRL, ' '), null);
		assist.setAutoActivationDelay(200);
		assist.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_REPLACE);
		to.addListener(SWT.FocusIn, e -> worker.execute(this::loadSuggestions)); // lists may have changed (herald lists)
		text = new Text(parent, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
		GridData textData = new GridData(SWT.FILL, SWT.FILL, true, true);
		textData.heightHint = 80;
		text.setLayoutData(textData);
		text.addModifyListener(e -> updateCount());
		Composite foot = new Composite(parent, SWT.NONE);
		foot.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		GridLayout footLayout = new GridLayout(6, false);
		footLayout.marginWidth = 0;
		foot.setLayout(footLayout);
		count = new Label(foot, SWT.NONE);
		count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		progress = new ProgressBar(foot, SWT.INDETERMINATE);
		progress.setVisible(false);
		status = new Label(foot, SWT.NONE);
		urgent = new Button(foot, SWT.CHECK);
		urgent.setText("&Urgent");
		urgent.setToolTipText("Herald peers show it on top and pop it up even in quiet mode; others get the text after 'URGENT: '");
		urgent.addListener(SWT.Selection, e -> updateCount());
		send = new Button(foot, SWT.PUSH);
		send.setText("&Send");
		send.addListener(SWT.Selection, e -> send());
		cancel = new Button(foot, SWT.PUSH);
		cancel.setText("Cancel");
		cancel.setEnabled(false);
		cancel.addListener(SWT.Selection, e -> cancel());
		report = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
		report.setHeaderVisible(true);
		report.setLinesVisible(true);
		GridData reportData = new GridData(SWT.FILL, SWT.FILL, true, true);
		reportData.heightHint = 70;
		report.setLayoutData(reportData);
		rows = new DeliveryRows(report);
		why = new Button(parent, SWT.PUSH);
		why.setText("&Why didn't it arrive?...");
		why.addListener(SWT.Selection, e -> diagnoseSelected());
		Menu menu = new Menu(report);
		whyItem = new MenuItem(menu, SWT.PUSH);
		whyItem.setText("Why didn't it arrive?...");
		whyItem.addListener(SWT.Selection, e -> diagnoseSelected());
		menu.addListener(SWT.Show, e -> updateWhy());
		report.setMenu(menu);
		report.addListener(SWT.Selection, e -> updateWhy());
		report.addListener(SWT.DefaultSelection, e -> diagnoseSelected());
		updateWhy();
		updateCount();
		loadTemplates();
		worker.execute(this::loadSuggestions);
		events.subscribe(HeraldEvents.COMPOSE, composeHandler);
	}

	/** The workspace's recipient lists ({@code @NAME}), or null without a workspace. */
	private RecipientLists lists() {
		return WorkspaceInbox.directory(workspace).map(RecipientLists::in).orElse(null);
	}

	/** Names the user may want: the workspace's lists, the suggestion services (the network browser), then recent senders. */
	private void loadSuggestions() {
		Set<String> names = new LinkedHashSet<>();
		RecipientLists lists = lists();
		if (lists != null) {
			names.addAll(new ListSuggestions(lists).suggestions());
		}
		if (suggestionSources != null) {
			for (RecipientSuggestions s : suggestionSources) {
				names.addAll(s.suggestions());
			}
		}
		try {
			var inbox = WorkspaceInbox.open(inboxService, workspace, settings.identity());
			if (inbox.isPresent()) {
				for (StoredMessage m : inbox.get().page(InboxQuery.all().withLimit(200)).messages()) {
					names.add(m.message().senderName());
				}
			}
		} catch (IOException e) {
			// no suggestions from the inbox
		}
		String[] all = names.toArray(String[]::new);
		ui(() -> proposals.setProposals(all));
	}

	private PathChoice pathChoice() {
		return switch (path.getSelectionIndex()) {
		case 1 -> PathChoice.SESSION;
		case 2 -> PathChoice.MAILSLOT;
		default -> PathChoice.AUTO;
		};
	}

	private int limit() {
		if (pathChoice() == PathChoice.MAILSLOT) {
			Identity id = settings.identity();
			return MAILSLOT_DATA - id.name().length() - 15 - 3; // from\0 to\0 text\0, a name of up to 15
		}
		return messenger.maxSessionText();
	}

	private void updateCount() {
		java.util.Set<java.nio.charset.Charset> codePages;
		try {
			codePages = RecipientCodePages.of(ToField.parse(to.getText(), lists()), messenger.codePages());
		} catch (IllegalArgumentException | java.io.UncheckedIOException e) {
			codePages = java.util.Set.of(messenger.oem()); // no recipient yet, or one being typed
		}
		// an urgent text goes to plain receivers after "URGENT: ", which counts against their limit
		String counted = (urgent != null && urgent.getSelection() ? OutgoingMessage.URGENT_PREFIX : "") + text.getText();
		ByteCount c = ByteCount.of(counted, codePages, limit());
		count.setText(c.toString());
		count.setForeground(c.fits() ? null : display.getSystemColor(SWT.COLOR_RED));
		count.getParent().layout();
	}

	/** Fills the composer, as a reply, a forward or "send a message" on a host asks. */
	void compose(ComposeRequest request) {
		if (to == null || to.isDisposed()) {
			return;
		}
		chosen = null;
		template.select(0);
		to.setText(request.recipients());
		text.setText(request.text());
		text.setSelection(0);
		(request.recipients().isBlank() ? to : text).setFocus();
	}

	/** The workspace's templates in the drop-down, after "(no template)"; the selection is kept. */
	void loadTemplates() {
		java.util.Optional<java.nio.file.Path> dir = WorkspaceInbox.directory(workspace);
		List<String> items = new ArrayList<>(List.of(NO_TEMPLATE));
		if (dir.isPresent()) {
			try {
				MessageTemplates.in(dir.get()).all().forEach(t -> items.add(t.name()));
			} catch (IOException e) {
				status.setText("Templates: " + e.getMessage());
			}
		}
		String selected = template.getText();
		template.setItems(items.toArray(String[]::new));
		template.select(Math.max(0, items.indexOf(selected)));
	}

	/** Fills the text from the template chosen: the built-in fields now, {to} per recipient when sending, the others left to the user. */
	private void applyTemplate() {
		chosen = null;
		java.util.Optional<java.nio.file.Path> dir = WorkspaceInbox.directory(workspace);
		if (template.getSelectionIndex() <= 0 || dir.isEmpty()) {
			return;
		}
		try {
			MessageTemplate t = MessageTemplates.in(dir.get()).get(template.getText());
			chosen = t;
			text.setText(t.fillKnown(TemplateFields.of(settings.identity(), java.time.Clock.systemDefaultZone())));
			List<String> open = unfilled(text.getText());
			status.setText(open.isEmpty() ? "" : "Fill in " + MessageTemplate.braces(open));
		} catch (IOException | IllegalArgumentException e) {
			status.setText("Template " + template.getText() + ": " + e.getMessage());
		}
		status.getParent().layout();
	}

	/** The chosen template's fields still in {@code current}, {to} aside. */
	private List<String> unfilled(String current) {
		if (chosen == null || current.isBlank()) {
			return List.of();
		}
		List<String> open = new ArrayList<>(new MessageTemplate("TEXT", current).fields());
		open.retainAll(chosen.fields());
		open.remove(TemplateFields.TO);
		return open;
	}

	/** The messages to send: one, or one per recipient when the text has the template's {to}. */
	private List<OutgoingMessage> messages(Identity identity, List<Recipient> recipients, String body) {
		boolean perRecipient = chosen != null && chosen.fields().contains(TemplateFields.TO)
				&& new MessageTemplate("TEXT", body).fields().contains(TemplateFields.TO);
		if (!perRecipient) {
			return List.of(new OutgoingMessage(identity.name(), recipients, body, pathChoice(), urgent.getSelection()));
		}
		MessageTemplate t = new MessageTemplate("TEXT", body);
		List<OutgoingMessage> each = new ArrayList<>();
		for (Recipient r : recipients) {
			each.add(new OutgoingMessage(identity.name(), List.of(r), t.fillKnown(java.util.Map.of(TemplateFields.TO, TemplateFields.to(r))),
					pathChoice(), urgent.getSelection()));
		}
		return each;
	}

	void send() {
		List<Recipient> recipients;
		try {
			recipients = ToField.parse(to.getText(), lists());
		} catch (IllegalArgumentException | java.io.UncheckedIOException e) {
			status.setText(e.getMessage());
			status.getParent().layout();
			return;
		}
		if (text.getText().isBlank()) {
			status.setText("The message is empty");
			status.getParent().layout();
			return;
		}
		List<String> open = unfilled(text.getText());
		if (!open.isEmpty()) {
			status.setText("Fill in " + MessageTemplate.braces(open) + " before sending");
			status.getParent().layout();
			return;
		}
		Identity identity = settings.identity();
		List<OutgoingMessage> messages;
		try {
			messages = messages(identity, recipients, text.getText());
		} catch (IllegalArgumentException e) {
			status.setText(e.getMessage());
			return;
		}
		report.removeAll();
		updateWhy();
		setSending(true);
		status.setText("Sending to " + recipients.size() + " recipient(s)...");
		status.getParent().layout();
		sending = worker.submit(() -> {
			try {
				Sender sender = sender(identity);
				List<Delivery> results = new ArrayList<>();
				for (OutgoingMessage message : messages) {
					results.addAll(sender.send(message));
				}
				ui(() -> showReport(results));
			} catch (InterruptedException e) {
				ui(() -> finish("Cancelled"));
			} catch (RuntimeException e) {
				ui(() -> finish("Not sent: " + e.getMessage()));
			}
		});
	}

	/** Encrypted to Herald peers as the workspace's policy says (Preferences &gt; Encryption), like {@code herald send}. */
	private Sender sender(Identity identity) {
		java.util.Optional<java.nio.file.Path> dir = WorkspaceInbox.directory(workspace);
		if (dir.isEmpty()) {
			return messenger.sender(identity);
		}
		return messenger.sender(identity, new PeerChannel(dir.get(), EncryptionPolicy.workspaceDefault(), WorkbenchPeers.port()));
	}

	private void cancel() {
		if (sending != null) {
			sending.cancel(true);
		}
	}

	/**
	 * Why the diagnosis of the selected row cannot run, or empty when it can: the service is there
	 * and the row is a failed delivery to one host.
	 */
	java.util.Optional<String> whyNot() {
		if (diagnosis == null) {
			return java.util.Optional.of("Diagnosis needs Herald's delivery diagnosis service (DeliveryDiagnosis, in org.herald.messenger),"
					+ " which this installation does not have");
		}
		TableItem[] selected = report.getSelection();
		if (selected.length == 0) {
			return java.util.Optional.of(report.getItemCount() == 0 ? "Send a message first: a failed line of the report can be diagnosed"
					: "Select a failed line of the report");
		}
		Delivery d = DeliveryRows.delivery(selected[0]);
		if (!d.failed()) {
			return java.util.Optional.of("This message arrived (or was sent without an answer): select a failed line");
		}
		if (DeliveryDiagnosis.targetOf(d).isEmpty()) {
			return java.util.Optional.of("A workgroup message goes to a group name, not one host: diagnose one of its hosts by name");
		}
		return java.util.Optional.empty();
	}

	private void updateWhy() {
		if (why == null || why.isDisposed()) {
			return;
		}
		java.util.Optional<String> not = whyNot();
		why.setEnabled(not.isEmpty());
		whyItem.setEnabled(not.isEmpty());
		String tip = not.orElse("Walk the path of a message to this recipient step by step, as herald diagnose does");
		why.setToolTipText(tip);
		whyItem.setToolTipText(tip);
	}

	/** Opens the diagnosis of the selected failed row; returns the dialog, or null when it cannot run ({@link #whyNot()}). */
	DiagnosisDialog diagnoseSelected() {
		java.util.Optional<String> not = whyNot();
		if (not.isPresent()) {
			status.setText(not.get());
			status.getParent().layout();
			return null;
		}
		String target = DeliveryDiagnosis.targetOf(DeliveryRows.delivery(report.getSelection()[0])).orElseThrow();
		DiagnosisDialog dialog = new DiagnosisDialog(report.getShell(), diagnosis, settings.identity(), target);
		dialog.open();
		return dialog;
	}

	private void showReport(List<Delivery> results) {
		int ok = 0;
		for (Delivery d : results) {
			rows.add(d);
			if (d.status() != Delivery.Status.FAILED) {
				ok++;
			}
		}
		for (int i = 0; i < results.size(); i++) {
			if (results.get(i).failed()) { // ready for "Why didn't it arrive?"
				report.setSelection(i);
				break;
			}
		}
		updateWhy();
		finish(ok + " of " + results.size() + " sent");
	}

	private void finish(String message) {
		setSending(false);
		status.setText(message);
		status.getParent().layout();
	}

	private void setSending(boolean on) {
		send.setEnabled(!on);
		cancel.setEnabled(on);
		progress.setVisible(on);
	}

	private void ui(Runnable r) {
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				if (report == null || !report.isDisposed()) {
					r.run();
				}
			});
		}
	}

	/** For tests. */
	Text toField() {
		return to;
	}

	Text textField() {
		return text;
	}

	Label countLabel() {
		return count;
	}

	Label statusLabel() {
		return status;
	}

	Table reportTable() {
		return report;
	}

	Button whyButton() {
		return why;
	}

	MenuItem whyMenuItem() {
		return whyItem;
	}

	DeliveryRows deliveryRows() {
		return rows;
	}

	Combo pathChooser() {
		return path;
	}

	Button urgentBox() {
		return urgent;
	}

	Combo templateChooser() {
		return template;
	}

	List<String> proposals() {
		return List.of(proposals.getProposals(to.getText(), to.getText().length())).stream().map(p -> p.getContent()).toList();
	}

	@PreDestroy
	public void dispose() {
		events.unsubscribe(composeHandler);
		worker.shutdown(); // no interrupts: a read of the store may be in progress
	}
}
