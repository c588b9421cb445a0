#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Herald across a routed site: three subnets (198.51.100.0/24, 203.0.113.0/24, 192.0.2.0/24) joined
# by a router namespace that forwards unicast and no broadcasts (netns_site_create), nmbd as the WINS
# server, Samba hosts as local and domain master browsers of a workgroup per subnet, Heralds on each
# subnet as H-nodes (--wins). Run as root. $HERALD is the herald launcher. Prints "N passed, N failed".
#
#   1.1 SAMBA1   nmbd WINS server + smbd, SITEA local and domain master (its pop-ups: msgs1/)
#   1.2 HERALD1  the administrator's Herald (one-shot commands)
#   1.6 ADMINWB  the administrator's workbench on a private Xvfb: its Network view browses the site
#   2.1 SAMBA2   SITEB local and domain master, WINS client (msgs2/)
#   2.2 SAMBA2A  SITEA's local master on subnet 2, WINS client (msgs2a/): syncs with SAMBA1
#   2.3 HERALD2  Herald listening in SITEB, H-node
#   3.1 SAMBA3   SITEC local and domain master, WINS client
#   3.2 HERALD3  Herald in SITEC, H-node: receives pop-ups and announces itself (browse --announce --receive)
#   Failures for herald diagnose: 3.3 HERALD4 listening behind nftables that drop TCP 139/445; 3.4 NOMSG
#   holding its names but no NAME<03> (names serve --no-messenger); 2.4 BNODE listening as a B-node, unknown
#   to WINS; SAMBA3 has no message command.
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
. "$here/netns.sh"
netns_init || exit 1
. "$here/checks.sh"
netns_site_create 3 || exit 1
for id in 1.1 1.2 1.5 1.6 2.1 2.2 2.3 2.4 3.1 3.2 3.3 3.4; do netns_add_host "$id" || exit 1; done
"$HERALD" version >/dev/null || exit 1
W=$(netns_ip 1.1)
id_of() { # id_of HOST NAME WORKGROUP: Herald's identity options on that host, an H-node of WINS $W
	echo "--name $2 --workgroup $3 --interfaces $(netns_ip "$1")/24 --wins $W"
}
herald() { # herald HOST NAME WORKGROUP args...
	local h=$1 n=$2 g=$3
	shift 3
	netns_exec "$h" $HERALD "$@" $(id_of "$h" "$n" "$g") -data "$NETNS_DIR/ws-$n"
}
master=("extra=local master = yes" "extra=preferred master = yes" "extra=os level = 65")
c11=$(netns_samba_conf 1.1 SAMBA1 SITEA wins_support=yes msgdir="$NETNS_DIR/msgs1" "${master[@]}" "extra=domain master = yes")
c21=$(netns_samba_conf 2.1 SAMBA2 SITEB wins_server="$W" msgdir="$NETNS_DIR/msgs2" "${master[@]}" "extra=domain master = yes")
c22=$(netns_samba_conf 2.2 SAMBA2A SITEA wins_server="$W" msgdir="$NETNS_DIR/msgs2a" "${master[@]}" "extra=domain master = no")
c31=$(netns_samba_conf 3.1 SAMBA3 SITEC wins_server="$W" "${master[@]}" "extra=domain master = yes")
cc=$(netns_client_conf 1.5 wins_server="$W")
declare -A pg
for x in "1.1 $c11" "2.1 $c21" "2.2 $c22" "3.1 $c31"; do
	set -- $x
	pg[nmbd$1]=$(netns_start_nmbd "$1" "$2")
	pg[smbd$1]=$(netns_start_smbd "$1" "$2")
done
start=$SECONDS
check "WINS SAMBA1 answers" netns_wait 30 netns_exec 1.5 nmblookup -s "$cc" -U "$W" --recursion 'SAMBA1#20'
pg[h2]=$(netns_spawn 2.3 "$NETNS_DIR/herald2.log" $HERALD listen $(id_of 2.3 HERALD2 SITEB) -data "$NETNS_DIR/ws-HERALD2")
pg[h3]=$(netns_spawn 3.2 "$NETNS_DIR/herald3.log" $HERALD browse SITEC --announce --period 5 --receive $(id_of 3.2 HERALD3 SITEC) \
	-data "$NETNS_DIR/ws-HERALD3")

echo "== Heralds register with WINS across the router; names on other subnets resolve"
check "HERALD2<03> (203.0.113.3) is in WINS" netns_wait 30 bash -c \
	"ip netns exec $(netns_ns 1.5) nmblookup -s $cc -U $W --recursion 'HERALD2#03' | grep -q '^203.0.113.3 HERALD2<03>'"
check "HERALD3<03> (192.0.2.2) is in WINS" netns_wait 30 bash -c \
	"ip netns exec $(netns_ns 1.5) nmblookup -s $cc -U $W --recursion 'HERALD3#03' | grep -q '^192.0.2.2 HERALD3<03>'"
out=$(herald 1.2 HERALD1 SITEA names query 'HERALD3#03' 2>&1)
echo "$out" | sed 's/^/  /'
check "HERALD1 resolves HERALD3<03> on subnet 3 through WINS" has "$out" "192\.0\.2\.2"
out=$(herald 1.2 HERALD1 SITEA names query 'SAMBA2A#20' 2>&1)
check "HERALD1 resolves SAMBA2A<20> on subnet 2 through WINS" has "$out" "203\.0\.113\.2"
out=$(herald 1.2 HERALD1 SITEA names query 'SAMBA2#20' --bcast "$(netns_bcast 1.2)" 2>&1)
check "a broadcast query for SAMBA2 does not cross the router" bash -c "! grep -q '203.0.113.1' <<<'$out'"

echo "== herald send NAME reaches hosts behind the router by name"
out=$(herald 1.2 HERALD1 SITEA send HERALD2 "to HERALD2 across the router" 2>&1)
echo "$out" | sed 's/^/  /'
check "send HERALD2: delivered (203.0.113.3)" has "$out" "^HERALD2 +203\.0\.113\.3 .*delivered"
check "HERALD2 received it" netns_wait 15 grep -q "to HERALD2 across the router" "$NETNS_DIR/herald2.log"
out=$(herald 1.2 HERALD1 SITEA send SAMBA2 "to SAMBA2 across the router" 2>&1)
echo "$out" | sed 's/^/  /'
check "send SAMBA2: delivered (203.0.113.1)" has "$out" "^SAMBA2(<03>)? +203\.0\.113\.1 .*delivered"
check "SAMBA2's message command wrote it" netns_wait 10 grep -q "to SAMBA2 across the router" "$NETNS_DIR/msgs2/HERALD1"
out=$(herald 1.2 HERALD1 SITEA send HERALD3 "to HERALD3 on subnet 3" 2>&1)
echo "$out" | sed 's/^/  /'
check "send HERALD3: delivered (192.0.2.2)" has "$out" "^HERALD3(<03>)? +192\.0\.2\.2 .*delivered"
check "HERALD3 received it" netns_wait 15 grep -q "to HERALD3 on subnet 3" "$NETNS_DIR/herald3.log"

echo "== The site's browse list through WINS"
check "WINS knows the three domain master browsers (*<1B>)" netns_wait 60 bash -c \
	"[ \$(ip netns exec $(netns_ns 1.5) nmblookup -s $cc -U $W --recursion '*#1b' | grep -c '<1b>') = 3 ]"
# SAMBA2A is SITEA's master on subnet 2 once elected (about 22 s); HERALD3 is in SAMBA3's list once it announced.
check "SAMBA2A is SITEA's master on subnet 2 (node status <1D>)" netns_wait 90 bash -c \
	"ip netns exec $(netns_ns 1.5) nmblookup -s $cc -A $(netns_ip 2.2) | grep -q 'SITEA *<1d>'"
c31c=$(netns_client_conf 3.2)
check "SAMBA3's list holds HERALD3" netns_wait 90 bash -c \
	"ip netns exec $(netns_ns 3.1) smbclient -s $c31 -L $(netns_ip 3.1) -N --option='client use spnego=no' 2>/dev/null | grep -q HERALD3"
check "SAMBA2's workgroup list names SAMBA2A as SITEA's master" netns_wait 120 bash -c \
	"ip netns exec $(netns_ns 2.1) smbclient -s $c21 -L $(netns_ip 2.1) -N --option='client use spnego=no' 2>/dev/null | grep -qE '^\s+SITEA\s+SAMBA2A'"
echo "  masters elected, lists filled after $((SECONDS - start)) s"
t0=$(date +%s%N)
json=$(herald 1.2 HERALD1 SITEA browse --site --json 2>"$NETNS_DIR/site.err")
t1=$(date +%s%N)
sed 's/^/  /' "$NETNS_DIR/site.err"
echo "$json" >"$NETNS_DIR/site.json"
table=$(herald 1.2 HERALD1 SITEA browse --site 2>/dev/null)
echo "$table" | sed 's/^/  /'
echo "  browse --site took $(((t1 - t0) / 1000000)) ms wall-clock (JVM start included), $(grep -o '"tookMs":[0-9]*' <<<"$json") in the browse"
for wg in SITEA SITEB SITEC; do
	check "browse --site lists workgroup $wg" has "$json" "\"name\":\"$wg\",\"master\""
done
# jsonq FILE PYTHON-EXPRESSION: true when the expression holds over d (the JSON), with host(NAME) and wg(NAME)
jsonq() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def host(n): return next(h for h in d["hosts"] if h["name"] == n)
def wg(n): return next(w for w in d["workgroups"] if w["name"] == n)
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}
sj=$NETNS_DIR/site.json
for h in "SAMBA1 198.51.100.1 198.51.100.0/24 (on-link)" "SAMBA2 203.0.113.1 203.0.113.0/24 (routed" \
	"SAMBA2A 203.0.113.2 203.0.113.0/24 (routed" "SAMBA3 192.0.2.1 192.0.2.0/24 (routed" "HERALD3 192.0.2.2 192.0.2.0/24 (routed"; do
	set -- $h
	check "host $1 at $2 in subnet $3 $4" jsonq "$sj" "host('$1')['addresses'] == ['$2'] and host('$1')['subnets'][0].startswith('$3 $4')"
done
check "SITEA has two masters: SAMBA1 (domain master, from WINS *<1B>) and SAMBA2A (named in a workgroup list)" jsonq "$sj" \
	"[(m['name'], m['foundBy'].split(' ')[0]) for m in wg('SITEA')['masters']] == [('SAMBA1', 'WINS'), ('SAMBA2A', 'workgroup')]"
check "SAMBA2A's sources: its own server list, its address from WINS" jsonq "$sj" \
	"'server list of SAMBA2A 203.0.113.2' in host('SAMBA2A')['sources'] and 'WINS' in host('SAMBA2A')['seenBy']"
check "SAMBA3's sources: WINS *<1B>, node status, its server list" jsonq "$sj" \
	"set(host('SAMBA3')['sources']) == {'WINS *<1B> at $W', 'node status of 192.0.2.1', 'server list of SAMBA3 192.0.2.1'}"
check "HERALD3 came from SAMBA3's server list, its address from WINS" jsonq "$sj" \
	"set(host('HERALD3')['sources']) == {'server list of SAMBA3 192.0.2.1', 'WINS HERALD3<00> at $W'}"
check "browse --site reported no problem" jsonq "$sj" "d['problems'] == []"

echo "== herald names survey: the workgroup a new installation on subnet 3 should join"
check "SAMBA3 is SITEC's local master on subnet 3 (node status <1D>)" netns_wait 90 bash -c \
	"ip netns exec $(netns_ns 1.5) nmblookup -s $cc -A $(netns_ip 3.1) | grep -q 'SITEC *<1d>'"
out=$(herald 3.2 HERALD3 SITEC names survey 2>&1)
echo "$out" | sed 's/^/  /'
sv=$(herald 3.2 HERALD3 SITEC names survey --json 2>/dev/null)
ip3=$(netns_ip 3.2); ip3=${ip3//./\\.}; ip31=$(netns_ip 3.1); ip31=${ip31//./\\.}
check "survey: SAMBA3, the local master on subnet 3, names SITEC" has "$sv" "\"workgroup\":\"SITEC\",\"source\":\"local master browser SAMBA3 at $ip31 on $ip3/"
check "survey: it proposes --workgroup SITEC" has "$out" "^proposal: --workgroup SITEC"
check "survey: the broadcast stayed on subnet 3 (no SITEA/SITEB master listed)" bash -c '! grep -qE "\"workgroup\":\"SITE[AB]\",\"source\":\"local master" <<<"$1"' _ "$sv"

echo "== herald send --domain=WG to a workgroup on other subnets: each member its own line"
out=$(herald 2.3 HERALD2 SITEB send --domain=SITEA "to all of SITEA" 2>&1)
echo "$out" | sed 's/^/  /'
check "--domain=SITEA: SAMBA1 on subnet 1 delivered" has "$out" "^SAMBA1(<03>)? +198\.51\.100\.1 .*delivered"
check "--domain=SITEA: SAMBA2A on subnet 2 delivered" has "$out" "^SAMBA2A(<03>)? +203\.0\.113\.2 .*delivered"
check "SAMBA1 and SAMBA2A wrote the message" bash -c "grep -q 'to all of SITEA' $NETNS_DIR/msgs1/HERALD2 && grep -q 'to all of SITEA' $NETNS_DIR/msgs2a/HERALD2"
out=$(herald 1.2 HERALD1 SITEA send --domain=SITEC "to all of SITEC" 2>&1)
echo "$out" | sed 's/^/  /'
check "--domain=SITEC: HERALD3 delivered" has "$out" "^HERALD3(<03>)? +192\.0\.2\.2 .*delivered"
check "--domain=SITEC: SAMBA3 (no message command) failed, on its own line" has "$out" "^SAMBA3(<03>)? +192\.0\.2\.1 .*failed"
check "HERALD3 received the workgroup message" netns_wait 15 grep -q "to all of SITEC" "$NETNS_DIR/herald3.log"
echo "== herald diagnose: the delivery path step by step, against real failures"
command -v nft >/dev/null || ko "nft is installed (package nftables): needed to drop ports in a namespace"
netns_exec 3.3 nft -f - <<'NFT'
table inet hrldrop {
	chain input {
		type filter hook input priority 0; policy accept;
		tcp dport { 139, 445 } drop
	}
}
NFT
pg[h4]=$(netns_spawn 3.3 "$NETNS_DIR/herald4.log" $HERALD listen $(id_of 3.3 HERALD4 SITEC) -data "$NETNS_DIR/ws-HERALD4")
pg[nomsg]=$(netns_spawn 3.4 "$NETNS_DIR/nomsg.log" $HERALD names serve --no-messenger $(id_of 3.4 NOMSG SITEC))
pg[bnode]=$(netns_spawn 2.4 "$NETNS_DIR/bnode.log" $HERALD listen --name BNODE --workgroup SITEB --interfaces "$(netns_ip 2.4)/24" \
	-data "$NETNS_DIR/ws-BNODE")
check "HERALD4<03> is in WINS" netns_wait 30 bash -c "ip netns exec $(netns_ns 1.5) nmblookup -s $cc -U $W --recursion 'HERALD4#03' | grep -q '^192.0.2.3 '"
check "NOMSG<00> is in WINS" netns_wait 30 bash -c "ip netns exec $(netns_ns 1.5) nmblookup -s $cc -U $W --recursion 'NOMSG#00' | grep -q '^192.0.2.4 '"
check "NOMSG<03> is not in WINS" bash -c "! ip netns exec $(netns_ns 1.5) nmblookup -s $cc -U $W --recursion 'NOMSG#03' | grep -q '^192.0.2.4 '"
check "BNODE listens" netns_wait 30 grep -q "^listening" "$NETNS_DIR/bnode.log"
diag() { # diag HOST NAME WG TARGET LABEL: runs herald diagnose, prints and keeps the text and the JSON
	local rc
	herald "$1" "$2" "$3" diagnose "$4" >"$NETNS_DIR/diag-$5.txt" 2>&1
	rc=$?
	echo "  -- herald diagnose $4, from $2 at $(netns_ip "$1") (exit $rc)"
	sed 's/^/  | /' "$NETNS_DIR/diag-$5.txt"
	herald "$1" "$2" "$3" diagnose "$4" --json >"$NETNS_DIR/diag-$5.json" 2>/dev/null
}
step() { # step LABEL ID OUTCOME [REGEX]: the step ID of diagnosis LABEL has OUTCOME, its finding matching REGEX
	/usr/bin/python3 - "$NETNS_DIR/diag-$1.json" "$2" "$3" "${4:-.}" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if any(s["id"] == sys.argv[2] and s["outcome"] == sys.argv[3] and re.search(sys.argv[4], s["finding"]) for s in d["steps"]) else 1)
PY
}
n2=$(grep -c "from HERALD1" "$NETNS_DIR/herald2.log")
diag 1.2 HERALD1 SITEA HERALD2 ok
check "HERALD2: the path works (no step failed)" jsonq "$NETNS_DIR/diag-ok.json" "d['ok'] and d['breaksAt'] is None"
check "HERALD2: WINS answered" step ok wins OK '203\.0\.113\.3'
check "HERALD2: the broadcast did not (another subnet)" step ok broadcast INFO 'another subnet'
check "HERALD2: resolved by WINS" step ok resolve OK 'answered by WINS'
check "HERALD2: node status holds HERALD2<03>" step ok node-status OK 'HERALD2<03>'
check "HERALD2: 139 open, session positive" bash -c "$(declare -f step); NETNS_DIR=$NETNS_DIR; step ok tcp-139 OK && step ok session OK positive"
check "HERALD2: the message start is accepted" step ok message-start OK 'accepts messages'
check "HERALD2: it is a Herald peer" step ok herald-peer INFO "is a Herald"
check "HERALD2: the probe delivered nothing" test "$(grep -c "from HERALD1" "$NETNS_DIR/herald2.log")" = "$n2"
diag 1.2 HERALD1 SITEA NOMSG nomsg
check "NOMSG: breaks at name resolution" jsonq "$NETNS_DIR/diag-nomsg.json" "d['breaksAt'] == 'resolve'"
check "NOMSG: NOMSG<00> known, nobody holds NOMSG<03>" step nomsg resolve FAIL 'NOMSG<00> is 192\.0\.2\.4 but nobody holds NOMSG<03>'
check "NOMSG: its name table has no NOMSG<03>" step nomsg node-status FAIL 'no NOMSG<03>'
check "NOMSG: nothing listens on 139 (refused)" step nomsg tcp-139 FAIL 'refused'
diag 1.2 HERALD1 SITEA HERALD4 dropped
check "HERALD4: resolves and answers node status" bash -c "$(declare -f step); NETNS_DIR=$NETNS_DIR; step dropped resolve OK '192\.0\.2\.3' && step dropped node-status OK 'HERALD4<03>'"
check "HERALD4: breaks at TCP 139" jsonq "$NETNS_DIR/diag-dropped.json" "d['breaksAt'] == 'tcp-139'"
check "HERALD4: 139 filtered (no answer), 445 filtered too" bash -c "$(declare -f step); NETNS_DIR=$NETNS_DIR; step dropped tcp-139 FAIL 'firewall drops' && step dropped tcp-445 WARN 'firewall drops'"
diag 1.2 HERALD1 SITEA BNODE bnode
check "BNODE from subnet 1: WINS answered and does not know it" step bnode wins WARN 'does not know BNODE<03>'
check "BNODE from subnet 1: no broadcast answer, nobody knows it" bash -c "$(declare -f step); NETNS_DIR=$NETNS_DIR; step bnode broadcast WARN 'no answer' && step bnode resolve FAIL 'nobody knows BNODE<03>'"
diag 2.3 HERALD2 SITEB BNODE bnode-local
check "BNODE from its own subnet: the broadcast answers" step bnode-local resolve OK 'answered by broadcast'
check "BNODE from its own subnet: the path works" jsonq "$NETNS_DIR/diag-bnode-local.json" "d['ok']"
diag 1.2 HERALD1 SITEA SAMBA3 nocommand
check "SAMBA3: the session is positive" step nocommand session OK
check "SAMBA3: breaks at the message start, STATUS_REQUEST_NOT_ACCEPTED" step nocommand message-start FAIL 'REQUEST_NOT_ACCEPTED'
check "SAMBA3: the fix names 'message command'" grep -q "message command" "$NETNS_DIR/diag-nocommand.txt"
check "SAMBA3: not a Herald peer" step nocommand herald-peer INFO "not a Herald peer"

echo "== The workbench inside the site: its Network view lists every workgroup (host 1.6, a private Xvfb)"
if command -v Xvfb >/dev/null && command -v import >/dev/null; then
	SHOTS=${HERALD_E2E_OUT:-/tmp/herald-e2e}
	mkdir -p "$SHOTS"
	wsw=$NETNS_DIR/ws-ADMINWB
	"$HERALD" -data "$wsw" config save --name ADMINWB --workgroup SITEA --interfaces "$(netns_ip 1.6)/24" --wins "$W" >/dev/null
	d=81
	while [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
	pg[xvfb]=$(netns_spawn 1.6 "$NETNS_DIR/xvfb.log" Xvfb ":$d" -screen 0 1400x900x24 -nolisten tcp)
	netns_wait 10 test -e "/tmp/.X$d-lock"
	tw=$(date +%s%N)
	pg[wb]=$(netns_spawn 1.6 "$NETNS_DIR/workbench.log" env DISPLAY=":$d" "$HERALD" -data "$wsw")
	# the Network view browses the site through WINS when it opens, and logs what it found
	check "the workbench's Network view lists SITEA, SITEB and SITEC" netns_wait 120 \
		grep -qE "network: Site through WINS $W: .*; workgroups (.*, )?SITEA, SITEB, SITEC" "$NETNS_DIR/workbench.log"
	tl=$(date +%s%N)
	grep -o "network: .*" "$NETNS_DIR/workbench.log" | sed 's/^/  /'
	echo "  every workgroup listed within $(((tl - tw) / 1000000)) ms of starting the workbench (JVM, window and the site round included; polled)"
	sleep 2 # the tree's refresh (300 ms) and a paint
	DISPLAY=:$d import -window root "$SHOTS/site-network-view.png"
	check "the screenshot of the workbench in the site: $SHOTS/site-network-view.png" test -s "$SHOTS/site-network-view.png"
	netns_stop "${pg[wb]}"
	netns_stop "${pg[xvfb]}"
else
	ko "Xvfb and ImageMagick's import are installed (packages xvfb, imagemagick): needed for the workbench in the site"
fi

echo "== Stale entries age out: SITEC's hosts go once their masters are gone"
pb=$(netns_spawn 1.2 "$NETNS_DIR/rounds.log" $HERALD browse --site --rounds 60 --every 2 --max-age 6 $(id_of 1.2 HERALD1 SITEA) \
	-data "$NETNS_DIR/ws-HERALD1-rounds")
check "the repeated site browse ran its first round" netns_wait 30 grep -q "round 1 took" "$NETNS_DIR/rounds.log"
for g in h3 h4 nomsg smbd3.1 nmbd3.1; do netns_stop "${pg[$g]}"; done
t0=$SECONDS
check "SAMBA3 turns stale" netns_wait 90 grep -q "HOST_STALE SAMBA3" "$NETNS_DIR/rounds.log"
check "HERALD3 turns stale" netns_wait 30 grep -q "HOST_STALE HERALD3" "$NETNS_DIR/rounds.log"
check "SAMBA3 is removed" netns_wait 60 grep -q "HOST_REMOVED SAMBA3" "$NETNS_DIR/rounds.log"
echo "  stale and removed within $((SECONDS - t0)) s of stopping SITEC's hosts (max-age 6 s, a round every 2 s)"
check "SAMBA1 and SAMBA2 stay fresh" bash -c "! grep -qE 'HOST_(STALE|REMOVED) SAMBA(1|2)$' '$NETNS_DIR/rounds.log'"
grep -E "HOST_(STALE|REMOVED)|WORKGROUP_(STALE|REMOVED)" "$NETNS_DIR/rounds.log" | sed 's/^/  /'
netns_stop "$pb"
checks_report
