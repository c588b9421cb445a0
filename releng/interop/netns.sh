# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# netns.sh - private NetBIOS test networks in Linux network namespaces. Source it (bash, as root):
#
#   . releng/interop/netns.sh
#   netns_init                      # unique prefix hrl<PID>, temp dir $NETNS_DIR, cleanup trap on EXIT
#   netns_create 3                  # hub (bridge) + hosts 1..3 at 198.51.100.1..3/24
#   conf=$(netns_samba_conf 1 NMBD1 WG wins_support=yes msgdir="$NETNS_DIR/msgs")
#   netns_start_nmbd 1 "$conf"; netns_start_smbd 1 "$conf"
#   netns_wait 10 netns_exec 2 nmblookup -U 198.51.100.1 NMBD1
#   netns_exec 2 some command       # run a command in host 2
#   netns_spawn 2 "$NETNS_DIR/x.log" cmd args   # background in host 2, own session, stopped at cleanup
#   netns_capture_start "$NETNS_DIR/cap.pcapng"; ...; netns_capture_stop
#
# The network: namespace <prefix>hub holds bridge br0; each host namespace <prefix>h<N> holds eth0
# (a veth whose peer p<N> is in the hub, enslaved to br0) with 198.51.100.N/24 (TEST-NET-2, RFC 5737),
# lo up, IPv6 off, no default route and no uplink: nothing can leave these namespaces. No interface is
# created in the caller's namespace. Daemons and spawned commands each run in their own session
# (setsid); cleanup kills exactly those process groups, then deletes the namespaces and the temp dir.
# If the caller sets its own EXIT trap, it must call netns_cleanup from it.
#
# A routed site (several subnets joined by a router) instead of netns_create:
#
#   netns_site_create 3             # subnets 1..3: 198.51.100.0/24, 203.0.113.0/24, 192.0.2.0/24
#   netns_add_host 2.1              # host 1 of subnet 2 at 203.0.113.1/24 (ids S.N; a bare N is 1.N)
#   netns_exec 2.1 ping -c1 -W2 "$(netns_ip 1.1)"   # through the router
#
# Subnet S has its own hub namespace (<prefix>hub for subnet 1, <prefix>hub<S> for the others) with
# bridge br0; the router namespace <prefix>rt has eth<S> at <subnet S>.254/24 on each hub's bridge,
# IP forwarding on and broadcast forwarding off (bc_forwarding=0: a directed broadcast such as
# 203.0.113.255 stays on its subnet, as on a real router). Each host gets one route per other subnet
# via its router address, and still no default route: only the site's TEST-NETs are reachable.

NETNS_SUBNET=198.51.100
# The site's subnets (RFC 5737 TEST-NET-2, -3, -1), by subnet number 1..3.
NETNS_SITE_SUBNETS=(198.51.100 203.0.113 192.0.2)
NETNS_SITE=0
NETNS_PREFIX=
NETNS_DIR=
NETNS_HOSTS=0
NETNS_CAPTURE_PGID=

netns_log() {
	echo "netns: $*" >&2
}

# netns_init [PREFIX] - choose a unique prefix, make the temp dir, install the cleanup trap.
netns_init() {
	if [ "$(id -u)" != 0 ]; then
		netns_log "must run as root (network namespaces)"
		return 1
	fi
	NETNS_PREFIX=${1:-hrl$$}
	if netns_ours | grep -q .; then
		netns_log "namespaces with prefix $NETNS_PREFIX exist already; refusing to reuse them"
		return 1
	fi
	NETNS_DIR=$(mktemp -d "/tmp/${NETNS_PREFIX}.XXXXXX")
	chmod 755 "$NETNS_DIR"
	trap netns_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

# netns_ours - the existing namespaces named by this prefix: <prefix>hub and <prefix>h<N>, exactly
# (a bare prefix match would also take hrl12345's namespaces for hrl1234's).
netns_ours() {
	ip netns list | awk '{print $1}' | grep -E "^${NETNS_PREFIX}(hub[0-9]*|h[0-9]+|s[0-9]+h[0-9]+|rt)\$"
}

# netns_hub [S] - the hub namespace's name (of subnet S in a site; default 1).
netns_hub() {
	local s=${1:-1}
	if [ "$s" = 1 ]; then
		echo "${NETNS_PREFIX}hub"
	else
		echo "${NETNS_PREFIX}hub$s"
	fi
}

# netns_subnet_of ID - the subnet number of host ID (N or S.N).
netns_subnet_of() {
	case $1 in
		*.*) echo "${1%%.*}" ;;
		*) echo 1 ;;
	esac
}

# netns_host_of ID - the host number of host ID (N or S.N).
netns_host_of() {
	echo "${1##*.}"
}

# netns_prefix24 S - the first three octets of subnet S.
netns_prefix24() {
	local s=${1:-1}
	if [ "$s" = 1 ] && [ "$NETNS_SITE" = 0 ]; then
		echo "$NETNS_SUBNET"
	else
		echo "${NETNS_SITE_SUBNETS[$((s - 1))]}"
	fi
}

# netns_ns ID - host ID's namespace name: <prefix>h<N> for N (or 1.N), <prefix>s<S>h<N> for S.N.
netns_ns() {
	local s
	s=$(netns_subnet_of "$1")
	if [ "$s" = 1 ]; then
		echo "${NETNS_PREFIX}h$(netns_host_of "$1")"
	else
		echo "${NETNS_PREFIX}s${s}h$(netns_host_of "$1")"
	fi
}

# netns_ip ID - host ID's address.
netns_ip() {
	echo "$(netns_prefix24 "$(netns_subnet_of "$1")").$(netns_host_of "$1")"
}

# netns_bcast [ID] - the broadcast address of host ID's subnet (default subnet 1).
netns_bcast() {
	echo "$(netns_prefix24 "$(netns_subnet_of "${1:-1}")").255"
}

# netns_net S - subnet S as CIDR, e.g. 203.0.113.0/24.
netns_net() {
	echo "$(netns_prefix24 "$1").0/24"
}

# netns_router_ip S - the router's address on subnet S.
netns_router_ip() {
	echo "$(netns_prefix24 "$1").254"
}

# netns_router_ns - the router namespace's name.
netns_router_ns() {
	echo "${NETNS_PREFIX}rt"
}

netns_add_ns() {
	ip netns add "$1" || return 1
	ip -n "$1" link set lo up
	ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 >/dev/null 2>&1 || true
}

# netns_add_hub S - the hub namespace of subnet S with its bridge.
netns_add_hub() {
	local hub
	hub=$(netns_hub "$1")
	netns_add_ns "$hub" || return 1
	ip -n "$hub" link add br0 type bridge || return 1
	# Forward at once: no STP listening delay on the test bridge.
	ip -n "$hub" link set br0 type bridge forward_delay 0 stp_state 0
	ip -n "$hub" link set br0 up
}

# netns_create N - the hub with its bridge and hosts 1..N.
netns_create() {
	local n=$1 i
	[ -n "$NETNS_PREFIX" ] || { netns_log "call netns_init first"; return 1; }
	netns_add_hub 1 || return 1
	for ((i = 1; i <= n; i++)); do
		netns_add_host "$i" || return 1
	done
}

# netns_site_create K - a routed site of subnets 1..K (2 or 3), each with its hub, and the router;
# no hosts yet (netns_add_host S.N).
netns_site_create() {
	local k=$1 s rt
	[ -n "$NETNS_PREFIX" ] || { netns_log "call netns_init first"; return 1; }
	if [ "$k" -lt 2 ] || [ "$k" -gt "${#NETNS_SITE_SUBNETS[@]}" ]; then
		netns_log "a site has 2 to ${#NETNS_SITE_SUBNETS[@]} subnets, not $k"
		return 1
	fi
	NETNS_SITE=$k
	rt=$(netns_router_ns)
	netns_add_ns "$rt" || return 1
	ip netns exec "$rt" sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.bc_forwarding=0 \
		net.ipv4.conf.default.bc_forwarding=0 >/dev/null || return 1
	for ((s = 1; s <= k; s++)); do
		netns_add_hub "$s" || return 1
		ip -n "$(netns_hub "$s")" link add rt type veth peer name "eth$s" netns "$rt" || return 1
		ip -n "$(netns_hub "$s")" link set rt master br0
		ip -n "$(netns_hub "$s")" link set rt up
		ip -n "$rt" addr add "$(netns_router_ip "$s")/24" broadcast "$(netns_prefix24 "$s").255" dev "eth$s"
		ip -n "$rt" link set "eth$s" up
		ip netns exec "$rt" sysctl -qw "net.ipv4.conf.eth$s.bc_forwarding=0" >/dev/null
	done
}

# netns_add_host ID - one more host namespace: N (or 1.N) at 198.51.100.N/24, S.N in subnet S of a
# site, with a route to each other subnet of the site via the router.
netns_add_host() {
	local id=$1 s n hub ns o
	s=$(netns_subnet_of "$id")
	n=$(netns_host_of "$id")
	if [ "$s" != 1 ] && [ "$s" -gt "$NETNS_SITE" ]; then
		netns_log "no subnet $s (netns_site_create makes 1..$NETNS_SITE)"
		return 1
	fi
	if [ "$n" -lt 1 ] || [ "$n" -gt 253 ]; then
		netns_log "host number $n out of 1..253"
		return 1
	fi
	hub=$(netns_hub "$s")
	ns=$(netns_ns "$id")
	netns_add_ns "$ns" || return 1
	ip -n "$hub" link add "p$n" type veth peer name eth0 netns "$ns" || return 1
	ip -n "$hub" link set "p$n" master br0
	ip -n "$hub" link set "p$n" up
	ip -n "$ns" addr add "$(netns_ip "$id")/24" broadcast "$(netns_bcast "$id")" dev eth0
	ip -n "$ns" link set eth0 up
	for ((o = 1; o <= NETNS_SITE; o++)); do
		[ "$o" = "$s" ] && continue
		ip -n "$ns" route add "$(netns_net "$o")" via "$(netns_router_ip "$s")" dev eth0 || return 1
	done
	if [ "$s" = 1 ] && [ "$n" -gt "$NETNS_HOSTS" ]; then
		NETNS_HOSTS=$n
	fi
}

# netns_exec N CMD... - run CMD in host N (foreground).
netns_exec() {
	local i=$1
	shift
	ip netns exec "$(netns_ns "$i")" "$@"
}

# netns_spawn N LOGFILE CMD... - start CMD in host N in its own session, output to LOGFILE.
# Prints the process group id; netns_cleanup (or netns_stop PGID) stops it.
netns_spawn() {
	local i=$1
	shift
	netns_spawn_in "$(netns_ns "$i")" "$@"
}

# netns_stop PGID - stop one process group started by netns_spawn (TERM, then KILL after 5 s).
netns_stop() {
	local pgid=$1 n
	[ -n "$pgid" ] || return 0
	kill -TERM -- "-$pgid" 2>/dev/null || return 0
	for ((n = 0; n < 50; n++)); do
		kill -0 -- "-$pgid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL -- "-$pgid" 2>/dev/null || true
}

# netns_samba_conf N NETBIOSNAME WORKGROUP [key=value...] - write an smb.conf for host N, print its path.
# Keys: wins_support=yes (be a WINS server), wins_server=IP (be a WINS client), msgdir=DIR (smbd's
# message command writes each pop-up's text to DIR/<sender>, replacing it atomically), and any
# "extra=parameter = value" lines, repeated as needed.
netns_samba_conf() {
	local i=$1 name=$2 wg=$3 kv dir conf wins_support=no wins_server= msgdir= extra=()
	shift 3
	for kv in "$@"; do
		case $kv in
			wins_support=*) wins_support=${kv#*=} ;;
			wins_server=*) wins_server=${kv#*=} ;;
			msgdir=*) msgdir=${kv#*=} ;;
			extra=*) extra+=("${kv#*=}") ;;
			*) netns_log "unknown samba option $kv"; return 1 ;;
		esac
	done
	dir="$NETNS_DIR/samba-h${i//./-}"
	mkdir -p "$dir"/{lock,state,cache,pid,private,ncalrpc,log,share}
	chmod 755 "$dir" "$dir"/share
	conf="$dir/smb.conf"
	{
		echo "[global]"
		echo "	netbios name = $name"
		echo "	workgroup = $wg"
		echo "	interfaces = $(netns_ip "$i")/24"
		echo "	bind interfaces only = yes"
		echo "	server min protocol = NT1"
		echo "	client min protocol = NT1"
		echo "	lock directory = $dir/lock"
		echo "	state directory = $dir/state"
		echo "	cache directory = $dir/cache"
		echo "	pid directory = $dir/pid"
		echo "	private dir = $dir/private"
		echo "	ncalrpc dir = $dir/ncalrpc"
		echo "	binddns dir = $dir/private"
		echo "	passdb backend = tdbsam:$dir/private/passdb.tdb"
		echo "	log file = $dir/log/log.%m"
		echo "	load printers = no"
		echo "	printcap name = /dev/null"
		echo "	disable spoolss = yes"
		echo "	map to guest = Bad User"
		echo "	name resolve order = bcast host"
		echo "	dns proxy = no"
		echo "	wins support = $wins_support"
		[ -n "$wins_server" ] && echo "	wins server = $wins_server"
		if [ -n "$msgdir" ]; then
			mkdir -p "$msgdir"
			chmod 1777 "$msgdir"
			# Runs as the guest account; smbd answers the sender only after this returns.
			echo "	message command = /bin/sh -c 'cat %s > $msgdir/.%f.tmp && mv -f $msgdir/.%f.tmp $msgdir/%f; rm -f %s'"
		fi
		for kv in "${extra[@]}"; do
			echo "	$kv"
		done
		echo "[share]"
		echo "	path = $dir/share"
		echo "	guest ok = yes"
		echo "	read only = yes"
	} >"$conf"
	echo "$conf"
}

# netns_client_conf N - an smb.conf for Samba's client tools (nmblookup, smbclient) in host N.
netns_client_conf() {
	netns_samba_conf "$1" "CLIENT$1" WORKGROUP "${@:2}"
}

# netns_start_nmbd N CONF - nmbd in host N, foreground in its own session; prints its process group.
netns_start_nmbd() {
	netns_spawn "$1" "$(dirname "$2")/log/nmbd.out" nmbd -F --no-process-group --debug-stdout -d 1 -s "$2"
}

# netns_start_smbd N CONF - smbd in host N, like netns_start_nmbd.
netns_start_smbd() {
	netns_spawn "$1" "$(dirname "$2")/log/smbd.out" smbd -F --no-process-group --debug-stdout -d 1 -s "$2"
}

# netns_wait SECONDS CMD... - run CMD (quietly) until it succeeds or SECONDS pass; status 0 if it succeeded.
netns_wait() {
	local secs=$1 end
	shift
	end=$((SECONDS + secs))
	while true; do
		"$@" >/dev/null 2>&1 && return 0
		[ "$SECONDS" -ge "$end" ] && return 1
		sleep 0.2
	done
}

# netns_capture_start FILE [FILTER] [S] - tshark on the bridge of subnet S's hub (default 1) writing
# FILE (pcapng). One capture at a time.
netns_capture_start() {
	local file=$1 filter=${2:-} s=${3:-1} n out
	touch "$file"
	NETNS_CAPTURE_FILE=$file
	out="$NETNS_DIR/tshark$s.out"
	NETNS_CAPTURE_PGID=$(netns_spawn_in "$(netns_hub "$s")" "$out" \
		tshark -q -i br0 -w "$file" ${filter:+-f "$filter"})
	# tshark says "Capturing on 'br0'" once the capture runs.
	for ((n = 0; n < 100; n++)); do
		grep -q "Capturing on" "$out" 2>/dev/null && return 0
		sleep 0.1
	done
	netns_log "tshark did not start: $(cat "$out")"
	return 1
}

# netns_capture_stop - stop the capture, with its last frames written.
netns_capture_stop() {
	[ -n "$NETNS_CAPTURE_PGID" ] || return 0
	sleep 0.5 # frames in flight reach the bridge
	kill -INT -- "-$NETNS_CAPTURE_PGID" 2>/dev/null
	netns_stop "$NETNS_CAPTURE_PGID"
	NETNS_CAPTURE_PGID=
}

# netns_spawn_in NAMESPACE LOGFILE CMD... - like netns_spawn, by namespace name.
netns_spawn_in() {
	local ns=$1 log=$2 pidfile pgid n
	shift 2
	pidfile=$(mktemp "$NETNS_DIR/pid.XXXXXX")
	setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' spawn "$pidfile" ip netns exec "$ns" "$@" \
		>"$log" 2>&1 </dev/null &
	for ((n = 0; n < 200; n++)); do
		[ -s "$pidfile" ] && break
		sleep 0.01
	done
	pgid=$(cat "$pidfile")
	rm -f "$pidfile"
	[ -n "$pgid" ] || { netns_log "could not start $*"; return 1; }
	# A file, not an array: callers often run this inside $(...), a subshell.
	echo "$pgid" >>"$NETNS_DIR/pgids"
	echo "$pgid"
}

# netns_cleanup - stop everything started here, delete the namespaces and the temp dir.
# Set NETNS_KEEP=1 to keep the temp dir (logs, captures) for a look afterwards.
netns_cleanup() {
	local pgid ns
	local pgids=()
	[ -f "$NETNS_DIR/pgids" ] && mapfile -t pgids <"$NETNS_DIR/pgids"
	for pgid in "${pgids[@]}"; do
		kill -TERM -- "-$pgid" 2>/dev/null
	done
	for pgid in "${pgids[@]}"; do
		netns_stop "$pgid"
	done
	[ -f "$NETNS_DIR/pgids" ] && : >"$NETNS_DIR/pgids"
	# The prefix was checked unused at netns_init: every namespace named after it is ours.
	if [ -n "$NETNS_PREFIX" ]; then
		for ns in $(netns_ours); do
			ip netns del "$ns" 2>/dev/null
		done
	fi
	if [ -n "$NETNS_DIR" ] && [ -d "$NETNS_DIR" ]; then
		if [ "${NETNS_KEEP:-0}" = 1 ]; then
			netns_log "kept $NETNS_DIR"
		else
			rm -rf "$NETNS_DIR"
		fi
	fi
}
