#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Captures NBNS frames from Samba (nmbd, nmblookup) in private namespaces, for test data:
# WINS server on host 1, WINS client on host 2, B-nodes with a clashing name on hosts 3 and 4,
# queries and node status from host 5. Usage: capture-nbns.sh OUT.pcapng
set -u
out=${1:?usage: capture-nbns.sh OUT.pcapng}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/netns.sh"
netns_init || exit 1
netns_create 5
c1=$(netns_samba_conf 1 WINSSRV CAPWG wins_support=yes)
c2=$(netns_samba_conf 2 WINSCLI CAPWG wins_server="$(netns_ip 1)")
c3=$(netns_samba_conf 3 BNODE CAPWG)
c4=$(netns_samba_conf 4 BNODE CAPWG)
c5=$(netns_client_conf 5)
netns_capture_start "$NETNS_DIR/cap.pcapng" "udp port 137"
netns_start_nmbd 1 "$c1" >/dev/null
netns_wait 10 netns_exec 5 nmblookup -s "$c5" -U "$(netns_ip 1)" 'WINSSRV#00'
netns_start_nmbd 3 "$c3" >/dev/null
netns_wait 10 netns_exec 5 nmblookup -s "$c5" -U "$(netns_ip 3)" 'BNODE#00'
p2=$(netns_start_nmbd 2 "$c2")
netns_wait 10 netns_exec 5 nmblookup -s "$c5" -U "$(netns_ip 1)" --recursion 'WINSCLI#00'
netns_start_nmbd 4 "$c4" >/dev/null
sleep 3
netns_exec 5 nmblookup -s "$c5" -B "$(netns_bcast)" 'BNODE#00'
netns_exec 5 nmblookup -s "$c5" -U "$(netns_ip 3)" 'NOSUCH#00'
netns_exec 5 nmblookup -s "$c5" -U "$(netns_ip 1)" --recursion 'NOSUCH#00'
netns_exec 5 nmblookup -s "$c5" -A "$(netns_ip 3)"
netns_exec 5 nmblookup -s "$c5" -A "$(netns_ip 1)"
netns_stop "$p2"
sleep 1
netns_capture_stop
cp "$NETNS_DIR/cap.pcapng" "$out"
grep -h -i -E 'conflict|refus|registr' "$NETNS_DIR"/samba-h4/log/nmbd.out | head -5
