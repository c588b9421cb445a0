#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Development stand-in for the product's `herald` launcher (names, browse, scan, exposure), compiled with javac.
# Usage: releng/dev/herald-dev-browser.sh scan 198.51.100.0/24 --interfaces 198.51.100.2/24
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
M2=${M2_REPO:-$HOME/.m2/repository}
DS=$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar
out=${HERALD_DEV_OUT:-/tmp/herald-dev-browser}
stamp=$out/.stamp
srcs=$(find "$root/bundles/org.herald.api/src" "$root/bundles/org.herald.netbios/src" "$root/bundles/org.herald.messenger/src" \
	"$root/bundles/org.herald.browser/src" "$root/releng/dev/src" -name '*.java')
mkdir -p "$out"
if [ ! -f "$stamp" ] || [ -n "$(find $srcs -newer "$stamp" 2>/dev/null | head -1)" ]; then
	(
		flock 9
		rm -rf "$out/classes" && mkdir -p "$out/classes"
		"$J/javac" --release 21 -nowarn -cp "$DS" -d "$out/classes" $srcs
		touch "$stamp"
	) 9>"$out.lock"
fi
exec "$J/java" -cp "$out/classes:$DS" org.herald.browser.dev.BrowserDev "$@"
