#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# crash-interop.sh [ROUNDS] - crash durability: a message Herald acknowledged is in its inbox after the
# receiver is killed (SIGKILL) in the middle of a burst, and the inbox opens again without repair.
# In private network namespaces (releng/interop/netns.sh; 198.51.100.0/24, no uplink). As root.
#
#   host 1  the receiver: the product's `herald listen` (ROUNDS rounds, default 5), then the workbench
#           under an Xvfb of its own (one round), each on a workspace of its own
#   host 2  the load generator releng/bench/sendload.c (built here with gcc): concurrent sessions on
#           TCP 445, unique ids in the texts ("crash rR N"), and a file of the ids whose answer said
#           success; a reset, a refused connection, a missing answer or an SMB error is not acknowledged
#
# Each round: a receiver starts, the burst begins, the receiver's JVM is killed by its PID once a
# random number of messages (200 to 1,400 of 3,000) were acknowledged, the burst ends (its sessions fail). Then: the inbox exports
# (herald inbox export --format json, in host 1's namespace) without manual repair, every acknowledged
# id is in it (acknowledged is a subset of stored), no id is stored twice; the next receiver takes
# messages again. Prints sent, acknowledged, stored per round, then "N passed, N failed".
# HERALD: the product's launcher (default ./herald). Needs root, gcc, Xvfb.
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
ROUNDS=${1:-5}
COUNT=${CRASH_COUNT:-3000}
CONC=${CRASH_CONCURRENCY:-48}
. "$here/netns.sh"
netns_init || exit 1
. "$here/checks.sh"

netns_create 2
IP1=$(netns_ip 1); IP2=$(netns_ip 2)
# one session per message: let the sender reuse its TIME_WAIT ports (as the receive benchmark does)
netns_exec 2 sysctl -qw net.ipv4.ip_local_port_range="1024 65535" net.ipv4.tcp_tw_reuse=1
SENDLOAD=$NETNS_DIR/sendload
gcc -O2 -o "$SENDLOAD" "$here/../bench/sendload.c" || { ko "sendload.c builds (gcc)"; checks_report; exit; }
"$HERALD" version >/dev/null || exit 1

# herald in host 1 on workspace $1 (the inbox's H2 server binds 127.0.0.1 of that namespace)
h1() {
	local ws=$1
	shift
	netns_exec 1 "$HERALD" -data "$ws" "$@"
}
prepare() { # workspace: the burst comes from one address on purpose
	h1 "$1" inbox policy --flood off --sessions-per-address 64 >/dev/null
}
jvm_of() { # process group -> the JVM's pid in it
	pgrep -g "$1" java | head -1
}

acks() { # name -> messages acknowledged so far
	[ -f "$NETNS_DIR/acked-$1" ] && wc -l <"$NETNS_DIR/acked-$1" || echo 0
}
ended() { # name -> whether that round's generator printed its summary
	grep -q '^delivered=' "$NETNS_DIR/load-$1.out" 2>/dev/null
}
# round NAME WORKSPACE PGID: burst, kill, check
round() {
	local name=$1 ws=$2 pgid=$3 tag="crash $1" acked sent stored jvm kill_at lp deadline
	kill_at=$((200 + RANDOM % 1200))
	lp=$(netns_spawn 2 "$NETNS_DIR/load-$name.out" "$SENDLOAD" -t "$tag" -a "$NETNS_DIR/acked-$name" "$IP1" 445 "$COUNT" "$CONC")
	deadline=$((SECONDS + 120))
	# (the generator's summary line says it ended: an ended process may stay a zombie a while)
	while [ "$(acks "$name")" -lt "$kill_at" ] && ! ended "$name" && [ "$SECONDS" -lt "$deadline" ]; do
		sleep 0.05
	done
	jvm=$(jvm_of "$pgid")
	if ! ended "$name"; then
		echo "  round $name: SIGKILL to the receiver (pid $jvm) after $(acks "$name") acknowledgements, burst still running"
	else
		echo "  round $name: the burst ended before the kill point ($kill_at): $(cat "$NETNS_DIR/load-$name.out")"
	fi
	[ -n "$jvm" ] && kill -KILL "$jvm"
	# its sessions fail now (reset, refused); it ends by itself (at most 60 s without an answer)
	netns_wait 90 ended "$name" || netns_stop "$lp"
	sent=$(sed -n 's/^delivered=\([0-9]*\) failed=\([0-9]*\).*/\1 \2/p' "$NETNS_DIR/load-$name.out")
	sent=$(( ${sent% *} + ${sent#* } ))
	sort -n -u "$NETNS_DIR/acked-$name" >"$NETNS_DIR/acked-$name.sorted"
	acked=$(wc -l <"$NETNS_DIR/acked-$name.sorted")
	if h1 "$ws" inbox export --format json >"$NETNS_DIR/export-$name.json" 2>"$NETNS_DIR/export-$name.err"; then
		ok "round $name: the inbox opens after SIGKILL without repair (export)"
	else
		ko "round $name: the inbox opens after SIGKILL without repair: $(head -3 "$NETNS_DIR/export-$name.err")"
	fi
	grep -o "\"text\": \"$tag [0-9]*\"" "$NETNS_DIR/export-$name.json" | grep -o '[0-9]*"$' | tr -d '"' | sort -n >"$NETNS_DIR/stored-$name"
	stored=$(sort -u "$NETNS_DIR/stored-$name" | wc -l)
	local dups missing
	dups=$(uniq -d "$NETNS_DIR/stored-$name" | wc -l)
	missing=$(comm -23 "$NETNS_DIR/acked-$name.sorted" <(sort -n -u "$NETNS_DIR/stored-$name") | wc -l)
	echo "  round $name: sent $sent, acknowledged $acked, stored $stored (stored, not acknowledged: $((stored - acked + missing)); acknowledged, not stored: $missing)"
	check "round $name: acknowledged ($acked) is a subset of stored ($stored)" test "$missing" -eq 0 -a "$acked" -gt 0
	check "round $name: no message stored twice ($dups)" test "$dups" -eq 0
	ROUND_ACKED=$acked
}

# --- herald listen, ROUNDS times on one workspace: each new listener opens what the killed one left
WS=$NETNS_DIR/ws-listen
prepare "$WS"
for ((r = 1; r <= ROUNDS; r++)); do
	log=$NETNS_DIR/listen-$r.log
	L=$(netns_spawn 1 "$log" "$HERALD" listen --name CRASH1 --workgroup WG --interfaces "$IP1/24" -data "$WS")
	if ! netns_wait 60 grep -q "^listening" "$log"; then
		ko "round $r: a new listener starts on the inbox the killed one left: $(tail -3 "$log")"
		continue
	fi
	round "$r" "$WS" "$L"
done
# after the last kill: a new listener takes every message again
log=$NETNS_DIR/listen-after.log
L=$(netns_spawn 1 "$log" "$HERALD" listen --name CRASH1 --workgroup WG --interfaces "$IP1/24" -data "$WS")
if netns_wait 60 grep -q "^listening" "$log"; then
	OUT=$(netns_exec 2 "$SENDLOAD" -t "after the crashes" -a "$NETNS_DIR/acked-after" "$IP1" 445 50 4)
	netns_stop "$L"
	stored=$(h1 "$WS" inbox export --format json | grep -c '"text": "after the crashes [0-9]*"')
	check "after $ROUNDS kills a new listener takes messages again: $OUT, $stored stored" test "$stored" -eq 50 -a "$(wc -l <"$NETNS_DIR/acked-after")" -eq 50
else
	ko "a listener starts after the last kill: $(tail -3 "$log")"
fi

# --- the workbench as the receiver (one round)
WB_WS=$NETNS_DIR/ws-workbench
if command -v Xvfb >/dev/null; then
	"$HERALD" -data "$WB_WS" config save --name CRASHWB --workgroup WG --interfaces "$IP1/24" >/dev/null
	prepare "$WB_WS"
	d=81
	while [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
	netns_spawn 1 "$NETNS_DIR/xvfb.log" Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp >/dev/null
	netns_wait 10 test -e "/tmp/.X$d-lock"
	WB=$(netns_spawn 1 "$NETNS_DIR/workbench.log" env DISPLAY=":$d" "$HERALD" -data "$WB_WS")
	if netns_wait 90 netns_exec 2 bash -c "exec 3<>/dev/tcp/$IP1/445"; then
		round wb "$WB_WS" "$WB"
		# the workbench's inbox opened by a headless listener afterwards, which takes messages
		log=$NETNS_DIR/listen-wb.log
		L=$(netns_spawn 1 "$log" "$HERALD" listen -data "$WB_WS")
		if netns_wait 60 grep -q "^listening" "$log"; then
			OUT=$(netns_exec 2 "$SENDLOAD" -t "after the workbench" "$IP1" 445 20 2)
			check "after the workbench was killed a listener on its workspace takes messages: $OUT" netns_wait 20 grep -q "after the workbench 20" "$log"
			netns_stop "$L"
		else
			ko "a listener starts on the killed workbench's workspace: $(tail -3 "$log")"
		fi
	else
		ko "the workbench receives on $IP1:445: $(tail -5 "$NETNS_DIR/workbench.log")"
	fi
else
	ko "Xvfb is missing (Debian: xvfb): no workbench round"
fi
checks_report
