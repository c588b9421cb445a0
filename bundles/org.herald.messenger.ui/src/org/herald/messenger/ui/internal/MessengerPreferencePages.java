/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;

import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.osgi.service.datalocation.Location;
import org.herald.api.Settings;
import org.herald.inbox.InboxService;
import org.herald.messenger.CodePageStore;
import org.herald.ui.PreferencePageProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The messenger's pages of File &gt; Preferences: character sets, spam defence, encryption, notifications. */
public final class MessengerPreferencePages {

	private MessengerPreferencePages() {
	}

	/** Preferences &gt; Notifications. */
	@Component(service = PreferencePageProvider.class)
	public static class NotificationsProvider implements PreferencePageProvider {

		@Override
		public String id() {
			return "notifications";
		}

		@Override
		public int order() {
			return 30;
		}

		@Override
		public IPreferencePage create() {
			return new NotificationsPage();
		}
	}

	/** Preferences &gt; Character sets. */
	@Component(service = PreferencePageProvider.class)
	public static class CharsetsProvider implements PreferencePageProvider {

		private final CodePageStore codePages;

		@Activate
		public CharsetsProvider(@Reference CodePageStore codePages) {
			this.codePages = codePages;
		}

		@Override
		public String id() {
			return "charsets";
		}

		@Override
		public int order() {
			return 10;
		}

		@Override
		public IPreferencePage create() {
			return new CharsetsPage(codePages);
		}
	}

	/** Preferences &gt; Encryption: the workspace's encryption policy and our fingerprint. */
	@Component(service = PreferencePageProvider.class)
	public static class EncryptionProvider implements PreferencePageProvider {

		private final BundleContext context;

		@Activate
		public EncryptionProvider(BundleContext context) {
			this.context = context;
		}

		@Override
		public String id() {
			return "encryption";
		}

		@Override
		public int order() {
			return 25;
		}

		@Override
		public IPreferencePage create() {
			try {
				for (var ref : context.getServiceReferences(Location.class, Location.INSTANCE_FILTER)) {
					var dir = WorkspaceInbox.directory(context.getService(ref));
					if (dir.isPresent()) {
						return new EncryptionPage(org.herald.peer.IdentityKey.loadOrCreate(dir.get()).fingerprint());
					}
				}
			} catch (InvalidSyntaxException | IOException e) {
				// the policy can still be chosen
			}
			return new EncryptionPage(null);
		}
	}

	/** Preferences &gt; Spam defence, on the inbox of this workspace. */
	@Component(service = PreferencePageProvider.class)
	public static class SpamDefenceProvider implements PreferencePageProvider {

		private final InboxService inboxes;
		private final Settings settings;
		private final BundleContext context;

		@Activate
		public SpamDefenceProvider(@Reference InboxService inboxes, @Reference Settings settings, BundleContext context) {
			this.inboxes = inboxes;
			this.settings = settings;
			this.context = context;
		}

		@Override
		public String id() {
			return "spam";
		}

		@Override
		public int order() {
			return 20;
		}

		@Override
		public IPreferencePage create() {
			try {
				for (var ref : context.getServiceReferences(Location.class, Location.INSTANCE_FILTER)) {
					Location workspace = context.getService(ref);
					return new SpamDefencePage(WorkspaceInbox.open(inboxes, workspace, settings.identity())
							.orElseThrow(() -> new IOException("no workspace")));
				}
			} catch (InvalidSyntaxException | IOException e) {
				throw new IllegalStateException("the inbox of this workspace cannot be opened: " + e.getMessage(), e);
			}
			throw new IllegalStateException("no workspace");
		}
	}
}
