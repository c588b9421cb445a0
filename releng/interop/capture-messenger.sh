#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# capture-messenger.sh OUTDIR - capture what smbclient -M and smbd put on the wire, for the
# codec tests' hex test data. Host 1 runs smbd (message command writes to a folder), host 2 runs
# smbclient -M. Writes OUTDIR/messenger.pcapng and OUTDIR/frames.txt (frame, direction, hex of the
# NBSS payload). Everything runs inside private namespaces (releng/interop/netns.sh).
set -u
out=${1:?usage: capture-messenger.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
. "$(dirname "$0")/netns.sh"
netns_init
netns_create 3
conf=$(netns_samba_conf 1 SMBD1 WG msgdir="$NETNS_DIR/msgs")
conf3=$(netns_samba_conf 3 SMBD3 WG) # no message command: smbd refuses messages
cconf=$(netns_client_conf 2)
netns_start_smbd 1 "$conf" >/dev/null
netns_start_smbd 3 "$conf3" >/dev/null
netns_wait 10 netns_exec 2 bash -c "exec 3<>/dev/tcp/$(netns_ip 1)/139" || { echo "smbd did not start"; exit 1; }
netns_wait 10 netns_exec 2 bash -c "exec 3<>/dev/tcp/$(netns_ip 3)/139" || { echo "smbd 3 did not start"; exit 1; }
netns_capture_start "$out/messenger.pcapng" "tcp port 139 or tcp port 445"
send() { # text sender
	printf '%s' "$1" | netns_exec 2 smbclient -s "$cconf" -M SMBD1 -I "$(netns_ip 1)" -U "$2" -N 2>&1
}
send 'Hello' alice
send "$(printf 'Gr\303\274\303\237e \303\204\303\226\303\234')" bob
send "$(printf 'line1\nline2')" carol
send "$(head -c 200 /dev/zero | tr '\0' 'x')" dave
send "$(printf 'euro \342\202\254')" erin
# Herald's sender: negotiate + SMB_COM_SEND_MESSAGE to smbd (by address: TCP 445), then to an smbd that refuses
HERALD=${HERALD:-$(cd "$(dirname "$0")/../.." && pwd)/herald}
netns_exec 2 "$HERALD" send --session --from frank "$(netns_ip 1)" "short one" --name CLIENT2 --workgroup WG --interfaces "$(netns_ip 2)/24"
netns_exec 2 "$HERALD" send --session --from gina "$(netns_ip 3)" "refused" --name CLIENT2 --workgroup WG --interfaces "$(netns_ip 2)/24"
netns_capture_stop
tshark -r "$out/messenger.pcapng" -Y 'tcp.len > 0' -T fields -e frame.number -e ip.src -e tcp.dstport -e tcp.payload >"$out/frames.txt"
ls -la "$NETNS_DIR/msgs"
for f in "$NETNS_DIR"/msgs/*; do echo "== $f"; xxd "$f"; done
