/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import static org.herald.browser.wire.CapturedBrowseFrames.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.NetbiosName;

import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.DatagramPacket;
import org.herald.netbios.wire.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.herald.smb.wire.MailslotWrite;

/** Browser frames: nmbd's captured frames decode, their browser bytes re-encode exactly, and bad frames are refused. */
class BrowserFrameTest {

	private static BrowseDatagram read(String frame) throws MalformedPacketException {
		byte[] b = hex(frame);
		return BrowseDatagram.parse(b, b.length).orElseThrow();
	}

	/** The browser frame bytes inside a captured datagram (the mailslot write's data). */
	private static byte[] frameBytes(String frame) throws MalformedPacketException {
		byte[] b = hex(frame);
		Datagram d = (Datagram) DatagramPacket.parse(b, 0, b.length);
		return MailslotWrite.parse(d.userData()).data();
	}

	@Test
	void hostAnnouncementOfNmbd() throws Exception {
		BrowseDatagram d = read(CapturedBrowseFrames.HOST_ANNOUNCEMENT);
		assertEquals(BindInterface.parseIpv4("198.51.100.1"), d.sourceAddress());
		assertEquals(new NetbiosName("SAMBA1", 0), d.source());
		assertEquals(new NetbiosName("CAPWG", 0x1D), d.destination());
		assertEquals("\\MAILSLOT\\BROWSE", d.mailslot());
		Announcement a = assertInstanceOf(Announcement.class, d.frame());
		assertEquals(Announcement.Kind.HOST, a.kind());
		assertEquals(60_000, a.periodicity());
		assertEquals("SAMBA1", a.name());
		assertEquals(6, a.versionMajor());
		assertEquals(1, a.versionMinor());
		assertEquals(0x00819A03, a.serverType());
		assertEquals(List.of("workstation", "server", "print", "unix", "nt", "server-nt", "potential-browser", "dfs"), ServerType.names(a.serverType()));
		assertEquals(0x0F, a.browserMajor());
		assertEquals(0x01, a.browserMinor());
		assertEquals(Announcement.SIGNATURE, a.signature());
		assertEquals("Samba one", a.comment());
		assertArrayEquals(frameBytes(CapturedBrowseFrames.HOST_ANNOUNCEMENT), a.encode());
	}

	@Test
	void localMasterAnnouncementOfNmbd() throws Exception {
		BrowseDatagram d = read(CapturedBrowseFrames.LOCAL_MASTER);
		assertEquals(new NetbiosName("CAPWG", 0x1E), d.destination());
		Announcement a = assertInstanceOf(Announcement.class, d.frame());
		assertEquals(Announcement.Kind.LOCAL_MASTER, a.kind());
		assertEquals(2, a.updateCount());
		assertEquals(120_000, a.periodicity());
		assertEquals(0x00849A03, a.serverType());
		assertTrue(ServerType.has(a.serverType(), ServerType.MASTER_BROWSER));
		assertArrayEquals(frameBytes(CapturedBrowseFrames.LOCAL_MASTER), a.encode());
	}

	@Test
	void domainAnnouncementNamesWorkgroupAndMaster() throws Exception {
		BrowseDatagram d = read(CapturedBrowseFrames.DOMAIN);
		assertEquals(NetbiosName.MSBROWSE, d.destination());
		Announcement a = assertInstanceOf(Announcement.class, d.frame());
		assertEquals(Announcement.Kind.DOMAIN, a.kind());
		assertEquals("CAPWG", a.name());
		assertEquals("SAMBA1", a.comment());
		assertEquals(0x80001000, a.serverType());
		assertArrayEquals(frameBytes(CapturedBrowseFrames.DOMAIN), a.encode());
	}

	@Test
	void electionRequestOfNmbd() throws Exception {
		BrowseDatagram d = read(CapturedBrowseFrames.ELECTION);
		ElectionRequest e = assertInstanceOf(ElectionRequest.class, d.frame());
		assertEquals(1, e.version());
		assertEquals(0x41010F0AL, e.criteria());
		assertEquals(6000, e.uptime());
		assertEquals("OTHER3", e.serverName());
		assertArrayEquals(frameBytes(CapturedBrowseFrames.ELECTION), e.encode());
	}

	@Test
	void announcementRequestOfNmbdParsesDespiteSambasLayout() throws Exception {
		BrowseDatagram d = read(CapturedBrowseFrames.ANNOUNCEMENT_REQUEST);
		assertEquals(new NetbiosName("CAPWG", 0x1E), d.destination());
		AnnouncementRequest r = assertInstanceOf(AnnouncementRequest.class, d.frame());
		assertEquals("", r.responseName()); // receivers ignore it (MS-BRWS 2.2.2); Samba's byte 2 is 0
	}

	@Test
	void announcementRequestAsMsBrwsLaysItOut() throws Exception {
		byte[] b = new AnnouncementRequest("HERALD").encode();
		assertArrayEquals(hex("0200" + "484552414c4400"), b);
		assertEquals(new AnnouncementRequest("HERALD"), BrowserFrame.parse(b));
	}

	@Test
	void heraldsHostAnnouncementInADatagram() throws Exception {
		Announcement a = Announcement.host(3, 240_000, "HERALD", 6, 1, ServerType.WORKSTATION | ServerType.SERVER, "Herald");
		byte[] expected = hex("01" + "03" + "80a90300" + "48455241 4c440000 00000000 00000000".replace(" ", "") + "0601" + "03000000" + "0f01"
				+ "55aa" + "48657261 6c6400".replace(" ", ""));
		assertArrayEquals(expected, a.encode());
		BrowseDatagram d = new BrowseDatagram(BindInterface.parseIpv4("198.51.100.9"), new NetbiosName("HERALD", 0),
				new NetbiosName("LAB", 0x1D), BrowseDatagram.BROWSE_MAILSLOT, a);
		byte[] wire = d.encode(7, true);
		assertEquals(DatagramPacket.DIRECT_GROUP, wire[0] & 0xFF);
		assertEquals(138, (wire[8] & 0xFF) << 8 | (wire[9] & 0xFF));
		assertEquals(Optional.of(d), BrowseDatagram.parse(wire, wire.length));
	}

	@Test
	void backupListFrames() throws Exception {
		GetBackupListRequest q = new GetBackupListRequest(4, 0x01020304L);
		assertArrayEquals(hex("090404030201"), q.encode());
		assertEquals(q, BrowserFrame.parse(q.encode()));
		GetBackupListResponse r = new GetBackupListResponse(0x01020304L, List.of("SAMBA1", "B2"));
		assertArrayEquals(hex("0a0204030201" + "53414d42413100" + "423200"), r.encode());
		assertEquals(r, BrowserFrame.parse(r.encode()));
		assertThrows(MalformedPacketException.class, () -> BrowserFrame.parse(hex("0a0204030201" + "53414d424131")));
	}

	@Test
	void otherOpcodesAreKeptWhole() throws Exception {
		BrowserFrame f = BrowserFrame.parse(hex("0e01"));
		assertEquals(new OtherBrowserFrame(0x0E, hex("0e01")), f);
	}

	@Test
	void truncatedFramesAreMalformed() {
		byte[] host = hex(CapturedBrowseFrames.HOST_ANNOUNCEMENT);
		assertThrows(MalformedPacketException.class, () -> BrowserFrame.parse(new byte[0]));
		assertThrows(MalformedPacketException.class, () -> BrowserFrame.parse(hex("01000000")));
		assertThrows(MalformedPacketException.class, () -> BrowserFrame.parse(hex("0800")));
		for (int cut = 1; cut < host.length; cut += 7) {
			byte[] b = Arrays.copyOf(host, cut);
			try {
				BrowseDatagram.parse(b, b.length);
			} catch (MalformedPacketException e) {
				// expected for most cuts; the point is that nothing else is thrown
			}
		}
	}

	/** Found by fuzzing (releng/fuzz BrowserFuzzTest): a name filling all 16 bytes escaped as IllegalArgumentException. */
	@Test
	void announcedNameWithoutNulIsMalformed() {
		byte[] frame = hex("01" + "00" + "60ea0000" + "49".repeat(16) + "0601" + "039a8100" + "0f01" + "55aa" + "00");
		MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> BrowserFrame.parse(frame));
		assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
	}

	@Test
	void messengerMailslotIsNotABrowserFrame() throws Exception {
		MailslotWrite w = MailslotWrite.messenger("A\0B\0hi\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		byte[] dgm = Datagram.whole(DatagramPacket.DIRECT_UNIQUE, 1, BindInterface.parseIpv4("198.51.100.9"), 138,
				new org.herald.netbios.wire.EncodedName(new NetbiosName("A", 0)),
				new org.herald.netbios.wire.EncodedName(new NetbiosName("B", 3)), w.encode()).encode();
		assertEquals(Optional.empty(), BrowseDatagram.parse(dgm, dgm.length));
	}
}
