#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# messenger-fanout-bench.sh [N] - one message to N listeners: Herald's sender (one command, bounded
# concurrency) against a shell loop of smbclient -M (one process per recipient). Runs inside one
# private namespace (releng/interop/netns.sh) on its own loopback: N Herald session receivers on
# 127.1.x.y, the senders on 127.0.0.1. Prints both durations, what was stored, and the ratio.
set -u
N=${1:-1000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/releng/interop/netns.sh"
netns_init
netns_create 1
"$root/releng/dev/messenger-dev.sh" send --name X --workgroup WG --interfaces 127.0.0.1/32 >/dev/null 2>&1 || true # build once
CP=${MESSENGER_DEV_OUT:-/tmp/messenger-dev}/classes
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
cconf=$(netns_client_conf 1)
FIFO=$NETNS_DIR/ctl
mkfifo "$FIFO"
netns_spawn 1 "$NETNS_DIR/listeners.log" bash -c "exec 3<>'$FIFO'; exec '$J/java' -cp '$CP' org.herald.messenger.dev.FanOutListeners $N <&3" >/dev/null
exec 4>"$FIFO"
netns_wait 120 grep -q "^ready" "$NETNS_DIR/listeners.log" || { cat "$NETNS_DIR/listeners.log"; exit 1; }
stored() {
	local before
	before=$(grep -c '^stored' "$NETNS_DIR/listeners.log")
	echo >&4
	netns_wait 10 test "$(grep -c '^stored' "$NETNS_DIR/listeners.log")" -gt "$before"
	grep '^stored' "$NETNS_DIR/listeners.log" | tail -1 | awk '{print $2}'
}
mapfile -t IPS < <(for ((i = 0; i < N; i++)); do echo "127.1.$((i / 254)).$((i % 254 + 1))"; done)

t0=$(date +%s.%N)
netns_exec 1 "$root/releng/dev/messenger-dev.sh" send --session --name SENDER --workgroup WG --interfaces 127.0.0.1/8 \
	"${IPS[@]}" "fan-out from Herald" >"$NETNS_DIR/herald-send.out"
t1=$(date +%s.%N)
h_ok=$(grep -c ' delivered' "$NETNS_DIR/herald-send.out")
h_stored=$(stored)

t2=$(date +%s.%N)
s_ok=0
for ip in "${IPS[@]}"; do
	out=$(echo "fan-out from smbclient" | netns_exec 1 smbclient -s "$cconf" -M FAN -I "$ip" -U bench -N 2>&1)
	grep -qiE "NT_STATUS|error|failed" <<<"$out" || s_ok=$((s_ok + 1))
done
t3=$(date +%s.%N)
s_stored=$(( $(stored) - h_stored ))
awk -v n="$N" -v h="$(echo "$t1 - $t0" | bc)" -v s="$(echo "$t3 - $t2" | bc)" -v ho="$h_ok" -v hs="$h_stored" -v so="$s_ok" -v ss="$s_stored" 'BEGIN {
	printf "herald send:        %d recipients in %.2f s (%.0f/s), %d delivered, %d stored\n", n, h, n / h, ho, hs
	printf "smbclient -M loop:  %d recipients in %.2f s (%.0f/s), %d reported ok, %d stored\n", n, s, n / s, so, ss
	printf "ratio: herald %.1fx faster\n", s / h }'
exec 4>&-
