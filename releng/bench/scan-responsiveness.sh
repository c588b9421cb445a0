#!/usr/bin/env bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# Is the workbench still responsive while it scans thousands of hosts? Starts the product under an
# Xvfb of its own, in a private network namespace that holds only lo (nothing leaves it), with an
# identity on 127.0.0.1/8 and the NbnsFixture answering node status on every address of a loopback
# range (as scan-vs-nbtscan.sh does). Runs a scan of that range from the Network part's Scan dialog
# (xdotool) and reads the product's UI latency probe (-Dherald.trace.ui=true, see UiLatencyProbe: every
# 50 ms a runnable is posted with asyncExec and its wait until the UI thread runs it is written down).
# Prints max, p99 and median of that wait while idle and during the scan. Run as root.
# Usage: releng/bench/scan-responsiveness.sh [PRODUCT_DIR] [BASE COUNT]   (default 127.77.0.0 4094)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
product=${1:-$root/releng/org.herald.product/target/products/org.herald.product/linux/gtk/x86_64/herald}
base=${2:-127.77.0.0}
count=${3:-4094}
range=$base/20
[ "$count" = 4094 ] || range=$base-$(python3 -c "import ipaddress;print(ipaddress.ip_address('$base')+$count)")
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
J=$JAVA_HOME/bin
IDLE_S=${IDLE_S:-10}
ns=hrlui$$
work=$(mktemp -d /tmp/herald-scanui.XXXXXX)
fixture_pg=""
app_pg=""
xvfb_pid=""
cleanup() {
	[ -n "$app_pg" ] && kill -TERM -- "-$app_pg" 2>/dev/null
	[ -n "$fixture_pg" ] && kill -TERM -- "-$fixture_pg" 2>/dev/null
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	sleep 0.5
	ip netns del "$ns" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }

ip netns add "$ns"
ip -n "$ns" link set lo up
"$J/javac" -d "$work" "$here/NbnsFixture.java"
setsid bash -c 'echo $$ > "$1"; shift; ulimit -n 16384; exec "$@"' x "$work/fixture.pid" \
	ip netns exec "$ns" "$J/java" -cp "$work" NbnsFixture serve "$base" "$count" 137 >"$work/fixture.log" 2>&1 &
for _ in $(seq 200); do grep -q ready "$work/fixture.log" 2>/dev/null && break; sleep 0.1; done
fixture_pg=$(cat "$work/fixture.pid")
grep -q ready "$work/fixture.log" || { echo "fixture did not start: $(cat "$work/fixture.log")" >&2; exit 1; }
echo "fixture: $(awk '/ready/{print $2}' "$work/fixture.log") responders on $range in namespace $ns (lo only)"

ws=$work/ws
"$product/herald" -data "$ws" config save --name BENCHUI --workgroup WORKGROUP --interfaces 127.0.0.1/8 >/dev/null

Xvfb :72 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=:72
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
log=$work/workbench.log
setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' x "$work/app.pid" \
	ip netns exec "$ns" env DISPLAY=:72 HERALD_VMARGS="-Dherald.trace.ui=true" "$product/herald" -data "$ws" >"$log" 2>&1 &
for _ in $(seq 50); do [ -s "$work/app.pid" ] && break; sleep 0.1; done
app_pg=$(cat "$work/app.pid")
win=$(timeout 120 xdotool search --sync --name '^Herald$' | head -n 1)
# let the start-up settle before the idle window
for _ in $(seq 300); do [ "$(grep -c '^ui-latency' "$log")" -gt 40 ] && break; sleep 0.1; done
sleep 2

# idle: no scan, nothing to do
idle_from=$(now_ms)
sleep "$IDLE_S"
idle_to=$(now_ms)

# open the Network part, then its Scan dialog, and scan the fixture's range
timeout 5 xdotool windowactivate --sync "$win" 2>/dev/null || true
if [ -n "${NETWORK_TAB_XY:-}" ]; then
	xdotool mousemove --window "$win" ${NETWORK_TAB_XY/,/ } click 1
	sleep 1
fi
# without a window manager mnemonics do not reach the part: click the Network part's "Scan range..."
# button, where the default perspective puts it in the 1280x800 window at 0,0
xdotool mousemove ${SCAN_BUTTON_XY:-1217 112} click 1
# (without a window manager the dialog's X window carries no name to search for: give it 2 s)
sleep 2
xdotool key ctrl+a
xdotool type --delay 5 "$range"
[ -n "${SHOTS:-}" ] && import -window root "$SHOTS/scan-dialog.png"
xdotool key Return
deadline=$(($(now_ms) + 120000))
until grep -q '^scan: .* done' "$log"; do
	[ "$(now_ms)" -lt "$deadline" ] || { echo "the scan did not finish; log:" >&2; tail -30 "$log" >&2; exit 1; }
	sleep 0.1
done
sleep 2 # the tree's last refreshes after the scan count too
[ -n "${SHOTS:-}" ] && import -window root "$SHOTS/scan-done.png"
scan_from=$(sed -n 's/^scan: epoch=\([0-9]*\) started.*/\1/p' "$log" | tail -1)
scan_done=$(sed -n 's/^scan: epoch=\([0-9]*\) done.*/\1/p' "$log" | tail -1)
scan_to=$((scan_done + 2000))
echo "scan: $(sed -n 's/^scan: epoch=[0-9]* //p' "$log" | tr '\n' ' ')"

# stats FROM TO: "samples max p99 median" of the UI latency in ms for samples posted in [FROM, TO)
stats() {
	sed -n 's/^ui-latency: epoch=\([0-9]*\) delay_us=\([0-9]*\)$/\1 \2/p' "$log" |
		awk -v a="$1" -v b="$2" '$1 >= a && $1 < b {print $2}' | sort -n |
		awk '{d[NR]=$1} END {if (NR == 0) {print "0 0 0 0"; exit}
			p=int(NR*0.99 + 0.999); if (p < 1) p=1; if (p > NR) p=NR
			printf "%d %.1f %.1f %.1f\n", NR, d[NR]/1000, d[p]/1000, d[int((NR+1)/2)]/1000}'
}
read -r in imax ip99 imed < <(stats "$idle_from" "$idle_to")
read -r sn smax sp99 smed < <(stats "$scan_from" "$scan_to")
rss=$(($(ps -o rss= -p "$(pgrep -f -n -- "-data $ws")" 2>/dev/null | tr -d ' ' || echo 0) / 1024))
echo
printf '%-34s %8s %9s %9s %9s\n' "UI thread latency (asyncExec)" samples max p99 median
printf '%-34s %8d %7.1f ms %6.1f ms %6.1f ms\n' "idle (${IDLE_S} s)" "$in" "$imax" "$ip99" "$imed"
printf '%-34s %8d %7.1f ms %6.1f ms %6.1f ms\n' "scan of $range (+2 s)" "$sn" "$smax" "$sp99" "$smed"
echo "workbench RSS after the scan: ${rss} MB"
printf 'ratio scan/idle UI latency: p99 %.2f, max %.2f\n' "$(echo "$sp99 / ($ip99 + 0.001)" | bc -l)" "$(echo "$smax / ($imax + 0.001)" | bc -l)"
