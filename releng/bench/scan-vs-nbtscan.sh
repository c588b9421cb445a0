#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Node-status scan speed and completeness: Herald's `scan` against nbtscan over the same loopback
# range, with a fixture (releng/bench/NbnsFixture.java) answering on every address of it, in a
# private network namespace that holds only lo (nothing leaves it). Also the fixture's own ceiling
# (a flooder that only sends and counts). Run as root. $HERALD is the launcher (default: ./herald,
# which builds the product if it is missing). Herald's wall time includes starting the JVM and the
# OSGi framework (about 1 s); its scanning time is the scan command's own measurement, from the
# first query to the end.
# Usage: scan-vs-nbtscan.sh [BASE COUNT]   (default 127.77.0.0 4094: the hosts of 127.77.0.0/20)
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
base=${1:-127.77.0.0}
count=${2:-4094}
range=$base/20
[ "$count" = 4094 ] || range=$base-$(python3 -c "import ipaddress;print(ipaddress.ip_address('$base')+$count)")
ns=hrlbench$$
dir=$(mktemp -d /tmp/hrlbench.XXXXXX)
pg=
cleanup() {
	[ -n "$pg" ] && kill -TERM -- "-$pg" 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
ip netns add "$ns" && ip -n "$ns" link set lo up || exit 1
"$HERALD" version >/dev/null || exit 1
"$J/javac" -d "$dir" "$here/NbnsFixture.java" || exit 1
setsid bash -c 'echo $$ > "$1"; shift; ulimit -n 16384; exec "$@"' x "$dir/pid" ip netns exec "$ns" "$J/java" -cp "$dir" NbnsFixture serve "$base" "$count" 137 >"$dir/fixture.log" 2>&1 &
for i in $(seq 100); do grep -q ready "$dir/fixture.log" 2>/dev/null && break; sleep 0.1; done
pg=$(cat "$dir/pid")
grep -q ready "$dir/fixture.log" || { echo "fixture did not start: $(cat "$dir/fixture.log")"; exit 1; }
now() { date +%s.%N; }
responders=$(awk '/ready/{print $2}' "$dir/fixture.log")
echo "target: $range ($count addresses, $responders responders with one socket each on port 137, in namespace $ns)"
for run in 1 2 3; do
	t0=$(now); nbt=$(ip netns exec "$ns" nbtscan -q "$range" 2>/dev/null | grep -c '^127\.'); t1=$(now)
	nbt_s=$(echo "$t1 - $t0" | bc)
	t0=$(now); her=$(ip netns exec "$ns" $HERALD scan "$range" --csv --rate 0 --timeout 1000 --retries 1 --interfaces 127.0.0.1/8 --name BENCH 2>"$dir/h.err" | grep -c '^127\.'); t1=$(now)
	her_s=$(echo "$t1 - $t0" | bc)
	inner=$(grep -o 'answered in [0-9.]* s' "$dir/h.err" | awk '{print $3}')
	last=$(grep -o 'last answer after [0-9.]* s' "$dir/h.err" | awk '{print $4}')
	printf "run %d: nbtscan %4d/%d found in %6.3f s = %7.0f hosts/s | Herald %4d/%d found in %6.3f s wall (%s s scanning, all found after %s s) = %7.0f hosts/s wall, %7.0f scanning\n" \
		"$run" "$nbt" "$responders" "$nbt_s" "$(echo "$count / $nbt_s" | bc -l)" "$her" "$responders" "$her_s" "$inner" "$last" \
		"$(echo "$count / $her_s" | bc -l)" "$(echo "$count / $inner" | bc -l)"
	echo "$nbt_s $her_s $inner" >>"$dir/times"
done
ceiling=$(ip netns exec "$ns" "$J/java" -cp "$dir" NbnsFixture flood "$base" "$count" 137)
echo "ceiling: $ceiling"
read -r bn bh bi < <(sort -n "$dir/times" | awk '{print $1, $2, $3}' | head -1)
best_nbt=$(awk '{print $1}' "$dir/times" | sort -n | head -1)
best_her=$(awk '{print $2}' "$dir/times" | sort -n | head -1)
best_in=$(awk '{print $3}' "$dir/times" | sort -n | head -1)
printf "best: nbtscan %.3f s, Herald %.3f s wall / %.3f s scanning; speed ratio Herald/nbtscan = %.2f (wall), %.2f (scanning)\n" \
	"$best_nbt" "$best_her" "$best_in" "$(echo "$best_nbt / $best_her" | bc -l)" "$(echo "$best_nbt / $best_in" | bc -l)"
