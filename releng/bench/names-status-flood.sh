#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Node status flood: how many node status answers per second Herald's name responder sustains, and
# the CPU it spends on them, against nmbd under the same flood. Both responders run in private
# network namespaces (198.51.100.0/24, nothing leaves them): host 1 Herald (`herald names serve`),
# host 2 nmbd, host 3 the flooder (NameStatusFlood.java: WINDOW requests in flight, bounded by COUNT
# requests and SECONDS_LIMIT seconds). Each target gets a warm-up flood, then RUNS measured floods
# each, alternating Herald and nmbd (never both at once). CPU is utime+stime of the responder's process group, from
# /proc/<pid>/stat before and after each run.
#
# Run as root: releng/bench/names-status-flood.sh [HERALD_LAUNCHER]
# Settings (environment): COUNT (200000), SECONDS_LIMIT (10), WINDOW (64), RUNS (3).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
HERALD=${1:-$root/releng/org.herald.product/target/products/org.herald.product/linux/gtk/x86_64/herald/herald}
COUNT=${COUNT:-200000}
SECONDS_LIMIT=${SECONDS_LIMIT:-10}
WINDOW=${WINDOW:-64}
RUNS=${RUNS:-3}
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
	if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ]; then
		export JAVA_HOME=$candidate
		break
	fi
done
[ -x "${JAVA_HOME:-}/bin/javac" ] || { echo "bench: set JAVA_HOME to a JDK 21+" >&2; exit 1; }
[ -x "$HERALD" ] || { echo "bench: no Herald launcher at $HERALD (build the product first)" >&2; exit 1; }
command -v nmbd >/dev/null || { echo "bench: nmbd is not installed" >&2; exit 1; }

. "$root/releng/interop/netns.sh"
netns_init || exit 1
netns_create 3
ip1=$(netns_ip 1); ip2=$(netns_ip 2); ip3=$(netns_ip 3)
tck=$(getconf CLK_TCK)

"$JAVA_HOME/bin/javac" -nowarn -d "$NETNS_DIR/flood" "$here/NameStatusFlood.java" || exit 1
flood() { # flood TARGET_IP COUNT SECONDS
	netns_exec 3 "$JAVA_HOME/bin/java" -cp "$NETNS_DIR/flood" NameStatusFlood "$ip3" "$1" 137 "$2" "$3" "$WINDOW"
}

# cpu_ticks PGID - utime+stime (clock ticks) of every process in the group, all threads included.
cpu_ticks() {
	local pg=$1 total=0 f line
	local -a fields
	for f in /proc/[0-9]*/stat; do
		read -r line <"$f" 2>/dev/null || continue
		# Fields after "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
		read -r -a fields <<<"${line##*) }"
		[ "${fields[2]}" = "$pg" ] && total=$((total + fields[11] + fields[12]))
	done
	echo "$total"
}

field() { # field LINE KEY
	sed -n "s/.*\b$2=\([0-9.]*\).*/\1/p" <<<"$1"
}

# run_once LABEL TARGET_IP PGID - one measured flood; prints it, appends to RATES_<LABEL> and PERCPU_<LABEL>.
run_once() {
	local label=$1 target=$2 pg=$3 t0 t1 line rate answered seconds cpu percpu
	local -n rates=RATES_$label percpus=PERCPU_$label
	t0=$(cpu_ticks "$pg")
	line=$(flood "$target" "$COUNT" "$SECONDS_LIMIT")
	t1=$(cpu_ticks "$pg")
	rate=$(field "$line" rate)
	answered=$(field "$line" answered)
	seconds=$(field "$line" seconds)
	cpu=$(echo "scale=3; ($t1 - $t0) / $tck" | bc)
	percpu=0
	[ "$(echo "$cpu > 0" | bc)" = 1 ] && percpu=$(echo "$answered / $cpu" | bc)
	printf '  %-6s %s | CPU %ss = %s%% of one core, %s answers per CPU-second\n' "$label" "$line" "$cpu" \
		"$(echo "scale=0; 100 * $cpu / $seconds" | bc 2>/dev/null)" "$percpu"
	rates+=("$rate")
	percpus+=("$percpu")
}

median() {
	printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"
}

echo "== setup: Herald on $ip1 (host 1), nmbd on $ip2 (host 2), flooder on $ip3 (host 3); $(nproc) cores"
echo "   flood: $WINDOW requests in flight, at most $COUNT requests or $SECONDS_LIMIT s per run, $RUNS runs each"
hlog=$NETNS_DIR/herald.log
pg_h=$(netns_spawn 1 "$hlog" "$HERALD" names serve --name HFLOOD --workgroup BENCH --interfaces "$ip1/24")
conf=$(netns_samba_conf 2 SFLOOD BENCH)
pg_n=$(netns_start_nmbd 2 "$conf")
c3=$(netns_client_conf 3)
netns_wait 30 grep -q "REGISTERED BENCH<00>" "$hlog" || { echo "bench: Herald did not register:"; cat "$hlog"; exit 1; }
netns_wait 30 bash -c "ip netns exec $(netns_ns 3) nmblookup -s $c3 -A $ip2 | grep -q SFLOOD" ||
	{ echo "bench: nmbd does not answer node status"; exit 1; }
echo "   Herald lists $(netns_exec 3 nmblookup -s "$c3" -A "$ip1" | grep -c '<ACTIVE>') names, nmbd $(netns_exec 3 nmblookup -s "$c3" -A "$ip2" | grep -c '<ACTIVE>')"

# Warm-up floods (the JIT, nmbd's caches), then the runs alternate, so that the load of the machine
# at any moment weighs on both alike.
flood "$ip1" $((COUNT / 10)) 3 >/dev/null
flood "$ip2" $((COUNT / 10)) 3 >/dev/null
echo "== runs (nmbd $(nmbd --version))"
RATES_herald=() PERCPU_herald=() RATES_nmbd=() PERCPU_nmbd=()
for ((i = 1; i <= RUNS; i++)); do
	run_once herald "$ip1" "$pg_h"
	run_once nmbd "$ip2" "$pg_n"
done
h_rate=$(median "${RATES_herald[@]}") h_cpu=$(median "${PERCPU_herald[@]}")
n_rate=$(median "${RATES_nmbd[@]}") n_cpu=$(median "${PERCPU_nmbd[@]}")

netns_stop "$pg_h"
grep "^stopped:" "$hlog" | sed 's/^/   Herald /'
echo "== result (medians of $RUNS runs each; $(uptime | sed 's/.*load/load/'))"
echo "herald: $h_rate node status answers/s, $h_cpu answers per CPU-second"
echo "nmbd:   $n_rate node status answers/s, $n_cpu answers per CPU-second"
echo "ratio herald/nmbd: throughput $(echo "scale=2; $h_rate / $n_rate" | bc), answers per CPU-second $(echo "scale=2; $h_cpu / $n_cpu" | bc)"
