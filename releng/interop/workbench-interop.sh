#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# End to end through the workbench, in private namespaces (198.51.100.0/24, nothing leaves them):
# host 1 runs the Herald workbench (ALPHA) on an Xvfb, driven by xdotool; host 2 runs a headless
# Herald (BRAVO, `herald listen`). A message typed into the composer and sent to BRAVO by name must
# arrive in BRAVO's inbox; one BRAVO sends to ALPHA must arrive in the workbench's inbox. Both run
# Herald's peer service, so both messages go encrypted (issue 13).
# $HERALD is the product's herald launcher. Run as root. Prints "N passed, N failed" last.
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:?set HERALD to the herald launcher of the product}
OUT=${HERALD_E2E_OUT:-/tmp/herald-e2e}
mkdir -p "$OUT"
. "$here/netns.sh"
netns_init || exit 1
. "$here/checks.sh"
finish() {
	checks_report
	exit
}
for tool in Xvfb xdotool import convert; do
	command -v $tool >/dev/null || { echo "FAIL $tool is missing (Debian: xvfb xdotool imagemagick)"; fail=1; finish; }
done

netns_create 2
IP1=$(netns_ip 1)
IP2=$(netns_ip 2)
WS1=$NETNS_DIR/ws1
WS2=$NETNS_DIR/ws2
"$HERALD" -data "$WS1" config save --name ALPHA --workgroup E2E --interfaces "$IP1/24" >/dev/null

netns_spawn 2 "$NETNS_DIR/listen2.log" "$HERALD" listen --name BRAVO --workgroup E2E --interfaces "$IP2/24" -data "$WS2" >/dev/null
check "BRAVO listens" netns_wait 40 grep -q "^listening" "$NETNS_DIR/listen2.log"

# An X display of our own (its socket lives in the file system, which the namespaces share).
d=71
while [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
netns_spawn 1 "$NETNS_DIR/xvfb.log" Xvfb ":$d" -screen 0 1400x900x24 -nolisten tcp >/dev/null
export DISPLAY=:$d
netns_wait 10 test -e "/tmp/.X$d-lock"
WORKBENCH=$(netns_spawn 1 "$NETNS_DIR/workbench.log" env DISPLAY=":$d" "$HERALD" -data "$WS1")

drawn() {
	xdotool search --name '^Herald$' >/dev/null 2>&1 || return 1
	import -window root "$OUT/workbench-start.png" 2>/dev/null || return 1
	[ "$(convert "$OUT/workbench-start.png" -format '%[fx:standard_deviation>0.05]' info: 2>/dev/null)" = 1 ]
}
check "the workbench window appears" netns_wait 60 drawn
# The workbench receives too: its name responder registers ALPHA<03> on host 1.
check "the workbench registers ALPHA<03>" netns_wait 30 bash -c "ip netns exec $(netns_ns 2) nmblookup -U $IP1 'ALPHA#03' 2>/dev/null | grep -q '^$IP1 ALPHA<03>'"

# The composer: the window stands at 0,0 (no window manager); the fields are where the
# default perspective puts them in a 1280x800 window.
xdotool mousemove 286 549 click 1
xdotool type --delay 15 "BRAVO"
xdotool mousemove 378 605 click 1
xdotool type --delay 15 "Greetings from the workbench, end to end."
xdotool mousemove 673 641 click 1
check "the message reaches BRAVO" netns_wait 30 grep -q "Greetings from the workbench, end to end." "$NETNS_DIR/listen2.log"
check "the composer sent it encrypted: BRAVO stored it ENCRYPTED" grep -qE "session from ALPHA \($IP1\) to BRAVO \[.*ENCRYPTED" "$NETNS_DIR/listen2.log"
check "BRAVO stored it in its inbox" bash -c "ip netns exec $(netns_ns 2) '$HERALD' -data '$WS2' inbox list | grep -q 'ALPHA .*Greetings from the workbench'"
sleep 1
import -window root "$OUT/workbench-sent.png"

# And back: BRAVO sends to ALPHA, the workbench stores it.
netns_exec 2 "$HERALD" send --name BRAVO --workgroup E2E --interfaces "$IP2/24" -data "$WS2" ALPHA "Reply from BRAVO" >"$NETNS_DIR/send.log" 2>&1
check "BRAVO's reply is delivered encrypted to the workbench's peer service" grep -q "^ALPHA $IP1 peer delivered encrypted" "$NETNS_DIR/send.log"
check "the reply is in the workbench's inbox" netns_wait 15 bash -c "ip netns exec $(netns_ns 1) '$HERALD' -data '$WS1' inbox list | grep -q 'Reply from BRAVO'"
sleep 2
import -window root "$OUT/workbench-received.png"
check "screenshots kept in $OUT" test -s "$OUT/workbench-received.png"

# One port owner: with the workbench closed, a headless listener receives for ALPHA into the same
# workspace; the workbench, started again, says the ports are held and shows what was received.
netns_stop "$WORKBENCH"
netns_spawn 1 "$NETNS_DIR/listen1.log" "$HERALD" listen -data "$WS1" >/dev/null
check "a headless ALPHA listens on the workbench's workspace" netns_wait 40 grep -q "^listening" "$NETNS_DIR/listen1.log"
netns_exec 2 "$HERALD" send --name BRAVO --workgroup E2E --interfaces "$IP2/24" -data "$WS2" ALPHA "Sent while the workbench was closed" >/dev/null 2>&1
check "the headless ALPHA stored it" netns_wait 15 grep -q "Sent while the workbench was closed" "$NETNS_DIR/listen1.log"
netns_spawn 1 "$NETNS_DIR/workbench2.log" env DISPLAY=":$d" "$HERALD" -data "$WS1" >/dev/null
check "the second workbench says another process holds the ports" netns_wait 60 grep -q "presence: not receiving here" "$NETNS_DIR/workbench2.log"
netns_exec 2 "$HERALD" send --name BRAVO --workgroup E2E --interfaces "$IP2/24" -data "$WS2" ALPHA "Still received by the headless one" >/dev/null 2>&1
check "the headless ALPHA keeps receiving" netns_wait 15 grep -q "Still received by the headless one" "$NETNS_DIR/listen1.log"
sleep 3
import -window root "$OUT/workbench-reads-headless-inbox.png"
finish
