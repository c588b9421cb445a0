#!/bin/bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Checks the routed site of releng/interop/netns.sh: three subnets joined by the router namespace,
# unicast crosses it, broadcasts do not, no host has a default route, nothing in the caller's
# namespace. Prints "N passed, N failed"; exits non-zero on failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/netns.sh"
netns_init || exit 1
. "$here/checks.sh"
links_before=$(ip -o link | wc -l)
netns_site_create 3 || exit 1
for id in 1.1 1.2 2.1 3.1; do netns_add_host "$id" || exit 1; done
check "caller's namespace has no new interface" test "$(ip -o link | wc -l)" = "$links_before"
check "host 2.1 is 203.0.113.1/24" bash -c "ip -n $(netns_ns 2.1) -br addr show eth0 | grep -q '203.0.113.1/24'"
check "host 1 and 1.1 are the same host" test "$(netns_ns 1)" = "$(netns_ns 1.1)"
check "no default route in host 3.1" test -z "$(netns_exec 3.1 ip route show default)"
check "host 3.1 routes 198.51.100.0/24 via 192.0.2.254" bash -c "ip -n $(netns_ns 3.1) route | grep -q '^198.51.100.0/24 via 192.0.2.254'"
check "router forwards" test "$(ip netns exec "$(netns_router_ns)" sysctl -n net.ipv4.ip_forward)" = 1
check "router does not forward broadcasts" test "$(ip netns exec "$(netns_router_ns)" sysctl -n net.ipv4.conf.all.bc_forwarding)" = 0
# reaches FROM TO: a TCP connect to TO's port 9 is refused (the host answered with a reset), not unroutable
reaches() { netns_exec "$1" timeout 3 bash -c "exec 3<>/dev/tcp/$(netns_ip "$2")/9" 2>&1 | grep -q "Connection refused"; }
check "1.1 reaches 2.1 through the router" reaches 1.1 2.1
check "2.1 reaches 3.1 through the router" reaches 2.1 3.1
check "3.1 has no route outside the site" bash -c "! ip netns exec $(netns_ns 3.1) ip route get 10.0.0.1 >/dev/null 2>&1"
# A UDP broadcast on subnet 1 reaches 1.2 but not 2.1 (the router does not forward it).
netns_spawn 1.2 "$NETNS_DIR/b12.log" timeout 5 python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("",40137));print(s.recvfrom(100)[0].decode(),flush=True)' >/dev/null
netns_spawn 2.1 "$NETNS_DIR/b21.log" timeout 5 python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("",40137));print(s.recvfrom(100)[0].decode(),flush=True)' >/dev/null
netns_wait 5 bash -c "ip netns exec $(netns_ns 2.1) ss -uln | grep -q 40137 && ip netns exec $(netns_ns 1.2) ss -uln | grep -q 40137"
for b in "$(netns_bcast 1.1)" "$(netns_bcast 2.1)"; do
	netns_exec 1.1 python3 -c "import socket,sys;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.setsockopt(socket.SOL_SOCKET,socket.SO_BROADCAST,1);s.sendto(b'bcast '+sys.argv[1].encode(),(sys.argv[1],40137))" "$b" 2>/dev/null
done
check "a broadcast on subnet 1 reaches 1.2" netns_wait 5 grep -q "bcast" "$NETNS_DIR/b12.log"
sleep 1 # the negative check: give a forwarded broadcast time to arrive
check "neither broadcast crossed the router to 2.1" bash -c "! grep -q bcast '$NETNS_DIR/b21.log'"
checks_report
