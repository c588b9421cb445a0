/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.metadata.VersionRange;
import org.eclipse.equinox.p2.query.IQuery;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.herald.extensions.ExtensionException;

/** Finding installable units in a repository by what the user typed. */
final class Units {

	private Units() {
	}

	/** The repository's categorised features (the newest of each), or all its features when it has no category. */
	static List<IInstallableUnit> offered(IMetadataRepository repo) {
		Map<String, IInstallableUnit> newest = new LinkedHashMap<>();
		for (IInstallableUnit category : repo.query(QueryUtil.createIUCategoryQuery(), null)) {
			for (IInstallableUnit member : repo.query(QueryUtil.createIUCategoryMemberQuery(category), null)) {
				if (QueryUtil.isGroup(member) && !QueryUtil.isCategory(member)) {
					newest.merge(member.getId(), member, (a, b) -> a.getVersion().compareTo(b.getVersion()) >= 0 ? a : b);
				}
			}
		}
		if (newest.isEmpty()) {
			for (IInstallableUnit group : repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), null)) {
				if (!QueryUtil.isCategory(group)) {
					newest.put(group.getId(), group);
				}
			}
		}
		List<IInstallableUnit> list = new ArrayList<>(newest.values());
		list.removeIf(iu -> P2Extensions.BUILT_IN.contains(iu.getId()));
		list.sort(Comparator.comparing(IInstallableUnit::getId));
		return list;
	}

	/**
	 * The units named: {@code id}, {@code id/version}, or a feature's id without {@code .feature.group};
	 * the newest version when none is given.
	 */
	static List<IInstallableUnit> find(IMetadataRepository repo, List<String> names) throws ExtensionException {
		List<IInstallableUnit> found = new ArrayList<>();
		for (String name : names) {
			int slash = name.indexOf('/');
			String id = slash < 0 ? name : name.substring(0, slash);
			VersionRange range = VersionRange.emptyRange;
			if (slash >= 0) {
				try {
					Version v = Version.parseVersion(name.substring(slash + 1));
					range = new VersionRange(v, true, v, true);
				} catch (IllegalArgumentException e) {
					throw new ExtensionException("'" + name + "': not a version after the '/': " + e.getMessage());
				}
			}
			IInstallableUnit iu = newest(repo, id, range);
			if (iu == null && !id.endsWith(".feature.group")) {
				iu = newest(repo, id + ".feature.group", range);
			}
			if (iu == null) {
				List<String> offered = offered(repo).stream().map(u -> u.getId().replaceFirst("\\.feature\\.group$", "")).toList();
				throw new ExtensionException("the repository has no '" + name + "'"
						+ (offered.isEmpty() ? "" : "; it offers: " + String.join(", ", offered)));
			}
			found.add(iu);
		}
		return found;
	}

	private static IInstallableUnit newest(IMetadataRepository repo, String id, VersionRange range) {
		IQuery<IInstallableUnit> query = QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id, range));
		var result = repo.query(query, null);
		return result.isEmpty() ? null : result.iterator().next();
	}
}
