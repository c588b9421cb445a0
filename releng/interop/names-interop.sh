#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Interop of Herald's name service with Samba 4 (nmbd, nmblookup, nbtscan) in private namespaces
# (198.51.100.0/24, nothing leaves them). Run as root. $HERALD is the herald launcher (default:
# ./herald). Prints "N passed, N failed" last; exits non-zero on any failure.
#
# Hosts: 1 nmbd SAMBA1 (B-node, later WINS client of 4), 2 Herald HERALD (B-node), 3 Samba's client
# tools, 4 nmbd WINSSRV as WINS server, 5 Herald as WINS client / a clashing node.
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
WG=IOPWG
. "$here/netns.sh"
netns_init || exit 1
. "$here/checks.sh"
log_has() { grep -q -E -- "$2" "$1"; }
# Each host has its own workspace (-data): no settings saved in the user's workspace reach the test.
herald() { # herald HOST args...
	local h=$1
	shift
	netns_exec "$h" $HERALD "$@" -data "$NETNS_DIR/ws$h"
}
herald_serve() { # herald_serve HOST LOG args... ; prints the process group
	local h=$1 log=$2
	shift 2
	netns_spawn "$h" "$log" $HERALD names serve "$@" -data "$NETNS_DIR/ws$h"
}
ip1=$(netns_ip 1); ip2=$(netns_ip 2); ip4=$(netns_ip 4); ip5=$(netns_ip 5)
bcast=$(netns_bcast)

netns_create 5
# Compile the dev runner once before timing anything.
"$HERALD" version >/dev/null || exit 1
netns_capture_start "$NETNS_DIR/names.pcapng" "udp port 137" >/dev/null || exit 1
c1=$(netns_samba_conf 1 SAMBA1 $WG)
c3=$(netns_client_conf 3)
c4=$(netns_samba_conf 4 WINSSRV $WG wins_support=yes "extra=min wins ttl = 10" "extra=max wins ttl = 20")
p1=$(netns_start_nmbd 1 "$c1")
netns_start_nmbd 4 "$c4" >/dev/null
# nmbd puts its own names into its WINS database with the 'max wins ttl' (20 s here) and lets them
# expire unrefreshed (seen: found for the first 20 s, then "does not exist" for over a minute), so
# the WINS server is checked now, while its own name is there.
check "WINS server answers" netns_wait 15 netns_exec 3 nmblookup -s "$c3" -U "$ip4" --recursion 'WINSSRV#00'

echo "== Herald as a B-node on host 2"
hlog=$NETNS_DIR/herald2.log
herald_serve 2 "$hlog" --name HERALD --workgroup $WG --interfaces "$ip2/24" >/dev/null
check "Herald registered its names by broadcast" netns_wait 15 log_has "$hlog" "REGISTERED $WG<00>"
out=$(netns_exec 3 nmblookup -s "$c3" -U "$ip2" 'HERALD#00' 2>&1)
check "nmblookup -U finds HERALD<00>" has "$out" "^$ip2 HERALD<00>"
out=$(netns_exec 3 nmblookup -s "$c3" -U "$ip2" 'HERALD#03' 2>&1)
check "nmblookup -U finds HERALD<03>" has "$out" "^$ip2 HERALD<03>"
out=$(netns_exec 3 nmblookup -s "$c3" -B "$bcast" 'HERALD#03' 2>&1)
check "nmblookup -B (broadcast) finds HERALD<03>" has "$out" "^$ip2 HERALD<03>"
out=$(netns_exec 3 nmblookup -s "$c3" -U "$ip2" 'NOSUCH#00' 2>&1)
check "nmblookup -U of a name Herald lacks fails" has "$out" "failed to find name NOSUCH"
out=$(netns_exec 3 nmblookup -s "$c3" -A "$ip2" 2>&1)
check "nmblookup -A lists HERALD<00>" has "$out" "HERALD +<00> - +B <ACTIVE>"
check "nmblookup -A lists HERALD<03>" has "$out" "HERALD +<03> - +B <ACTIVE>"
check "nmblookup -A lists $WG<00> as a group" has "$out" "$WG +<00> - <GROUP> B <ACTIVE>"
check "nmblookup -A shows the MAC" has "$out" "MAC Address = 00-00-00-00-00-00"
out=$(netns_exec 3 nbtscan -q 198.51.100.0/24 2>&1)
check "nbtscan over the subnet lists Herald" has "$out" "^$ip2 +HERALD "
out=$(netns_exec 3 nbtscan -v -s : "$ip2" 2>&1)
check "nbtscan -v shows Herald's user (messenger) name" has "$out" "^$ip2:HERALD *:03U"
check "nbtscan -v shows Herald's workgroup" has "$out" "^$ip2:$WG *:00G"

echo "== Herald asks nmbd"
check "nmbd SAMBA1 answers" netns_wait 15 netns_exec 3 nmblookup -s "$c3" -U "$ip1" 'SAMBA1#00'
out=$(herald 2 names query 'SAMBA1#20' --bcast "$bcast" --interfaces "$ip2/24" 2>&1)
check "Herald finds SAMBA1<20> by broadcast" has "$out" "^$ip1 SAMBA1<20>"
out=$(herald 2 names query 'SAMBA1#00' --host "$ip1" --interfaces "$ip2/24" 2>&1)
check "Herald finds SAMBA1<00> by unicast" has "$out" "^$ip1 SAMBA1<00>"
out=$(herald 2 names query 'SAMBA1#00' --host "$ip1" --json --interfaces "$ip2/24" 2>&1)
check "Herald --json gives the address" has "$out" "\"address\":\"$ip1\""
herald 2 names query 'NOBODY' --host "$ip1" --interfaces "$ip2/24" >/dev/null 2>&1
check "Herald query of a missing name exits 1" test $? = 1
same=1
for attempt in 1 2 3; do
	a=$(herald 2 names status "$ip1" --interfaces "$ip2/24" 2>&1 | grep '<' | sed 's/[[:space:]]*$//')
	b=$(netns_exec 3 nmblookup -s "$c3" -A "$ip1" 2>&1 | grep '<' | sed 's/[[:space:]]*$//')
	if [ -n "$a" ] && [ "$a" = "$b" ]; then same=0; break; fi
done
[ $same = 0 ] || { echo "  herald: $a"; echo "  nmblookup: $b"; }
check "Herald's node status of nmbd matches nmblookup -A" test $same = 0

# nbtscan 1.7.2 reads a 50-byte statistics footer and stops one field early when a field ends exactly at
# the end of the packet; RFC 1002 4.2.18's STATISTICS are 46 bytes, which nmbd sends too. So it prints
# "Incomplete packet" for both; Herald's answer must get at least as far into the footer as nmbd's.
footer_reach() { # nbtscan -v output -> bytes of the footer read, or "all"
	local off names
	off=$(sed -n 's/^Incomplete packet, \([0-9]*\) bytes long\./\1/p' <<<"$1")
	[ -z "$off" ] && { echo all; return; }
	names=$(grep -cE ' (UNIQUE|GROUP)$' <<<"$1")
	# 12-byte header, 34-byte name, type, class, TTL, RDLENGTH, NUM_NAMES; 18 bytes a name.
	echo $((off - 57 - 18 * names))
}
hv=$(netns_exec 3 nbtscan -v "$ip2" 2>&1)
sv=$(netns_exec 3 nbtscan -v "$ip1" 2>&1)
check "nbtscan -v lists Herald's names and adapter address" \
	bash -c 'grep -qE "^HERALD +<03> +UNIQUE" <<<"$1" && grep -qE "^'"$WG"' +<00> +GROUP" <<<"$1" && grep -q "Adapter address: 00:00:00:00:00:00" <<<"$1"' _ "$hv"
hr=$(footer_reach "$hv"); sr=$(footer_reach "$sv")
echo "  nbtscan -v read the statistics footer: Herald $hr bytes, nmbd $sr bytes"
check "nbtscan -v reads as much of Herald's node status as of nmbd's" test "$hr" = all -o "$hr" = "$sr"

echo "== B-node defence: nmbd named HERALD on host 5"
c5=$(netns_samba_conf 5 HERALD $WG)
p5=$(netns_start_nmbd 5 "$c5")
check "Herald defended HERALD<00> against nmbd" netns_wait 20 log_has "$hlog" "DEFENDED HERALD<00> $ip5"
netns_stop "$p5"

echo "== B-node refusal: Herald named SAMBA1 on host 5"
rlog=$NETNS_DIR/herald5-clash.log
pr=$(herald_serve 5 "$rlog" --name SAMBA1 --workgroup $WG --interfaces "$ip5/24")
check "Herald reports that $ip1 owns SAMBA1<00>" netns_wait 15 log_has "$rlog" "REFUSED SAMBA1<00> $ip1: registration refused: $ip1 owns SAMBA1<00>"
out=$(netns_exec 3 nmblookup -s "$c3" -A "$ip5" 2>&1)
check "Herald's node status marks SAMBA1<00> in conflict" has "$out" "SAMBA1 +<00> - +B <CONFLICT>"
netns_stop "$pr"
check "Herald serve stopped cleanly, with its counters" log_has "$rlog" "^stopped: received [1-9][0-9]*, answered [1-9]"

echo "== Herald as an H-node with nmbd as WINS server"
wlog=$NETNS_DIR/herald5-wins.log
pw=$(herald_serve 5 "$wlog" --name HWINS --workgroup $WG --interfaces "$ip5/24" --wins "$ip4")
check "Herald registered with WINS" netns_wait 20 log_has "$wlog" "REGISTERED HWINS<03> $ip4: registered with WINS $ip4, TTL 20 s"
out=$(netns_exec 3 nmblookup -s "$c3" -U "$ip4" --recursion 'HWINS#03' 2>&1)
check "nmblookup --recursion via WINS finds HWINS<03>" has "$out" "^$ip5 HWINS<03>"
check "WINS accepted Herald into the group $WG<00>" log_has "$wlog" "REGISTERED $WG<00> $ip4: registered with WINS"
check "Herald refreshed with WINS (TTL 20 s: refresh after 10 s)" netns_wait 30 log_has "$wlog" "REFRESHED HWINS<00>"
out=$(herald 2 names query 'HWINS#00' --wins "$ip4" --interfaces "$ip2/24" 2>&1)
check "Herald's client finds HWINS<00> via WINS" has "$out" "^$ip5 HWINS<00>"
netns_stop "$pw"
check "Herald released its names on stop" log_has "$wlog" "RELEASED HWINS<03>"
out=$(netns_exec 3 nmblookup -s "$c3" -U "$ip4" --recursion 'HWINS#03' 2>&1)
check "after release WINS no longer has HWINS<03>" has "$out" "failed to find name HWINS"

echo "== WINS refusal: SAMBA1 registered by nmbd, then Herald asks for it"
netns_stop "$p1"
c1w=$(netns_samba_conf 1 SAMBA1 $WG wins_server="$ip4")
netns_start_nmbd 1 "$c1w" >/dev/null
check "nmbd SAMBA1 registered with WINS" netns_wait 20 netns_exec 3 nmblookup -s "$c3" -U "$ip4" --recursion 'SAMBA1#00'
clog=$NETNS_DIR/herald5-winsclash.log
pc=$(herald_serve 5 "$clog" --name SAMBA1 --workgroup $WG --interfaces "$ip5/24" --wins "$ip4")
check "WINS made Herald wait (WACK)" netns_wait 20 log_has "$clog" "WAITING SAMBA1<00> $ip4"
check "WINS refused SAMBA1<00> and Herald names the owner" netns_wait 30 log_has "$clog" "REFUSED SAMBA1<00> $ip1: WINS $ip4 refused the registration: ACT_ERR .*$ip1 holds SAMBA1<00>"
netns_stop "$pc"

netns_capture_stop
cap=$NETNS_DIR/names.pcapng
herald_frames="(ip.src==$ip2 || ip.src==$ip5) && nbns"
n=$(tshark -r "$cap" -Y "$herald_frames" 2>/dev/null | wc -l)
check "tshark saw Herald's frames ($n)" test "$n" -gt 20
bad=$(tshark -r "$cap" -Y "$herald_frames && (_ws.malformed || _ws.expert.severity >= 6291456)" 2>/dev/null)
[ -z "$bad" ] || echo "$bad" | head -5
check "tshark: no malformed frames or expert warnings from Herald" test -z "$bad"
demands=$(tshark -r "$cap" -Y "ip.src==$ip2 && nbns.flags.response==0 && nbns.flags.opcode==5 && nbns.flags.broadcast==1 && nbns.flags.recdesired==0" -T fields -e nbns.name 2>/dev/null | cut -d, -f1 | sort -u | tr '\n' ' ')
echo "  Herald's overwrite demands (host 2): $demands"
check "Herald claimed its three names with overwrite demands (RFC 1002 5.1.1.1)" test "$(wc -w <<<"$demands")" = 3
kinds=$(tshark -r "$cap" -Y "$herald_frames" -T fields -e nbns.flags.response -e nbns.flags.opcode -e nbns.flags.rcode 2>/dev/null | sort -u | tr '\t' ' ' | tr '\n' ';')
echo "  Herald frame kinds (response opcode rcode): $kinds"
for k in "0 0 " "1 0 0" "1 0 3" "0 5 " "0 8 " "0 6 " "1 5 6"; do
	check "tshark decoded a Herald frame of kind '$k'" has ";$kinds" ";$k[0-9]*;"
done
checks_report
