#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# messenger-dev.sh <send|listen> ... --name X --workgroup WG --interfaces IP/PREFIX [--inbox DIR] [--register]
# A crude Herald CLI for the Messenger interop and bench runs before the product exists (the lead's
# launcher replaces it): compiles api, netbios, messenger and the dev runner (releng/dev/messenger-src,
# outside the Tycho build: it uses org.herald.netbios.internal) into $MESSENGER_DEV_OUT
# once (under a lock, so parallel starts are safe), then runs it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
M2=${M2_REPO:-$HOME/.m2/repository}
DS=$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar
out=${MESSENGER_DEV_OUT:-/tmp/messenger-dev}
srcs=$(find "$root/bundles/org.herald.api/src" "$root/bundles/org.herald.netbios/src" "$root/bundles/org.herald.messenger/src" \
	"$root/releng/dev/messenger-src" -name '*.java')
mkdir -p "$out"
(
	flock 9
	if [ ! -f "$out/.built" ] || [ -n "$(find $srcs -newer "$out/.built" 2>/dev/null | head -1)" ]; then
		rm -rf "$out/classes" && mkdir -p "$out/classes"
		"$J/javac" --release 21 -nowarn -cp "$DS" -d "$out/classes" $srcs
		touch "$out/.built"
	fi
) 9>"$out/.lock"
exec "$J/java" -cp "$out/classes:$DS" org.herald.messenger.dev.DevHerald "$@"
