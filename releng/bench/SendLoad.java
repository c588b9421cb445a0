/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator of the receive benchmark, independent of Herald's code (run as a source file:
 * {@code java SendLoad.java TARGET_IP PORT COUNT CONCURRENCY}, inside the sending host's network namespace,
 * so that its own address is the source). Sends COUNT messages
 * "bench N" to TARGET_IP:PORT with direct-hosting framing, each in its own TCP session as
 * smbclient -M does (SMB_COM_NEGOTIATE with NT LM 0.12, then SMB_COM_SEND_MESSAGE), CONCURRENCY
 * sessions at once, and checks that every reply has status 0 (MS-CIFS 2.2.4.52, 2.2.4.50). Prints
 * {@code delivered=N failed=N seconds=S rate=R}.
 */
public final class SendLoad {

	public static void main(String[] a) throws Exception {
		// connect() picks the source port (no bind): it may take a port in TIME_WAIT where the kernel
		// allows, which bind() with port 0 would scan past
		InetSocketAddress target = new InetSocketAddress(InetAddress.getByName(a[0]), Integer.parseInt(a[1]));
		int count = Integer.parseInt(a[2]);
		int concurrency = Integer.parseInt(a[3]);
		byte[] negotiate = frame(smb(0x72, 1, bytes(new byte[] { 0x02 }, ascii("NT LM 0.12"), new byte[] { 0 })));
		AtomicInteger delivered = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Semaphore permits = new Semaphore(concurrency);
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 1; i <= count; i++) {
				byte[] text = ascii("bench " + i);
				byte[] body = bytes(new byte[] { 0x04 }, ascii("bench"), new byte[] { 0, 0x04 }, ascii("target"), new byte[] { 0, 0x01 },
						new byte[] { (byte) text.length, (byte) (text.length >> 8) }, text);
				byte[] message = frame(smb(0xD0, 2, body));
				permits.acquire();
				pool.execute(() -> {
					try (Socket s = new Socket()) {
						s.setTcpNoDelay(true);
						s.connect(target, 10_000);
						s.setSoTimeout(60_000);
						OutputStream out = s.getOutputStream();
						InputStream in = s.getInputStream();
						out.write(negotiate);
						boolean ok = success(in);
						out.write(message);
						ok &= success(in);
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

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] bytes(byte[]... parts) {
		int n = 0;
		for (byte[] p : parts) {
			n += p.length;
		}
		ByteBuffer b = ByteBuffer.allocate(n);
		for (byte[] p : parts) {
			b.put(p);
		}
		return b.array();
	}

	/** An SMB1 request: the 32-byte header, WordCount 0, ByteCount, the bytes. */
	private static byte[] smb(int command, int mid, byte[] data) {
		ByteBuffer b = ByteBuffer.allocate(32 + 3 + data.length).order(ByteOrder.LITTLE_ENDIAN);
		b.put(new byte[] { (byte) 0xFF, 'S', 'M', 'B', (byte) command });
		b.putInt(0); // status
		b.put((byte) 0x18); // flags: case insensitive, canonical paths
		b.putShort((short) 0xC801); // flags2: unicode off would be 0x4801; NT status, long names
		b.putShort((short) 0); // PID high
		b.put(new byte[8]); // signature
		b.putShort((short) 0); // reserved
		b.putShort((short) 0xFFFF); // TID
		b.putShort((short) 4242); // PID
		b.putShort((short) 0); // UID
		b.putShort((short) mid);
		b.put((byte) 0); // WordCount
		b.putShort((short) data.length);
		b.put(data);
		return b.array();
	}

	/** Direct hosting on 445: a zero byte and a 24-bit length before each SMB. */
	private static byte[] frame(byte[] smb) {
		return bytes(new byte[] { 0, (byte) (smb.length >> 16), (byte) (smb.length >> 8), (byte) smb.length }, smb);
	}

	private static boolean success(InputStream in) throws Exception {
		DataInputStream d = new DataInputStream(in);
		byte[] h = new byte[4];
		d.readFully(h);
		byte[] smb = new byte[(h[1] & 0xFF) << 16 | (h[2] & 0xFF) << 8 | (h[3] & 0xFF)];
		d.readFully(smb);
		return smb.length >= 9 && smb[5] == 0 && smb[6] == 0 && smb[7] == 0 && smb[8] == 0;
	}
}
