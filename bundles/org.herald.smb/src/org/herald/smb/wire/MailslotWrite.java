/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.herald.netbios.wire.MalformedPacketException;

/**
 * A mailslot write (MS-MAIL 2.2.1, MS-CIFS 2.2.4.33.1): an SMB_COM_TRANSACTION with WordCount 17,
 * no parameters, SetupCount 3 (opcode 1 = write, priority, class), the mailslot name as the
 * transaction name and the message as the transaction data. It travels as the user data of a
 * NetBIOS datagram; it has no reply.
 *
 * @param mailslot      e.g. {@code \MAILSLOT\MESSNGR}
 * @param priority      MS-MAIL: 0-9; senders use 1
 * @param mailslotClass 1 reliable, 2 unreliable and broadcast (the only class datagrams use)
 */
public record MailslotWrite(String mailslot, int priority, int mailslotClass, byte[] data) {

	/** The mailslot WinPopup and the Messenger service read. */
	public static final String MESSENGER_MAILSLOT = "\\MAILSLOT\\MESSNGR";
	/** MS-MAIL 2.2.1: the setup word opcode of a write. */
	public static final int OPCODE_WRITE = 1;
	public static final int CLASS_UNRELIABLE = 2;
	/** Win32 documentation: data of a mailslot message sent across machines is limited to 424 bytes. */
	public static final int MAX_DATA = 424;

	private static final int WORD_COUNT = 17;
	private static final int SETUP_COUNT = 3;
	/** Offset of the data block's first byte from the start of the SMB header: header, WordCount, 17 words, ByteCount. */
	private static final int BYTES_START = SmbHeader.LENGTH + 1 + 2 * WORD_COUNT + 2;

	public MailslotWrite {
		data = data.clone();
	}

	/** A write to \MAILSLOT\MESSNGR as WinPopup sends it: priority 1, class 2. */
	public static MailslotWrite messenger(byte[] body) {
		return new MailslotWrite(MESSENGER_MAILSLOT, 1, CLASS_UNRELIABLE, body);
	}

	@Override
	public byte[] data() {
		return data.clone();
	}

	/**
	 * The SMB bytes. The data follows the NUL-terminated name without padding and DataOffset points
	 * exactly at it (87 for \MAILSLOT\MESSNGR), as Samba writes it and tshark expects it.
	 */
	public byte[] encode() {
		byte[] name = mailslot.getBytes(StandardCharsets.US_ASCII);
		int dataOffset = BYTES_START + name.length + 1;
		byte[] w = new byte[2 * WORD_COUNT];
		Le.put16(w, 0, 0); // TotalParameterCount
		Le.put16(w, 2, data.length); // TotalDataCount
		Le.put16(w, 4, 0); // MaxParameterCount
		Le.put16(w, 6, 0); // MaxDataCount
		w[8] = 0; // MaxSetupCount
		w[9] = 0; // Reserved1
		Le.put16(w, 10, 0); // Flags
		Le.put32(w, 12, 0); // Timeout
		Le.put16(w, 16, 0); // Reserved2
		Le.put16(w, 18, 0); // ParameterCount
		Le.put16(w, 20, dataOffset); // ParameterOffset: no parameters; points where they would start
		Le.put16(w, 22, data.length); // DataCount
		Le.put16(w, 24, dataOffset); // DataOffset
		w[26] = SETUP_COUNT;
		w[27] = 0; // Reserved3
		Le.put16(w, 28, OPCODE_WRITE);
		Le.put16(w, 30, priority);
		Le.put16(w, 32, mailslotClass);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length + 1 + data.length);
		bytes.writeBytes(name);
		bytes.write(0);
		bytes.writeBytes(data);
		SmbHeader header = new SmbHeader(SmbCommand.TRANSACTION, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		return new SmbPacket(header, w, bytes.toByteArray()).encode();
	}

	/** Reads a mailslot write from the SMB bytes of a datagram's user data. */
	public static MailslotWrite parse(byte[] smb) throws MalformedPacketException {
		SmbPacket p = SmbPacket.parse(smb);
		if (p.command() != SmbCommand.TRANSACTION) {
			throw new MalformedPacketException(String.format("not SMB_COM_TRANSACTION but command 0x%02X", p.command()));
		}
		if (p.wordCount() < 14) {
			throw new MalformedPacketException("transaction WordCount " + p.wordCount() + " is too small");
		}
		byte[] w = p.rawWords();
		int totalDataCount = Le.u16(w, 2);
		int dataCount = Le.u16(w, 22);
		int dataOffset = Le.u16(w, 24);
		int setupCount = w[26] & 0xFF;
		if (p.wordCount() != 14 + setupCount) {
			throw new MalformedPacketException("WordCount " + p.wordCount() + " does not match SetupCount " + setupCount);
		}
		if (setupCount < SETUP_COUNT) {
			throw new MalformedPacketException("a mailslot write has 3 setup words, not " + setupCount);
		}
		int opcode = Le.u16(w, 28);
		if (opcode != OPCODE_WRITE) {
			throw new MalformedPacketException("mailslot opcode " + opcode + " is not a write");
		}
		if (dataCount != totalDataCount) {
			throw new MalformedPacketException("a mailslot write comes whole: DataCount " + dataCount + " != TotalDataCount " + totalDataCount);
		}
		byte[] bytes = p.rawBytes();
		int start = SmbHeader.LENGTH + 1 + 2 * p.wordCount() + 2;
		int nameEnd = 0;
		while (nameEnd < bytes.length && bytes[nameEnd] != 0) {
			nameEnd++;
		}
		if (nameEnd >= bytes.length) {
			throw new MalformedPacketException("mailslot name is not NUL-terminated");
		}
		String name = new String(bytes, 0, nameEnd, StandardCharsets.ISO_8859_1);
		int from = dataOffset - start;
		if (from <= nameEnd || from + dataCount > bytes.length) {
			throw new MalformedPacketException("DataOffset " + dataOffset + " / DataCount " + dataCount + " outside the data block");
		}
		return new MailslotWrite(name, Le.u16(w, 30), Le.u16(w, 32), Arrays.copyOfRange(bytes, from, from + dataCount));
	}

	/** Whether this write is for \MAILSLOT\MESSNGR (mailslot names are case-insensitive). */
	public boolean isForMessenger() {
		return mailslot.equalsIgnoreCase(MESSENGER_MAILSLOT);
	}
}
