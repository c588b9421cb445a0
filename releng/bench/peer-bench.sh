#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# peer-bench.sh [COUNT] [CONCURRENCY] - encrypted Herald-to-Herald messages per second against plain
# session messages, to the same listener, in one run, in private namespaces (releng/interop/netns.sh).
#   host 2: the Herald product's `herald listen` as HERALD2: NetBIOS receivers and the peer service
#           (TCP 1139), both storing into its real inbox (H2, each message committed and fsynced
#           before the answer);
#   host 3: the load: sendload.c (plain: negotiate + SMB_COM_SEND_MESSAGE on TCP 445, a new session
#           per message, as smbclient -M does) and PeerLoad.java (encrypted: Herald's own PeerClient
#           from the product's jars, a new connection, Noise_XX handshake and pin check per message, as
#           `herald send` and the composer do; then a second round with 50 messages per session).
#           CONCURRENCY at once each.
# The listener's JVM is warmed up first with WARMUP unmeasured messages of each kind (default 5,000).
# Prints both rates and their ratio. Defaults: 5,000 messages, 32 at once.
# HERALD: the product's launcher (default: the built one). Needs root (namespaces), gcc and a JDK 21+.
set -u
COUNT=${1:-5000}
CONC=${2:-32}
WARMUP=${WARMUP:-5000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ ! -x "${JAVA_HOME:-}/bin/javac" ]; then
	for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
		[ -x "$candidate/bin/javac" ] && JAVA_HOME=$candidate && break
	done
fi
[ -x "${JAVA_HOME:-}/bin/javac" ] || { echo "bench: set JAVA_HOME to a JDK 21+" >&2; exit 1; }
HERALD=${HERALD:-$root/releng/org.herald.product/target/products/org.herald.product/linux/gtk/x86_64/herald/herald}
PLUGINS=$(dirname "$HERALD")/plugins
API=$(ls "$PLUGINS"/org.herald.api_*.jar 2>/dev/null | head -1)
PEER=$(ls "$PLUGINS"/org.herald.peer_*.jar 2>/dev/null | head -1)
[ -n "$API" ] && [ -n "$PEER" ] || { echo "bench: no org.herald.api/peer jars in $PLUGINS: build the product first" >&2; exit 1; }
. "$root/releng/interop/netns.sh"
netns_init
netns_create 3
IP2=$(netns_ip 2); IP3=$(netns_ip 3)
# Both generators open a new connection per message; give host 3 (only) the whole port range and let
# it reuse ports in TIME_WAIT (TCP timestamps keep that safe).
netns_exec 3 sysctl -qw net.ipv4.ip_local_port_range="1024 65535" net.ipv4.tcp_tw_reuse=1
WS=$NETNS_DIR/ws2
# no flood limit and room for CONCURRENCY sessions: the load comes from one address on purpose
"$HERALD" -data "$WS" inbox policy --flood off --sessions-per-address 64 >/dev/null
L=$(netns_spawn 2 "$NETNS_DIR/listen.log" "$HERALD" listen -data "$WS" --name HERALD2 --workgroup WG --interfaces "$IP2/24")
netns_wait 30 grep -q "^peer service on tcp 1139" "$NETNS_DIR/listen.log" || { cat "$NETNS_DIR/listen.log"; exit 1; }
netns_wait 30 grep -q "^listening" "$NETNS_DIR/listen.log" || { cat "$NETNS_DIR/listen.log"; exit 1; }
gcc -O2 -o "$NETNS_DIR/sendload" "$here/sendload.c" || exit 1
mkdir -p "$NETNS_DIR/peerload" "$NETNS_DIR/ws3"
"$JAVA_HOME/bin/javac" -nowarn -cp "$API:$PEER" -d "$NETNS_DIR/peerload" "$here/PeerLoad.java" || exit 1
plain() { # plain [COUNT]
	netns_exec 3 "$NETNS_DIR/sendload" "$IP2" 445 "${1:-$COUNT}" "$CONC"
}
encrypted() { # encrypted [COUNT] [PER-CONNECTION]
	netns_exec 3 "$JAVA_HOME/bin/java" -cp "$API:$PEER:$NETNS_DIR/peerload" PeerLoad HERALD3 "$IP3" HERALD2 "$IP2" 1139 \
		"${1:-$COUNT}" "$CONC" "${2:-1}" "$NETNS_DIR/ws3"
}
stored() { grep -c '^\[' "$NETNS_DIR/listen.log"; } # listen prints each message after the store returned
echo "warm-up: plain $(plain "$WARMUP")"
echo "warm-up: encrypted $(encrypted "$WARMUP")"
sleep 2 # the word indexer runs after a pause in arrivals; let it finish before measuring
lpid=$(pgrep -g "$L" -f 'org.herald.cli.app' | head -1)
ticks() { awk '{print $14 + $15}' "/proc/$lpid/stat"; }
hz=$(getconf CLK_TCK)
round() { # round NAME COMMAND...: runs it, prints its line, the listener's CPU seconds and what it stored
	local name=$1 before c0 c1 line
	shift
	before=$(stored); c0=$(ticks)
	line=$("$@")
	c1=$(ticks)
	echo "$name: $line listener-cpu=$(echo "scale=2; ($c1 - $c0) / $hz" | bc)s stored=$(( $(stored) - before ))" | tee "$NETNS_DIR/$name.res"
	sleep 2
}
round plain plain
round encrypted encrypted
round encrypted-reuse encrypted "$COUNT" 50
rate() { sed -n 's/.* rate=\([0-9.]*\).*/\1/p' "$NETNS_DIR/$1.res"; }
awk -v p="$(rate plain)" -v e="$(rate encrypted)" -v r="$(rate encrypted-reuse)" 'BEGIN {
	printf "plain session: %.1f msg/s; encrypted, a connection per message: %.1f msg/s (ratio %.2f); encrypted, 50 per connection: %.1f msg/s (ratio %.2f)\n",
		p, e, (p > 0 ? e / p : 0), r, (p > 0 ? r / p : 0) }'
grep -q "WARNING" "$NETNS_DIR/listen.log" && { echo "the listener warned:"; grep WARNING "$NETNS_DIR/listen.log"; }
netns_stop "$L"
