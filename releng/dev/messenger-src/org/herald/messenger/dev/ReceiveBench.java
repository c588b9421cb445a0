/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.dev;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.api.BindInterface;
import org.herald.messenger.wire.NegotiateRequest;
import org.herald.messenger.wire.SendMessage;
import org.herald.messenger.wire.SmbCommand;
import org.herald.messenger.wire.SmbHeader;
import org.herald.messenger.wire.SmbPacket;
import org.herald.netbios.wire.SessionPackets;

/**
 * Load generator for the receive benchmark: {@code ReceiveBench FROM_IP TARGET_IP PORT COUNT
 * CONCURRENCY} sends COUNT messages "bench N" to TARGET_IP:PORT (direct hosting framing), each in
 * its own TCP session as smbclient -M does (negotiate NT LM 0.12, then SMB_COM_SEND_MESSAGE),
 * CONCURRENCY sessions at once, and checks every reply for success. The requests are encoded up
 * front so that the generator costs little next to the receiver. Prints
 * {@code delivered=N failed=N seconds=S rate=R}.
 */
public final class ReceiveBench {

	private ReceiveBench() {
	}

	public static void main(String[] a) throws Exception {
		InetSocketAddress local = new InetSocketAddress(BindInterface.parseIpv4(a[0]), 0);
		InetSocketAddress target = new InetSocketAddress(BindInterface.parseIpv4(a[1]), Integer.parseInt(a[2]));
		int count = Integer.parseInt(a[3]);
		int concurrency = Integer.parseInt(a[4]);
		byte[] negotiate = SessionPackets.directMessage(
				new NegotiateRequest(List.of(NegotiateRequest.NT_LM_012)).toPacket(SmbHeader.request(SmbCommand.NEGOTIATE, 1)).encode());
		AtomicInteger delivered = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Semaphore permits = new Semaphore(concurrency);
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 1; i <= count; i++) {
				byte[] message = SessionPackets.directMessage(new SendMessage("bench".getBytes(StandardCharsets.US_ASCII),
						"target".getBytes(StandardCharsets.US_ASCII), ("bench " + i).getBytes(StandardCharsets.US_ASCII))
						.toPacket(SmbHeader.request(SmbCommand.SEND_MESSAGE, 2)).encode());
				permits.acquire();
				pool.execute(() -> {
					try (Socket s = new Socket()) {
						s.bind(local);
						s.setTcpNoDelay(true);
						s.connect(target, 10_000);
						s.setSoTimeout(60_000);
						OutputStream out = s.getOutputStream();
						InputStream in = s.getInputStream();
						out.write(negotiate);
						boolean ok = reply(in).header().success();
						out.write(message);
						ok &= reply(in).header().success();
						(ok ? delivered : failed).incrementAndGet();
					} catch (Exception e) {
						if (failed.incrementAndGet() <= 3) {
							System.err.println("failed: " + e);
						}
					} finally {
						permits.release();
					}
				});
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("delivered=%d failed=%d seconds=%.2f rate=%.1f%n", delivered.get(), failed.get(), seconds, delivered.get() / seconds);
	}

	private static SmbPacket reply(InputStream in) throws Exception {
		DataInputStream d = new DataInputStream(in);
		byte[] h = new byte[4];
		d.readFully(h);
		byte[] smb = new byte[(h[1] & 0xFF) << 16 | (h[2] & 0xFF) << 8 | (h[3] & 0xFF)];
		d.readFully(smb);
		return SmbPacket.parse(smb);
	}
}
