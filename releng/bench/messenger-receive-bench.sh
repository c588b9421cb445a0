#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# messenger-receive-bench.sh [COUNT] [CONCURRENCY] - receive throughput, smbd vs Herald, in private
# namespaces (releng/interop/netns.sh).
#   host 1: smbd, whose message command appends each message to one file;
#   host 2: the Herald product's `herald listen`, storing into its real inbox (H2, each message
#           committed and fsynced before the answer);
#   host 3: the load generator sendload.c, built here with gcc: negotiate + SMB_COM_SEND_MESSAGE on
#           TCP 445, a new session per message as smbclient -M does, CONCURRENCY sessions at once.
# Beside them, the disk's own limit for one synchronous commit per message (fsyncloop.c: write 100
# bytes + fsync, in a loop, on the file system of Herald's store), which bounds a single sender.
# Herald's JVM is warmed up first with WARMUP unmeasured messages (default 30,000): it is a
# long-running listener, and the measured round should not pay its JIT compiler. Counts what each
# receiver stored and prints both rates and their ratio. Defaults: 10,000 messages, 32 at once.
# HERALD: the product's launcher (default: the built one). Needs root (namespaces), smbd and gcc.
set -u
COUNT=${1:-10000}
CONC=${2:-32}
WARMUP=${WARMUP:-30000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/releng/interop/netns.sh"
netns_init
netns_create 3
IP1=$(netns_ip 1); IP2=$(netns_ip 2); IP3=$(netns_ip 3)
# The sender opens a new session per message, and each closed one holds its port for 60 s (TIME_WAIT):
# give host 3 (only) the whole port range and let it reuse such ports (TCP timestamps keep that safe).
netns_exec 3 sysctl -qw net.ipv4.ip_local_port_range="1024 65535" net.ipv4.tcp_tw_reuse=1
OUTDIR=$NETNS_DIR/smbd-out
mkdir -p "$OUTDIR"; chmod 1777 "$OUTDIR"
conf=$(netns_samba_conf 1 SMBD1 WG "extra=message command = /bin/sh -c 'cat %s >> $OUTDIR/all.txt; echo >> $OUTDIR/all.txt; rm -f %s'")
netns_start_smbd 1 "$conf" >/dev/null
HERALD=${HERALD:-$root/releng/org.herald.product/target/products/org.herald.product/linux/gtk/x86_64/herald/herald}
WS=$NETNS_DIR/ws2
# no flood limit and room for CONCURRENCY sessions: the load comes from one address on purpose. A
# sender opens its next session as soon as it has its answer, while the listener may still be closing
# the last one: room for four times as many, or the per-address limit refuses some (as it should).
SESSIONS=$((4 * CONC > 64 ? 4 * CONC : 64))
"$HERALD" -data "$WS" inbox policy --flood off --sessions-per-address "$SESSIONS" --sessions $((2 * SESSIONS)) >/dev/null || exit 1
L=$(netns_spawn 2 "$NETNS_DIR/listen.log" "$HERALD" listen -data "$WS" --name HERALD2 --workgroup WG --interfaces "$IP2/24")
netns_wait 30 grep -q "^listening" "$NETNS_DIR/listen.log" || { cat "$NETNS_DIR/listen.log"; exit 1; }
netns_wait 10 netns_exec 3 bash -c "exec 3<>/dev/tcp/$IP1/445" || { echo "smbd did not start"; exit 1; }
# the load generator: C and epoll, so that it leaves the two cores to the receiver under test
gcc -O2 -o "$NETNS_DIR/sendload" "$here/sendload.c" || exit 1
gcc -O2 -o "$NETNS_DIR/fsyncloop" "$here/fsyncloop.c" || exit 1
"$NETNS_DIR/fsyncloop" "$WS/fsyncloop.test" 3000 | tee "$NETNS_DIR/fsync.res"
gen() { # gen TARGET [COUNT]
	netns_exec 3 "$NETNS_DIR/sendload" "$1" 445 "${2:-$COUNT}" "$CONC"
}
echo "smbd:   $(gen "$IP1")" | tee "$NETNS_DIR/smbd.res"
# smbd's message command runs before smbd answers: what it stored is in the file now
smbd_stored=$(grep -o 'bench [0-9]*' "$OUTDIR/all.txt" 2>/dev/null | wc -l)
# warm the Herald JVM up (JIT), not counted. After 9,000 messages C2 still took about half of the
# listener's CPU in the measured round (perf; the compile queue had held back methods' promotion).
for ((left = WARMUP; left > 0; left -= 5000)); do gen "$IP2" $((left < 5000 ? left : 5000)) >/dev/null; done
sleep 2 # the word indexer runs after a pause in arrivals; let it finish before measuring
stored() { grep -c '^\[' "$NETNS_DIR/listen.log"; } # listen prints each message after the store returned
warm=$(stored)
# the listener's CPU time (user + system, in clock ticks) over the measured round
lpid=$(pgrep -g "$L" -f 'org.herald.cli.app' | head -1)
ticks() { awk '{print $14, $15}' "/proc/$lpid/stat"; }
read -r u0 s0 < <(ticks)
echo "herald: $(gen "$IP2")" | tee "$NETNS_DIR/herald.res"
read -r u1 s1 < <(ticks)
herald_stored=$(( $(stored) - warm ))
hz=$(getconf CLK_TCK)
echo "herald listener CPU: $(echo "scale=2; ($u1 - $u0 + $s1 - $s0) / $hz" | bc) s for $COUNT messages" \
	"(user $(echo "scale=2; ($u1 - $u0) / $hz" | bc) s, system $(echo "scale=2; ($s1 - $s0) / $hz" | bc) s)"
smbd_rate=$(sed -n 's/.*rate=\([0-9.]*\).*/\1/p' "$NETNS_DIR/smbd.res")
herald_rate=$(sed -n 's/.*rate=\([0-9.]*\).*/\1/p' "$NETNS_DIR/herald.res")
echo "stored: smbd $smbd_stored of $COUNT, herald $herald_stored of $COUNT"
awk -v h="$herald_rate" -v s="$smbd_rate" 'BEGIN { printf "receive rate: smbd %.1f msg/s, herald %.1f msg/s, ratio %.1fx\n", s, h, (s > 0 ? h / s : 0) }'
disk_rate=$(sed -n 's/.*rate=\([0-9.]*\).*/\1/p' "$NETNS_DIR/fsync.res")
awk -v h="$herald_rate" -v d="$disk_rate" -v c="$CONC" 'BEGIN { printf "disk limit (write+fsync of 100 bytes): %.1f/s; herald at %d sender(s) %.1f msg/s = %.2f of it (the limit is %.2fx herald)\n", d, c, h, (d > 0 ? h / d : 0), (h > 0 ? d / h : 0) }'
netns_stop "$L"
# the listener's own counters (what it refused, and why), printed as it stops
tail -n 3 "$NETNS_DIR/listen.log" | grep -v '^\[' | sed 's/^/listener: /'
