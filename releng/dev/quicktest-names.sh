#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Compiles org.herald.api + org.herald.netbios and their tests with javac and runs the JUnit 5 tests,
# without Maven (the OSGi tests under .../osgi run only in tycho-surefire). Usage: releng/dev/quicktest-names.sh [extra ConsoleLauncher options, e.g. --select-class X]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
M2=${M2_REPO:-$HOME/.m2/repository}
JUNIT=$M2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar
DS=$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar
out=${OUT:-/tmp/quicktest-names}
rm -rf "$out"
mkdir -p "$out/classes" "$out/test-classes"
"$J/javac" --release 21 -Xlint:all,-dangling-doc-comments,-serial -Werror -cp "$DS" -d "$out/classes" \
	$(find "$root/bundles/org.herald.api/src" "$root/bundles/org.herald.netbios/src" -name '*.java')
"$J/javac" --release 21 -cp "$out/classes:$JUNIT:$DS" -d "$out/test-classes" \
	$(find "$root/tests/org.herald.netbios.tests/src" -name '*.java' -not -path '*/osgi/*')
if [ $# -eq 0 ]; then
	set -- --scan-classpath
fi
"$J/java" -jar "$JUNIT" execute --disable-banner --details=summary -cp "$out/classes:$out/test-classes:$DS" "$@"
