#!/bin/sh
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# herald-dev.sh <send|listen> ... --name X --workgroup WG --interfaces IP/PREFIX [--inbox DIR]
# A crude Herald CLI for interop runs before the product exists (the lead's launcher replaces it):
# compiles api, netbios, messenger and the dev runner into $HERALD_DEV_OUT once, then runs it.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
M2=${M2_REPO:-$HOME/.m2/repository}
DS=$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar
out=${HERALD_DEV_OUT:-/tmp/herald-dev}
if [ ! -f "$out/.built" ] || [ -n "$(find "$root/bundles" "$root/tests/org.herald.messenger.tests/src/org/herald/messenger/dev" -name '*.java' -newer "$out/.built" 2>/dev/null | head -1)" ]; then
	rm -rf "$out"
	mkdir -p "$out/classes"
	"$J/javac" --release 21 -nowarn -cp "$DS" -d "$out/classes" \
		$(find "$root/bundles/org.herald.api/src" "$root/bundles/org.herald.netbios/src" "$root/bundles/org.herald.messenger/src" \
			"$root/tests/org.herald.messenger.tests/src/org/herald/messenger/dev" -name '*.java')
	touch "$out/.built"
fi
exec "$J/java" -cp "$out/classes:$DS" org.herald.messenger.dev.DevHerald "$@"
