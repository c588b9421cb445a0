/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.herald.api.Acceptance;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageFlag;
import org.herald.api.MessagePath;
import org.herald.api.MessageSink;
import org.herald.api.ReceivedMessage;
import org.herald.api.TcpAcceptor;
import org.herald.peer.PeerMessage.Answer;
import org.herald.peer.PeerMessage.Message;
import org.herald.peer.PeerMessage.Status;
import org.herald.peer.wire.Frame;
import org.herald.peer.wire.FrameCodec;
import org.herald.peer.wire.FrameException;

/**
 * Herald's peer service: encrypted, authenticated messages from other Heralds on a TCP port of its
 * own ({@link #DEFAULT_PORT}), bound on the identity's configured interfaces only.
 *
 * <p>A connection: the initiator's preamble, a Noise_XX handshake with the prologue of both names,
 * then message frames, each answered by an answer frame. The answer says STORED only after the
 * {@link MessageSink} returned {@link Acceptance.Stored}; a refusal is answered "refused: REASON",
 * a failure to store "failed". The initiator's key is checked against the pins by the name it
 * claimed: NEW pins it, CHANGED stores its messages QUARANTINED with the sender shown as
 * {@code "?NAME (key changed)"} and warns through {@link Listener#keyChanged}.
 *
 * <p>Bounds: frames of at most 65535 bytes (checked before allocation), a handshake timeout, an
 * idle timeout between messages, and a cap on concurrent connections (more are closed at once). A
 * malformed or tampered frame is counted and its connection dropped; the listener carries on.
 */
public final class PeerService implements AutoCloseable {

	/** Herald's peer port: no NetBIOS, SMB or other Windows service uses it. */
	public static final int DEFAULT_PORT = 1139;

	/** Told about what happens, for the log or the terminal; called on connection threads. */
	public interface Listener {
		default void keyChanged(String name, InetAddress from, Fingerprint pinned, Fingerprint presented) {
		}

		default void newPeer(String name, Fingerprint fingerprint) {
		}

		default void dropped(InetAddress from, String why) {
		}
	}

	/** The limits of one service. */
	public record Limits(Duration handshakeTimeout, Duration idleTimeout, int maxConnections) {
		public static Limits defaults() {
			return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(60), 64);
		}
	}

	private final Identity identity;
	private final Predicate<String> answersTo;
	private final IdentityKey key;
	private final PeerPins pins;
	private final MessageSink sink;
	private final Listener listener;
	private final Limits limits;
	private final Clock clock;
	private final Semaphore slots;
	private final TcpAcceptor acceptor = new TcpAcceptor();
	private final AtomicLong messages = new AtomicLong();
	private final AtomicLong dropped = new AtomicLong();
	private final AtomicLong overCap = new AtomicLong();
	private volatile boolean closed;

	private PeerService(Identity identity, Predicate<String> answersTo, IdentityKey key, PeerPins pins, MessageSink sink, Listener listener,
			Limits limits, Clock clock) {
		this.identity = identity;
		this.answersTo = answersTo;
		this.key = key;
		this.pins = pins;
		this.sink = sink;
		this.listener = listener;
		this.limits = limits;
		this.clock = clock;
		this.slots = new Semaphore(limits.maxConnections());
	}

	/** Binds {@code port} on every configured interface of {@code identity} and starts accepting. */
	public static PeerService start(Identity identity, int port, IdentityKey key, PeerPins pins, MessageSink sink, Listener listener,
			Limits limits) throws IOException {
		return start(identity, name -> false, port, key, pins, sink, listener, limits);
	}

	/**
	 * Like {@link #start(Identity, int, IdentityKey, PeerPins, MessageSink, Listener, Limits)}, also
	 * answering to the names {@code aliases} accepts (canonical: upper-case, no padding or suffix),
	 * asked at each connection: this host's aliases and the names of its users. The handshake's
	 * prologue binds the name the initiator called, so a message to an alias arrives addressed to it.
	 */
	public static PeerService start(Identity identity, Predicate<String> aliases, int port, IdentityKey key, PeerPins pins, MessageSink sink,
			Listener listener, Limits limits) throws IOException {
		PeerService service = new PeerService(identity, aliases, key, pins, sink, listener, limits, Clock.systemUTC());
		if (identity.interfaces().isEmpty()) {
			throw new IllegalStateException("no interfaces configured: Herald binds only to configured interfaces");
		}
		try {
			for (BindInterface i : identity.interfaces()) {
				service.acceptor.listen(new InetSocketAddress(i.address(), port), 64, "herald-peer-accept " + i.address().getHostAddress() + ":" + port,
						service::accepted);
			}
		} catch (IOException e) {
			service.close();
			throw new IOException("cannot bind the peer port " + port + ": " + e.getMessage(), e);
		}
		return service;
	}

	/** The bound addresses (useful with port 0). */
	public List<InetSocketAddress> addresses() {
		return acceptor.addresses();
	}

	public long messages() {
		return messages.get();
	}

	/** Connections dropped for a bad preamble, handshake or frame, or a timeout. */
	public long dropped() {
		return dropped.get();
	}

	/** Connections closed at once because the cap was reached. */
	public long overCap() {
		return overCap.get();
	}

	/** A connection on the peer port: served on a virtual thread of its own while the cap leaves a slot, else closed at once. */
	private void accepted(Socket socket) {
		if (!slots.tryAcquire()) {
			overCap.incrementAndGet();
			TcpAcceptor.closeQuietly(socket);
			return;
		}
		Thread.ofVirtual().name("herald-peer " + socket.getRemoteSocketAddress()).start(() -> {
			try {
				serve(socket);
			} finally {
				slots.release();
			}
		});
	}

	private void serve(Socket socket) {
		InetAddress from = socket.getInetAddress();
		try (PeerConnection c = new PeerConnection(socket)) {
			socket.setSoTimeout((int) limits.handshakeTimeout().toMillis());
			socket.setTcpNoDelay(true);
			String[] names = c.readPreamble();
			if (names == null) {
				return;
			}
			String initiator = names[0];
			String called = PeerPrologue.canonical(names[1]);
			if (!called.equals(PeerPrologue.canonical(identity.name())) && !answersTo.test(called)) {
				throw new FrameException(FrameException.Reason.MALFORMED, "addressed to " + names[1] + ", this is " + identity.name());
			}
			NoiseSession session = NoiseSession.responder(key, PeerPrologue.of(initiator, called));
			session.readMessage(c.read());
			c.write(session.writeMessage(new byte[0]));
			session.readMessage(c.read());
			Transport transport = session.transport();
			PinCheck check = pins.check(initiator, session.remoteStatic());
			boolean changed = check.status() == PinStatus.CHANGED;
			if (changed) {
				listener.keyChanged(initiator, from, check.pin().fingerprint(), check.presented().fingerprint());
			} else if (check.status() == PinStatus.NEW) {
				listener.newPeer(initiator, check.presented().fingerprint());
			}
			socket.setSoTimeout((int) limits.idleTimeout().toMillis());
			Frame frame;
			while ((frame = c.readOrNull()) != null) {
				Message m = PeerMessage.decodeMessage(transport.open(FrameCodec.encode(frame)));
				if (!PeerPrologue.canonical(m.from()).equals(PeerPrologue.canonical(initiator))) {
					throw new FrameException(FrameException.Reason.MALFORMED, "a message from " + m.from() + " on " + initiator + "'s session");
				}
				c.write(transport.seal(PeerMessage.encode(store(m, initiator, from, changed))));
			}
		} catch (IOException | FrameException | HandshakeException | RuntimeException e) {
			if (!closed) {
				dropped.incrementAndGet();
				listener.dropped(from, e.getMessage());
			}
		}
	}

	private Answer store(Message m, String initiator, InetAddress from, boolean changed) {
		EnumSet<MessageFlag> flags = EnumSet.of(MessageFlag.ENCRYPTED);
		if (m.urgent()) {
			flags.add(MessageFlag.URGENT);
		}
		String sender = initiator;
		if (changed) {
			flags.add(MessageFlag.QUARANTINED);
			sender = "?" + initiator + " (key changed)";
		}
		try {
			Acceptance a = sink.accept(new ReceivedMessage(sender, from, m.to(), MessagePath.SESSION, clock.instant(), m.text(), flags));
			if (a instanceof Acceptance.Refused r) {
				return new Answer(Status.REFUSED, r.reason().label());
			}
			messages.incrementAndGet();
			return Answer.stored();
		} catch (IOException e) {
			return new Answer(Status.FAILED, "not stored: " + e.getMessage());
		}
	}

	@Override
	public void close() {
		closed = true;
		acceptor.close();
	}
}
