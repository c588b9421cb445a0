#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Interop of Herald's host browser, scanner and exposure checker with Samba 4 (nmbd, smbd, smbclient,
# nmblookup, nbtscan) in private namespaces (198.51.100.0/24, nothing leaves them). Run as root.
# $HERALD is the herald launcher (default: ./herald). Prints "N passed, N failed" last.
#
# Hosts: 1 nmbd+smbd SAMBA1, preferred master of IOPWG; 2 Herald HERALD2 (browse, announce, scan,
# exposure); 3 a second Herald HERALD3 serving its names with user alias ALICE; 4 Samba's client
# tools; 5 an empty host (no daemons).
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
WG=IOPWG
. "$here/netns.sh"
netns_init || exit 1
. "$here/checks.sh"
herald() { # herald HOST args...
	local h=$1
	shift
	netns_exec "$h" $HERALD "$@"
}
ip1=$(netns_ip 1); ip2=$(netns_ip 2); ip3=$(netns_ip 3); ip5=$(netns_ip 5)
id2="--name HERALD2 --workgroup $WG --interfaces $ip2/24"

netns_create 5
"$HERALD" version >/dev/null || exit 1
netns_capture_start "$NETNS_DIR/browse.pcapng" "udp port 138 or udp port 137" >/dev/null || exit 1
c1=$(netns_samba_conf 1 SAMBA1 $WG "extra=local master = yes" "extra=preferred master = yes" "extra=os level = 65" \
	"extra=server string = Samba in a namespace")
c4=$(netns_client_conf 4)
netns_start_nmbd 1 "$c1" >/dev/null
netns_start_smbd 1 "$c1" >/dev/null
netns_spawn 3 "$NETNS_DIR/herald3.log" $HERALD names serve --name HERALD3 --workgroup $WG --interfaces "$ip3/24" --alias ALICE >/dev/null

echo "== nmbd becomes the local master browser of $WG"
start=$SECONDS
check "nmbd SAMBA1 is master of $WG (nmblookup -M)" netns_wait 60 netns_exec 4 nmblookup -s "$c4" -M $WG
echo "  master after $((SECONDS - start)) s"

echo "== Herald's browse list"
out=$(herald 2 browse $WG --wait 2 $id2 2>"$NETNS_DIR/browse.err")
echo "$out" | sed 's/^/  /'
check "browse lists workgroup $WG with master SAMBA1" has "$out" "^$WG +SAMBA1 $ip1"
check "browse lists host SAMBA1 at $ip1 in $WG" has "$out" "^SAMBA1 +$WG +$ip1 "
check "browse shows SAMBA1's comment from the server list" has "$out" "Samba in a namespace"
check "SAMBA1 is the local master in Herald's list" has "$out" "^SAMBA1 .*local_master"
json=$(herald 2 browse $WG --json --no-request $id2 2>/dev/null)
check "browse --json names SAMBA1 as master of $WG" has "$json" "\"name\":\"$WG\",\"master\":\"SAMBA1\",\"masterAddress\":\"$ip1\""

echo "== Herald announces itself; Samba's browse list shows it"
pa=$(netns_spawn 2 "$NETNS_DIR/announce.log" $HERALD browse $WG --announce --period 5 --comment "Herald interop" $id2)
check "smbclient -L $ip1 lists HERALD2 (within 90 s)" netns_wait 90 bash -c "ip netns exec $(netns_ns 4) smbclient -s $c4 -L $ip1 -N --option='client use spnego=no' 2>/dev/null | grep -E '^\s+HERALD2\s+Herald interop'"
out=$(netns_exec 4 smbclient -s "$c4" -L "$ip1" -N --option='client use spnego=no' 2>/dev/null)
echo "$out" | grep -E 'HERALD2|SAMBA1' | sed 's/^/  /'
check "the announcing Herald printed browse list changes" grep -q "SAMBA1" "$NETNS_DIR/announce.log"
netns_stop "$pa"

echo "== Scan of the namespace subnet"
out=$(herald 2 scan 198.51.100.0/24 --csv --timeout 500 $id2 2>"$NETNS_DIR/scan.err")
echo "$out" | sed 's/^/  /'; sed 's/^/  /' "$NETNS_DIR/scan.err"
check "scan finds SAMBA1 with workgroup $WG and a file server" has "$out" "^$ip1,SAMBA1,$WG,,true,"
check "scan finds the second Herald with user ALICE" has "$out" "^$ip3,HERALD3,$WG,ALICE,false,"
check "scan lists no host that does not answer ($ip5)" bash -c "! grep -q '^$ip5,' <<<'$out'"
table=$(herald 2 scan 198.51.100.0/24 $id2 2>/dev/null)
check "nbtscan-like table row for HERALD3" has "$table" "^$ip3 +HERALD3 +ALICE +00:00:00:00:00:00"
nbt=$(netns_exec 4 nbtscan -q 198.51.100.0/24 2>&1)
echo "$nbt" | sed 's/^/  nbtscan: /'
hn=$(grep -c '' <<<"$(grep -E '^198' <<<"$out")"); nn=$(grep -c -E '^198' <<<"$nbt")
check "Herald's scan found as many hosts as nbtscan ($hn vs $nn)" test "$hn" = "$nn"

echo "== Exposure"
out=$(herald 2 exposure "$ip1" --format json --timeout 1000 $id2 2>/dev/null)
echo "$out" | grep -o '"port":[0-9]*,"protocol":"[a-z]*","state":"[A-Z_]*","evidence":"[^"]*"' | sed 's/^/  /'
for p in '137,"protocol":"udp","state":"OPEN"' '138,"protocol":"udp","state":"OPEN"' '139,"protocol":"tcp","state":"OPEN"' '445,"protocol":"tcp","state":"OPEN"'; do
	check "exposure of Samba: port ${p%%,*} open" has "$out" "\"port\":$p"
done
check "exposure of Samba: 135 closed" has "$out" '"port":135,"protocol":"tcp","state":"CLOSED"'
check "exposure of Samba rates it HIGH (Messenger name on an open session port)" has "$out" '"risk":"HIGH"'
out=$(herald 2 exposure "$ip5" --format json --timeout 1000 $id2 2>/dev/null)
n=$(grep -o '"state":"CLOSED"' <<<"$out" | wc -l)
check "exposure of the empty host: all 5 ports closed ($n)" test "$n" = 5
check "exposure of the empty host: risk NONE" has "$out" '"risk":"NONE"'
html=$(herald 2 exposure "$ip1" "$ip5" --format html $id2 2>/dev/null)
check "exposure --format html names $ip1" has "$html" "<h2 class=\"HIGH\">$ip1"
check "exposure --format html names $ip5" has "$html" "<h2 class=\"NONE\">$ip5"
csv=$(herald 2 exposure "$ip3" --format csv $id2 2>/dev/null)
check "exposure --format csv of the second Herald shows its user" has "$csv" "^host,$ip3,137/udp,OPEN,.*,ALICE,"

echo "== One process receives pop-ups and browses, as the workbench does: unicast browser frames reach it"
# HERALD6 runs the Messenger's receivers and the browser in one process (herald browse --receive):
# both use UDP 138 on $ip6. SAMBA7's nmbd serves only $ip7/32, so its own broadcasts never reach
# host 6; its 'remote announce' sends the HostAnnouncement by unicast to $ip6:138.
netns_add_host 6
netns_add_host 7
ip6=$(netns_ip 6); ip7=$(netns_ip 7)
id6="--name HERALD6 --workgroup $WG --interfaces $ip6/24"
p6=$(netns_spawn 6 "$NETNS_DIR/receive6.log" $HERALD browse $WG --announce --period 60 --no-request --receive $id6)
check "HERALD6 receives pop-ups in the browsing process" netns_wait 40 grep -q "browse: receiving as HERALD6<03>" "$NETNS_DIR/receive6.log"
check "HERALD6 browses in the same process" netns_wait 40 grep -q "^announcing HERALD6" "$NETNS_DIR/receive6.log"
c7=$(netns_samba_conf 7 SAMBA7 $WG "extra=interfaces = $ip7/32" "extra=local master = no" "extra=remote announce = $ip6/$WG" \
	"extra=server string = announced by unicast")
netns_start_nmbd 7 "$c7" >/dev/null
check "SAMBA7's unicast HostAnnouncement reaches the browser beside the Messenger (within 60 s)" \
	netns_wait 60 grep -q "HOST_ADDED SAMBA7" "$NETNS_DIR/receive6.log"
herald 4 send --mailslot HERALD6 "mailslot pop-up while browsing" --name SENDER4 --workgroup $WG --interfaces "$(netns_ip 4)/24" \
	>"$NETNS_DIR/send6.log" 2>&1
check "a mailslot pop-up to HERALD6 arrives in the same process" \
	netns_wait 15 grep -q "^message: mailslot from SENDER4 .* to HERALD6: mailslot pop-up while browsing" "$NETNS_DIR/receive6.log"
netns_stop "$p6"
grep -E "HOST_ADDED SAMBA7|^message:|BrowserCounters" "$NETNS_DIR/receive6.log" | sed 's/^/  /'

netns_capture_stop
cap=$NETNS_DIR/browse.pcapng
n=$(tshark -r "$cap" -Y "ip.src==$ip2 && browser" 2>/dev/null | wc -l)
check "tshark decoded Herald's browser frames ($n)" test "$n" -gt 2
check "tshark saw Herald's Host Announcement" bash -c "tshark -r $cap -Y 'ip.src==$ip2 && browser.command==0x01' 2>/dev/null | grep -q HERALD2"
bad=$(tshark -r "$cap" -Y "ip.src==$ip2 && (_ws.malformed || _ws.expert.severity >= 6291456)" 2>/dev/null)
[ -z "$bad" ] || echo "$bad" | head -5
n=$(tshark -r "$cap" -Y "ip.src==$ip7 && ip.dst==$ip6 && udp.dstport==138 && browser.command==0x01" 2>/dev/null | wc -l)
check "tshark: SAMBA7's HostAnnouncement went to $ip6:138 by unicast ($n)" test "$n" -ge 1
check "tshark: no malformed frames or expert warnings from Herald" test -z "$bad"
checks_report
