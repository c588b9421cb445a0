#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# peer-interop.sh - encrypted messages between Heralds (issue 13), inside private network namespaces
# (releng/interop/netns.sh; 198.51.100.0/24, no uplink). As root.
#
#   host 1  smbd + nmbd as SMBD1 (a legacy peer: plain NET SEND)
#   host 2  Herald HERALD2 listening (peer service on TCP 1139)
#   host 3  Herald HERALD3 listening
#   host 4  an impostor: a Herald calling itself HERALD2 with a key of its own (another workspace),
#           and smbclient -M
# Prints "N passed, N failed" last; exit 1 if any failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
. "$here/netns.sh"
netns_init
. "$here/checks.sh"

netns_create 4
IP1=$(netns_ip 1); IP2=$(netns_ip 2); IP3=$(netns_ip 3); IP4=$(netns_ip 4)
MSGS=$NETNS_DIR/smbd-msgs
conf1=$(netns_samba_conf 1 SMBD1 WG msgdir="$MSGS")
cconf=$(netns_client_conf 4 extra="workgroup = WG")
netns_start_nmbd 1 "$conf1" >/dev/null
netns_start_smbd 1 "$conf1" >/dev/null
"$HERALD" version >/dev/null || exit 1

herald() { # host, name, command, args...
	local h=$1 name=$2 ws=${WS:-$1}
	shift 2
	netns_exec "$h" "$HERALD" "$@" --name "$name" --workgroup WG --interfaces "$(netns_ip "$h")/24" -data "$NETNS_DIR/ws$ws"
}
L2=$(netns_spawn 2 "$NETNS_DIR/listen2.log" "$HERALD" listen --name HERALD2 --workgroup WG --interfaces "$IP2/24" -data "$NETNS_DIR/ws2")
L3=$(netns_spawn 3 "$NETNS_DIR/listen3.log" "$HERALD" listen --name HERALD3 --workgroup WG --interfaces "$IP3/24" -data "$NETNS_DIR/ws3")
netns_wait 30 grep -q "^peer service on tcp 1139" "$NETNS_DIR/listen2.log" || { cat "$NETNS_DIR/listen2.log"; ko "HERALD2 listens"; }
netns_wait 30 grep -q "^peer service on tcp 1139" "$NETNS_DIR/listen3.log" || { cat "$NETNS_DIR/listen3.log"; ko "HERALD3 listens"; }
netns_wait 10 netns_exec 4 bash -c "exec 3<>/dev/tcp/$IP1/139" || ko "smbd listens"
netns_capture_start "$NETNS_DIR/peer.pcapng"

SECRET1="attack at dawn 7f3a91"
SECRET2="the reply is noon 28c4e0"
OUT=$(herald 3 HERALD3 send HERALD2 "$SECRET1" 2>&1); echo "  $OUT"
check "HERALD3 -> HERALD2: the report says encrypted" grep -q "^HERALD2 $IP2 peer delivered encrypted" <<<"$OUT"
check "HERALD2's inbox shows it ENCRYPTED" netns_wait 10 grep -qE "session from HERALD3 \($IP3\) to HERALD2 \[.*ENCRYPTED" "$NETNS_DIR/listen2.log"
OUT=$(herald 2 HERALD2 send HERALD3 "$SECRET2" 2>&1); echo "  $OUT"
check "HERALD2 -> HERALD3: the report says encrypted" grep -q "^HERALD3 $IP3 peer delivered encrypted" <<<"$OUT"
check "HERALD3's inbox shows it ENCRYPTED" netns_wait 10 grep -qE "session from HERALD2 \($IP2\) to HERALD3 \[.*ENCRYPTED" "$NETNS_DIR/listen3.log"
check "HERALD3 has HERALD2 pinned (herald peers --json)" eval "WS=3 herald 3 HERALD3 peers --json | grep -q '\"name\":\"HERALD2\"'"

# The impostor: HERALD2's name, another workspace, so another key.
OUT=$(herald 4 HERALD2 send HERALD3 "I am HERALD2, trust me" 2>&1); echo "  $OUT"
check "the impostor's message is stored QUARANTINED as ?HERALD2 (key changed)" \
	netns_wait 10 grep -qE "session from \?HERALD2 \(key changed\) \($IP4\) to HERALD3 \[.*QUARANTINED" "$NETNS_DIR/listen3.log"
check "HERALD3 printed the key-change WARNING" grep -q "^WARNING: HERALD2 ($IP4) presented another key" "$NETNS_DIR/listen3.log"

# Legacy peers stay plain.
SECRET3="plain for samba 5d1e"
OUT=$(herald 3 HERALD3 send SMBD1 "$SECRET3" 2>&1); echo "  $OUT"
check "HERALD3 -> smbd: delivered, marked plain because legacy peer" grep -qE "^SMBD1<03> $IP1 session delivered.*plain because legacy peer" <<<"$OUT"
check "smbd wrote the message" netns_wait 10 grep -rq "$SECRET3" "$MSGS"
SMBOUT=$(printf 'from smbclient 9b2' | netns_exec 4 smbclient -s "$cconf" -M HERALD2 -I "$IP2" -U alice -N 2>&1)
check "smbclient -M -> HERALD2: stored, not marked ENCRYPTED" eval '! grep -qiE "NT_STATUS|error" <<<"$SMBOUT" && netns_wait 10 grep -qiE "session from alice .* to HERALD2$" "$NETNS_DIR/listen2.log"'
OUT=$(herald 3 HERALD3 send --encrypt=require SMBD1 "never leaves" 2>&1); echo "  $OUT"
check "--encrypt=require fails the legacy peer with a reason" grep -q "^SMBD1 $IP1 peer failed not-a-peer (--encrypt=require" <<<"$OUT"

netns_capture_stop
check "the capture holds the plain message to smbd (the search works)" grep -aq "$SECRET3" "$NETNS_DIR/peer.pcapng"
check "the capture holds no plaintext of the encrypted messages" eval '! grep -aq -e "$SECRET1" -e "$SECRET2" "$NETNS_DIR/peer.pcapng"'
check "the capture shows the peer port in use" eval '[ "$(tshark -r "$NETNS_DIR/peer.pcapng" -Y "tcp.port == 1139 && tcp.len > 0" 2>/dev/null | wc -l)" -ge 6 ]'

netns_stop "$L2"
netns_stop "$L3"
if [ "$fail" -gt 0 ]; then
	echo "--- listen2.log"; tail -20 "$NETNS_DIR/listen2.log"
	echo "--- listen3.log"; tail -20 "$NETNS_DIR/listen3.log"
fi
checks_report
