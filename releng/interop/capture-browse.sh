#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Captures browser frames (UDP 138) and a NetServerEnum2 exchange (TCP 139) from Samba in private
# namespaces, for test data: nmbd+smbd SAMBA1 (preferred master of CAPWG) on host 1, nmbd SAMBA2 in
# CAPWG on host 2, nmbd OTHER3 in OTHERWG on host 3, smbclient -L on host 4.
# Usage: capture-browse.sh OUT.pcapng [SECONDS]
set -u
out=${1:?usage: capture-browse.sh OUT.pcapng [SECONDS]}
secs=${2:-90}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/netns.sh"
netns_init || exit 1
netns_create 4
master="extra=local master = yes" ; pref="extra=preferred master = yes"; osl="extra=os level = 65"
c1=$(netns_samba_conf 1 SAMBA1 CAPWG "$master" "$pref" "$osl" "extra=server string = Samba one")
c2=$(netns_samba_conf 2 SAMBA2 CAPWG "extra=os level = 1")
c3=$(netns_samba_conf 3 OTHER3 OTHERWG "$master" "$pref" "$osl")
c4=$(netns_client_conf 4)
netns_capture_start "$NETNS_DIR/cap.pcapng" "udp port 138 or tcp port 139"
netns_start_nmbd 1 "$c1" >/dev/null
netns_start_smbd 1 "$c1" >/dev/null
netns_start_nmbd 2 "$c2" >/dev/null
netns_start_nmbd 3 "$c3" >/dev/null
netns_wait 40 netns_exec 4 nmblookup -s "$c4" -B "$(netns_bcast)" 'CAPWG#1d'
sleep $((secs - 40 > 0 ? secs - 40 : 1))
netns_exec 4 smbclient -s "$c4" -L "$(netns_ip 1)" -N --option='client use spnego=no' --option='client max protocol = NT1'
netns_capture_stop
cp "$NETNS_DIR/cap.pcapng" "$out"
