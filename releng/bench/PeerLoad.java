/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerClient;
import org.herald.peer.PeerMessage;
import org.herald.peer.PeerPins;

/**
 * Load for Herald's encrypted peer service: COUNT messages to TARGET_NAME at TARGET_IP:PORT, CONC
 * at once, with Herald's own client (org.herald.peer.PeerClient, from the product's jars), speaking
 * as NAME from BIND_IP with the key and pins in WORKSPACE. PER messages per connection: 1 is what
 * {@code herald send} and the composer do (connect, Noise_XX handshake, message, answer, close);
 * more reuse the session. A message counts as delivered only if the peer answered "stored". Prints
 * "delivered=N failed=N seconds=S rate=R" like sendload.c.
 *
 * <p>{@code java -cp api.jar:peer.jar:DIR PeerLoad NAME BIND_IP TARGET_NAME TARGET_IP PORT COUNT CONC PER WORKSPACE}
 */
public final class PeerLoad {

	public static void main(String[] args) throws Exception {
		if (args.length != 9) {
			System.err.println("usage: PeerLoad NAME BIND_IP TARGET_NAME TARGET_IP PORT COUNT CONC PER WORKSPACE");
			System.exit(2);
		}
		Identity identity = new Identity(args[0], "WG", List.of(BindInterface.parse(args[1] + "/24")), Optional.empty());
		String target = args[2];
		Inet4Address host = (Inet4Address) InetAddress.getByName(args[3]);
		int port = Integer.parseInt(args[4]);
		long count = Long.parseLong(args[5]);
		int conc = Integer.parseInt(args[6]);
		int per = Integer.parseInt(args[7]);
		Path workspace = Path.of(args[8]);
		PeerClient client = new PeerClient(identity, IdentityKey.loadOrCreate(workspace), PeerPins.in(workspace), port, Duration.ofSeconds(5),
				Duration.ofSeconds(30));
		AtomicLong next = new AtomicLong();
		AtomicLong delivered = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long t0 = System.nanoTime();
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < conc; w++) {
			workers.add(Thread.ofPlatform().start(() -> {
				while (true) {
					long first = next.getAndAdd(per);
					if (first >= count) {
						return;
					}
					List<String> texts = new ArrayList<>();
					for (long i = first; i < Math.min(count, first + per); i++) {
						texts.add("bench " + i + " encrypted between two Heralds");
					}
					if (client.send(target, host, texts, false) instanceof PeerClient.Outcome.Answered a) {
						long ok = a.answers().stream().filter(x -> x.status() == PeerMessage.Status.STORED).count();
						delivered.addAndGet(ok);
						failed.addAndGet(texts.size() - ok);
					} else {
						failed.addAndGet(texts.size());
					}
				}
			}));
		}
		for (Thread t : workers) {
			t.join();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf(java.util.Locale.ROOT, "delivered=%d failed=%d seconds=%.2f rate=%.1f%n", delivered.get(), failed.get(), seconds,
				delivered.get() / seconds);
	}
}
