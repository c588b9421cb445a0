#!/bin/sh
# Compiles org.herald.api, org.herald.netbios and org.herald.messenger with the messenger tests and the
# netbios wire tests and runs
# the JUnit 5 tests, without Maven (the lead's Tycho build is the real one).
# Usage: releng/dev/quicktest-messenger.sh [extra junit console options, e.g. --select-class X]
set -eu
cd "$(dirname "$0")/../.."
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
M2=${M2_REPO:-$HOME/.m2/repository}
JUNIT=$M2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar
DS=$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar
OUT=${OUT:-/tmp/messenger-build}
rm -rf "$OUT"
mkdir -p "$OUT/classes" "$OUT/test-classes"
"$J/javac" --release 21 -Xlint:all,-processing,-dangling-doc-comments -cp "$DS" -d "$OUT/classes" \
	$(find bundles/org.herald.api/src bundles/org.herald.netbios/src bundles/org.herald.messenger/src -name '*.java')
"$J/javac" --release 21 -cp "$OUT/classes:$JUNIT:$DS" -d "$OUT/test-classes" \
	$(find tests/org.herald.netbios.tests/src/org/herald/netbios/wire tests/org.herald.messenger.tests/src -name '*.java' 2>/dev/null)
"$J/java" -jar "$JUNIT" execute --disable-banner --details=summary -cp "$OUT/classes:$OUT/test-classes:$DS" \
	${1+"$@"} $( [ $# -eq 0 ] && echo --scan-classpath )
