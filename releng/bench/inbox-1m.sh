#!/bin/sh
# Inbox store benchmark: fill an inbox with 1,000,000 realistic messages through accept() (32 threads,
# each accept fsynced by group commit), then word-search and list latency, plan, RSS.
# Usage: releng/bench/inbox-1m.sh [WORKSPACE] [MESSAGES] [THREADS]   (no network traffic; see InboxBench)
# An existing WORKSPACE is topped up to MESSAGES, so a second run measures the queries only.
# INBOX_JAVA_OPTS is passed to the JVM, e.g. -Dherald.inbox.fsync=false to fill fast (no fsync per commit).
set -eu
cd "$(dirname "$0")/../.."
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
M2=${M2_REPO:-$HOME/.m2/repository}
H2=$M2/com/h2database/h2/2.5.252/h2-2.5.252.jar
DS=$M2/org/osgi/org.osgi.service.component.annotations/1.5.1/org.osgi.service.component.annotations-1.5.1.jar
ANN=$M2/org/osgi/osgi.annotation/8.1.0/osgi.annotation-8.1.0.jar
OUT=${OUT:-/tmp/inbox-bench}
WS=${1:-/tmp/inbox-bench-ws}
rm -rf "$OUT"
"$J/javac" --release 21 -cp "$H2:$DS:$ANN" -d "$OUT/classes" $(find bundles/org.herald.api/src bundles/org.herald.inbox/src -name '*.java')
# the benchmark alone: it needs no JUnit (which is not in an offline repository's cache)
"$J/javac" --release 21 -cp "$OUT/classes:$H2" -d "$OUT/test-classes" tests/org.herald.inbox.tests/src/org/herald/inbox/internal/InboxBench.java
mkdir -p "$WS"
/usr/bin/time -v "$J/java" -Xmx${HEAP:-1g} ${INBOX_JAVA_OPTS:-} -cp "$OUT/classes:$OUT/test-classes:$H2" org.herald.inbox.internal.InboxBench "$WS" ${2:-1000000} ${3:-32} \
	2> "$OUT/time.txt"
grep -E "Maximum resident|Elapsed" "$OUT/time.txt"
