#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Compiles org.herald.api, .netbios, .messenger, .browser (host browser and exposure checker) and its
# tests with javac and runs the JUnit 5 tests, without Maven.
# Usage: releng/dev/quicktest-browser.sh [extra ConsoleLauncher options, e.g. --select-class X]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
M2=${M2_REPO:-$HOME/.m2/repository}
JUNIT=$M2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar
DS=$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar
out=${OUT:-/tmp/quicktest-browser}
rm -rf "$out"
mkdir -p "$out/classes" "$out/test-classes"
"$J/javac" --release 21 -Xlint:all,-dangling-doc-comments,-serial,-try -Werror -cp "$DS" -d "$out/classes" \
	$(find "$root/bundles/org.herald.api/src" "$root/bundles/org.herald.netbios/src" "$root/bundles/org.herald.messenger/src" \
		"$root/bundles/org.herald.browser/src" -name '*.java')
"$J/javac" --release 21 -cp "$out/classes:$JUNIT:$DS" -d "$out/test-classes" \
	$(find "$root/tests/org.herald.browser.tests/src" -name '*.java')
if [ $# -eq 0 ]; then
	set -- --scan-classpath
fi
"$J/java" -jar "$JUNIT" execute --disable-banner --details=summary -cp "$out/classes:$out/test-classes:$DS" "$@"
