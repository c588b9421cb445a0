/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.fuzz;

import java.util.Arrays;

import org.herald.browser.wire.NetServerEnum2;

import org.herald.netbios.wire.MalformedPacketException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.SmbTransaction;

/**
 * RAP NetServerEnum2 answers. Input byte 0 picks the form: even, the RAP parameters and data
 * directly (byte 1 is the parameters' length, the rest follows); odd, the SMB_COM_TRANSACTION replies
 * as the server list client reads them, each behind a 16-bit big-endian length, put together by
 * {@link SmbTransaction.Assembler} and read by {@link NetServerEnum2#answer}.
 */
class RapFuzzTest {

	@FuzzTest
	void answer(byte[] input) {
		if (input.length < 2) {
			return;
		}
		try {
			if ((input[0] & 1) == 0) {
				int split = Math.min(input[1] & 0xFF, input.length - 2);
				NetServerEnum2.answer(Arrays.copyOfRange(input, 2, 2 + split), Arrays.copyOfRange(input, 2 + split, input.length));
				return;
			}
			SmbTransaction.Assembler assembler = new SmbTransaction.Assembler();
			for (int at = 1; at + 2 <= input.length;) {
				int length = Math.min((input[at] & 0xFF) << 8 | input[at + 1] & 0xFF, input.length - at - 2);
				SmbPacket p = SmbPacket.parse(Arrays.copyOfRange(input, at + 2, at + 2 + length));
				at += 2 + length;
				if (assembler.add(SmbTransaction.ReplyPart.parse(p))) {
					SmbTransaction.Reply reply = assembler.reply();
					NetServerEnum2.answer(reply.parameters(), reply.data()).ok();
					return;
				}
			}
		} catch (MalformedPacketException e) {
			// refused
		}
	}
}
