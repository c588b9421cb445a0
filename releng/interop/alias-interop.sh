#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# alias-interop.sh - aliases (extra NAME<03> names, like NET NAME /ADD) and the users of one
# multi-session host, each receiving under their own name into their own inbox (issue 15), inside
# private network namespaces (releng/interop/netns.sh; 198.51.100.0/24, no uplink). As root.
#
#   host 1  Herald HOSTA listening: aliases kept in its workspace (herald alias add EXTRA, TAKEN,
#           BOB --workspace .../users/bob) and one given for the run (--user ALICE=.../users/alice);
#           the users' workspaces under $NETNS_DIR/var/lib/herald/users (as /var/lib/herald/users
#           on a real host)
#   host 2  the senders and the name queries: smbclient -M, nmblookup (unicast -U and broadcast -B),
#           a second Herald (herald send, peer channel)
#   host 3  nmbd as SAMBA3 with 'netbios aliases = TAKEN': it holds TAKEN<03>, so HOSTA's alias
#           TAKEN is a conflict
# Prints "N passed, N failed" last; exit 1 if any failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
. "$here/netns.sh"
netns_init
. "$here/checks.sh"

netns_create 3
IP1=$(netns_ip 1); IP2=$(netns_ip 2); IP3=$(netns_ip 3)
BCAST=$(netns_bcast)
conf3=$(netns_samba_conf 3 SAMBA3 WG "extra=netbios aliases = TAKEN")
cconf=$(netns_client_conf 2 extra="workgroup = WG")
netns_start_nmbd 3 "$conf3" >/dev/null
"$HERALD" version >/dev/null || exit 1

WS1=$NETNS_DIR/ws1
USERS=$NETNS_DIR/var/lib/herald/users
ALICE_WS=$USERS/alice
BOB_WS=$USERS/bob
mkdir -p "$WS1" "$ALICE_WS" "$BOB_WS"
# each user's workspace is the user's own; the service account must be able to write it (here: root)
chmod 700 "$ALICE_WS" "$BOB_WS"
h1() { # herald in host 1 with HOSTA's workspace
	netns_exec 1 "$HERALD" "$@" --name HOSTA --workgroup WG --interfaces "$IP1/24" -data "$WS1"
}
h2() {
	netns_exec 2 "$HERALD" "$@" --name SENDER --workgroup WG --interfaces "$IP2/24" -data "$NETNS_DIR/ws2"
}
# nmblookup from host 2: unicast to HOSTA, or broadcast on the subnet
lookup_u() { netns_exec 2 nmblookup -s "$cconf" -U "$IP1" "$1#03" 2>&1; }
lookup_b() { netns_exec 2 nmblookup -s "$cconf" -B "$BCAST" "$1#03" 2>&1; }
answers() { # NAME IP: the unicast and the broadcast query for NAME<03> are answered with IP
	lookup_u "$1" | grep -q "^$2 $1<03>" && lookup_b "$1" | grep -q "^$2 $1<03>"
}
gone() { # NAME: HOSTA no longer answers for NAME<03>, unicast or broadcast
	! lookup_u "$1" | grep -q "^$IP1 $1<03>" && ! lookup_b "$1" | grep -q "<03>"
}
smbclient_to() { # NAME TEXT -> output in $SMBOUT
	SMBOUT=$(printf '%s' "$2" | netns_exec 2 smbclient -s "$cconf" -M "$1" -I "$IP1" -U admin -N 2>&1)
}
smbclient_ok() { ! grep -qiE "NT_STATUS|error|failed" <<<"$SMBOUT"; }
LOG=$NETNS_DIR/listen1.log
logged() { netns_wait 30 grep -qE -- "$1" "$LOG"; }

# --- 1. the aliases kept in the workspace (herald alias)
OUT=$(h1 alias add extra 2>&1); echo "  $OUT"
check "herald alias add extra: EXTRA<03> added" grep -q "^EXTRA<03>: added" <<<"$OUT"
h1 alias add TAKEN >/dev/null 2>&1
OUT=$(h1 alias add BOB --workspace "$BOB_WS" 2>&1); echo "  $OUT"
check "herald alias add BOB --workspace DIR: messages go to that inbox" grep -qF "BOB<03>: added, messages go to the inbox of $BOB_WS" <<<"$OUT"
OUT=$(h1 alias list 2>&1); echo "$OUT" | sed 's/^/  /'
check "herald alias list shows the three, BOB as a user" eval 'grep -q "^EXTRA<03>  alias of this host" <<<"$OUT" && grep -q "^TAKEN<03>" <<<"$OUT" && grep -qF "BOB<03>  user, inbox of $BOB_WS" <<<"$OUT"'
OUT=$(h1 alias list --json 2>&1)
check "herald alias list --json" grep -qF "{\"name\":\"BOB\",\"workspace\":\"$BOB_WS\"}" <<<"$(tr -d ' ' <<<"$OUT")"
OUT=$(h1 alias add 'BAD*NAME' 2>&1); rc=$?
check "an invalid name is a usage error (exit 2), nothing kept" eval '[ $rc -eq 2 ] && ! grep -q BAD "$WS1/aliases.txt"'
OUT=$(h1 alias add HOSTA 2>&1); rc=$?
check "the host's own name is refused as an alias (exit 2)" test $rc -eq 2

# --- 2. listening: the aliases are registered on the subnet, TAKEN is a conflict with nmbd
netns_wait 30 bash -c "ip netns exec $(netns_ns 2) nmblookup -s '$cconf' -U '$IP3' 'TAKEN#03' | grep -q '^$IP3 TAKEN<03>'" \
	|| ko "nmbd on $IP3 answers for TAKEN<03>"
L1=$(netns_spawn 1 "$LOG" "$HERALD" listen --user "ALICE=$ALICE_WS" --name HOSTA --workgroup WG --interfaces "$IP1/24" -data "$WS1")
netns_wait 60 grep -q "^listening" "$LOG" || { cat "$LOG"; ko "HOSTA listens"; }
check "alias EXTRA<03> registered (active)" logged "^alias EXTRA<03>: active$"
check "user ALICE<03> registered, routed to her inbox" logged "^alias ALICE<03>: active; messages to ALICE go to the inbox of $ALICE_WS$"
check "user BOB<03> (from aliases.txt) registered, routed to his inbox" logged "^alias BOB<03>: active; messages to BOB go to the inbox of $BOB_WS$"
check "the conflict is reported: TAKEN<03> is held by nmbd at $IP3" \
	logged "^alias TAKEN<03> not registered: $IP3 holds it; messages to TAKEN are not received here$"
check "nmblookup -U and -B find EXTRA<03> at HOSTA" answers EXTRA "$IP1"
check "nmblookup -U and -B find ALICE<03> at HOSTA" answers ALICE "$IP1"
check "nmblookup -U and -B find BOB<03> at HOSTA" answers BOB "$IP1"
OUT=$(lookup_b TAKEN)
check "a broadcast query for TAKEN<03> is answered by nmbd only ($(grep -c '<03>' <<<"$OUT") answer)" \
	eval 'grep -q "^$IP3 TAKEN<03>" <<<"$OUT" && ! grep -q "^$IP1 TAKEN" <<<"$OUT"'
STATUS=$(netns_exec 2 nmblookup -s "$cconf" -A "$IP1" 2>&1); echo "$STATUS" | grep '<03>' | sed 's/^/  /'
check "HOSTA's node status lists HOSTA, EXTRA, ALICE and BOB <03> as active" eval \
	'( for n in HOSTA EXTRA ALICE BOB; do grep -qE "^\s+$n\s+<03> - .*<ACTIVE>" <<<"$STATUS" || exit 1; done )'
check "HOSTA's node status marks TAKEN<03> in conflict" grep -qE "^\s+TAKEN\s+<03> - .*<CONFLICT>" <<<"$STATUS"

# --- 3. smbclient -M to each name: each user's message into that user's inbox only
smbclient_to ALICE "for alice 41c"; A1=$SMBOUT
check "smbclient -M ALICE: success" eval 'SMBOUT=$A1 smbclient_ok'
smbclient_to BOB "for bob 77e"; B1=$SMBOUT
check "smbclient -M BOB: success" eval 'SMBOUT=$B1 smbclient_ok'
smbclient_to EXTRA "for the host as EXTRA 2d9"; E1=$SMBOUT
check "smbclient -M EXTRA: success" eval 'SMBOUT=$E1 smbclient_ok'
smbclient_to HOSTA "for the host 5b0"; H1=$SMBOUT
check "smbclient -M HOSTA: success" eval 'SMBOUT=$H1 smbclient_ok'
smbclient_to TAKEN "not for us"
check "smbclient -M TAKEN (nmbd's name) is refused by HOSTA" eval '! smbclient_ok'
echo "  smbclient said: $(tr '\n' ' ' <<<"$SMBOUT" | head -c 160)"
check "HOSTA printed the message to ALICE, addressed to ALICE" logged "^\[[^]]*\] session from admin \($IP2\) to ALICE$"
check "HOSTA printed the message to BOB, addressed to BOB" logged "^\[[^]]*\] session from admin \($IP2\) to BOB$"
# herald send from a second Herald: resolves ALICE<03> by broadcast, the peer channel, encrypted
OUT=$(h2 send ALICE "alice over the peer channel 9aa" 2>&1); echo "  $OUT"
check "herald send ALICE from another Herald: delivered encrypted on the peer channel" grep -q "^ALICE $IP1 peer delivered encrypted" <<<"$OUT"
check "HOSTA printed it ENCRYPTED, addressed to ALICE" logged "^\[[^]]*\] session from SENDER \($IP2\) to ALICE \[.*ENCRYPTED"

# --- 4. a user whose inbox cannot store: refused visibly, stored nowhere
: >"$NETNS_DIR/not-a-directory"
CAROL_WS=$NETNS_DIR/not-a-directory/carol
h1 alias add CAROL --workspace "$CAROL_WS" >/dev/null 2>&1
check "a user added while listening (CAROL) is registered within seconds" logged "^alias CAROL<03>: active"
check "with a WARNING that her inbox cannot be opened" logged "^WARNING: alias CAROL<03>: the inbox of $CAROL_WS cannot be opened"
smbclient_to CAROL "carol cannot store this"
echo "  smbclient said: $(tr '\n' ' ' <<<"$SMBOUT" | head -c 160)"
check "smbclient -M CAROL: the error reaches the sender" eval '! smbclient_ok'
check "HOSTA printed NOT STORED ... to CAROL with the reason" logged "NOT STORED session from admin \($IP2\) to CAROL: the inbox of CAROL in $CAROL_WS cannot be opened"
h1 alias remove CAROL >/dev/null 2>&1
check "CAROL removed: released" logged "^alias CAROL<03>: released$"

# --- 5. herald alias add/remove while listening (NET NAME /ADD, /DELETE)
h1 alias add LATER >/dev/null 2>&1
check "herald alias add LATER: registered while listening" logged "^alias LATER<03>: active$"
check "nmblookup finds LATER<03> at HOSTA" netns_wait 10 answers LATER "$IP1"
OUT=$(h1 alias remove extra 2>&1); echo "  $OUT"
check "herald alias remove extra: removed from the workspace" eval 'grep -q "^EXTRA<03>: removed" <<<"$OUT" && ! grep -q "^EXTRA" "$WS1/aliases.txt"'
check "the listener released EXTRA<03>" logged "^alias EXTRA<03>: released$"
check "nmblookup -U and -B no longer find EXTRA<03>" netns_wait 10 gone EXTRA
smbclient_to EXTRA "too late"
check "smbclient -M EXTRA is refused once released" eval '! smbclient_ok'
check "ALICE<03> is still answered after EXTRA went" answers ALICE "$IP1"

# --- 6. stop: every name released; then each inbox holds exactly its own messages
netns_stop "$L1"
STATS=$(grep '^stopped:' "$LOG"); echo "  HOSTA $STATS"
check "at stop HOSTA released ALICE, BOB, LATER and HOSTA <03>" eval \
	'( for n in ALICE BOB LATER HOSTA; do grep -q "^name: RELEASED $n<03>" "$LOG" || exit 1; done )'
check "TAKEN<03>, never ours, was not released" eval '! grep -q "^name: RELEASED TAKEN<03>" "$LOG"'
# (the receivers' counters: the message on the peer channel is the peer service's)
check "the counters: 4 stored, 1 not stored" grep -q "^stopped: 4 stored, 0 refused by the spam policy, 1 not stored" <<<"$STATS"
check "nmblookup no longer finds ALICE<03>" gone ALICE
recipients() { # WORKSPACE: the recipient of each message in its inbox, sorted, one line
	netns_exec 1 "$HERALD" inbox export --format json -data "$1" 2>/dev/null | grep -o '"recipient_name": "[^"]*"' | cut -d'"' -f4 | sort | tr '\n' ' '
}
texts() { netns_exec 1 "$HERALD" inbox export --format json -data "$1" 2>/dev/null | grep -o '"text": "[^"]*"' | cut -d'"' -f4 | sort | tr '\n' ';'; }
R=$(recipients "$ALICE_WS"); echo "  alice's inbox: $R / $(texts "$ALICE_WS")"
check "alice's inbox holds her two messages only" test "$R" = "ALICE ALICE "
R=$(recipients "$BOB_WS"); echo "  bob's inbox: $R / $(texts "$BOB_WS")"
check "bob's inbox holds his message only" test "$R" = "BOB "
R=$(recipients "$WS1"); echo "  HOSTA's inbox: $R / $(texts "$WS1")"
check "HOSTA's inbox holds the messages to EXTRA and HOSTA only" test "$R" = "EXTRA HOSTA "
check "nothing was stored for CAROL anywhere" test ! -e "$CAROL_WS"

if [ "$fail" -gt 0 ]; then
	echo "--- listen1.log"; tail -40 "$LOG"
fi
checks_report
