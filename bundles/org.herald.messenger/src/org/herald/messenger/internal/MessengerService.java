/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.api.NetbiosName;
import org.herald.api.SessionLimits;
import org.herald.messenger.CodePages;
import org.herald.messenger.HeldNames;
import org.herald.messenger.Messenger;
import org.herald.messenger.CodePageStore;
import org.herald.messenger.NameResolver;
import org.herald.messenger.PeerChannel;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.PortsInUseException;
import org.herald.messenger.Presence;
import org.herald.messenger.ReceiverStats;
import org.herald.messenger.Sender;
import org.herald.messenger.wire.MessageCharset;
import org.herald.netbios.NameEvent;
import org.herald.netbios.NameResponder;
import org.herald.netbios.NameResponderFactory;
import org.herald.netbios.NameService;
import org.herald.netbios.NameTableEntry;
import org.herald.netbios.ResponderOptions;
import org.herald.netbios.datagram.DatagramService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The messenger service: senders per identity, and presence (responder + receivers) per identity. */
@Component(service = Messenger.class)
public final class MessengerService implements Messenger {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
	static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
	static final int MAX_CONCURRENT = 64;

	private final NameService names;
	private final NameResponderFactory responders;
	private final DatagramService datagrams;
	private final MessengerPorts ports;
	private final ResponderOptions responderOptions;
	private final java.util.function.Supplier<CodePages> pages;
	private final Duration idleTimeout;

	@Activate
	public MessengerService(
			@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) NameService names,
			@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) NameResponderFactory responders,
			@Reference DatagramService datagrams, @Reference CodePageStore codePages) {
		this(names, responders, datagrams, MessengerPorts.STANDARD, ResponderOptions.defaults(), codePages::load, null);
	}

	/**
	 * With other ports (tests without a real peer), one OEM code page for all, or another idle
	 * timeout; the mailslot receiver on {@code datagrams}, the process's datagram service.
	 */
	public MessengerService(NameService names, NameResponderFactory responders, DatagramService datagrams, MessengerPorts ports,
			ResponderOptions responderOptions, MessageCharset charset, Duration idleTimeout) {
		this(names, responders, datagrams, ports, responderOptions, () -> CodePages.of(charset.oem()), idleTimeout);
	}

	/**
	 * With other ports, code pages or idle timeout (herald listen).
	 *
	 * @param pages       the code pages in effect, asked for each message
	 * @param idleTimeout replaces the idle timeout of the session limits given to {@link #join}; null keeps theirs
	 */
	public MessengerService(NameService names, NameResponderFactory responders, DatagramService datagrams, MessengerPorts ports,
			ResponderOptions responderOptions, java.util.function.Supplier<CodePages> pages, Duration idleTimeout) {
		this.names = names;
		this.responders = responders;
		this.datagrams = datagrams;
		this.ports = ports;
		this.responderOptions = responderOptions;
		this.pages = pages;
		this.idleTimeout = idleTimeout;
	}

	@Override
	public Sender sender(Identity identity) {
		if (identity.interfaces().isEmpty()) {
			throw new IllegalArgumentException("no interfaces configured: Herald sends only from configured interfaces");
		}
		// a name service client per send: its sockets live as long as the send
		return message -> {
			PeerCharsets charsets = PeerCharsets.of(pages);
			if (names == null) {
				return new MessengerSender(identity, name -> List.of(), ports, charsets, CONNECT_TIMEOUT, REPLY_TIMEOUT, MAX_CONCURRENT, datagrams)
						.send(message);
			}
			try (NameServiceResolver resolver = new NameServiceResolver(names, identity)) {
				return new MessengerSender(identity, resolver, ports, charsets, CONNECT_TIMEOUT, REPLY_TIMEOUT, MAX_CONCURRENT, datagrams).send(message);
			}
		};
	}

	@Override
	public Sender sender(Identity identity, PeerChannel peers) {
		if (identity.interfaces().isEmpty()) {
			throw new IllegalArgumentException("no interfaces configured: Herald sends only from configured interfaces");
		}
		return message -> {
			PeerCharsets charsets = PeerCharsets.of(pages);
			if (names == null) {
				NameResolver none = name -> List.of();
				MessengerSender plain = new MessengerSender(identity, none, ports, charsets, CONNECT_TIMEOUT, REPLY_TIMEOUT, MAX_CONCURRENT, datagrams);
				return new RoutingSender(identity, peers, none, plain, CONNECT_TIMEOUT, PeerDiscovery.PROCESS).send(message);
			}
			try (NameServiceResolver resolver = new NameServiceResolver(names, identity)) {
				MessengerSender plain = new MessengerSender(identity, resolver, ports, charsets, CONNECT_TIMEOUT, REPLY_TIMEOUT, MAX_CONCURRENT,
						datagrams);
				return new RoutingSender(identity, peers, resolver, plain, CONNECT_TIMEOUT, PeerDiscovery.PROCESS).send(message);
			}
		};
	}

	@Override
	public java.nio.charset.Charset oem() {
		return pages.get().defaultCodePage();
	}

	@Override
	public CodePages codePages() {
		return pages.get();
	}

	@Override
	public int maxSessionText() {
		return MessengerSender.MAX_SESSION_TEXT;
	}

	/**
	 * The receivers' code pages: by the rules, and with a name service, by the workgroup the
	 * sender's node status gives when only a workgroup rule could decide.
	 */
	private PeerCharsets receivingCharsets(Identity identity) {
		if (names == null) {
			return PeerCharsets.of(pages);
		}
		NameService asked = names.as(identity);
		PeerWorkgroups workgroups = new PeerWorkgroups(host -> asked.nodeStatus(host).flatMap(PeerWorkgroups::workgroupIn), PeerWorkgroups.WAIT,
				asked instanceof AutoCloseable c ? c : null);
		return new PeerCharsets(pages, workgroups);
	}

	/**
	 * Joins with the aliases of the process's workspace ({@code aliases.txt}, followed while the
	 * presence lasts) besides NAME&lt;03&gt;; a user's name there (one with a workspace of its own)
	 * is left to {@code herald listen}, which routes it.
	 */
	@Override
	public Presence join(Identity identity, MessageSink sink, Consumer<NameEvent> nameEvents, Supplier<SessionLimits> limits) throws IOException {
		Optional<Aliases> file = AliasKeeper.processWorkspace().map(Aliases::in);
		return join(identity, sink, nameEvents, limits,
				new AliasKeeper.Plan(List.of(), file, false, line -> LOG.log(System.Logger.Level.INFO, "presence: " + line)));
	}

	private static final System.Logger LOG = System.getLogger(MessengerService.class.getName());

	/**
	 * Like {@link #join(Identity, MessageSink, Consumer, Supplier)}, registering and receiving under
	 * the aliases {@code aliases} asks for too (each ALIAS&lt;03&gt;, defended, refreshed, released
	 * when the presence closes).
	 */
	public AliasedPresence join(Identity identity, MessageSink sink, Consumer<NameEvent> nameEvents, Supplier<SessionLimits> limits,
			AliasKeeper.Plan aliases) throws IOException {
		if (identity.interfaces().isEmpty()) {
			throw new IOException("no interfaces configured: Herald listens only on the interfaces it is given");
		}
		// The receivers first: they find out cheaply whether another process holds the ports, before
		// any name is registered on the network. Until the responder runs, our NAME<03> counts as held.
		AtomicReference<NameResponder> responder = new AtomicReference<>();
		AtomicReference<AliasKeeper> keeper = new AtomicReference<>();
		HeldNames own = MessengerReceivers.ownMessengerName(identity);
		HeldNames held = name -> {
			NameResponder r = responder.get();
			if (r != null) {
				return new ResponderHeldNames(r).holds(name);
			}
			AliasKeeper k = keeper.get();
			return own.holds(name) || k != null && name.suffix() == NetbiosName.MESSENGER && k.alias(name.name()).isPresent();
		};
		PeerCharsets charsets = receivingCharsets(identity);
		Duration idle = idleTimeout;
		Supplier<SessionLimits> effective = idle == null ? limits : () -> limits.get().withIdleTimeout(idle);
		MessengerReceivers receivers = new MessengerReceivers(datagrams, identity, ports, held, sink, charsets, effective);
		try {
			receivers.start();
		} catch (BindException e) {
			charsets.close();
			throw new PortsInUseException(portsInUse(e.getMessage(), System.getProperty("os.name", "")), e);
		} catch (IOException | RuntimeException e) {
			charsets.close();
			throw e;
		}
		if (responders != null) {
			try {
				responder.set(responders.start(identity, responderOptions, nameEvents));
			} catch (BindException e) {
				receivers.close();
				charsets.close();
				throw new PortsInUseException("cannot bind the name service (UDP " + responderOptions.port() + ") on "
						+ identity.interfaces() + ": " + e.getMessage() + ". nmbd or another Herald may hold it.", e);
			} catch (IOException e) {
				receivers.close();
				charsets.close();
				throw e;
			}
		}
		AliasKeeper k = new AliasKeeper(responder.get(), identity, aliases);
		keeper.set(k);
		k.start();
		return new AliasedPresence() {
			@Override
			public List<Aliases.Alias> aliases() {
				return k.current();
			}

			@Override
			public Optional<Aliases.Alias> alias(String name) {
				return k.alias(name);
			}

			@Override
			public Identity identity() {
				return identity;
			}

			@Override
			public List<NameTableEntry> names() {
				NameResponder r = responder.get();
				return r != null ? r.names() : List.of();
			}

			@Override
			public ReceiverStats stats() {
				return receivers.stats();
			}

			@Override
			public void close() {
				k.close();
				receivers.close();
				charsets.close();
				NameResponder r = responder.get();
				if (r != null) {
					r.stop();
				}
			}
		};
	}

	/** What a receiver says when its ports are taken; on Windows they normally belong to the system. */
	static String portsInUse(String bindProblem, String osName) {
		if (osName.startsWith("Windows")) {
			return bindProblem + ". On Windows the system holds TCP 139/445 and UDP 137/138 unless NetBIOS over TCP/IP and the"
					+ " Server service are turned off: Herald still sends from this computer but cannot receive here.";
		}
		return bindProblem + ". Another Herald (the workbench or 'herald listen') or a Samba"
				+ " server may be receiving there; it keeps the inbox up to date and this one can still read it.";
	}
}
