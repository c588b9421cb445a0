#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# soak.sh [DURATION_SECONDS] - sustained receive load against `herald listen`, in private namespaces
# (releng/interop/netns.sh; nothing leaves them). Not run by CI by default.
#   host 1: the product's `herald listen`, storing into its real inbox (flood limit off: the load comes
#           from one address on purpose);
#   host 2: the load generator sendload.c at RATE messages per second (default 300), a new session per
#           message, CONCURRENCY (default 8) at once, for DURATION_SECONDS (default 600).
# Every INTERVAL seconds (default 10) it samples the listener's resident memory (VmRSS), the inbox
# file's size, the JVM's thread count and open file descriptors and what was acknowledged, into a
# table. At the end it says whether each stays level: RSS, threads and descriptors by the last third's
# maximum against the first third's (level if within SOAK_TOLERANCE percent, default 25, or a small
# absolute slack); the inbox file grows with what it holds, so it compares its growth per message
# in the last third with that in the first. Prints "level" or "NOT level" per measure; exits 1 if any
# is not level or the generator saw failures.
# HERALD: the product's launcher (default: the built one). Needs root, gcc.
set -u
DURATION=${1:-600}
RATE=${RATE:-300}
CONC=${CONCURRENCY:-8}
INTERVAL=${INTERVAL:-10}
TOL=${SOAK_TOLERANCE:-25}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/releng/interop/netns.sh"
netns_init || exit 1
netns_create 2
IP1=$(netns_ip 1)
netns_exec 2 sysctl -qw net.ipv4.ip_local_port_range="1024 65535" net.ipv4.tcp_tw_reuse=1
HERALD=${HERALD:-$root/releng/org.herald.product/target/products/org.herald.product/linux/gtk/x86_64/herald/herald}
gcc -O2 -o "$NETNS_DIR/sendload" "$here/sendload.c" || exit 1
WS=$NETNS_DIR/ws1
netns_exec 1 "$HERALD" -data "$WS" inbox policy --flood off --sessions-per-address 64 >/dev/null || exit 1
L=$(netns_spawn 1 "$NETNS_DIR/listen.log" "$HERALD" listen -data "$WS" --name SOAK1 --workgroup WG --interfaces "$IP1/24")
netns_wait 60 grep -q "^listening" "$NETNS_DIR/listen.log" || { cat "$NETNS_DIR/listen.log"; exit 1; }
JVM=$(pgrep -g "$L" java | head -1)
ACKS=$NETNS_DIR/acked
G=$(netns_spawn 2 "$NETNS_DIR/sendload.out" "$NETNS_DIR/sendload" -r "$RATE" -a "$ACKS" -t soak "$IP1" 445 $((RATE * DURATION)) "$CONC")

sample() { # elapsed -> one row: seconds rss_mb inbox_mb threads fds acked
	local rss threads fds size acked
	rss=$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$JVM/status" 2>/dev/null)
	threads=$(awk '/^Threads:/ { print $2 }' "/proc/$JVM/status" 2>/dev/null)
	fds=$(ls "/proc/$JVM/fd" 2>/dev/null | wc -l)
	size=$(stat -c %s "$WS/.herald/inbox.mv.db" 2>/dev/null || echo 0)
	acked=$([ -f "$ACKS" ] && wc -l <"$ACKS" || echo 0)
	printf '%8d %9s %10.1f %8s %6s %9d\n' "$1" "${rss:-dead}" "$(echo "$size / 1048576" | bc -l)" "${threads:-dead}" "$fds" "$acked"
}
printf '%8s %9s %10s %8s %6s %9s\n' seconds rss_mb inbox_mb threads fds acked | tee "$NETNS_DIR/table"
start=$SECONDS
# (the generator's summary line says it ended: an ended process may stay a zombie a while)
while ! grep -q '^delivered=' "$NETNS_DIR/sendload.out"; do
	sample $((SECONDS - start)) | tee -a "$NETNS_DIR/table"
	kill -0 "$JVM" 2>/dev/null || { echo "the listener died"; break; }
	sleep "$INTERVAL"
done
sample $((SECONDS - start)) | tee -a "$NETNS_DIR/table"
echo "generator: $(cat "$NETNS_DIR/sendload.out")"
netns_stop "$L"
grep '^stopped:' "$NETNS_DIR/listen.log"

# level? thirds of the samples (the header and the last sample, taken after the load, left out)
verdict=0
awk -v tol="$TOL" '
	NR > 1 { n++; t[n] = $1; rss[n] = $2; inbox[n] = $3; thr[n] = $4; fd[n] = $5; ack[n] = $6 }
	function maxof(a, from, to,   m, i) { m = a[from]; for (i = from; i <= to; i++) if (a[i] > m) m = a[i]; return m }
	function level(what, a, slack,   f, l, ok) {
		f = maxof(a, 1, third); l = maxof(a, n - third + 1, n)
		ok = l <= f * (1 + tol / 100) || l <= f + slack
		printf "%-22s first third max %8.1f, last third max %8.1f: %s\n", what, f, l, ok ? "level" : "NOT level"
		return ok
	}
	END {
		n--; third = int(n / 3); if (third < 1) { print "too few samples"; exit 1 }
		bad = 0
		bad += !level("RSS (MB)", rss, 32)
		bad += !level("threads", thr, 8)
		bad += !level("open descriptors", fd, 16)
		# inbox growth per acknowledged message, first third vs last third
		g1 = (inbox[third] - inbox[1]) / ((ack[third] - ack[1]) > 0 ? ack[third] - ack[1] : 1)
		g2 = (inbox[n] - inbox[n - third + 1]) / ((ack[n] - ack[n - third + 1]) > 0 ? ack[n] - ack[n - third + 1] : 1)
		ok = g2 <= g1 * (1 + tol / 100) || (g2 - g1) * 1048576 < 64
		printf "%-22s first third %6.0f bytes/message, last third %6.0f bytes/message: %s\n", "inbox file growth", g1 * 1048576, g2 * 1048576, ok ? "level" : "NOT level"
		bad += !ok
		exit bad > 0
	}' "$NETNS_DIR/table" || verdict=1
grep -q 'failed=0 ' "$NETNS_DIR/sendload.out" || { echo "the generator saw failures"; verdict=1; }
exit $verdict
