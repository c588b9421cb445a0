#!/usr/bin/env bash
# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# The workbench's Inbox part over an inbox of 1,000,000 messages: time to the first drawn rows, to
# scroll to the end, to filter by a word, and the workbench's RSS after each step; beside it the
# store's own latency through the CLI (`herald inbox list` / `inbox search WORD`) on the same workspace.
#
# The workspace is generated once (InboxBench through accept(), fsync off) and cached under
# $HERALD_BENCH_CACHE (default /tmp/herald-bench-cache)/inbox-1m-v$VERSION; reruns reuse it. The
# product runs under an Xvfb of its own with -Dherald.trace.inbox=true (see InboxTrace), and xdotool
# drives it. Network: the workspace's identity is saved as 127.71.0.1/8 (`herald config save`), so the
# workbench binds and broadcasts on loopback only (without an identity its first-run setup would cover
# the window and offer the machine's interfaces); H2 binds 127.0.0.1 only.
# SHOTS=DIR: screenshots of the end, the middle (a click at the middle of the inbox's slider) and the filter.
# Usage: releng/bench/workbench-inbox-1m.sh [PRODUCT_DIR] [WORD]   (needs Xvfb, xdotool, bc)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
product=${1:-$root/releng/org.herald.product/target/products/org.herald.product/linux/gtk/x86_64/herald}
word=${2:-payroll}
VERSION=1
MESSAGES=${MESSAGES:-1000000}
cache=${HERALD_BENCH_CACHE:-/tmp/herald-bench-cache}/inbox-$((MESSAGES / 1000))k-v$VERSION
ws=$cache/ws
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d /tmp/herald-wbinbox.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() { # every step, whatever the one before returned (the workbench's exit status is 143)
	if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
	if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
rss_mb() { echo $(($(ps -o rss= -p "$1" | tr -d ' ') / 1024)); }

# 1. The workspace: generated once, fast (no fsync, 32 threads so group commits are large).
if [ ! -f "$cache/complete" ]; then
	echo "generating $MESSAGES messages into $cache (once; fsync off)..."
	rm -rf "$cache"
	mkdir -p "$cache"
	t0=$(now_ms)
	OUT=$work/fill INBOX_JAVA_OPTS=-Dherald.inbox.fsync=false HEAP=2g "$here/inbox-1m.sh" "$ws.partial" "$MESSAGES" 32 >"$cache/fill.log" 2>&1
	t1=$(now_ms)
	mv "$ws.partial" "$ws"
	echo "fill of $MESSAGES messages took $(((t1 - t0) / 1000)) s (compile, fill, word index, store queries)" >"$cache/complete"
fi
echo "workspace: $ws ($(du -sh "$ws/.herald" | cut -f1)); $(cat "$cache/complete")"
grep -E "^filled|database" "$cache/fill.log" || true

# 2. The store alone, through the CLI (a fresh process each: JVM and OSGi start included).
cli_ms() { # args...: wall milliseconds of one CLI run
	local t0 t1
	t0=$(now_ms)
	"$product/herald" -data "$ws" "$@" >"$work/cli.out" 2>&1 || { cat "$work/cli.out" >&2; return 1; }
	t1=$(now_ms)
	echo $((t1 - t0))
}
"$product/herald" -data "$ws" version >/dev/null 2>&1 || true # warm the OSGi caches
cli_version=$(cli_ms version)
cli_list=$(cli_ms inbox list --limit 50)
cli_search=$(cli_ms inbox search "$word" --limit 50)
echo "CLI (process start to exit): version ${cli_version} ms, inbox list ${cli_list} ms, inbox search $word ${cli_search} ms"
echo "  store share (minus 'version'): list $((cli_list - cli_version)) ms, search $((cli_search - cli_version)) ms"

# 3. The workbench on that workspace under its own X server, bound to loopback only.
"$product/herald" -data "$ws" config save --name HERALDBENCH --interfaces 127.71.0.1/8 >/dev/null
"$product/herald" -data "$ws" config | grep -q '127.71.0.1/8' || { echo "the workspace's identity is not loopback-only" >&2; exit 1; }
if [ -z "${BENCH_DISPLAY:-}" ]; then
	# its own session, and no descriptor of ours (a build's lock file) held open by it
	setsid Xvfb :71 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 </dev/null 9>&- &
	xvfb_pid=$!
	export DISPLAY=:71
	for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
else
	export DISPLAY=$BENCH_DISPLAY
fi
log=$work/workbench.log
t_start=$(now_ms)
HERALD_VMARGS="-Dherald.trace.inbox=true ${HERALD_VMARGS:-}" "$product/herald" -data "$ws" >"$log" 2>&1 &
app_pid=$!

# wait_line REGEX FROM_LINE TIMEOUT_S: prints the first matching trace line after line FROM_LINE
wait_line() {
	local deadline=$(($(now_ms) + $3 * 1000)) line
	while [ "$(now_ms)" -lt "$deadline" ]; do
		line=$(tail -n +"$(($2 + 1))" "$log" | grep -E -m1 "$1" || true)
		[ -n "$line" ] && { echo "$line"; return 0; }
		kill -0 "$app_pid" 2>/dev/null || { echo "the workbench exited" >&2; cat "$log" >&2; return 1; }
		sleep 0.02
	done
	echo "timed out waiting for /$1/" >&2
	tail -20 "$log" >&2
	return 1
}
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$2"; }
lines() { wc -l <"$log"; }

table=$(wait_line '^inbox: .* table has [0-9]+ rows' 0 300)
rows=$(sed -n 's/.*table has \([0-9]*\) rows.*/\1/p' <<<"$table")
first=$(wait_line '^inbox: .* rows 0-[0-9]+ shown' 0 120)
created=$(wait_line '^inbox: .* part created' 0 1)
ids=$(grep -E -m1 '^inbox: .* ids [0-9]+ in' "$log" || echo "inbox: part=0 ids: none (the first page was all)")
fpage=$(wait_line '^inbox: .* first page [0-9]+ rows in' 0 1)
all_from_part=$(field part "$table")
e_first=$(field epoch "$first")
open_from_launch=$((e_first - t_start))
open_from_jvm=$(field jvm "$first")
open_from_part=$(field part "$first")
sleep 1
rss_open=$(rss_mb "$app_pid")
echo "workbench: $rows rows in the table"
echo "  ${fpage#*part=*[0-9] }; ${ids#*part=*[0-9] }; all $rows rows in the table ${all_from_part} ms from part creation"
echo "  UI thread: $(grep -E 'table rows' "$log" | head -2 | sed 's/.* table rows/table rows/' | tr '\n' ';')"
echo "  first rows drawn: ${open_from_launch} ms from launch, ${open_from_jvm} ms from JVM start, ${open_from_part} ms from part creation; RSS ${rss_open} MB"

# Scroll to the end: click a row (focus and selection), then ctrl+End.
win=$(xdotool search --sync --name '^Herald$' | head -n 1)
timeout 5 xdotool windowactivate --sync "$win" 2>/dev/null || true
eval "$(xdotool getwindowgeometry --shell "$win")"
xdotool mousemove --window "$win" 300 "${TABLE_Y:-180}" click 1
sleep 0.5
n=$(lines)
t_key=$(now_ms)
xdotool key ctrl+End
last=$(wait_line "^inbox: .* rows [0-9]+-$((rows - 1)) shown" "$n" 120)
scroll_ms=$(($(field epoch "$last") - t_key))
sleep 1
rss_end=$(rss_mb "$app_pid")
echo "  scroll to the end (ctrl+End to row $((rows - 1)) drawn): ${scroll_ms} ms; RSS ${rss_end} MB"
if [ -n "${SHOTS:-}" ]; then import -window root "$SHOTS/inbox-end.png"; fi

# The middle: a click at the middle of the slider beside the table (GTK moves the slider to where it is
# clicked). Only for a table with a slider of its own, which the part traces as "slider x= y= w= h=".
slider=$(grep -E -m1 '^inbox: .* slider x=' "$log" || true)
if [ -n "$slider" ]; then
	sx=$(($(field x "$slider") + $(field w "$slider") / 2))
	sy=$(($(field y "$slider") + $(field h "$slider") / 2))
	n=$(lines)
	t_mid=$(now_ms)
	xdotool mousemove "$sx" "$sy" click 1
	mid=$(wait_line "^inbox: .* rows [0-9]{6}-[0-9]+ shown" "$n" 60)
	mid_ms=$(($(field epoch "$mid") - t_mid))
	sleep 1
	echo "  scroll to the middle (click on the slider, rows $(sed -n 's/.* rows \([0-9]*-[0-9]*\) shown.*/\1/p' <<<"$mid") drawn): ${mid_ms} ms; RSS $(rss_mb "$app_pid") MB"
	if [ -n "${SHOTS:-}" ]; then import -window root "$SHOTS/inbox-middle.png"; fi
fi

# Filter: type the word into the search box; the part waits 250 ms for the typing to pause.
xdotool mousemove --window "$win" 110 "${SEARCH_Y:-112}" click 1
sleep 0.3
n=$(lines)
xdotool type --delay 20 "$word"
t_typed=$(now_ms)
filtered=$(wait_line "^inbox: .* table has [0-9]+ rows" "$n" 120)
frows=$(sed -n 's/.*table has \([0-9]*\) rows.*/\1/p' <<<"$filtered")
[ "$frows" != "$rows" ] || { echo "the filter did not change the row count ($frows)" >&2; exit 1; }
fshown=$(wait_line "^inbox: .* rows [0-9]+-[0-9]+ shown" "$(grep -n 'table has' "$log" | tail -1 | cut -d: -f1)" 60)
fids=$(tail -n +"$((n + 1))" "$log" | grep -E -m1 'ids [0-9]+ in' || true)
filter_ms=$(($(field epoch "$fshown") - t_typed))
store_ms=$(sed -n 's/.*ids [0-9]* in \([0-9]*\) ms.*/\1/p' <<<"$fids")
sleep 1
rss_filter=$(rss_mb "$app_pid")
echo "  filter '$word': $frows rows; last keystroke to rows drawn ${filter_ms} ms (of which 250 ms typing pause); RSS ${rss_filter} MB"
echo "  ${fids#*part=*[0-9] }; UI thread: $(tail -n +"$((n + 1))" "$log" | sed -n 's/.* \(table rows .*\)/\1/p' | tr '\n' ';')"
if [ -n "${SHOTS:-}" ]; then import -window root "$SHOTS/inbox-filter.png"; fi

echo
printf '%-44s %10s\n' "step (1,000,000 messages)" "time"
printf '%-44s %7d ms\n' "open Inbox, from launch" "$open_from_launch"
printf '%-44s %7d ms\n' "open Inbox, from part creation" "$open_from_part"
printf '%-44s %7d ms\n' "scroll to the end" "$scroll_ms"
printf '%-44s %7d ms\n' "filter by '$word' (incl. 250 ms pause)" "$filter_ms"
printf '%-44s %7d ms\n' "CLI inbox search $word (whole process)" "$cli_search"
printf 'RSS: open %d MB, after scroll %d MB, after filter %d MB\n' "$rss_open" "$rss_end" "$rss_filter"
printf 'ratio UI/store for the filter step: %.2f (UI %d ms / CLI search %d ms); UI/store ids() in process: %.2f (UI %d ms / ids %d ms)\n' \
	"$(echo "$filter_ms / $cli_search" | bc -l)" "$filter_ms" "$cli_search" \
	"$(echo "$filter_ms / ($store_ms + 0.5)" | bc -l)" "$filter_ms" "$store_ms"
