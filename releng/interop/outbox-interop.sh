#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# outbox-interop.sh - the durable outbox against Samba, inside private network namespaces
# (releng/interop/netns.sh; 198.51.100.0/24, no uplink). As root.
#
#   host 1  smbd as SMBD1 (its message command writes each pop-up to a folder), stopped at first
#   host 2  the administrator: herald send --queue, herald outbox list|retry|cancel (each a new process:
#           the outbox survives between them on disk); at last herald listen, which retries by itself
#           and sends what herald send --at/--every scheduled when it is due
#   host 3  Herald HERALD3 (herald listen, peer service), offline at first: urgent and scheduled messages
#           to a Herald; its inbox is read with herald inbox export --format json
#
# Time is never measured here: "not before its time" is the order of two stored times (the receiver's
# against the scheduled one), "not again after cancel" the absence of a repeat when a later scheduled
# send that the same retrier sends has arrived.
#
# Prints "N passed, N failed" last; exit 1 if any failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
. "$here/netns.sh"
netns_init
. "$here/checks.sh"

netns_create 3
IP1=$(netns_ip 1)
IP2=$(netns_ip 2)
IP3=$(netns_ip 3)
MSGS=$NETNS_DIR/smbd-msgs
conf1=$(netns_samba_conf 1 SMBD1 WG msgdir="$MSGS")
"$HERALD" version >/dev/null || exit 1

herald() { # host, name, command, args...
	local h=$1 name=$2
	shift 2
	netns_exec "$h" "$HERALD" "$@" --name "$name" --workgroup WG --interfaces "$(netns_ip "$h")/24" -data "$NETNS_DIR/ws$h"
}

# --- 1. smbd is down: the send is queued
OUT=$(herald 2 ADMIN send --session --queue --from hq "$IP1" "kept for later" 2>&1); rc=$?
echo "  $OUT"
check "send --queue to an offline host: 'queued for retry', exit 3" eval '[ $rc -eq 3 ] && grep -q "$IP1 .*failed refused.* queued for retry as #1" <<<"$OUT"'
OUT=$(herald 2 ADMIN send --session --from hn "$IP1" "not kept" 2>&1); rc=$?
check "send without --queue to an offline host fails, exit 1" eval '[ $rc -eq 1 ] && ! grep -q queued <<<"$OUT"'
OUT=$(herald 2 ADMIN send --session --queue --from hc "$IP1" "to be cancelled" 2>&1)
LIST=$(herald 2 ADMIN outbox list 2>&1)
echo "$LIST" | sed 's/^/  /'
check "outbox list (a new process) shows both entries retrying after 1 attempt" eval 'grep -q "^#1 retrying 1 .* $IP1 hq (refused" <<<"$LIST" && grep -q "^#2 retrying 1 " <<<"$LIST"'
OUT=$(herald 2 ADMIN outbox cancel 2 2>&1)
check "outbox cancel 2" grep -q "^#2 cancelled" <<<"$OUT"
OUT=$(herald 2 ADMIN outbox retry --all 2>&1); rc=$?
check "retry --all while smbd is down: still retrying (attempt 2), exit 1" eval '[ $rc -eq 1 ] && grep -q "^#1 retrying 2 " <<<"$OUT"'

# --- 2. smbd comes up: the next retry delivers
S1=$(netns_start_smbd 1 "$conf1")
netns_wait 15 netns_exec 2 bash -c "exec 3<>/dev/tcp/$IP1/139" || ko "smbd listens"
OUT=$(herald 2 ADMIN outbox retry --all 2>&1); rc=$?
echo "  $OUT"
check "retry --all after smbd started: #1 delivered on attempt 3, exit 0" eval '[ $rc -eq 0 ] && grep -q "^#1 delivered 3 " <<<"$OUT"'
check "smbd's message command got the queued text exactly" eval 'netns_wait 10 test -f "$MSGS/hq" && [ "$(cat "$MSGS/hq")" = "kept for later" ]'
check "the cancelled message never reached smbd" test ! -e "$MSGS/hc"
JSON=$(herald 2 ADMIN outbox list --json 2>&1)
check "outbox list --json: delivered and cancelled" eval 'grep -q "\"id\":1,\"state\":\"delivered\",\"attempts\":3" <<<"$JSON" && grep -q "\"id\":2,\"state\":\"cancelled\"" <<<"$JSON"'
OUT=$(herald 2 ADMIN outbox retry 1 2>&1); rc=$?
check "retrying a delivered entry is refused (exit 2)" eval '[ $rc -eq 2 ] && grep -q "no longer pending" <<<"$OUT"'
netns_stop "$S1"

# --- 3. herald listen retries by itself: a message queued while smbd is down is delivered once
# smbd is back, with no outbox command run (first retry 30 s after the attempt, ticks every 15 s)
OUT=$(herald 2 ADMIN send --session --queue --from hl "$IP1" "retried by listen" 2>&1); rc=$?
check "send --queue while smbd is down again: queued as #3" eval '[ $rc -eq 3 ] && grep -q "queued for retry as #3" <<<"$OUT"'
OUT=$(herald 2 ADMIN send --session --queue --urgent --from hlu "$IP1" "urgent, kept while smbd was down" 2>&1); rc=$?
check "send --urgent --queue while smbd is down: queued as #4" eval '[ $rc -eq 3 ] && grep -q "queued for retry as #4" <<<"$OUT"'
L2=$(netns_spawn 2 "$NETNS_DIR/listen2.log" "$HERALD" listen --name ADMIN --workgroup WG --interfaces "$IP2/24" -data "$NETNS_DIR/ws2")
netns_wait 30 grep -q "^listening" "$NETNS_DIR/listen2.log" || { cat "$NETNS_DIR/listen2.log"; ko "herald listen on host 2"; }
S1=$(netns_start_smbd 1 "$conf1")
netns_wait 15 netns_exec 2 bash -c "exec 3<>/dev/tcp/$IP1/139" || ko "smbd listens again"
check "herald listen delivered #3 by itself (smbd's message command got it)" eval 'netns_wait 150 test -f "$MSGS/hl" && [ "$(cat "$MSGS/hl")" = "retried by listen" ]'
check "the urgent message queued for smbd kept its urgency: smbd got 'URGENT: ' before the text" \
	eval 'netns_wait 150 test -f "$MSGS/hlu" && [ "$(cat "$MSGS/hlu")" = "URGENT: urgent, kept while smbd was down" ]'
LIST=$(herald 2 ADMIN outbox list 2>&1)
check "outbox list: #3 delivered, #4 delivered and marked urgent" eval 'grep -q "^#3 delivered " <<<"$LIST" && grep -q "^#4 delivered .* $IP1 hlu urgent" <<<"$LIST"'

# --- 4. urgent and scheduled sends. herald listen on host 2 stops while HERALD3 is offline and comes
# back once HERALD3 listens, so that the urgent message queued for HERALD3 is retried against a Herald
# that is up (not against one half started), whatever the speed of the machine
netns_stop "$L2"
n_before=$(herald 2 ADMIN outbox list 2>/dev/null | wc -l)
usage_error() { # PATTERN ARGS...: exit 2 and a message matching PATTERN
	local pattern=$1 out rc
	shift
	out=$(herald 2 ADMIN send "$@" 2>&1); rc=$?
	[ $rc -eq 2 ] && grep -qE -- "$pattern" <<<"$out" || { echo "  exit $rc: $(head -2 <<<"$out" | tr '\n' ' ')"; return 1; }
}
check "send --at soon: usage error (exit 2) saying what --at takes" usage_error "^herald send: --at wants HH:MM\[:SS\]" --at soon "$IP1" x
check "send --at a date-time that has passed: usage error" usage_error "^herald send: --at 2020-01-01T09:00 has passed" --at 2020-01-01T09:00 "$IP1" x
check "send --every 30s: usage error (at least a minute, 30m 2h 1d)" usage_error "^herald send: --every wants a period such as 30m, 2h or 1d, not '30s'" --every 30s "$IP1" x
check "send --at with --queue: usage error" usage_error "^herald send: --queue is for a send now" --at 23:59 --queue "$IP1" x
check "outbox cancel of an unknown entry: usage error" eval '[ "$(herald 2 ADMIN outbox cancel 99 >/dev/null 2>&1; echo $?)" = 2 ]'
check "none of the wrong commands kept anything in the outbox" eval '[ "$(herald 2 ADMIN outbox list 2>/dev/null | wc -l)" = "$n_before" ]'

OUT=$(herald 2 ADMIN send --session --urgent --from hun "$IP1" "the server room is flooding" 2>&1)
check "send --urgent to smbd: delivered, and smbd got the text after 'URGENT: '" \
	eval 'grep -q "$IP1 session delivered" <<<"$OUT" && netns_wait 10 test -f "$MSGS/hun" && [ "$(cat "$MSGS/hun")" = "URGENT: the server room is flooding" ]'
# HERALD3 is not running yet: an urgent message for it is queued
OUT=$(herald 2 ADMIN send --queue --urgent "$IP3" "urgent while HERALD3 was away" 2>&1); rc=$?
echo "  $OUT"
check "send --urgent --queue to HERALD3 while it is offline: queued as #5" eval '[ $rc -eq 3 ] && grep -q "queued for retry as #5" <<<"$OUT"'
AT=$(date -d '+30 seconds' '+%Y-%m-%dT%H:%M:%S')
AT_S=$(date -d "$AT" +%s)
OUT=$(herald 2 ADMIN send --session --at "$AT" --from hat "$IP1" "sent at its time" 2>&1); rc=$?
echo "  $OUT"
check "send --at $AT to smbd: scheduled as #6, exit 0" eval '[ $rc -eq 0 ] && grep -q "^$IP1 scheduled as #6 for ${AT/T/ }" <<<"$OUT"'
OUT=$(herald 2 ADMIN send --at "$AT" "$IP3" "at its time for HERALD3" 2>&1); rc=$?
check "send --at $AT to HERALD3: scheduled as #7, exit 0" eval '[ $rc -eq 0 ] && grep -q "^$IP3 scheduled as #7 for " <<<"$OUT"'
LIST=$(herald 2 ADMIN outbox list 2>&1)
echo "$LIST" | tail -3 | sed 's/^/  /'
check "outbox list: #6 and #7 scheduled for $AT, #5 retrying and urgent" \
	eval 'grep -q "^#6 scheduled 0 $AT .* $IP1 hat$" <<<"$LIST" && grep -q "^#7 scheduled 0 $AT " <<<"$LIST" && grep -q "^#5 retrying 1 .* $IP3 ADMIN urgent (" <<<"$LIST"'

L3=$(netns_spawn 3 "$NETNS_DIR/listen3.log" "$HERALD" listen --name HERALD3 --workgroup WG --interfaces "$IP3/24" -data "$NETNS_DIR/ws3")
netns_wait 30 grep -q "^listening" "$NETNS_DIR/listen3.log" || { cat "$NETNS_DIR/listen3.log"; ko "HERALD3 listens"; }
check "HERALD3's peer service was up before its names (the 'listening' line)" \
	awk '/^peer service on tcp 1139/ { p = NR } /^listening/ { l = NR } END { exit !(p && l && p < l) }' "$NETNS_DIR/listen3.log"
L2=$(netns_spawn 2 "$NETNS_DIR/listen2b.log" "$HERALD" listen --name ADMIN --workgroup WG --interfaces "$IP2/24" -data "$NETNS_DIR/ws2")
netns_wait 30 grep -q "^listening" "$NETNS_DIR/listen2b.log" || { cat "$NETNS_DIR/listen2b.log"; ko "herald listen on host 2 again"; }
inbox3() { herald 3 HERALD3 inbox export --format json 2>/dev/null; }
stored3() { # TEXT: HERALD3's stored message with exactly this text (its JSON line)
	inbox3 | grep -F "\"text\": \"$1\"}"
}
OUT=$(herald 2 ADMIN send --urgent "$IP3" "urgent now" 2>&1)
echo "  $OUT"
check "send --urgent to HERALD3: delivered on the peer channel" grep -q "^$IP3 $IP3 peer delivered" <<<"$OUT"
check "HERALD3 stored it with the urgent mark and without a prefix" eval 'stored3 "urgent now" | grep -q "\"flags\": \[.*\"urgent\""'
check "HERALD3's listener printed it URGENT" grep -qE "from ADMIN \($IP2\) to HERALD3 \[.*URGENT" "$NETNS_DIR/listen3.log"

check "herald listen sent #6 to smbd when it was due" eval 'netns_wait 150 test -f "$MSGS/hat" && [ "$(cat "$MSGS/hat")" = "sent at its time" ]'
T6=$(stat -c %Y "$MSGS/hat" 2>/dev/null || echo 0)
check "smbd wrote #6 at or after its scheduled time ($(date -d "@$T6" +%T) >= ${AT#*T})" test "$T6" -ge "$AT_S"
check "herald listen sent #7 to HERALD3" netns_wait 150 stored3 "at its time for HERALD3"
R7=$(stored3 "at its time for HERALD3" | grep -oE '"received": "[^"]*"' | cut -d'"' -f4)
check "HERALD3 received #7 at or after its scheduled time ($R7 >= $AT)" eval '[ -n "$R7" ] && [ "$(date -d "$R7" +%s)" -ge "$AT_S" ]'
check "the urgent #5, queued while HERALD3 was offline, arrived with its urgent mark (and no prefix)" \
	eval 'netns_wait 150 stored3 "urgent while HERALD3 was away" && stored3 "urgent while HERALD3 was away" | grep -q "\"flags\": \[.*\"urgent\""'
JSON=$(herald 2 ADMIN outbox list --json 2>&1)
check "outbox list --json: #5 delivered (urgent), #6 and #7 delivered with their scheduled time" \
	eval 'grep -qE "\"id\":5,\"state\":\"delivered\"[^}]*\"urgent\":true" <<<"$JSON" && grep -qE "\"id\":6,\"state\":\"delivered\"[^}]*\"at\":\"[^\"]+\"" <<<"$JSON" && grep -qE "\"id\":7,\"state\":\"delivered\"" <<<"$JSON"'

# --- 5. a repeat: sent every minute until cancelled
OUT=$(herald 2 ADMIN send --session --every 1m --from hev "$IP1" "every minute" 2>&1); rc=$?
echo "  $OUT"
check "send --every 1m: scheduled as #8 from now, exit 0" eval '[ $rc -eq 0 ] && grep -q "^$IP1 scheduled as #8 for .* (every 1m)$" <<<"$OUT"'
check "outbox list shows #8 scheduled, every 1m" eval 'herald 2 ADMIN outbox list | grep -q "^#8 scheduled 0 .* $IP1 hev every 1m$"'
check "herald listen sent the first occurrence of #8" eval 'netns_wait 150 test -f "$MSGS/hev" && [ "$(cat "$MSGS/hev")" = "every minute" ]'
check "#8 is scheduled again after its first occurrence (last delivered)" \
	netns_wait 30 bash -c "ip netns exec $(netns_ns 2) '$HERALD' outbox list -data '$NETNS_DIR/ws2' | grep -q '^#8 scheduled 0 .* every 1m (last delivered)$'"
NEXT8=$(herald 2 ADMIN outbox list --json 2>&1 | grep -oE '"id":8,[^}]*' | grep -oE '"nextAttempt":"[^"]*"' | cut -d'"' -f4)
OUT=$(herald 2 ADMIN outbox cancel 8 2>&1)
check "outbox cancel 8 (a repeat, next due $NEXT8)" grep -q "^#8 cancelled " <<<"$OUT"
rm -f "$MSGS/hev"
# a send scheduled after the time #8 would have been due again: once the same retrier sent it, #8's
# time had come and gone in that retrier
after=$(( $(date -d "$NEXT8" +%s) + 20 ))
now=$(( $(date +%s) + 10 ))
[ "$after" -ge "$now" ] || after=$now
AT2=$(date -d "@$after" '+%Y-%m-%dT%H:%M:%S')
OUT=$(herald 2 ADMIN send --session --at "$AT2" --from hafter "$IP1" "after the cancelled repeat was due" 2>&1)
check "send --at $AT2 (after #8's next time): scheduled as #9" grep -q "scheduled as #9 for " <<<"$OUT"
check "herald listen sent #9" netns_wait 180 test -f "$MSGS/hafter"
check "the cancelled repeat #8 was not sent again" test ! -e "$MSGS/hev"
check "#8 stays cancelled" eval 'herald 2 ADMIN outbox list | grep -q "^#8 cancelled 0 - "'

netns_stop "$L3"
netns_stop "$L2"
netns_stop "$S1"
if [ "$fail" -gt 0 ]; then
	echo "--- listen2.log"; tail -30 "$NETNS_DIR/listen2.log"
	echo "--- listen2b.log"; tail -30 "$NETNS_DIR/listen2b.log"
	echo "--- listen3.log"; tail -30 "$NETNS_DIR/listen3.log"
fi
checks_report
