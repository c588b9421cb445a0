/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

import org.herald.messenger.CodePageRule;
import org.herald.messenger.CodePages;
import org.herald.messenger.wire.MessageCharset;

/**
 * Chooses the code page of one peer, for what arrives from it and what goes to it: by the
 * {@link CodePages} rules (read at each choice, so a change in Preferences applies at once),
 * finding out the peer's workgroup from its node status only when a workgroup rule could decide
 * and neither a host nor an address rule did.
 */
public final class PeerCharsets implements AutoCloseable {

	private final Supplier<CodePages> pages;
	private final PeerWorkgroups workgroups;

	/**
	 * @param pages      the rules in effect
	 * @param workgroups finds peers' workgroups; null: only a workgroup the caller knows counts
	 */
	PeerCharsets(Supplier<CodePages> pages, PeerWorkgroups workgroups) {
		this.pages = pages;
		this.workgroups = workgroups;
	}

	/** The rules in effect, without asking anyone. */
	public static PeerCharsets of(Supplier<CodePages> pages) {
		return new PeerCharsets(pages, null);
	}

	/** One code page for every peer. */
	public static PeerCharsets fixed(MessageCharset charset) {
		CodePages only = CodePages.of(charset.oem());
		return new PeerCharsets(() -> only, null);
	}

	/** The same rules, finding out workgroups with {@code finder} (closed with the result). */
	PeerCharsets withWorkgroups(PeerWorkgroups finder) {
		return new PeerCharsets(pages, finder);
	}

	public CodePages pages() {
		return pages.get();
	}

	/** The default code page. */
	public MessageCharset defaultCharset() {
		return new MessageCharset(pages.get().defaultCodePage());
	}

	/**
	 * The code page of a peer.
	 *
	 * @param names     its NetBIOS names as far as known (the calling or source name, the originator), may be empty
	 * @param address   its address, may be null
	 * @param workgroup its workgroup if the caller knows it, may be null
	 */
	public MessageCharset forPeer(Collection<String> names, InetAddress address, String workgroup) {
		CodePages p = pages.get();
		Optional<CodePageRule> rule = p.byName(names).or(() -> p.byAddress(address));
		if (rule.isEmpty()) {
			rule = p.byWorkgroup(workgroup);
			if (rule.isEmpty() && p.hasWorkgroupRules() && workgroups != null && address instanceof Inet4Address a) {
				rule = workgroups.workgroupOf(a).flatMap(p::byWorkgroup);
			}
		}
		return new MessageCharset(rule.map(CodePageRule::codePage).orElse(p.defaultCodePage()));
	}

	@Override
	public void close() {
		if (workgroups != null) {
			workgroups.close();
		}
	}
}
