#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# messenger-interop.sh - the Messenger paths against Samba 4.17 and between Heralds, inside private
# network namespaces (releng/interop/netns.sh; 198.51.100.0/24, no uplink). As root.
#
#   host 1  smbd + nmbd as SMBD1 (message command writes each pop-up to a folder)
#   host 2  Herald HERALD2 listening, host 3 Herald HERALD3 listening (their printed output is the inbox read here)
#   host 4  the senders: smbclient -M, herald send, a frame generator (python3, independent of Herald)
#   host 5  a Russian DOS-era host: nmbd as DOSRU in workgroup RUSSIA, smbclient with dos charset CP866
#   HERALD3 keeps code page rules (herald charset): host 4's address and workgroup RUSSIA are CP866
#
# Herald is invoked as $HERALD <command> ... --name X --workgroup WG --interfaces IP/24
# (default: ./herald, which builds the product if needed). Prints "N passed, N failed" last; exit 1 if any failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
HERALD=${HERALD:-$here/../../herald}
. "$here/netns.sh"
netns_init
. "$here/checks.sh"

netns_create 5
IP1=$(netns_ip 1); IP2=$(netns_ip 2); IP3=$(netns_ip 3); IP4=$(netns_ip 4); IP5=$(netns_ip 5)
MSGS=$NETNS_DIR/smbd-msgs
conf1=$(netns_samba_conf 1 SMBD1 WG msgdir="$MSGS")
cconf=$(netns_client_conf 4 extra="workgroup = WG")
netns_start_nmbd 1 "$conf1" >/dev/null
netns_start_smbd 1 "$conf1" >/dev/null
conf5=$(netns_samba_conf 5 DOSRU RUSSIA extra="dos charset = CP866")
netns_start_nmbd 5 "$conf5" >/dev/null
# build the product if it is missing, outside the namespaces, before timing-sensitive steps
"$HERALD" version >/dev/null || exit 1

herald() { # host, name, command, args...
	local h=$1 name=$2
	shift 2
	netns_exec "$h" "$HERALD" "$@" --name "$name" --workgroup WG --interfaces "$(netns_ip "$h")/24" -data "$NETNS_DIR/ws$h"
}
# Code page rules for HERALD3, saved in its workspace before it starts (launchers with 'herald charset')
CHARSETS=no
if "$HERALD" charset --help >/dev/null 2>&1; then
	CHARSETS=yes
	"$HERALD" charset set "$IP4" CP866 -data "$NETNS_DIR/ws3" >/dev/null || ko "herald charset set $IP4 CP866"
	"$HERALD" charset set --domain RUSSIA CP866 -data "$NETNS_DIR/ws3" >/dev/null || ko "herald charset set --domain RUSSIA CP866"
fi
L2=$(netns_spawn 2 "$NETNS_DIR/listen2.log" "$HERALD" listen ${LISTEN_OPTS:-} --name HERALD2 --workgroup WG --interfaces "$IP2/24" -data "$NETNS_DIR/ws2")
L3=$(netns_spawn 3 "$NETNS_DIR/listen3.log" "$HERALD" listen ${LISTEN_OPTS:-} --name HERALD3 --workgroup WG --interfaces "$IP3/24" -data "$NETNS_DIR/ws3")
INBOX2=$NETNS_DIR/listen2.log
INBOX3=$NETNS_DIR/listen3.log
netns_wait 30 grep -q "^listening" "$NETNS_DIR/listen2.log" || { cat "$NETNS_DIR/listen2.log"; ko "HERALD2 listens"; }
netns_wait 30 grep -q "^listening" "$NETNS_DIR/listen3.log" || { cat "$NETNS_DIR/listen3.log"; ko "HERALD3 listens"; }
netns_wait 10 netns_exec 4 bash -c "exec 3<>/dev/tcp/$IP1/139" || ko "smbd listens"
netns_capture_start "$NETNS_DIR/interop.pcapng"

# The listeners print each message as it arrives: a header line "[time] PATH from SENDER (IP) to NAME",
# then each line of the text indented by two spaces. These read a listener's log as its inbox.
inbox_count() {
	grep -cE '^\[[^]]*\] (session|mailslot) from ' "$1"
}
last_text() { # the text of the newest message, exactly (no trailing newline added)
	awk '/^\[[^]]*\] (session|mailslot) from / { text = ""; n = 0; inmsg = 1; next }
		inmsg && /^  / { text = (n++ ? text "\n" : "") substr($0, 3); next }
		{ inmsg = 0 }
		END { printf "%s", text }' "$1"
}
# expect_inbox INBOX COUNT_BEFORE EXPECTED_TEXT: waits for a new message and compares it exactly
expect_inbox() {
	local inbox=$1 before=$2 expected=$3 got deadline=$((SECONDS + 10))
	# count again on each try (netns_wait would expand the count once, before it starts waiting)
	while [ "$(inbox_count "$inbox")" -le "$before" ]; do
		[ "$SECONDS" -lt "$deadline" ] || return 1
		sleep 0.1
	done
	got=$(last_text "$inbox"; echo x)
	got=${got%x}
	[ "$got" = "$expected" ] || { echo "  expected: $(printf '%s' "$expected" | head -c 200 | od -c | head -3)"; echo "  got:      $(printf '%s' "$got" | head -c 200 | od -c | head -3)"; return 1; }
}

# --- 1. smbclient -M to Herald
smbclient_to() { # name ip text [extra smbclient args] -> output in $SMBOUT
	local name=$1 ip=$2 text=$3
	shift 3
	SMBOUT=$(printf '%s' "$text" | netns_exec 4 smbclient -s "$cconf" -M "$name" -I "$ip" -U alice -N "$@" 2>&1)
}
smbclient_ok() {
	! grep -qiE "NT_STATUS|error|failed" <<<"$SMBOUT"
}
n=$(inbox_count "$INBOX2"); smbclient_to HERALD2 "$IP2" "Hello Herald"
check "smbclient -M: ASCII arrives exactly, smbclient reports success" eval 'smbclient_ok && expect_inbox "$INBOX2" $n "Hello Herald"'
umlauts=$(printf 'Gr\303\274\303\237e aus K\303\266ln \303\204\303\226\303\234 \303\251\303\250')
n=$(inbox_count "$INBOX2"); smbclient_to HERALD2 "$IP2" "$umlauts"
check "smbclient -M: CP850 umlauts arrive exactly" eval 'smbclient_ok && expect_inbox "$INBOX2" $n "$umlauts"'
long=$(for i in $(seq 1 40); do printf 'line %02d: the quick brown fox\n' "$i"; done)
long=${long%$'\n'}
n=$(inbox_count "$INBOX2"); smbclient_to HERALD2 "$IP2" "$long"
check "smbclient -M: multi-line text over 1 KB (${#long} chars, multi-block) arrives exactly" eval 'smbclient_ok && expect_inbox "$INBOX2" $n "$long"'
n=$(inbox_count "$INBOX2"); smbclient_to HERALD2 "$IP2" "$(printf 'euro \342\202\254 fits no DOS charset')"
check "smbclient -M: raw UTF-8 fallback (euro sign) is detected" eval 'smbclient_ok && expect_inbox "$INBOX2" $n "$(printf "euro \342\202\254 fits no DOS charset")"'
n=$(inbox_count "$INBOX2"); smbclient_to HERALD2 "$IP2" "via port 445" -p 445
check "smbclient -M -p 445 (direct hosting) arrives" eval 'smbclient_ok && expect_inbox "$INBOX2" $n "via port 445"'
smbclient_to NOTHERE "$IP2" "nobody" -p 139
check "smbclient -M to a name Herald does not hold is refused (0x82)" eval '! smbclient_ok'
echo "  smbclient said: $(tr '\n' ' ' <<<"$SMBOUT" | head -c 200)"

# --- 2. herald send to smbd
smbd_file() { # sender -> content of smbd's file for that sender
	cat "$MSGS/$1" 2>/dev/null
}
expect_smbd() { # sender expected
	local got
	netns_wait 10 test -f "$MSGS/$1" || return 1
	got=$(smbd_file "$1"; echo x)
	got=${got%x}
	[ "$got" = "$2" ] || { echo "  smbd got: $(printf '%s' "$got" | head -c 120 | od -c | head -3)"; return 1; }
}
OUT=$(herald 4 SENDER send --session --from hshort "$IP1" "short hello" 2>&1)
check "herald send by IP (0xD0 after negotiate) reaches smbd exactly" eval 'grep -q " delivered" <<<"$OUT" && expect_smbd hshort "short hello"'
echo "  $OUT"
longsmbd=$(for i in $(seq 1 25); do printf 'Zeile %02d: Gr\303\274\303\237e\n' "$i"; done)
longsmbd=${longsmbd%$'\n'}
OUT=$(herald 4 SENDER send --session --from hlong "$IP1" "$longsmbd" 2>&1)
check "herald send long multi-line umlaut text (multi-block) reaches smbd exactly" eval 'grep -q " delivered" <<<"$OUT" && expect_smbd hlong "$longsmbd"'
OUT=$(herald 4 SENDER send --session --from humlaut "$IP1" "$umlauts" 2>&1)
check "herald send umlauts (CP850) reach smbd exactly" eval 'grep -q " delivered" <<<"$OUT" && expect_smbd humlaut "$umlauts"'
netns_wait 15 netns_exec 4 nmblookup -s "$cconf" -B "$(netns_bcast)" 'SMBD1#03' >/dev/null
OUT=$(herald 4 SENDER send --session --from hbyname SMBD1 "found by name" 2>&1)
check "herald send by name (NBNS query for SMBD1<03> answered by nmbd) reaches smbd" eval 'grep -q "SMBD1<03> $IP1 session delivered" <<<"$OUT" && expect_smbd hbyname "found by name"'
echo "  $OUT"

# --- 3. mailslot
n=$(inbox_count "$INBOX2")
OUT=$(herald 4 SENDER send --mailslot HERALD2 "$(printf 'mailslot from a Herald\nsecond line')" 2>&1)
check "mailslot message from a second Herald (by name) arrives" eval 'grep -q "mailslot sent-unconfirmed" <<<"$OUT" && expect_inbox "$INBOX2" $n "$(printf "mailslot from a Herald\nsecond line")"'
echo "  $OUT"
n=$(inbox_count "$INBOX2")
netns_exec 4 python3 "$here/mailslot-frames.py" "$IP4" "$IP2" "$(printf 'frame generator: Gr\303\274\303\237e')"
check "mailslot datagram from an independent frame generator arrives" expect_inbox "$INBOX2" "$n" "$(printf 'frame generator: Gr\303\274\303\237e')"
n=$(inbox_count "$INBOX2")
# the same write cut into three NBDS fragments (RFC 1002 4.4.1: F and M flags, PACKET_OFFSET), sent last one first
netns_exec 4 python3 "$here/mailslot-frames.py" "$IP4" "$IP2" "fragmented: three NBDS fragments make one message" --fragments
check "a mailslot write in three fragments (sent out of order) arrives as one message" expect_inbox "$INBOX2" "$n" "fragmented: three NBDS fragments make one message"

# --- 4. workgroup
n2=$(inbox_count "$INBOX2"); n3=$(inbox_count "$INBOX3")
OUT=$(herald 4 SENDER send --domain "to the whole workgroup" 2>&1)
check "send --domain reaches HERALD2" expect_inbox "$INBOX2" "$n2" "to the whole workgroup"
check "send --domain reaches HERALD3" expect_inbox "$INBOX3" "$n3" "to the whole workgroup"
echo "  $OUT"

# --- 5. malformed input counted, listener survives
netns_exec 4 bash -c "printf 'GET / HTTP/1.0\r\n\r\n' >/dev/tcp/$IP2/139; printf '\x00\x00\x00\x08\xfeSMB\x00\x00\x00\x00' >/dev/tcp/$IP2/445; printf 'garbage' >/dev/udp/$IP2/138" 2>/dev/null
n=$(inbox_count "$INBOX2"); smbclient_to HERALD2 "$IP2" "still alive"
check "after malformed TCP/UDP input the listener still receives" eval 'smbclient_ok && expect_inbox "$INBOX2" $n "still alive"'

# --- 7. code pages per host and workgroup (HERALD3's rules: $IP4 and workgroup RUSSIA are CP866)
if [ "$CHARSETS" = yes ]; then
	russian=$(printf '\320\237\321\200\320\270\320\262\320\265\321\202, \320\274\320\270\321\200! \320\241\320\265\321\200\320\262\320\265\321\200 \320\262 18:00.')
	echo "  HERALD3's rules: $("$HERALD" charset list -data "$NETNS_DIR/ws3" | tr '\n' ';')"
	n=$(inbox_count "$INBOX3")
	SMBOUT=$(printf '%s' "$russian" | netns_exec 4 smbclient -s "$cconf" --option='dos charset=CP866' -M HERALD3 -I "$IP3" -U alice -N 2>&1)
	check "smbclient -M in CP866 from $IP4 into a Herald with the rule '$IP4 CP866' arrives exactly" eval 'smbclient_ok && expect_inbox "$INBOX3" $n "$russian"'
	n=$(inbox_count "$INBOX2")
	SMBOUT=$(printf '%s' "$russian" | netns_exec 4 smbclient -s "$cconf" --option='dos charset=CP866' -M HERALD2 -I "$IP2" -U alice -N 2>&1)
	check "the same CP866 message into a Herald without rules is read as CP850 (the bytes differ from UTF-8 and CP850 text)" eval \
		'smbclient_ok && expect_inbox "$INBOX2" $n "$(printf "%s" "$russian" | iconv -f UTF-8 -t CP866 | iconv -f CP850 -t UTF-8)"'
	cconf2=$(netns_client_conf 2)
	n=$(inbox_count "$INBOX3")
	SMBOUT=$(printf '%s' "$umlauts" | netns_exec 2 smbclient -s "$cconf2" -M HERALD3 -I "$IP3" -U bob -N 2>&1)
	check "a CP850 message from a host without a rule ($IP2) still arrives exactly at the Herald with rules" eval 'smbclient_ok && expect_inbox "$INBOX3" $n "$umlauts"'
	netns_wait 30 bash -c "ip netns exec $(netns_ns 4) nmblookup -s '$cconf' -A '$IP5' | grep -q 'RUSSIA.*<00> - <GROUP>'" \
		|| echo "  nmbd on $IP5 does not show RUSSIA<00> yet"
	n=$(inbox_count "$INBOX3")
	SMBOUT=$(printf '%s' "$russian" | netns_exec 5 smbclient -s "$conf5" -M HERALD3 -I "$IP3" -U ivan -N 2>&1)
	check "smbclient -M in CP866 from DOSRU ($IP5, workgroup RUSSIA by its node status) arrives exactly by the rule 'workgroup RUSSIA CP866'" \
		eval 'smbclient_ok && expect_inbox "$INBOX3" $n "$russian"'
	# herald send writes smbd's host in CP866 by a rule: smbd (dos charset CP850) converts what it got to UTF-8 for its message command
	"$HERALD" charset set "$IP1" CP866 -data "$NETNS_DIR/ws4" >/dev/null
	OUT=$(herald 4 SENDER send --session --from hrussian "$IP1" "$russian" 2>&1)
	check "herald send with the rule '$IP1 CP866' writes CP866 bytes (smbd, reading CP850, got exactly them)" eval \
		'grep -q " delivered (via 445, text in IBM866)" <<<"$OUT" && expect_smbd hrussian "$(printf "%s" "$russian" | iconv -f UTF-8 -t CP866 | iconv -f CP850 -t UTF-8)"'
	echo "  $OUT"
else
	echo "SKIP code page checks: $HERALD has no 'charset' command"
fi

# --- 8. the flood limit is refused visibly: a sender is told "delivered" only for what was stored
wait_lines() { # FILE REGEX N: waits (10 s at most) until exactly N lines of FILE match
	local deadline=$((SECONDS + 10))
	until [ "$(grep -cE -- "$2" "$1")" -eq "$3" ]; do
		[ "$SECONDS" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}
if netns_exec 3 "$HERALD" inbox policy --flood 3/600 -data "$NETNS_DIR/ws3" >/dev/null 2>&1; then
	okays=0
	for i in 1 2 3; do
		SMBOUT=$(printf 'within the limit %s' "$i" | netns_exec 1 smbclient -s "$conf1" -M HERALD3 -I "$IP3" -U floody -N 2>&1)
		smbclient_ok && okays=$((okays + 1))
	done
	check "flood limit 3: smbclient -M reports success for the first 3 messages ($okays) and all 3 are stored" eval \
		'[ "$okays" = 3 ] && wait_lines "$INBOX3" "^\[[^]]*\] session from floody " 3'
	SMBOUT=$(printf 'over the limit' | netns_exec 1 smbclient -s "$conf1" -M HERALD3 -I "$IP3" -U floody -N 2>&1)
	echo "  smbclient -M over the limit: $(tr '\n' ' ' <<<"$SMBOUT")"
	check "flood limit 3: the 4th is refused with an error that smbclient prints" eval '! smbclient_ok'
	OUT=$(netns_exec 1 "$HERALD" send --session --from hfloody "$IP3" "also over the limit" --name SMBD1H --workgroup WG \
		--interfaces "$IP1/24" -data "$NETNS_DIR/ws1" 2>&1)
	echo "  $OUT"
	check "flood limit 3: herald send from the same host reports 'refused: flood limit'" has "$OUT" "failed flood-limit \(refused: flood limit"
	check "flood limit 3: HERALD3 printed both refusals and stored neither" eval \
		'wait_lines "$INBOX3" "refused session from .*\($IP1\): flood limit" 2 && ! grep -q "over the limit" "$INBOX3"'
	netns_exec 3 "$HERALD" inbox policy --flood off -data "$NETNS_DIR/ws3" >/dev/null
else
	ko "herald inbox policy --flood 3/600 on HERALD3's workspace"
fi

# --- 9. a template sent to a recipient list (both kept in host 4's workspace): each member gets it
# filled, {to} with its own name; HERALD2 and HERALD3 on the peer channel, smbd plain
if "$HERALD" templates --help >/dev/null 2>&1 && "$HERALD" lists --help >/dev/null 2>&1; then
	OUT=$("$HERALD" templates add maint 'Maintenance of {system} at {when}, {to}: please log off ({host})' -data "$NETNS_DIR/ws4" 2>&1)
	check "herald templates add maint" eval '"$HERALD" templates show maint -data "$NETNS_DIR/ws4" | grep -qF "Maintenance of {system} at {when}, {to}"'
	OUT=$("$HERALD" lists add ops HERALD2 HERALD3 SMBD1 -data "$NETNS_DIR/ws4" 2>&1)
	check "herald lists add ops HERALD2 HERALD3 SMBD1" eval '"$HERALD" lists show ops --json -data "$NETNS_DIR/ws4" | grep -q HERALD3'
	n2=$(inbox_count "$INBOX2"); n3=$(inbox_count "$INBOX3")
	OUT=$(herald 4 SENDER send --template maint @ops 2>&1); rc=$?
	check "send --template without its fields: usage error (exit 2) naming them, nothing sent" \
		eval '[ $rc -eq 2 ] && grep -qF "needs {system}, {when}" <<<"$OUT" && [ "$(inbox_count "$INBOX2")" = "$n2" ]'
	OUT=$(herald 4 SENDER send @nosuchlist "x" 2>&1); rc=$?
	check "send to an unknown @LIST: usage error (exit 2)" eval '[ $rc -eq 2 ]'
	OUT=$(herald 4 SENDER send --from htmpl --template maint --field system=mail --field when=18:00 @ops 2>&1); rc=$?
	echo "$OUT" | sed 's/^/  /'
	check "send --template maint --field ... @ops: three recipients delivered, exit 0" eval '[ $rc -eq 0 ] && [ "$(grep -c " delivered" <<<"$OUT")" = 3 ]'
	check "HERALD2 got the template filled with its own name" expect_inbox "$INBOX2" "$n2" "Maintenance of mail at 18:00, HERALD2: please log off (SENDER)"
	check "HERALD3 got the template filled with its own name" expect_inbox "$INBOX3" "$n3" "Maintenance of mail at 18:00, HERALD3: please log off (SENDER)"
	check "smbd got the template filled with its own name" expect_smbd htmpl "Maintenance of mail at 18:00, SMBD1: please log off (SENDER)"
else
	ko "herald templates and herald lists"
fi

netns_capture_stop
# --- 6. tshark decodes Herald's mailslot frames without expert warnings
HF='nbdgm.source_name contains "SENDER" && smb.cmd == 0x25'
MS=$(tshark -r "$NETNS_DIR/interop.pcapng" -Y "$HF"' && mailslot.name == "\\MAILSLOT\\MESSNGR"' -T fields -e frame.number 2>/dev/null | wc -l)
WARN=$(tshark -r "$NETNS_DIR/interop.pcapng" -Y "($HF) && _ws.expert" -T fields -e frame.number 2>/dev/null | wc -l)
check "tshark decodes Herald's mailslot writes ($MS frames) as MESSNGR writes without expert warnings ($WARN)" test "$MS" -ge 2 -a "$WARN" -eq 0
D0=$(tshark -r "$NETNS_DIR/interop.pcapng" -Y "ip.src == $IP4 && smb.cmd == 0xd0" -T fields -e frame.number 2>/dev/null | wc -l)
D5=$(tshark -r "$NETNS_DIR/interop.pcapng" -Y "ip.src == $IP4 && smb.cmd == 0xd5" -T fields -e frame.number 2>/dev/null | wc -l)
check "Herald used 0xD0 for short text ($D0) and 0xD5.. for long text ($D5 starts from Herald and smbclient)" test "$D0" -ge 2 -a "$D5" -ge 2

# stop listeners; they print their counters
netns_stop "$L2"
netns_stop "$L3"
STATS=$(grep '^stopped:' "$NETNS_DIR/listen2.log")
echo "  HERALD2 $STATS"
check "HERALD2 counted the refused session" grep -qE "[1-9][0-9]* sessions refused" <<<"$STATS"
check "HERALD2 counted the malformed input" grep -qE "[3-9] malformed|[1-9][0-9]+ malformed" <<<"$STATS"
if [ "$fail" -gt 0 ]; then
	echo "--- listen2.log"; tail -20 "$NETNS_DIR/listen2.log"
fi
checks_report
