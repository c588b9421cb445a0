#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# flood-interop.sh - a flood does not keep legitimate mail out, in private network namespaces
# (releng/interop/netns.sh; 198.51.100.0/24, no uplink). As root.
#
#   host 1  the product's `herald listen` as FLOOD1, with the default spam policy and session limits
#   host 2  the flooder: valid messages over many concurrent sessions (releng/bench/sendload.c), and
#           flood-frames.py: hundreds of idle and half-sent connections held open, garbage and
#           mutated frames on UDP 137 and 138 and TCP 139 and 445
#   host 3  a legitimate host: 50 `smbclient -M` messages, paced under the flood limit (30 in 10 s),
#           and `nmblookup` name queries for FLOOD1<03>, while the flood runs
#
# Checks: every legitimate message is stored, every name query is answered, the listener lives on, and
# its resident memory (VmRSS, /proc/PID/status) after the flood stays within RSS_BOUND_MB (default 160)
# of what it was after a warm-up: the limits bound what the flood can hold (1,024 sessions of a few KB,
# 1 MB of datagram fragments, 4,096 flood-limit entries); the rest is the JVM's heap growing to its
# working size under load (about 70 MB seen). A leak of a kilobyte per connection (the flood makes
# some 190,000) or per datagram (80,000) would pass the bound. The flood limit and the session limits turn much of the flooder's
# valid mail away: that is intended. Prints frames sent, legitimate stored/sent, RSS before/after, then
# "N passed, N failed". About a minute. HERALD: the product's launcher (default ./herald). Needs root,
# Samba's client tools, python3, gcc.
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
FLOOD_SECONDS=${FLOOD_SECONDS:-40}
LEGIT=${LEGIT:-50}
RSS_BOUND_MB=${RSS_BOUND_MB:-160}
. "$here/netns.sh"
netns_init || exit 1
. "$here/checks.sh"

netns_create 3
IP1=$(netns_ip 1); IP2=$(netns_ip 2); IP3=$(netns_ip 3)
netns_exec 2 sysctl -qw net.ipv4.ip_local_port_range="1024 65535" net.ipv4.tcp_tw_reuse=1
SENDLOAD=$NETNS_DIR/sendload
gcc -O2 -o "$SENDLOAD" "$here/../bench/sendload.c" || { ko "sendload.c builds (gcc)"; checks_report; exit; }
cconf=$(netns_client_conf 3 extra="workgroup = WG")
"$HERALD" version >/dev/null || exit 1

WS=$NETNS_DIR/ws1
LOG=$NETNS_DIR/listen.log
L=$(netns_spawn 1 "$LOG" "$HERALD" listen --name FLOOD1 --workgroup WG --interfaces "$IP1/24" -data "$WS")
netns_wait 60 grep -q "^listening" "$LOG" || { cat "$LOG"; ko "FLOOD1 listens"; checks_report; exit; }
grep '^sessions:' "$LOG" | sed 's/^/  /'
JVM=$(pgrep -g "$L" java | head -1)
rss() { awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$JVM/status" 2>/dev/null; }
threads() { awk '/^Threads:/ { print $2 }' "/proc/$JVM/status" 2>/dev/null; }

legit() { # N -> smbclient's output for legitimate message N
	printf 'legit %d from host 3' "$1" | netns_exec 3 smbclient -s "$cconf" -M FLOOD1 -I "$IP1" -U alice -N 2>&1
}
stored_legit() {
	netns_exec 1 "$HERALD" -data "$WS" inbox export --format json | grep '"sender_address": "'"$IP3"'"' | grep -c '"text": "legit [1-9][0-9]* from host 3"'
}

# warm-up: the JVM compiles the receive path before the baseline is taken (not counted)
netns_exec 2 "$SENDLOAD" -t warmup "$IP1" 445 300 4 >/dev/null
legit 0 >/dev/null
RSS0=$(rss); T0=$(threads)
echo "  after warm-up: RSS $RSS0 MB, $T0 threads"

# --- the flood: the held connections first (they take the flooder's sessions until the idle timeout
# closes them), then the valid mail over 64 concurrent sessions
# (netns_spawn: own sessions, stopped by the cleanup whatever happens)
FR=$(netns_spawn 2 "$NETNS_DIR/frames.out" python3 "$here/flood-frames.py" "$IP1" "$FLOOD_SECONDS" 300 200)
sleep 1
SL=$(netns_spawn 2 "$NETNS_DIR/sendload.out" "$SENDLOAD" -t flood "$IP1" 445 100000000 64)
sleep 1 # the flood is on
PEAK=$RSS0

sent=0; failed_smb=0; answered=0; queries=0
for ((i = 1; i <= LEGIT; i++)); do
	out=$(legit "$i")
	sent=$((sent + 1))
	grep -qiE "NT_STATUS|error|failed" <<<"$out" && { failed_smb=$((failed_smb + 1)); echo "  legit $i: $(tr '\n' ' ' <<<"$out" | head -c 160)"; }
	if [ $((i % 5)) -eq 0 ]; then
		queries=$((queries + 1))
		netns_exec 3 nmblookup -s "$cconf" -U "$IP1" 'FLOOD1#03' 2>/dev/null | grep -q "^$IP1 FLOOD1<03>" && answered=$((answered + 1))
	fi
	r=$(rss); [ -n "$r" ] && [ "$r" -gt "$PEAK" ] && PEAK=$r
	sleep 0.35 # 50 messages in about 20 s: under the default flood limit of 30 in 10 s
done
# (their summary lines say they ended: an ended process may stay a zombie a while)
grep -q '^frames=' "$NETNS_DIR/frames.out" || echo "  legitimate host done; the flood goes on until its end"
netns_wait $((FLOOD_SECONDS + 30)) grep -q '^frames=' "$NETNS_DIR/frames.out"
netns_stop "$SL" # SIGTERM: sendload prints what it did
FRAMES=$(cat "$NETNS_DIR/frames.out")
RSS1=$(rss); T1=$(threads)
check "the listener lives through the flood" kill -0 "$JVM"
echo "  flooder: $FRAMES"
echo "  flooder's valid mail: $(grep -o 'delivered=.*' "$NETNS_DIR/sendload.out" || echo '(stopped before its summary)')"
netns_stop "$L"
STATS=$(grep '^stopped:' "$LOG")
echo "  FLOOD1 $STATS"
got=$(stored_legit)
echo "  legitimate: $got stored of $sent sent ($failed_smb reported an error by smbclient)"
echo "  name queries answered: $answered of $queries"
echo "  RSS: $RSS0 MB before, $RSS1 MB after, $PEAK MB at most meanwhile (bound +$RSS_BOUND_MB MB); threads: $T0 before, $T1 after"
echo "  $(netns_exec 1 "$HERALD" -data "$WS" inbox policy | grep -E '^(counters|sessions):' | tr '\n' ' ')"
check "every legitimate message is stored ($got of $sent)" test "$got" -eq "$sent"
check "smbclient reported success for each legitimate message ($failed_smb errors)" test "$failed_smb" -eq 0
check "every name query for FLOOD1<03> was answered during the flood ($answered of $queries)" test "$answered" -eq "$queries"
check "the flood was a flood: frames and connections were sent ($FRAMES)" grep -qE "frames=[0-9]{4,}" <<<"$FRAMES"
check "the session limits turned the flooder's extra sessions away (counted)" grep -qE "[1-9][0-9]* closed over the per-address limit" <<<"$STATS"
check "the idle and half-sent connections that got sessions were closed by the idle timeout (counted)" grep -qE "[1-9][0-9]* idle timeouts" <<<"$STATS"
check "the malformed frames were counted" grep -qE "[1-9][0-9]* malformed" <<<"$STATS"
check "RSS stays within $RSS_BOUND_MB MB of the warm-up's ($RSS0 -> $RSS1 MB)" test -n "$RSS1" -a "$((RSS1 - RSS0))" -le "$RSS_BOUND_MB"
checks_report
