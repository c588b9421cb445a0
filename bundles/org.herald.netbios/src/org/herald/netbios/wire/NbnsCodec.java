/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes {@link NbnsPacket}s (RFC 1002 section 4.2). Pure functions over bytes.
 *
 * <p>Writing follows what Samba and the RFC's packet diagrams do: a resource record whose name is
 * the question's name is written as a compression pointer to it (0xC00C), all other names in full.
 * Reading accepts compression anywhere a name stands.
 */
public final class NbnsCodec {

	/** Offset of the first question's name: just after the header. */
	private static final int QUESTION_NAME_OFFSET = NbnsPacket.HEADER_LENGTH;
	/** Smallest question: a 2-byte pointer, type and class. */
	private static final int MIN_QUESTION = 6;
	/** Smallest resource record: a 2-byte pointer, type, class, TTL and RDLENGTH. */
	private static final int MIN_RECORD = 12;

	private NbnsCodec() {
	}

	public static byte[] encode(NbnsPacket p) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		writeShort(out, p.transactionId());
		writeShort(out, p.headerFlags());
		writeShort(out, p.questions().size());
		writeShort(out, p.answers().size());
		writeShort(out, p.authorities().size());
		writeShort(out, p.additionals().size());
		for (NbnsQuestion q : p.questions()) {
			out.writeBytes(q.name().encode());
			writeShort(out, q.type());
			writeShort(out, q.questionClass());
		}
		EncodedName questionName = p.questions().isEmpty() ? null : p.questions().get(0).name();
		for (List<NbnsResourceRecord> section : List.of(p.answers(), p.authorities(), p.additionals())) {
			for (NbnsResourceRecord rr : section) {
				writeRecord(out, rr, questionName);
			}
		}
		return out.toByteArray();
	}

	private static void writeRecord(ByteArrayOutputStream out, NbnsResourceRecord rr, EncodedName questionName) {
		if (rr.name().equals(questionName)) {
			writeShort(out, 0xC000 | QUESTION_NAME_OFFSET);
		} else {
			out.writeBytes(rr.name().encode());
		}
		writeShort(out, rr.type());
		writeShort(out, rr.recordClass());
		writeInt(out, rr.ttl());
		writeShort(out, rr.data().length());
		switch (rr.data()) {
			case NbAddresses nb -> {
				for (NbAddress e : nb.entries()) {
					writeShort(out, e.flags());
					out.writeBytes(e.address().getAddress());
				}
			}
			case NodeStatusData ns -> {
				out.write(ns.names().size());
				for (NodeStatusEntry e : ns.names()) {
					out.writeBytes(e.paddedBytes());
					writeShort(out, e.flags());
				}
				out.writeBytes(ns.statistics());
			}
			case WackData w -> writeShort(out, w.requestFlags());
			case RawData r -> out.writeBytes(r.bytes());
		}
	}

	/** Reads the packet that fills {@code bytes[offset, offset + length)}. */
	public static NbnsPacket decode(byte[] bytes, int offset, int length) throws MalformedPacketException {
		if (offset < 0 || length < 0 || offset + length > bytes.length) {
			throw new IllegalArgumentException("range outside the array");
		}
		// Compression pointers count from the start of the message.
		return decode(offset == 0 ? bytes : Arrays.copyOfRange(bytes, offset, offset + length), length);
	}

	public static NbnsPacket decode(byte[] packet) throws MalformedPacketException {
		return decode(packet, packet.length);
	}

	private static NbnsPacket decode(byte[] b, int limit) throws MalformedPacketException {
		if (limit < NbnsPacket.HEADER_LENGTH) {
			throw new MalformedPacketException("packet of " + limit + " bytes is shorter than the NBNS header");
		}
		int id = readShort(b, 0);
		int flags = readShort(b, 2);
		int qd = readShort(b, 4);
		int an = readShort(b, 6);
		int ns = readShort(b, 8);
		int ar = readShort(b, 10);
		long least = (long) qd * MIN_QUESTION + (long) (an + ns + ar) * MIN_RECORD;
		if (least > limit - NbnsPacket.HEADER_LENGTH) {
			throw new MalformedPacketException("section counts " + qd + "/" + an + "/" + ns + "/" + ar + " cannot fit in "
					+ limit + " bytes");
		}
		if ((flags & 0x0060) != 0) {
			throw new MalformedPacketException("reserved NM_FLAGS bits set: 0x" + Integer.toHexString(flags));
		}
		boolean response = (flags & NbnsPacket.R_BIT) != 0;
		int opcode = (flags >> 11) & 0xF;
		Cursor c = new Cursor(b, limit, NbnsPacket.HEADER_LENGTH);
		List<NbnsQuestion> questions = new ArrayList<>(qd);
		for (int i = 0; i < qd; i++) {
			EncodedName name = c.name();
			questions.add(new NbnsQuestion(name, c.u16(), c.u16()));
		}
		boolean wack = response && opcode == NbnsPacket.OP_WACK;
		List<NbnsResourceRecord> answers = c.records(an, wack);
		List<NbnsResourceRecord> authorities = c.records(ns, wack);
		List<NbnsResourceRecord> additionals = c.records(ar, wack);
		return new NbnsPacket(id, response, opcode, flags & NbnsPacket.NM_FLAGS_MASK, flags & 0xF, questions, answers,
				authorities, additionals);
	}

	/** A read position in a packet, with bounds checks that raise {@link MalformedPacketException}. */
	private static final class Cursor {
		private final byte[] b;
		private final int limit;
		private int pos;

		Cursor(byte[] b, int limit, int pos) {
			this.b = b;
			this.limit = limit;
			this.pos = pos;
		}

		private void need(int n, String what) throws MalformedPacketException {
			if (pos + n > limit) {
				throw new MalformedPacketException("truncated " + what + " at offset " + pos);
			}
		}

		int u16() throws MalformedPacketException {
			need(2, "field");
			int v = readShort(b, pos);
			pos += 2;
			return v;
		}

		long u32() throws MalformedPacketException {
			need(4, "field");
			long v = (long) readShort(b, pos) << 16 | readShort(b, pos + 2);
			pos += 4;
			return v;
		}

		EncodedName name() throws MalformedPacketException {
			EncodedName.Read r = EncodedName.read(b, pos, limit);
			pos = r.next();
			return r.name();
		}

		List<NbnsResourceRecord> records(int count, boolean wack) throws MalformedPacketException {
			List<NbnsResourceRecord> list = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				EncodedName name = name();
				int type = u16();
				int cls = u16();
				long ttl = u32();
				int rdLength = u16();
				need(rdLength, "RDATA of " + rdLength + " bytes");
				RData data = rdata(type, rdLength, wack);
				list.add(new NbnsResourceRecord(name, type, cls, ttl, data));
			}
			return list;
		}

		private RData rdata(int type, int rdLength, boolean wack) throws MalformedPacketException {
			int start = pos;
			pos += rdLength;
			if (type == NbnsPacket.TYPE_NB && wack) {
				if (rdLength != 2) {
					throw new MalformedPacketException("WACK RDATA of " + rdLength + " bytes, expected 2");
				}
				return new WackData(readShort(b, start));
			}
			if (type == NbnsPacket.TYPE_NB) {
				if (rdLength % NbAddresses.ENTRY_LENGTH != 0) {
					throw new MalformedPacketException("NB RDATA of " + rdLength + " bytes is not a multiple of 6");
				}
				List<NbAddress> entries = new ArrayList<>(rdLength / NbAddresses.ENTRY_LENGTH);
				for (int at = start; at < start + rdLength; at += NbAddresses.ENTRY_LENGTH) {
					entries.add(NbAddress.of(readShort(b, at), ipv4(b, at + 2)));
				}
				return new NbAddresses(entries);
			}
			if (type == NbnsPacket.TYPE_NBSTAT && rdLength > 0) {
				int count = b[start] & 0xFF;
				if (1 + count * NodeStatusEntry.LENGTH > rdLength) {
					throw new MalformedPacketException(count + " node status names do not fit in RDATA of " + rdLength + " bytes");
				}
				List<NodeStatusEntry> names = new ArrayList<>(count);
				int at = start + 1;
				for (int i = 0; i < count; i++, at += NodeStatusEntry.LENGTH) {
					names.add(NodeStatusEntry.fromPadded(b, at, readShort(b, at + 16)));
				}
				return new NodeStatusData(names, Arrays.copyOfRange(b, at, start + rdLength));
			}
			return new RawData(Arrays.copyOfRange(b, start, start + rdLength));
		}
	}

	static int readShort(byte[] b, int at) {
		return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
	}

	static Inet4Address ipv4(byte[] b, int at) {
		try {
			return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + 4));
		} catch (UnknownHostException e) {
			throw new IllegalStateException(e); // cannot happen for 4 bytes
		}
	}

	private static void writeShort(ByteArrayOutputStream out, int v) {
		out.write(v >>> 8);
		out.write(v);
	}

	private static void writeInt(ByteArrayOutputStream out, long v) {
		writeShort(out, (int) (v >>> 16) & 0xFFFF);
		writeShort(out, (int) v & 0xFFFF);
	}
}
