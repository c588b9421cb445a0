/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.engine.query.UserVisibleRootQuery;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProfileChangeOperation;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.herald.extensions.Change;
import org.herald.extensions.Extension;
import org.herald.extensions.ExtensionException;
import org.herald.extensions.ExtensionService;

/**
 * The extension service on p2's operations API, for one agent and one profile (the running
 * installation's own, or a test's). Each change holds the {@link ProvisioningLock}.
 */
public final class P2Extensions implements ExtensionService {

	/** The roots the product itself installs; never listed as extensions, never removed. */
	static final Set<String> BUILT_IN = Set.of("org.herald.product", "org.herald.feature.feature.group",
			"org.herald.rcp.feature.feature.group", "org.herald.extensions.feature.feature.group");

	static final String UNTRUSTED_SERVER = "the server's certificate is not trusted by Herald's Java (an administrator adds its CA"
			+ " to the trust store: javax.net.ssl.trustStore in configuration/config.ini, see EXTENDING.md); ";

	private final IProvisioningAgent agent;
	private final String profileId;
	private final BooleanSupplier locked;
	private final Path dataArea;
	private final RepositoryList repositories;

	/**
	 * @param dataArea the p2 data area (the lock file and the list of repositories live there)
	 * @param locked   whether the administrator turned installing off, asked at each change
	 */
	public P2Extensions(IProvisioningAgent agent, String profileId, Path dataArea, BooleanSupplier locked) {
		this.agent = agent;
		this.profileId = profileId;
		this.dataArea = dataArea;
		this.locked = locked;
		this.repositories = new RepositoryList(dataArea.resolve("herald-extension-repositories.txt"));
	}

	@Override
	public boolean locked() {
		return locked.getAsBoolean();
	}

	@Override
	public List<Extension> installed() throws ExtensionException {
		return roots().values().stream().filter(iu -> !BUILT_IN.contains(iu.getId())).map(P2Extensions::extension)
				.sorted(Comparator.comparing(Extension::id)).toList();
	}

	@Override
	public List<URI> repositories() {
		return repositories.read();
	}

	@Override
	public void addRepository(URI repository, IProgressMonitor monitor) throws ExtensionException {
		load(repository, SubMonitor.convert(monitor));
		repositories.add(repository);
	}

	@Override
	public List<Extension> available(URI repository, IProgressMonitor monitor) throws ExtensionException {
		return Units.offered(load(repository, SubMonitor.convert(monitor))).stream().map(P2Extensions::extension).toList();
	}

	@Override
	public Change install(URI repository, List<String> units, boolean allowUnsigned, IProgressMonitor monitor) throws ExtensionException {
		refuseIfLocked("install");
		SubMonitor sub = SubMonitor.convert(monitor, "Installing from " + repository, 100);
		try (ProvisioningLock lock = lock()) {
			boolean known = knownToManagers(repository);
			try {
				IMetadataRepository repo = load(repository, sub.split(20));
				List<IInstallableUnit> ius = units.isEmpty() ? Units.offered(repo) : Units.find(repo, units);
				Map<String, IInstallableUnit> roots = roots();
				ius = ius.stream().filter(iu -> !iu.equals(roots.get(iu.getId()))).toList();
				if (ius.isEmpty()) {
					throw new ExtensionException("nothing to install: " + (units.isEmpty() ? "everything " + repository + " offers" : String.join(", ", units))
							+ " is installed already");
				}
				InstallOperation op = new InstallOperation(new ProvisioningSession(agent), ius);
				Change change = run(op, List.of(repository), allowUnsigned, "install " + names(ius), sub.split(80));
				repositories.add(repository);
				return change;
			} catch (ExtensionException | RuntimeException e) {
				if (!known) {
					forget(repository);
				}
				throw e;
			}
		}
	}

	@Override
	public Change uninstall(List<String> units, IProgressMonitor monitor) throws ExtensionException {
		refuseIfLocked("uninstall");
		if (units.isEmpty()) {
			throw new ExtensionException("name the extension to uninstall (herald extensions list shows them)");
		}
		try (ProvisioningLock lock = lock()) {
			List<IInstallableUnit> ius = installedUnits(units);
			UninstallOperation op = new UninstallOperation(new ProvisioningSession(agent), ius);
			return run(op, repositories.read(), true, "uninstall " + names(ius), SubMonitor.convert(monitor, 100));
		}
	}

	@Override
	public Change update(List<String> units, boolean allowUnsigned, IProgressMonitor monitor) throws ExtensionException {
		refuseIfLocked("update");
		try (ProvisioningLock lock = lock()) {
			List<IInstallableUnit> ius;
			if (units.isEmpty()) {
				ius = roots().values().stream().filter(iu -> !BUILT_IN.contains(iu.getId())).toList();
				if (ius.isEmpty()) {
					return new Change(List.of(), List.of(), "no extensions are installed; nothing to update");
				}
			} else {
				ius = installedUnits(units);
			}
			List<URI> known = repositories.read();
			if (known.isEmpty()) {
				return new Change(List.of(), List.of(), "no repositories are known; nothing to update");
			}
			UpdateOperation op = new UpdateOperation(new ProvisioningSession(agent), ius);
			return run(op, known, allowUnsigned, "update " + names(ius), SubMonitor.convert(monitor, 100));
		}
	}

	/** Resolves and performs a change; on any failure the profile is as it was. */
	private Change run(ProfileChangeOperation op, List<URI> repos, boolean allowUnsigned, String what, IProgressMonitor monitor)
			throws ExtensionException {
		SubMonitor sub = SubMonitor.convert(monitor, 100);
		op.setProfileId(profileId);
		ProvisioningContext context = new ProvisioningContext(agent);
		context.setMetadataRepositories(repos.toArray(URI[]::new));
		context.setArtifactRepositories(repos.toArray(URI[]::new));
		op.setProvisioningContext(context);
		Map<String, IInstallableUnit> before = roots();
		IStatus resolved = op.resolveModal(sub.split(30));
		if (resolved.getSeverity() == IStatus.CANCEL) {
			throw new ExtensionException("cancelled; nothing was changed");
		}
		if (op instanceof UpdateOperation && resolved.getCode() == UpdateOperation.STATUS_NOTHING_TO_UPDATE) {
			return new Change(List.of(), List.of(), "everything is up to date");
		}
		if (resolved.getSeverity() == IStatus.ERROR) {
			String details = op.getResolutionDetails();
			throw new ExtensionException("cannot " + what + ": " + Statuses.describe(resolved)
					+ (details == null || details.isBlank() ? "" : "\n" + details.strip()) + "\nnothing was changed");
		}
		ProvisioningJob job = op.getProvisioningJob(null);
		if (job == null) {
			throw new ExtensionException("cannot " + what + ": p2 made no plan (" + Statuses.describe(resolved) + "); nothing was changed");
		}
		TrustChecker trust = new TrustChecker(allowUnsigned);
		Object previous = agent.getService(UIServices.SERVICE_NAME);
		agent.registerService(UIServices.SERVICE_NAME, trust);
		IStatus done;
		try {
			done = job.runModal(sub.split(70));
		} catch (OperationCanceledException e) {
			throw new ExtensionException("cancelled; nothing was changed");
		} finally {
			agent.unregisterService(UIServices.SERVICE_NAME, trust);
			if (previous != null) {
				agent.registerService(UIServices.SERVICE_NAME, previous);
			}
		}
		if (!trust.refused().isEmpty()) {
			throw new ExtensionException("refused to " + what + ": the content is not trusted:\n  " + String.join("\n  ", trust.refused())
					+ "\nunsigned or untrusted content installs only with --allow-unsigned (or the dialog's 'Allow unsigned content'); nothing was changed");
		}
		if (done.getSeverity() == IStatus.CANCEL) {
			throw new ExtensionException("cancelled; nothing was changed");
		}
		if (done.getSeverity() == IStatus.ERROR) {
			throw new ExtensionException("cannot " + what + ": " + Statuses.describe(done) + "; nothing was changed");
		}
		Map<String, IInstallableUnit> after = roots();
		List<Extension> added = new ArrayList<>();
		List<Extension> removed = new ArrayList<>();
		after.forEach((id, iu) -> {
			if (!iu.equals(before.get(id))) {
				added.add(extension(iu));
			}
		});
		before.forEach((id, iu) -> {
			if (!iu.equals(after.get(id))) {
				removed.add(extension(iu));
			}
		});
		return new Change(added, removed, added.isEmpty() && removed.isEmpty() ? "nothing changed" : "restart Herald to use the change");
	}

	private List<IInstallableUnit> installedUnits(List<String> units) throws ExtensionException {
		Map<String, IInstallableUnit> roots = roots();
		List<IInstallableUnit> ius = new ArrayList<>();
		for (String unit : units) {
			String id = roots.containsKey(unit) ? unit : unit + ".feature.group";
			IInstallableUnit iu = roots.get(id);
			if (BUILT_IN.contains(id)) {
				throw new ExtensionException("'" + unit + "' is part of Herald itself, not an extension");
			}
			if (iu == null) {
				List<String> names = installed().stream().map(Extension::shortId).toList();
				throw new ExtensionException("'" + unit + "' is not an installed extension"
						+ (names.isEmpty() ? " (none is installed)" : "; installed: " + String.join(", ", names)));
			}
			ius.add(iu);
		}
		return ius;
	}

	/** The profile's user-visible roots by id. */
	private Map<String, IInstallableUnit> roots() throws ExtensionException {
		IProfile profile = profile();
		Map<String, IInstallableUnit> roots = new LinkedHashMap<>();
		for (IInstallableUnit iu : profile.query(new UserVisibleRootQuery(), null)) {
			roots.put(iu.getId(), iu);
		}
		return roots;
	}

	private IProfile profile() throws ExtensionException {
		IProfileRegistry registry = agent.getService(IProfileRegistry.class);
		IProfile profile = registry == null ? null : registry.getProfile(profileId);
		if (profile == null) {
			throw new ExtensionException("this Herald has no p2 profile '" + profileId + "' in " + dataArea
					+ ": extensions install only into an installed product (started from its own folder)");
		}
		return profile;
	}

	private IMetadataRepository load(URI repository, SubMonitor monitor) throws ExtensionException {
		IMetadataRepositoryManager metadata = agent.getService(IMetadataRepositoryManager.class);
		IArtifactRepositoryManager artifacts = agent.getService(IArtifactRepositoryManager.class);
		boolean known = knownToManagers(repository);
		SubMonitor sub = SubMonitor.convert(monitor, 2);
		try {
			IMetadataRepository repo = metadata.loadRepository(repository, sub.split(1));
			artifacts.loadRepository(repository, sub.split(1));
			return repo;
		} catch (ProvisionException e) {
			if (!known) {
				forget(repository);
			}
			throw new ExtensionException("no usable p2 repository at " + repository + ": "
					+ (Statuses.untrustedCertificate(e.getStatus()) ? UNTRUSTED_SERVER : "") + Statuses.describe(e.getStatus()), e);
		} catch (OperationCanceledException e) {
			throw new ExtensionException("cancelled; nothing was changed");
		}
	}

	private boolean knownToManagers(URI repository) {
		IMetadataRepositoryManager metadata = agent.getService(IMetadataRepositoryManager.class);
		return metadata != null && metadata.contains(repository);
	}

	private void forget(URI repository) {
		agent.getService(IMetadataRepositoryManager.class).removeRepository(repository);
		agent.getService(IArtifactRepositoryManager.class).removeRepository(repository);
	}

	private ProvisioningLock lock() throws ExtensionException {
		return ProvisioningLock.acquire(dataArea.resolve(".herald-provisioning.lock"));
	}

	private void refuseIfLocked(String what) throws ExtensionException {
		if (locked()) {
			throw new ExtensionException("the administrator turned extensions off for this installation (" + LOCKED_PROPERTY
					+ "=true in configuration/config.ini or -D" + LOCKED_PROPERTY + "=true): cannot " + what);
		}
	}

	private static String names(List<IInstallableUnit> ius) {
		return String.join(", ", ius.stream().map(iu -> extension(iu).shortId() + " " + iu.getVersion()).toList());
	}

	static Extension extension(IInstallableUnit iu) {
		String name = iu.getProperty(IInstallableUnit.PROP_NAME, null);
		String vendor = iu.getProperty(IInstallableUnit.PROP_PROVIDER, null);
		return new Extension(iu.getId(), iu.getVersion().toString(), name == null ? iu.getId() : name, vendor == null ? "" : vendor);
	}
}
