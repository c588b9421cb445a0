/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.cli;

import java.util.List;

/**
 * A command of the headless CLI ({@code herald <name> ...}). Bundles contribute commands as OSGi
 * services of this type; the CLI application finds them by {@link #name()}. The identity options
 * ({@code --name --workgroup --interfaces --wins}) and {@code -data} are taken off the arguments
 * before {@link #run} sees them; they are in {@link CommandContext#identity()}.
 * <p>
 * Declare the name as the service property {@code herald.command} too, e.g.
 * {@code @Component(service = CliCommand.class, property = "herald.command=alerts")}: the CLI then
 * starts only the command it runs (and the services that one needs). A command without the
 * property still works, but is started in every {@code herald} run that looks for a command by
 * name, only to ask its {@link #name()}.
 */
public interface CliCommand {

	/** The word that selects this command, e.g. {@code names}. */
	String name();

	/** One line for {@code herald --help}. */
	String summary();

	/** The full usage text for {@code herald <name> --help}. */
	String usage();

	/**
	 * Runs the command.
	 *
	 * @return the exit status: 0 success, 1 failure
	 * @throws UsageException for wrong arguments (exit status 2, with its message and the usage)
	 */
	int run(CommandContext context, List<String> args) throws UsageException, Exception;
}
