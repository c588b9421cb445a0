#!/bin/sh
# Compiles org.herald.api, netbios, inbox and messenger with the messenger tests and runs the JUnit 5
# tests without Maven or OSGi (the Tycho build is the real one; tests under */osgi/* need OSGi and are left out).
# Usage: releng/dev/quicktest-charsets.sh [extra junit console options, e.g. --select-class X]
set -eu
cd "$(dirname "$0")/../.."
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
M2=${M2_REPO:-$HOME/.m2/repository}
JUNIT=$M2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar
DS=$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar
PREFS=$M2/org/eclipse/platform/org.eclipse.equinox.preferences/3.12.100/org.eclipse.equinox.preferences-3.12.100.jar:$M2/org/osgi/org.osgi.service.prefs/1.1.2/org.osgi.service.prefs-1.1.2.jar:$M2/org/eclipse/platform/org.eclipse.equinox.common/3.21.0/org.eclipse.equinox.common-3.21.0.jar
H2=$M2/com/h2database/h2/2.5.252/h2-2.5.252.jar
CP="$DS:$PREFS:$H2"
OUT=${OUT:-/tmp/charsets-build}
rm -rf "$OUT"
mkdir -p "$OUT/classes" "$OUT/test-classes"
"$J/javac" --release 21 -Xlint:all,-processing,-dangling-doc-comments,-serial -cp "$CP" -d "$OUT/classes" \
	$(find bundles/org.herald.api/src bundles/org.herald.netbios/src bundles/org.herald.inbox/src bundles/org.herald.messenger/src -name '*.java')
"$J/javac" --release 21 -cp "$OUT/classes:$JUNIT:$CP" -d "$OUT/test-classes" \
	$(find tests/org.herald.netbios.tests/src/org/herald/netbios/wire tests/org.herald.messenger.tests/src -name '*.java' -not -path '*/osgi/*')
"$J/java" -jar "$JUNIT" execute --disable-banner --details=summary -cp "$OUT/classes:$OUT/test-classes:$CP" \
	${1+"$@"} $( [ $# -eq 0 ] && echo --scan-classpath )
