/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.equinox.p2.core.IAgentLocation;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.herald.extensions.Change;
import org.herald.extensions.Extension;
import org.herald.extensions.ExtensionException;
import org.herald.extensions.ExtensionService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The running installation's extension service: p2's current agent (the product's p2 data area,
 * {@code eclipse.p2.data.area}) and its own profile ({@code _SELF_}).
 */
@Component(service = ExtensionService.class)
public final class ExtensionServiceComponent implements ExtensionService {

	private final BundleContext context;
	private final IProvisioningAgentProvider provider;
	private P2Extensions delegate;

	@Activate
	public ExtensionServiceComponent(BundleContext context, @Reference IProvisioningAgentProvider provider) {
		this.context = context;
		this.provider = provider;
	}

	private synchronized P2Extensions delegate() throws ExtensionException {
		if (delegate == null) {
			IProvisioningAgent agent = currentAgent();
			IAgentLocation location = agent.getService(IAgentLocation.class);
			if (location == null || location.getRootLocation() == null || !"file".equals(location.getRootLocation().getScheme())) {
				throw new ExtensionException("this Herald has no p2 data area on disk: extensions install only into an installed product");
			}
			delegate = new P2Extensions(agent, IProfileRegistry.SELF, Path.of(location.getRootLocation()), this::lockedByAdmin);
		}
		return delegate;
	}

	private IProvisioningAgent currentAgent() throws ExtensionException {
		try {
			Collection<ServiceReference<IProvisioningAgent>> refs = context.getServiceReferences(IProvisioningAgent.class,
					"(" + IProvisioningAgent.SERVICE_CURRENT + "=true)");
			for (ServiceReference<IProvisioningAgent> ref : refs) {
				IProvisioningAgent agent = context.getService(ref);
				if (agent != null) {
					return agent;
				}
			}
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
		if (context.getProperty("eclipse.p2.data.area") == null) {
			throw new ExtensionException("this Herald runs without a p2 data area (eclipse.p2.data.area is not set):"
					+ " extensions install only into an installed product");
		}
		try {
			return provider.createAgent(null);
		} catch (ProvisionException e) {
			throw new ExtensionException("cannot open this installation's p2 data: " + Statuses.describe(e.getStatus()), e);
		}
	}

	private boolean lockedByAdmin() {
		return Boolean.parseBoolean(context.getProperty(LOCKED_PROPERTY));
	}

	@Override
	public boolean locked() {
		return lockedByAdmin();
	}

	@Override
	public List<Extension> installed() throws ExtensionException {
		return delegate().installed();
	}

	@Override
	public List<Extension> available(URI repository, IProgressMonitor monitor) throws ExtensionException {
		return delegate().available(repository, monitor);
	}

	@Override
	public List<URI> repositories() {
		try {
			return delegate().repositories();
		} catch (ExtensionException e) {
			return List.of();
		}
	}

	@Override
	public void addRepository(URI repository, IProgressMonitor monitor) throws ExtensionException {
		delegate().addRepository(repository, monitor);
	}

	@Override
	public Change install(URI repository, List<String> units, boolean allowUnsigned, IProgressMonitor monitor) throws ExtensionException {
		return delegate().install(repository, units, allowUnsigned, monitor);
	}

	@Override
	public Change uninstall(List<String> units, IProgressMonitor monitor) throws ExtensionException {
		return delegate().uninstall(units, monitor);
	}

	@Override
	public Change update(List<String> units, boolean allowUnsigned, IProgressMonitor monitor) throws ExtensionException {
		return delegate().update(units, allowUnsigned, monitor);
	}
}
