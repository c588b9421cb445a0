/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.api.Acceptance;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessagePath;
import org.herald.api.NetbiosName;
import org.herald.messenger.Delivery;
import org.herald.messenger.Delivery.FailureReason;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.NameResolver;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Recipient;
import org.herald.messenger.Sender;
import org.herald.messenger.wire.EncodedText;

import org.herald.messenger.wire.MessageCharset;

import org.herald.messenger.wire.WinPopupBody;
import org.herald.netbios.datagram.DatagramService;
import org.herald.netbios.datagram.Subscription;
import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.DatagramPacket;
import org.herald.netbios.wire.EncodedName;
import org.herald.netbios.wire.SessionPackets;
import org.herald.netbios.wire.SessionRequest;
import org.herald.smb.wire.MailslotWrite;
import org.herald.smb.wire.NegotiateRequest;
import org.herald.smb.wire.NegotiateResponse;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbError;
import org.herald.smb.MessageConversation;
import org.herald.smb.SmbSession;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.EndMultiBlock;
import org.herald.smb.wire.SendMessage;
import org.herald.smb.wire.StartMultiBlock;
import org.herald.smb.wire.TextBlock;

/**
 * Sends pop-ups. Session path to a name: TCP 139 with a session request (called NAME&lt;03&gt;,
 * calling own NAME&lt;00&gt;), or TCP 445 direct when nothing listens on 139; to a bare address:
 * TCP 445 first, then 139 calling *SMBSERVER&lt;20&gt;. Text of at most 128 bytes goes as SMB_COM_SEND_MESSAGE after a negotiate, longer text as
 * SEND_START_MB / TEXT_MB blocks of 127 bytes / END_MB. Mailslot path: a datagram to UDP 138
 * carrying a write to \MAILSLOT\MESSNGR, sent through the process's datagram service: from UDP 138
 * when a receiver of this process holds it (as Windows sends), else from an ephemeral port. All
 * sockets bind to a configured interface address.
 * Recipients are served concurrently on virtual threads, at most {@code maxConcurrent} at once.
 * Each recipient gets its own code page ({@link PeerCharsets}): by the name addressed, the address
 * it resolved to, and the workgroup (of a workgroup recipient, or from the host's node status when
 * only a workgroup rule could decide).
 */
public final class MessengerSender implements Sender {

	/** smbclient sends at most 1598 bytes of text (seen); Herald refuses more rather than cut. */
	public static final int MAX_SESSION_TEXT = 1598;

	private final Identity identity;
	private final NameResolver resolver;
	private final MessengerPorts ports;
	private final PeerCharsets charsets;
	private final Duration connectTimeout;
	private final Duration replyTimeout;
	private final int maxConcurrent;
	private final AtomicInteger datagramIds = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));
	private final MessageConversation conversation = new MessageConversation(new AtomicInteger(1));
	private final DatagramService datagrams;
	private final Object mailslotLock = new Object();
	private int sendsInProgress; // guarded by mailslotLock
	private Subscription mailslotOut; // guarded by mailslotLock: opened at the first datagram of a send, closed after the last send

	/**
	 * @param charsets  the code page of each recipient
	 * @param datagrams the process's datagram service (mailslot datagrams leave from its port 138 when a receiver holds it)
	 */
	public MessengerSender(Identity identity, NameResolver resolver, MessengerPorts ports, PeerCharsets charsets, Duration connectTimeout,
			Duration replyTimeout, int maxConcurrent, DatagramService datagrams) {
		if (identity.interfaces().isEmpty()) {
			throw new IllegalArgumentException("no interfaces configured: Herald sends only from configured interfaces");
		}
		this.identity = identity;
		this.resolver = resolver;
		this.ports = ports;
		this.charsets = charsets;
		this.connectTimeout = connectTimeout;
		this.replyTimeout = replyTimeout;
		this.maxConcurrent = maxConcurrent;
		this.datagrams = datagrams;
	}

	/** One unit of work: one address (or one name, or one subnet broadcast). */
	private interface Job {
		Delivery run(OutgoingMessage m, PeerCharsets charsets) throws InterruptedException;
	}

	@Override
	public List<Delivery> send(OutgoingMessage message) throws InterruptedException {
		// workgroups asked during this send are asked once each, through this send's resolver
		synchronized (mailslotLock) {
			sendsInProgress++;
		}
		try (PeerCharsets perSend = charsets.withWorkgroups(new PeerWorkgroups(resolver::workgroupOf, PeerWorkgroups.WAIT, null))) {
			return send(message, perSend);
		} finally {
			synchronized (mailslotLock) {
				if (--sendsInProgress == 0 && mailslotOut != null) {
					mailslotOut.close();
					mailslotOut = null;
				}
			}
		}
	}

	/** Where this send's datagrams leave from (never binds the datagram port: a receiver starting meanwhile finds it free). */
	private Subscription mailslotOut() throws IOException {
		synchronized (mailslotLock) {
			if (mailslotOut == null) {
				// a sender listens to no mailslot: nothing is delivered to it
				mailslotOut = datagrams.subscribe(identity.interfaces(), ports.datagram(), List.of(), DatagramService.Mode.SEND_SHARED, d -> {
				});
			}
			return mailslotOut;
		}
	}

	private List<Delivery> send(OutgoingMessage message, PeerCharsets charsets) throws InterruptedException {
		List<Job> jobs = new ArrayList<>();
		for (Recipient r : message.recipients()) {
			switch (r) {
			case Recipient.Name n -> jobs.add((m, c) -> toName(m, c, n));
			case Recipient.Address a -> jobs.add((m, c) -> toAddress(m, c, a.label(), a.address()));
			case Recipient.Range range -> {
				for (Inet4Address a : range.addresses()) {
					jobs.add((m, c) -> toAddress(m, c, a.getHostAddress(), a));
				}
			}
			case Recipient.Workgroup w -> {
				for (BindInterface i : identity.interfaces()) {
					jobs.add((m, c) -> toWorkgroup(m, c, w, i));
				}
			}
			}
		}
		if (jobs.size() == 1) {
			return List.of(jobs.get(0).run(message, charsets)); // no fan-out: no threads
		}
		Semaphore permits = new Semaphore(maxConcurrent);
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Delivery>> futures = new ArrayList<>(jobs.size());
			for (Job job : jobs) {
				futures.add(pool.submit(() -> {
					permits.acquire();
					try {
						return job.run(message, charsets);
					} finally {
						permits.release();
					}
				}));
			}
			List<Delivery> results = new ArrayList<>(jobs.size());
			for (Future<Delivery> f : futures) {
				try {
					results.add(f.get());
				} catch (ExecutionException e) {
					throw new IllegalStateException("a send job failed unexpectedly", e.getCause());
				}
			}
			return results;
		}
	}

	private Delivery toName(OutgoingMessage m, PeerCharsets charsets, Recipient.Name n) throws InterruptedException {
		String label = n.label();
		List<Inet4Address> found;
		try {
			found = resolver.resolve(n.name());
		} catch (IOException e) {
			return Delivery.failed(label, Optional.empty(), Optional.empty(), FailureReason.NAME_NOT_FOUND, e.getMessage());
		}
		if (found.isEmpty()) {
			return Delivery.failed(label, Optional.empty(), Optional.empty(), FailureReason.NAME_NOT_FOUND, "no answer for " + n.name());
		}
		Inet4Address target = found.get(0);
		MessageCharset charset = charsets.forPeer(List.of(n.name().name()), target, null);
		if (m.path() == PathChoice.MAILSLOT) {
			return mailslot(m, charset, label, target, DatagramPacket.DIRECT_UNIQUE, n.name(), n.name().name());
		}
		Delivery session = session(m, charset, label, target, n.name(), n.name().name());
		if (m.path() == PathChoice.AUTO && session.reason().filter(MessengerSender::hostRefusesSessions).isPresent()) {
			Delivery d = mailslot(m, charset, label, target, DatagramPacket.DIRECT_UNIQUE, n.name(), n.name().name());
			return new Delivery(d.recipient(), d.address(), d.path(), d.status(), d.reason(), "session: " + session.detail()
					+ (d.detail().isEmpty() ? "" : "; " + d.detail()));
		}
		return session;
	}

	private static boolean hostRefusesSessions(FailureReason r) {
		return r == FailureReason.REFUSED || r == FailureReason.NOT_LISTENING || r == FailureReason.CALLED_NAME_NOT_PRESENT;
	}

	private Delivery toAddress(OutgoingMessage m, PeerCharsets charsets, String label, Inet4Address target) {
		if (m.path() == PathChoice.MAILSLOT) {
			// A datagram is addressed to a name: ask the host for its messenger name (node status);
			// if it will not say, to our workgroup's messenger group name, which the hosts of our
			// workgroup take.
			java.util.Optional<NetbiosName> name;
			try {
				name = resolver.messengerNameOf(target);
			} catch (IOException e) {
				name = java.util.Optional.empty();
			}
			if (name.isPresent()) {
				MessageCharset charset = charsets.forPeer(List.of(name.get().name()), target, null);
				return mailslot(m, charset, label, target, DatagramPacket.DIRECT_UNIQUE, name.get(), name.get().name());
			}
			NetbiosName group = new NetbiosName(identity.workgroup(), NetbiosName.MESSENGER);
			return mailslot(m, charsets.forPeer(List.of(), target, null), label, target, DatagramPacket.DIRECT_GROUP, group,
					target.getHostAddress());
		}
		return session(m, charsets.forPeer(List.of(), target, null), label, target, null, target.getHostAddress());
	}

	private Delivery toWorkgroup(OutgoingMessage m, PeerCharsets charsets, Recipient.Workgroup w, BindInterface via) {
		NetbiosName group = new NetbiosName(w.workgroup(), NetbiosName.MESSENGER);
		// a broadcast: no one host's name or address decides, the workgroup's rule does
		MessageCharset charset = charsets.forPeer(List.of(), null, w.workgroup());
		return mailslot(m, charset, w.label(), via.broadcast(), DatagramPacket.DIRECT_GROUP, group, w.workgroup());
	}

	/** Says which code page text went in, when it is not the default's. */
	private String codePageNote(MessageCharset charset, EncodedText text) {
		if (text.utf8()) {
			return ", text sent as UTF-8";
		}
		return charset.oem().equals(charsets.pages().defaultCodePage()) ? "" : ", text in " + charset.oem().name();
	}

	// ---- session path

	/** @param called the name to call on 139, or null if only the address is known */
	private Delivery session(OutgoingMessage m, MessageCharset charset, String label, Inet4Address target, NetbiosName called,
			String destination) {
		Optional<Inet4Address> addr = Optional.of(target);
		Optional<MessagePath> path = Optional.of(MessagePath.SESSION);
		EncodedText text = charset.encodeText(m.plainText());
		if (text.length() > MAX_SESSION_TEXT) {
			return Delivery.failed(label, addr, path, FailureReason.TOO_LONG,
					text.length() + " bytes of text; the session path takes at most " + MAX_SESSION_TEXT);
		}
		Inet4Address local = identity.interfaceFor(target).address();
		SmbSession client = null;
		String via = "";
		try {
			if (called == null) {
				// Only an address: direct hosting first (no name needed), then 139 calling *SMBSERVER<20>.
				try {
					client = openDirect(local, target);
					via = "445";
				} catch (ConnectException e) {
					if (ports.session() == 0) {
						throw e;
					}
				}
				if (client == null) {
					client = SmbSession.open(local, target, ports.session(), SessionRequest.encodeAnyServer(identity.workstationName()),
							connectTimeout, replyTimeout);
					via = "139";
				}
			} else {
				// A name: 139 with a session request calling NAME<03>; 445 if nothing listens on 139.
				try {
					if (ports.session() == 0) {
						throw new ConnectException("session port disabled");
					}
					client = SmbSession.open(local, target, ports.session(), new SessionRequest(called, identity.workstationName()).encode(),
							connectTimeout, replyTimeout);
					via = "139";
				} catch (ConnectException e) {
					if (ports.direct() == 0) {
						throw e;
					}
					client = openDirect(local, target);
					via = "445";
				}
			}
			SmbHeader refusal = conversation.send(client, charset.encodeName(m.from()).bytes(), charset.encodeName(destination).bytes(), text.bytes());
			if (refusal != null) {
				String status = SmbError.describe(refusal) + " via " + via;
				return SmbError.refusalOf(refusal)
						.map(r -> Delivery.failed(label, addr, path, r == Acceptance.Refusal.FLOOD_LIMIT ? FailureReason.FLOOD_LIMIT : FailureReason.BLOCKED,
								"refused: " + r.label() + "; " + status))
						.orElseGet(() -> Delivery.failed(label, addr, path, FailureReason.ERROR_STATUS, status));
			}
			return Delivery.delivered(label, target, "via " + via + codePageNote(charset, text));
		} catch (SmbSession.NegativeResponseException e) {
			FailureReason r = switch (e.errorCode()) {
			case SessionPackets.NOT_LISTENING_ON_CALLED_NAME -> FailureReason.NOT_LISTENING;
			case SessionPackets.CALLED_NAME_NOT_PRESENT -> FailureReason.CALLED_NAME_NOT_PRESENT;
			default -> FailureReason.REFUSED;
			};
			return Delivery.failed(label, addr, path, r, e.getMessage());
		} catch (ConnectException e) {
			return Delivery.failed(label, addr, path, FailureReason.REFUSED, "connection refused");
		} catch (SocketTimeoutException e) {
			return Delivery.failed(label, addr, path, FailureReason.TIMEOUT, "no answer within " + timeoutText());
		} catch (NoRouteToHostException e) {
			return Delivery.failed(label, addr, path, FailureReason.NETWORK_ERROR, "no route to host");
		} catch (IOException e) {
			return Delivery.failed(label, addr, path, FailureReason.NETWORK_ERROR, String.valueOf(e.getMessage()));
		} finally {
			if (client != null) {
				try {
					client.close();
				} catch (IOException e) {
					// done anyway
				}
			}
		}
	}

	private SmbSession openDirect(Inet4Address local, Inet4Address target) throws IOException {
		if (ports.direct() == 0) {
			throw new ConnectException("direct hosting port disabled");
		}
		return SmbSession.open(local, target, ports.direct(), null, connectTimeout, replyTimeout);
	}

	// ---- mailslot path

	private Delivery mailslot(OutgoingMessage m, MessageCharset charset, String label, Inet4Address target, int type, NetbiosName destination,
			String toField) {
		Optional<Inet4Address> addr = Optional.of(target);
		Optional<MessagePath> path = Optional.of(MessagePath.MAILSLOT);
		if (ports.datagram() == 0) {
			return Delivery.failed(label, addr, path, FailureReason.REFUSED, "the datagram port is disabled");
		}
		EncodedText text = charset.encodeText(m.plainText());
		byte[] body = new WinPopupBody(charset.encodeName(m.from()).bytes(), charset.encodeName(toField).bytes(), text.bytes()).encode();
		if (body.length > MailslotWrite.MAX_DATA) {
			return Delivery.failed(label, addr, path, FailureReason.TOO_LONG,
					body.length + " bytes of mailslot data; at most " + MailslotWrite.MAX_DATA);
		}
		BindInterface via = identity.interfaceFor(target);
		Datagram d = Datagram.whole(type, datagramIds.getAndIncrement() & 0xFFFF, via.address(), ports.datagram(),
				new EncodedName(identity.workstationName()), new EncodedName(destination), MailslotWrite.messenger(body).encode());
		try {
			mailslotOut().send(via, d.encode(), target);
			return Delivery.sentUnconfirmed(label, target, "to " + destination + codePageNote(charset, text));
		} catch (IOException e) {
			return Delivery.failed(label, addr, path, FailureReason.NETWORK_ERROR, String.valueOf(e.getMessage()));
		}
	}


	private String timeoutText() {
		return connectTimeout.toMillis() + " ms (connect) / " + replyTimeout.toMillis() + " ms (reply)";
	}
}
