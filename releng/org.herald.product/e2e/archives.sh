#!/usr/bin/env bash
# Checks the three product archives without running them: the right SWT fragment and no other,
# the launch scripts, their syntax. Usage: archives.sh PRODUCTS_DIR OUT_DIR
set -u
products=$1; out=$2
rm -rf "$out"; mkdir -p "$out"
passed=0; failed=0
check() { local name=$1; shift; if "$@"; then passed=$((passed + 1)); echo "PASS $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi; }
linux=$(ls "$products"/herald-*-linux.gtk.x86_64.tar.gz); win=$(ls "$products"/herald-*-win32.win32.x86_64.zip); mac=$(ls "$products"/herald-*-macosx.cocoa.aarch64.tar.gz)
tar -tzf "$linux" > "$out/linux.txt"; unzip -Z1 "$win" > "$out/win.txt"; tar -tzf "$mac" > "$out/mac.txt"
check "linux: gtk SWT fragment" grep -q 'plugins/org.eclipse.swt.gtk.linux.x86_64_' "$out/linux.txt"
check "linux: bundled runtime" grep -q '^herald/jre/bin/java$' "$out/linux.txt"
check "linux: launcher and service" grep -qx 'herald/service/herald-listen.service' "$out/linux.txt"
check "windows: win32 SWT fragment" grep -q 'plugins/org.eclipse.swt.win32.win32.x86_64_' "$out/win.txt"
check "windows: no gtk or cocoa fragment" test -z "$(grep -E 'swt\.(gtk|cocoa)' "$out/win.txt")"
check "windows: herald.cmd" grep -q 'herald/herald.cmd$' "$out/win.txt"
check "macos: cocoa SWT fragment" grep -q 'plugins/org.eclipse.swt.cocoa.macosx.aarch64_' "$out/mac.txt"
check "macos: no gtk or win32 fragment" test -z "$(grep -E 'swt\.(gtk|win32)' "$out/mac.txt")"
tar -xzf "$mac" -C "$out" --wildcards '*/herald' 2>/dev/null
script=$(find "$out" -name herald -type f | head -n 1)
check "macos: herald script, bash -n, -XstartOnFirstThread" eval 'test -n "$script" && bash -n "$script" && grep -q XstartOnFirstThread "$script"'
unzip -o -q "$win" 'herald/herald.cmd' -d "$out"
cmd=$out/herald/herald.cmd
check "herald.cmd: CRLF line ends" test "$(grep -c $'\r$' "$cmd")" -eq "$(wc -l < "$cmd")"
check "herald.cmd: every goto has its label" eval 'for l in $(grep -oiE "goto [a-z]+" "$cmd" | cut -d" " -f2 | sort -u); do grep -qiE "^:$l"$'"'"'\r'"'"' "$cmd" || exit 1; done'
echo "archives: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
