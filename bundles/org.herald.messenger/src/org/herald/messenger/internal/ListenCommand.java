/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.herald.api.Acceptance;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.api.ReceivedMessage;
import org.herald.api.SessionLimits;
import org.herald.api.StoredMessage;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxService;
import org.herald.messenger.CodePageStore;
import org.herald.messenger.CodePages;
import org.herald.messenger.DeliveryFallback;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.PortsInUseException;
import org.herald.messenger.Presence;
import org.herald.messenger.ReceiverStats;
import org.herald.netbios.NameResponderFactory;
import org.herald.netbios.NameService;
import org.herald.netbios.ResponderOptions;
import org.herald.netbios.datagram.DatagramService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code herald listen}: makes Herald present on the configured interfaces (name responder and
 * receivers), stores each message in the workspace's inbox and prints it, until stopped.
 */
@Component(service = CliCommand.class)
public final class ListenCommand implements CliCommand {

	private final NameService names;
	private final NameResponderFactory responders;
	private final InboxService inboxes;
	private final DatagramService datagrams;
	private final CodePageStore codePages;

	/** The outbox, when installed: a listening process retries what {@code send --queue} kept. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	volatile DeliveryFallback fallback;

	/**
	 * @param names      resolves names for nothing here, but the presence's sender side shares it
	 * @param responders starts the name responder; without it only NAME&lt;03&gt; counts as held and
	 *                   no name is registered
	 * @param inboxes    the inbox store; without one messages are only printed (and still acknowledged)
	 * @param datagrams  the process's datagram service (UDP 138)
	 * @param codePages  where the code pages are kept (the workspace's preferences in the product)
	 */
	@Activate
	public ListenCommand(@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) NameService names,
			@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) NameResponderFactory responders,
			@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) InboxService inboxes,
			@Reference DatagramService datagrams, @Reference CodePageStore codePages) {
		this.names = names;
		this.responders = responders;
		this.inboxes = inboxes;
		this.datagrams = datagrams;
		this.codePages = codePages;
	}

	private static final Options OPTIONS = new Options()
			.value("--ports", "S,D,G", "session, direct and datagram ports (default 139,445,138; 0 disables one)")
			.value("--name-port", "P", "the name service port (default 137)")
			.value("--oem", "CODEPAGE", "the default OEM code page for this run (otherwise the workspace's, CP850 unless set);"
					+ " rules per host, address and workgroup apply: herald charset")
			.value("--idle-timeout", "SEC", "close sessions silent or half-sent this long (default: the workspace's,"
					+ " herald inbox policy --idle-timeout; 30 unless set)")
			.value("--count", "N", "stop after N messages (stored or refused)")
			.value("--peer-port", "P", "Herald's encrypted peer service, TCP (default 1139; 0 disables it)");

	/** {@code SESSION,DIRECT,DATAGRAM}, e.g. {@code 139,445,138}; 0 disables one. */
	static MessengerPorts ports(String text) throws UsageException {
		String[] p = text.split(",", -1);
		if (p.length != 3) {
			throw new UsageException("--ports wants SESSION,DIRECT,DATAGRAM, e.g. 139,445,138, not '" + text + "'");
		}
		return new MessengerPorts(ParsedOptions.integer("--ports", p[0].strip(), 0, 65535), ParsedOptions.integer("--ports", p[1].strip(), 0, 65535),
				ParsedOptions.integer("--ports", p[2].strip(), 0, 65535));
	}

	@Override
	public String name() {
		return "listen";
	}

	@Override
	public String summary() {
		return "receive pop-up messages and print them as they arrive";
	}

	@Override
	public String usage() {
		return """
				usage: herald listen [options]
				Receives on the configured interfaces only: TCP 139 (session requests for our NAME<03>),
				TCP 445, UDP 138 (mailslot \\MAILSLOT\\MESSNGR, unicast and subnet broadcast).
				""" + OPTIONS.usageLines() + """

				Sessions open at once per address and in all: herald inbox policy --sessions-per-address, --sessions.
				Stops on Ctrl-C and prints the receivers' counters.""";
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		ParsedOptions o = OPTIONS.parse(args);
		if (!o.operands().isEmpty()) {
			throw new UsageException("unknown argument " + o.operands().get(0));
		}
		MessengerPorts ports = o.has("--ports") ? ports(o.string("--ports").orElseThrow()) : MessengerPorts.STANDARD;
		int namePort = o.integer("--name-port", 1, 65535, ResponderOptions.NAME_SERVICE_PORT);
		String oem = o.string("--oem").orElse(null);
		Integer idle = o.has("--idle-timeout") ? o.integer("--idle-timeout", 1, 3600, 0) : null;
		long count = o.has("--count") ? o.integer("--count", 1, Integer.MAX_VALUE, 0) : Long.MAX_VALUE;
		int peerPort = o.integer("--peer-port", 0, 65535, org.herald.peer.PeerService.DEFAULT_PORT);
		String override = oem;
		SendCommand.withDefault(codePages.load(), override); // a bad --oem is a usage error now, not at the first message
		Identity identity = context.identity();
		if (identity.interfaces().isEmpty()) {
			throw new UsageException("no interfaces configured (--interfaces IP/PREFIX)");
		}
		MessengerService messenger = new MessengerService(names, responders, datagrams, ports, ResponderOptions.defaults().withPort(namePort),
				() -> withDefault(codePages.load(), override), idle == null ? null : Duration.ofSeconds(idle));
		Inbox store = inboxes != null ? inboxes.open(context.workspace(), identity) : null;
		Supplier<SessionLimits> limits = store == null ? () -> SessionLimits.DEFAULTS : () -> {
			try {
				return store.policy().settings().sessions();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		};
		PrintingSink sink = new PrintingSink(store, context.out());
		// the peer service first: once our names answer, a Herald that looks us up finds it (a sender that
		// probed the peer port in between would take us for a legacy host and send plain for a while)
		AutoCloseable peers;
		try {
			peers = ListenPeers.start(identity, peerPort, context, sink);
		} catch (IOException e) {
			sink.close();
			context.err().println("herald listen: " + e.getMessage());
			return 1;
		}
		Presence presence;
		try {
			synchronized (context.out()) { // the first message is printed after this line
				presence = messenger.join(identity, sink, event -> {
					synchronized (context.out()) {
						context.out().println("name: " + event);
						context.out().flush();
					}
				}, limits);
				context.out().printf("listening as %s in %s on %s (tcp %d/%d, udp %d)%s%n", identity.messengerName(), identity.workgroup(),
						identity.interfaces().stream().map(BindInterface::toString).toList(), ports.session(), ports.direct(),
						ports.datagram(), store == null ? "; no inbox: messages are printed, not stored"
								: "; storing in the inbox of " + context.workspace());
				SessionLimits l = limits.get();
				context.out().printf("sessions: %d at once per address, %d in all, closed after %d s idle or half-sent%n", l.perAddress(),
						l.total(), idle != null ? idle : l.idleTimeout().toSeconds());
				context.out().flush();
			}
		} catch (PortsInUseException e) {
			peers.close();
			sink.close();
			context.err().println("herald listen: " + e.getMessage());
			return 1;
		}
		DeliveryFallback f = fallback;
		AutoCloseable retries = f == null ? () -> {
		} : f.retryWhileRunning(context.workspace());
		try {
			sink.awaitCount(count, context);
		} finally {
			retries.close();
			peers.close();
			presence.close(); // waits for requests in progress: they are answered; releases the names
			sink.close(); // then prints the last of them
		}
		ReceiverStats s = presence.stats();
		context.out().printf("stopped: %d stored, %d refused by the spam policy, %d not stored (store failed), %d malformed, "
				+ "%d sessions refused, %d other commands, %d datagrams ignored, %d connections, %d closed over the per-address limit, "
				+ "%d over the limit in all, %d idle timeouts%n", s.stored(), s.refusedByPolicy(), s.sinkFailures(), s.malformed(),
				s.refusedSessions(), s.rejectedCommands(), s.ignoredDatagrams(), s.connections(), s.limitedConnections(),
				s.droppedConnections(), s.idleTimeouts());
		context.out().flush();
		return 0;
	}

	private static CodePages withDefault(CodePages pages, String oem) {
		try {
			return SendCommand.withDefault(pages, oem);
		} catch (UsageException e) {
			throw new IllegalStateException(e); // checked before the receivers started
		}
	}

	/** Hands each message to the store (if any), then to the printer: the sender's answer does not wait for the output. */
	static final class PrintingSink implements MessageSink, AutoCloseable {
		private static final String NL = System.lineSeparator();
		private final MessageSink store;
		private final MessagePrinter printer;
		private final AtomicLong seen = new AtomicLong();

		PrintingSink(MessageSink store, PrintStream out) {
			this.store = store;
			this.printer = new MessagePrinter(out);
		}

		@Override
		public Acceptance accept(ReceivedMessage m) throws IOException {
			Acceptance a = store != null ? store.accept(m) : Acceptance.stored(new StoredMessage(seen.incrementAndGet(), m, false));
			printer.print(switch (a) {
			case Acceptance.Stored s -> format(m);
			case Acceptance.Refused r -> refusal(m, r.reason());
			});
			return a;
		}

		/**
		 * {@code [time] refused PATH from SENDER (address): REASON}: nothing was stored; on the session
		 * path the sender was told.
		 */
		static String refusal(ReceivedMessage m, Acceptance.Refusal reason) {
			return "[" + m.received() + "] refused " + m.path().name().toLowerCase(java.util.Locale.ROOT) + " from " + m.senderName() + " ("
					+ m.senderAddress().getHostAddress() + "): " + reason.label() + NL;
		}

		/** {@code [time] path from SENDER (address) to RECIPIENT [flags]}, then each line of the text indented. */
		static String format(ReceivedMessage m) {
			StringBuilder b = new StringBuilder(96 + m.text().length());
			b.append('[').append(m.received()).append("] ").append(m.path().name().toLowerCase(java.util.Locale.ROOT)).append(" from ")
					.append(m.senderName()).append(" (").append(m.senderAddress().getHostAddress()).append(") to ").append(m.recipientName());
			if (!m.flags().isEmpty()) {
				b.append(' ').append(m.flags());
			}
			b.append(NL);
			for (String line : m.text().split("\n", -1)) {
				b.append("  ").append(line).append(NL);
			}
			return b.toString();
		}

		/** Waits until {@code count} messages were printed or the user asked to stop. */
		void awaitCount(long count, CommandContext context) throws InterruptedException {
			printer.awaitCount(count, context::stopRequested);
		}

		/** Prints what is still queued. */
		@Override
		public void close() {
			printer.close();
		}
	}
}
