#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# messenger-receive-bench.sh [COUNT] [CONCURRENCY] - receive throughput, smbd vs Herald, in private
# namespaces (releng/interop/netns.sh). Host 1: smbd whose message command appends each message
# to one file; host 2: Herald listening with the dev file inbox (two files per message); host 3:
# the load generator (pre-encoded negotiate + SMB_COM_SEND_MESSAGE on TCP 445, a new session per
# message as smbclient -M does, CONCURRENCY at once; Herald gets one unmeasured warm-up round). Counts
# what each receiver stored and prints both rates and their ratio.
set -u
COUNT=${1:-2000}
CONC=${2:-32}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/releng/interop/netns.sh"
netns_init
netns_create 3
IP1=$(netns_ip 1); IP2=$(netns_ip 2); IP3=$(netns_ip 3)
OUTDIR=$NETNS_DIR/smbd-out
mkdir -p "$OUTDIR"; chmod 1777 "$OUTDIR"
conf=$(netns_samba_conf 1 SMBD1 WG "extra=message command = /bin/sh -c 'cat %s >> $OUTDIR/all.txt; echo >> $OUTDIR/all.txt; rm -f %s'")
netns_start_smbd 1 "$conf" >/dev/null
"$root/releng/dev/messenger-dev.sh" send --name X --workgroup WG --interfaces 127.0.0.1/32 >/dev/null 2>&1 || true # build once
CP=${MESSENGER_DEV_OUT:-/tmp/messenger-dev}/classes
INBOX=$NETNS_DIR/inbox
L=$(netns_spawn 2 "$NETNS_DIR/listen.log" "$root/releng/dev/messenger-dev.sh" listen --inbox "$INBOX" --name HERALD2 --workgroup WG --interfaces "$IP2/24")
netns_wait 30 grep -q "^listening" "$NETNS_DIR/listen.log" || { cat "$NETNS_DIR/listen.log"; exit 1; }
netns_wait 10 netns_exec 3 bash -c "exec 3<>/dev/tcp/$IP1/445" || { echo "smbd did not start"; exit 1; }
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
gen() {
	netns_exec 3 "$J/java" -cp "$CP" org.herald.messenger.dev.ReceiveBench "$IP3" "$1" 445 "${COUNT}" "$CONC"
}
echo "smbd:   $(gen "$IP1")" | tee "$NETNS_DIR/smbd.res"
# smbd's message command runs before smbd answers: what it stored is in the file now
smbd_stored=$(grep -o 'bench [0-9]*' "$OUTDIR/all.txt" 2>/dev/null | wc -l)
# warm the Herald JVM up (JIT) with a first round, not counted; then the measured round
gen "$IP2" >/dev/null
warm=$(ls "$INBOX" | grep -c '\.txt$')
echo "herald: $(gen "$IP2")" | tee "$NETNS_DIR/herald.res"
herald_stored=$(( $(ls "$INBOX" | grep -c '\.txt$') - warm ))
smbd_rate=$(sed -n 's/.*rate=\([0-9.]*\).*/\1/p' "$NETNS_DIR/smbd.res")
herald_rate=$(sed -n 's/.*rate=\([0-9.]*\).*/\1/p' "$NETNS_DIR/herald.res")
echo "stored: smbd $smbd_stored of $COUNT, herald $herald_stored of $COUNT"
awk -v h="$herald_rate" -v s="$smbd_rate" 'BEGIN { printf "receive rate: smbd %.1f msg/s, herald %.1f msg/s, ratio %.1fx\n", s, h, (s > 0 ? h / s : 0) }'
netns_stop "$L"
