#!/bin/sh
# Compiles org.herald.api, netbios, inbox, messenger and browser with the netbios, messenger and
# browser tests and runs the JUnit 5 tests without Maven (the Tycho build is the real one).
# Usage: releng/dev/quicktest-dgram.sh [junit console options, e.g. --select-class X]
set -eu
cd "$(dirname "$0")/../.."
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
M2=${M2_REPO:-$HOME/.m2/repository}
JUNIT=$M2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar
CP=$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar
CP=$CP:$M2/com/h2database/h2/2.5.252/h2-2.5.252.jar
CP=$CP:$M2/org/eclipse/platform/org.eclipse.equinox.preferences/3.12.100/org.eclipse.equinox.preferences-3.12.100.jar
CP=$CP:$M2/org/eclipse/platform/org.eclipse.equinox.common/3.21.0/org.eclipse.equinox.common-3.21.0.jar
CP=$CP:$M2/org/osgi/org.osgi.service.prefs/1.1.2/org.osgi.service.prefs-1.1.2.jar
CP=$CP:$M2/org/osgi/org.osgi.framework/1.8.0/org.osgi.framework-1.8.0.jar
OUT=${OUT:-/tmp/quicktest-dgram}
rm -rf "$OUT"
mkdir -p "$OUT/classes" "$OUT/test-classes"
"$J/javac" --release 21 -Xlint:all,-processing,-dangling-doc-comments,-serial,-try -cp "$CP" -d "$OUT/classes" \
	$(find bundles/org.herald.api/src bundles/org.herald.netbios/src bundles/org.herald.inbox/src bundles/org.herald.messenger/src \
		bundles/org.herald.browser/src -name '*.java')
"$J/javac" --release 21 -cp "$OUT/classes:$JUNIT:$CP" -d "$OUT/test-classes" \
	$(find tests/org.herald.netbios.tests/src tests/org.herald.messenger.tests/src tests/org.herald.browser.tests/src -name '*.java' \
		-not -path '*/osgi/*')
if [ $# -eq 0 ]; then
	set -- --scan-classpath
fi
"$J/java" -jar "$JUNIT" execute --disable-banner --details=summary -cp "$OUT/classes:$OUT/test-classes:$CP" "$@"
