/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.cli.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.herald.api.cli.CliCommand;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The {@link CliCommand} services, taken only when needed. A command that declares its name as the
 * service property {@value #NAME} is found without starting it, so {@code herald send} starts the
 * messenger and not the inbox, the browser or p2; one without the property has to be started to
 * learn its name. Of two commands of one name, the higher service ranking wins.
 */
final class ServiceCommands implements Cli.Commands {

	/** The service property that names a command; documented in {@link CliCommand}. */
	static final String NAME = "herald.command";

	private final BundleContext context;
	private final String filter;

	/**
	 * @param filter an LDAP filter the commands must also match, or null for all. No service
	 *            tracker: a tracker takes every service it sees, which starts them all.
	 */
	ServiceCommands(BundleContext context, String filter) {
		this.context = context;
		this.filter = filter;
	}

	@Override
	public Optional<CliCommand> named(String name) {
		List<ServiceReference<CliCommand>> refs = byRanking();
		for (ServiceReference<CliCommand> ref : refs) {
			if (name.equals(ref.getProperty(NAME))) {
				CliCommand c = context.getService(ref);
				if (c != null) {
					return Optional.of(c);
				}
			}
		}
		for (ServiceReference<CliCommand> ref : refs) {
			if (ref.getProperty(NAME) == null) {
				CliCommand c = context.getService(ref);
				if (c != null && c.name().equals(name)) {
					return Optional.of(c);
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public List<CliCommand> all() {
		List<CliCommand> all = new ArrayList<>();
		for (ServiceReference<CliCommand> ref : byRanking()) {
			CliCommand c = context.getService(ref);
			if (c != null) {
				all.add(c);
			}
		}
		return all;
	}

	/** Highest ranking first. */
	private List<ServiceReference<CliCommand>> byRanking() {
		List<ServiceReference<CliCommand>> list;
		try {
			list = new ArrayList<>(context.getServiceReferences(CliCommand.class, filter));
		} catch (InvalidSyntaxException e) {
			throw new IllegalArgumentException(e);
		}
		Collections.sort(list); // ascending: the lowest ranking first
		Collections.reverse(list);
		return list;
	}
}
