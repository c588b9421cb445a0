#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Checks releng/interop/netns.sh itself: three hosts, nmbd + smbd (WINS, message command) on host 1,
# Samba's client tools on hosts 2 and 3. Prints "N passed, N failed"; exits non-zero on failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/netns.sh"
netns_init || exit 1
. "$here/checks.sh"
netns_create 3
check "host 2 has its address" bash -c "ip -n $(netns_ns 2) -br addr show eth0 | grep -q $(netns_ip 2)/24"
check "no default route in host 2" test -z "$(netns_exec 2 ip route show default)"
conf1=$(netns_samba_conf 1 SAMBA1 TESTWG wins_support=yes msgdir="$NETNS_DIR/msgs")
conf2=$(netns_client_conf 2)
conf3=$(netns_client_conf 3 wins_server="$(netns_ip 1)")
netns_capture_start "$NETNS_DIR/cap.pcapng" >/dev/null
netns_start_nmbd 1 "$conf1" >/dev/null
netns_start_smbd 1 "$conf1" >/dev/null
check "nmblookup -U finds SAMBA1<00>" netns_wait 15 netns_exec 2 nmblookup -s "$conf2" -U "$(netns_ip 1)" 'SAMBA1#00'
check "nmblookup -B finds SAMBA1<03>" netns_wait 10 netns_exec 2 nmblookup -s "$conf2" -B "$(netns_bcast)" 'SAMBA1#03'
check "nmblookup -A lists SAMBA1" bash -c "ip netns exec $(netns_ns 2) nmblookup -s '$conf2' -A $(netns_ip 1) | grep -q 'SAMBA1 *<20>'"
check "WINS query with recursion" netns_wait 10 netns_exec 3 nmblookup -s "$conf3" -U "$(netns_ip 1)" --recursion 'SAMBA1#20'
check "smbd listens on 139" netns_wait 10 netns_exec 2 bash -c "exec 3<>/dev/tcp/$(netns_ip 1)/139"
out=$(echo "hello from the self test" | netns_exec 2 smbclient -s "$conf2" -M SAMBA1 -I "$(netns_ip 1)" -U sender -N 2>&1)
check "smbclient -M delivers (no NT_STATUS error)" bash -c "! grep -q NT_STATUS <<<'$out'"
check "message command wrote the text" netns_wait 5 grep -q "hello from the self test" "$NETNS_DIR/msgs/sender"
netns_capture_stop
check "capture has NBNS frames" bash -c "tshark -r '$NETNS_DIR/cap.pcapng' -Y nbns 2>/dev/null | grep -q ."
checks_report
