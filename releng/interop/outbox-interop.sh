#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# outbox-interop.sh - the durable outbox against Samba, inside private network namespaces
# (releng/interop/netns.sh; 198.51.100.0/24, no uplink). As root.
#
#   host 1  smbd as SMBD1 (its message command writes each pop-up to a folder), stopped at first
#   host 2  the administrator: herald send --queue, herald outbox list|retry|cancel (each a new process:
#           the outbox survives between them on disk); at last herald listen, which retries by itself
#
# Prints "N passed, N failed" last; exit 1 if any failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
. "$here/netns.sh"
netns_init
. "$here/checks.sh"

netns_create 2
IP1=$(netns_ip 1)
IP2=$(netns_ip 2)
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
L2=$(netns_spawn 2 "$NETNS_DIR/listen2.log" "$HERALD" listen --name ADMIN --workgroup WG --interfaces "$IP2/24" -data "$NETNS_DIR/ws2")
netns_wait 30 grep -q "^listening" "$NETNS_DIR/listen2.log" || { cat "$NETNS_DIR/listen2.log"; ko "herald listen on host 2"; }
S1=$(netns_start_smbd 1 "$conf1")
netns_wait 15 netns_exec 2 bash -c "exec 3<>/dev/tcp/$IP1/139" || ko "smbd listens again"
check "herald listen delivered #3 by itself (smbd's message command got it)" eval 'netns_wait 150 test -f "$MSGS/hl" && [ "$(cat "$MSGS/hl")" = "retried by listen" ]'
LIST=$(herald 2 ADMIN outbox list 2>&1)
check "outbox list: #3 delivered" grep -q "^#3 delivered " <<<"$LIST"
netns_stop "$L2"
netns_stop "$S1"
checks_report
