#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# A CLI command's own start: the wall time of `herald version` (JVM, OSGi framework, Declarative
# Services, the CLI application; no network) and of `herald config` (reads the workspace's
# settings), side by side
# with Samba's `nmblookup -V` and the bare JVM (`java -version` of the same runtime), run after
# run, interleaved so a busy machine slows all alike. Sends nothing. $HERALD is the launcher
# (default: the built product).
# Usage: cli-start.sh [RUNS]   (default 7)
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../org.herald.product/target/products/org.herald.product/linux/gtk/x86_64/herald/herald}
runs=${1:-7}
dir=$(mktemp -d /tmp/herald-clistart.XXXXXX)
trap 'rm -rf "$dir"' EXIT
java=$(dirname "$HERALD")/jre/bin/java
[ -x "$java" ] || java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
command -v nmblookup >/dev/null || { echo "cli-start: nmblookup is missing (apt install samba-common-bin)" >&2; exit 1; }
"$HERALD" -data "$dir/ws" version >/dev/null || exit 1 # the first start fills Equinox's cache
wall() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
for i in $(seq "$runs"); do
	echo "$(wall "$HERALD" -data "$dir/ws" version) $(wall "$HERALD" -data "$dir/ws" config) $(wall nmblookup -V) $(wall "$java" -Xshare:auto -version)" >>"$dir/t"
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
v=$(awk '{print $1}' "$dir/t" | median); c=$(awk '{print $2}' "$dir/t" | median)
n=$(awk '{print $3}' "$dir/t" | median); j=$(awk '{print $4}' "$dir/t" | median)
vmin=$(awk '{print $1}' "$dir/t" | sort -n | head -1)
echo "runs: $runs (median ms): herald version $v (best $vmin), herald config $c, nmblookup -V $n, java -version $j"
echo "goal: a command's own start <= 500 ms; herald version = $(echo "scale=2; $v / 500" | bc)x the goal, $(echo "scale=1; $v / $n" | bc)x nmblookup, $(echo "scale=1; $v / $j" | bc)x the bare JVM"
