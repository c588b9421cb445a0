#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# messenger-fanout-bench.sh [N] - one message to N listeners: `herald send` (one command, bounded
# concurrency) against a shell loop of `smbclient -M` (one process per recipient). Everything runs
# inside one private namespace (releng/interop/netns.sh), on its own loopback: the listeners are ONE
# `herald listen` serving the N addresses 127.1.x.y (--interfaces with N /32 entries, each address
# its own TCP 139/445 and UDP 137/138 sockets), the senders use 127.0.0.1. Prints both durations,
# their CPU time, what the listener stored, and the ratio. HERALD: the launcher (default ./herald);
# SEND_OPTS: more options for herald send (e.g. --parallel 256).
set -u
N=${1:-1000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
HERALD=${HERALD:-$root/herald}
. "$root/releng/interop/netns.sh"
netns_init
netns_create 1
"$HERALD" version >/dev/null || exit 1
ulimit -n "$(ulimit -Hn)"
mapfile -t IPS < <(for ((i = 0; i < N; i++)); do echo "127.1.$((i / 254)).$((i % 254 + 1))"; done)
ifs=$(printf '%s/32,' "${IPS[@]}"); ifs=${ifs%,}
WS=$NETNS_DIR/ws
# One sender on purpose; and N real listeners would each see one session from it, where this one
# process sees them all from 127.0.0.1: lift the per-address session limit (16) above the sender's
# --parallel (64), or the listener closes the sessions over it and they fail.
"$HERALD" -data "$WS" inbox policy --flood off --sessions-per-address 4096 --sessions 4096 >/dev/null
netns_spawn 1 "$NETNS_DIR/listen.log" "$HERALD" listen -data "$WS" --name FAN --workgroup WG --interfaces "$ifs" >/dev/null
netns_wait 120 grep -q "^listening" "$NETNS_DIR/listen.log" || { tail -5 "$NETNS_DIR/listen.log"; exit 1; }
stored() { grep -c '^\[' "$NETNS_DIR/listen.log"; } # listen prints each message after the inbox stored it
settle() { # until the count stops moving (the last answers were already sent after storing)
	local a b
	b=$(stored)
	while sleep 0.5; a=$b; b=$(stored); [ "$a" != "$b" ]; do :; done
	echo "$b"
}
cconf=$(netns_client_conf 1)
TIMEFORMAT='%R %U %S'

{ time netns_exec 1 "$HERALD" send --session ${SEND_OPTS:-} --name SENDER --workgroup WG --interfaces 127.0.0.1/8 "${IPS[@]}" \
	"fan-out from Herald" >"$NETNS_DIR/herald-send.out"; } 2>"$NETNS_DIR/herald.time"
h_ok=$(grep -c ' delivered' "$NETNS_DIR/herald-send.out")
if [ "$h_ok" -lt "$N" ]; then # what went wrong, by reason (TARGET ADDRESS PATH STATUS REASON ...)
	echo "herald send: $((N - h_ok)) not delivered:"
	grep -v ' delivered' "$NETNS_DIR/herald-send.out" | awk '{print "  " $4, $5}' | sort | uniq -c
	grep -v ' delivered' "$NETNS_DIR/herald-send.out" | head -3 | sed 's/^/  e.g. /'
fi
h_stored=$(settle)

{ time for ip in "${IPS[@]}"; do
	echo "fan-out from smbclient" | netns_exec 1 smbclient -s "$cconf" -M FAN -I "$ip" -U bench -N >"$NETNS_DIR/smbclient.out" 2>&1 \
		&& ! grep -qiE "NT_STATUS|error|failed" "$NETNS_DIR/smbclient.out" && echo ok
done >"$NETNS_DIR/smbclient.ok"; } 2>"$NETNS_DIR/smbclient.time"
s_ok=$(grep -c ok "$NETNS_DIR/smbclient.ok")
s_stored=$(( $(settle) - h_stored ))
read -r hr hu hs <"$NETNS_DIR/herald.time"
read -r sr su ss <"$NETNS_DIR/smbclient.time"
awk -v n="$N" -v hr="$hr" -v hc="$(echo "$hu + $hs" | bc)" -v sr="$sr" -v sc="$(echo "$su + $ss" | bc)" \
	-v ho="$h_ok" -v hs="$h_stored" -v so="$s_ok" -v ss="$s_stored" 'BEGIN {
	printf "herald send:        %d recipients in %.2f s (%.0f/s), CPU %.2f s, %d delivered, %d stored\n", n, hr, n / hr, hc, ho, hs
	printf "smbclient -M loop:  %d recipients in %.2f s (%.0f/s), CPU %.2f s, %d reported ok, %d stored\n", n, sr, n / sr, sc, so, ss
	printf "ratio: herald %.1fx faster, %.1fx less CPU\n", sr / hr, sc / hc }'
