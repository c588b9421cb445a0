/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.herald.api.Identity;
import org.herald.peer.PeerMessage.Answer;
import org.herald.peer.PeerMessage.Message;
import org.herald.peer.wire.FrameException;

/**
 * Sends messages to a Herald peer over {@link PeerService}'s port: connect from the configured
 * interface that reaches the host, Noise_XX handshake, check the responder's key against the pin of
 * the name it was addressed by, then one message frame and its answer per message.
 */
public final class PeerClient {

	/** What became of a delivery attempt. */
	public sealed interface Outcome {
		/** The host does not run Herald's peer service (connection refused or no answer in time). */
		record NotAPeer(String why) implements Outcome {
		}

		/** The peer's key is not the pinned one: nothing was sent. */
		record KeyChanged(Fingerprint pinned, Fingerprint presented) implements Outcome {
		}

		/** The handshake or a frame failed after the port answered. */
		record Failed(String why) implements Outcome {
		}

		/** The answers, one per message, in order. */
		record Answered(List<Answer> answers, PinStatus pin, Fingerprint fingerprint) implements Outcome {
		}
	}

	private final Identity identity;
	private final IdentityKey key;
	private final PeerPins pins;
	private final int port;
	private final Duration connectTimeout;
	private final Duration answerTimeout;

	public PeerClient(Identity identity, IdentityKey key, PeerPins pins, int port, Duration connectTimeout, Duration answerTimeout) {
		this.identity = identity;
		this.key = key;
		this.pins = pins;
		this.port = port;
		this.connectTimeout = connectTimeout;
		this.answerTimeout = answerTimeout;
	}

	/**
	 * Delivers {@code texts} to {@code recipient} at {@code host}. {@link Outcome.NotAPeer} means the
	 * port did not take the connection within the connect timeout: a legacy peer, to be reached in
	 * plain text if the policy allows.
	 */
	public Outcome send(String recipient, Inet4Address host, List<String> texts, boolean urgent) {
		Socket socket = new Socket();
		try {
			socket.bind(new InetSocketAddress(identity.interfaceFor(host).address(), 0));
			try {
				socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
			} catch (ConnectException | SocketTimeoutException | NoRouteToHostException e) {
				return new Outcome.NotAPeer("no Herald peer service on " + host.getHostAddress() + ":" + port + " (" + e.getMessage() + ")");
			}
			socket.setTcpNoDelay(true);
			socket.setSoTimeout((int) answerTimeout.toMillis());
			try (PeerConnection c = new PeerConnection(socket)) {
				c.writePreamble(identity.name(), recipient);
				NoiseSession session = NoiseSession.initiator(key, PeerPrologue.of(identity.name(), recipient));
				c.write(session.writeMessage(new byte[0]));
				session.readMessage(c.read());
				PinCheck check = pins.check(recipient, session.remoteStatic());
				if (check.status() == PinStatus.CHANGED) {
					return new Outcome.KeyChanged(check.pin().fingerprint(), check.presented().fingerprint());
				}
				c.write(session.writeMessage(new byte[0]));
				Transport transport = session.transport();
				List<Answer> answers = new ArrayList<>();
				for (String text : texts) {
					c.write(transport.seal(PeerMessage.encode(new Message(identity.name(), PeerPrologue.canonical(recipient), text, urgent))));
					answers.add(PeerMessage.decodeAnswer(transport.open(c.read())));
				}
				return new Outcome.Answered(answers, check.status(), check.presented().fingerprint());
			}
		} catch (IOException | FrameException | HandshakeException e) {
			return new Outcome.Failed(e.getMessage());
		} finally {
			try {
				socket.close();
			} catch (IOException e) {
				// closing anyway
			}
		}
	}

	/** Whether {@code host} takes connections on the peer port within the connect timeout. */
	public boolean probe(Inet4Address host) {
		return probe(identity, host, port, connectTimeout);
	}

	/**
	 * Herald's discovery: whether {@code host} takes a TCP connection on {@code port} within
	 * {@code timeout}. Windows and Samba hosts answer the SYN with a reset (or not at all).
	 */
	public static boolean probe(Identity identity, Inet4Address host, int port, Duration timeout) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(identity.interfaceFor(host).address(), 0));
			socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
			return true;
		} catch (IOException e) {
			return false;
		}
	}
}
