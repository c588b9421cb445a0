/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.DatagramPacket;
import org.herald.netbios.wire.MalformedPacketException;

/**
 * Puts fragmented NetBIOS datagrams back together (RFC 1002 4.4.1 and 4.4.2: the F flag marks the
 * first fragment, M says more follow, PACKET_OFFSET places a fragment's user data in the whole;
 * every fragment repeats the header and both names). Fragments are collected per receiving socket,
 * source IP, source port and DGM_ID. A set is complete when the first fragment, the last one (M
 * clear) and everything between have arrived, in any order. Incomplete sets expire after a timeout;
 * the bytes held in all sets together, the sets and the pieces (fragments) held are bounded, and the
 * oldest set makes room for a new one; a set of more than {@link #MAX_FRAGMENTS} fragments is dropped.
 * The bounds on pieces matter for fragments with little or no data: their bytes are few, but each
 * costs a map entry (about 100 bytes) and a scan when the next fragment arrives.
 * Not a codec: it keeps state, but takes the time as an argument so tests need no clock.
 */
public final class FragmentReassembly {

	/** How long the fragments of one datagram may take to arrive: Herald's choice, senders send them back to back. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
	/** The user data bytes held in all incomplete sets together. */
	public static final int DEFAULT_MAX_BYTES = 1 << 20;
	/** Incomplete sets held at once. */
	public static final int DEFAULT_MAX_SETS = 256;
	/** Fragments held in all incomplete sets together (a mailslot write comes in 2 or 3). */
	public static final int DEFAULT_MAX_PIECES = 8192;
	/** PACKET_OFFSET is 16 bits; no whole datagram's user data is longer than this. */
	public static final int MAX_USER_DATA = 0xFFFF;
	/**
	 * Fragments held for one datagram. 64 KiB in fragments of a 576-byte UDP datagram take about 130;
	 * without a bound, tiny or empty fragments (which hold no bytes against the byte limit) would
	 * pile up to 65,536 per set, and every fragment would scan them all.
	 */
	public static final int MAX_FRAGMENTS = 256;

	/** What the reassembly has done so far. */
	public record Counts(int pending, long pendingBytes, long completed, long expired, long evicted, long inconsistent) {
	}

	/** Fragments held now in all incomplete sets (for tests). */
	synchronized int pendingPieces() {
		return heldPieces;
	}

	private record Key(Object socket, Inet4Address sourceAddress, int sourcePort, int id) {
	}

	private static final class Set {
		final long started;
		final Datagram header;
		final TreeMap<Integer, byte[]> pieces = new TreeMap<>();
		Datagram first;
		int total = -1;
		int bytes;

		Set(long started, Datagram header) {
			this.started = started;
			this.header = header;
		}
	}

	private final long timeoutNanos;
	private final int maxBytes;
	private final int maxSets;
	private final int maxPieces;
	private final Map<Key, Set> sets = new LinkedHashMap<>(); // oldest first
	private long heldBytes;
	private int heldPieces;
	private long completed;
	private long expired;
	private long evicted;
	private long inconsistent;

	public FragmentReassembly() {
		this(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, DEFAULT_MAX_SETS);
	}

	public FragmentReassembly(Duration timeout, int maxBytes, int maxSets) {
		this(timeout, maxBytes, maxSets, DEFAULT_MAX_PIECES);
	}

	public FragmentReassembly(Duration timeout, int maxBytes, int maxSets, int maxPieces) {
		if (timeout.isNegative() || timeout.isZero() || maxBytes <= 0 || maxSets <= 0 || maxPieces <= 0) {
			throw new IllegalArgumentException("timeout, byte, set and piece limits must be positive");
		}
		this.timeoutNanos = timeout.toNanos();
		this.maxBytes = maxBytes;
		this.maxSets = maxSets;
		this.maxPieces = maxPieces;
	}

	/**
	 * Takes one fragment received on {@code socket} (any value that tells receiving sockets apart)
	 * at {@code nowNanos} (a {@link System#nanoTime()} reading).
	 *
	 * @return the whole datagram once this fragment completes its set (F set, M clear, offset 0,
	 *         the first fragment's header and names); empty while fragments are missing. A whole
	 *         datagram given here comes back as it is.
	 * @throws MalformedPacketException if the fragment contradicts its flags or the fragments
	 *                                  received before it (its set is dropped)
	 */
	public synchronized Optional<Datagram> offer(Object socket, Datagram fragment, long nowNanos) throws MalformedPacketException {
		if (fragment.isWhole()) {
			return Optional.of(fragment);
		}
		boolean first = (fragment.flags() & DatagramPacket.FLAG_FIRST) != 0;
		boolean last = (fragment.flags() & DatagramPacket.FLAG_MORE) == 0;
		int offset = fragment.packetOffset();
		byte[] data = fragment.userData();
		if (first != (offset == 0)) {
			throw new MalformedPacketException("fragment with F " + (first ? "set" : "clear") + " at PACKET_OFFSET " + offset);
		}
		int end = offset + data.length;
		if (end > MAX_USER_DATA) {
			throw new MalformedPacketException("fragment ends at " + end + ", past the longest datagram");
		}
		expire(nowNanos);
		Key key = new Key(socket, fragment.sourceAddress(), fragment.sourcePort(), fragment.id());
		Set set = sets.get(key);
		if (set == null) {
			if (data.length > maxBytes) {
				evicted++;
				return Optional.empty();
			}
			set = new Set(nowNanos, fragment);
			sets.put(key, set);
		} else if (set.header.type() != fragment.type() || !set.header.destination().equals(fragment.destination())
				|| !set.header.source().equals(fragment.source())) {
			drop(key, set);
			inconsistent++;
			throw new MalformedPacketException("fragment of datagram " + fragment.id() + " names other parties than the fragments before it");
		}
		if (last) {
			if (set.total >= 0 && set.total != end) {
				drop(key, set);
				inconsistent++;
				throw new MalformedPacketException("two last fragments of datagram " + fragment.id() + " end at " + set.total + " and " + end);
			}
			set.total = end;
		}
		if (set.total >= 0 && (end > set.total || pastEnd(set))) {
			drop(key, set);
			inconsistent++;
			throw new MalformedPacketException("a fragment of datagram " + fragment.id() + " lies past its last fragment");
		}
		if (set.pieces.size() >= MAX_FRAGMENTS && !set.pieces.containsKey(offset)) {
			drop(key, set);
			evicted++;
			return Optional.empty();
		}
		if (first) {
			set.first = fragment;
		}
		byte[] replaced = set.pieces.put(offset, data);
		if (replaced == null) {
			heldPieces++;
		}
		int grow = data.length - (replaced != null ? replaced.length : 0);
		set.bytes += grow;
		heldBytes += grow;
		Optional<byte[]> whole = whole(set);
		if (whole.isEmpty()) {
			makeRoom(key);
			return Optional.empty();
		}
		drop(key, set);
		completed++;
		Datagram f = set.first;
		return Optional.of(new Datagram(f.type(), (f.flags() & ~DatagramPacket.FLAG_MORE) | DatagramPacket.FLAG_FIRST, f.id(),
				f.sourceAddress(), f.sourcePort(), 0, f.source(), f.destination(), whole.get()));
	}

	/** Drops the sets older than the timeout; returns how many. */
	public synchronized int expire(long nowNanos) {
		int n = 0;
		for (Iterator<Map.Entry<Key, Set>> i = sets.entrySet().iterator(); i.hasNext();) {
			Set s = i.next().getValue();
			if (nowNanos - s.started < timeoutNanos) {
				break; // insertion order is age order
			}
			i.remove();
			heldBytes -= s.bytes;
			heldPieces -= s.pieces.size();
			n++;
		}
		expired += n;
		return n;
	}

	public synchronized Counts counts() {
		return new Counts(sets.size(), heldBytes, completed, expired, evicted, inconsistent);
	}

	/** Evicts the oldest other sets while over a limit, and this one last if it alone is too big. */
	private void makeRoom(Key keep) {
		for (Iterator<Map.Entry<Key, Set>> i = sets.entrySet().iterator(); (over() || sets.size() > maxSets) && i.hasNext();) {
			Map.Entry<Key, Set> e = i.next();
			if (!e.getKey().equals(keep)) {
				i.remove();
				heldBytes -= e.getValue().bytes;
				heldPieces -= e.getValue().pieces.size();
				evicted++;
			}
		}
		if (over()) {
			drop(keep, sets.get(keep));
			evicted++;
		}
	}

	private boolean over() {
		return heldBytes > maxBytes || heldPieces > maxPieces;
	}

	private static boolean pastEnd(Set set) {
		for (Map.Entry<Integer, byte[]> p : set.pieces.entrySet()) {
			if (p.getKey() + p.getValue().length > set.total) {
				return true;
			}
		}
		return false;
	}

	private void drop(Key key, Set set) {
		if (sets.remove(key) != null) {
			heldBytes -= set.bytes;
			heldPieces -= set.pieces.size();
		}
	}

	/** The user data if the pieces cover 0 to the end without a gap and the first fragment is there. */
	private static Optional<byte[]> whole(Set set) {
		if (set.first == null || set.total < 0) {
			return Optional.empty();
		}
		int covered = 0;
		for (Map.Entry<Integer, byte[]> p : set.pieces.entrySet()) {
			if (p.getKey() > covered) {
				return Optional.empty();
			}
			covered = Math.max(covered, p.getKey() + p.getValue().length);
		}
		if (covered < set.total) {
			return Optional.empty();
		}
		byte[] out = new byte[set.total];
		for (Map.Entry<Integer, byte[]> p : set.pieces.entrySet()) {
			System.arraycopy(p.getValue(), 0, out, p.getKey(), p.getValue().length);
		}
		return Optional.of(out);
	}
}
