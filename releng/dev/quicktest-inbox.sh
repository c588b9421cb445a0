#!/bin/sh
# Compiles org.herald.api + org.herald.inbox and runs the inbox tests, without Maven (see briefs/common.md).
# Usage: releng/dev/quicktest-inbox.sh [extra JUnit console options, e.g. --select-class org.herald.inbox.internal.SchemaTest]
set -eu
cd "$(dirname "$0")/../.."
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
M2=${M2_REPO:-$HOME/.m2/repository}
H2=$M2/com/h2database/h2/2.5.252/h2-2.5.252.jar
DS=$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar
JUNIT=$M2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar
OUT=${OUT:-/tmp/quicktest-inbox}
rm -rf "$OUT"
"$J/javac" --release 21 -Xlint:all,-dangling-doc-comments,-serial -Werror -cp "$H2:$DS" -d "$OUT/classes" \
	$(find bundles/org.herald.api/src bundles/org.herald.inbox/src -name '*.java')
"$J/javac" --release 21 -cp "$OUT/classes:$JUNIT:$H2:$DS" -d "$OUT/test-classes" \
	$(find tests/org.herald.inbox.tests/src -name '*.java')
"$J/java" -jar "$JUNIT" execute --disable-banner --details=summary -cp "$OUT/classes:$OUT/test-classes:$H2" \
	${*:---scan-classpath}
