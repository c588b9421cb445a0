#!/usr/bin/env bash
# End-to-end check of the materialized product: the CLI answers, and the workbench opens its
# window "Herald" on an X display of its own (own-xvfb.sh: an Xvfb started here and used once it
# accepts connections; $DISPLAY only where there is no Xvfb).
# With ARCHIVE (the Linux tar.gz) it also unpacks it and runs it as on a machine without Java:
# an empty environment but DISPLAY and HOME (no PATH, no JAVA_HOME), so only its bundled jre/ can
# serve: --help, then the workbench's window.
# Usage: first-window.sh PRODUCT_DIR OUT_DIR [ARCHIVE]. Leaves OUT_DIR/first-window.png (and
# OUT_DIR/unpacked-window.png). Binds nothing.
set -u
product=$1
out=$2
archive=${3:-}
mkdir -p "$out"
rm -rf "$out/workspace"
passed=0
failed=0
check() { # name, then a command that must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "PASS $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
herald=$product/herald

# The CLI.
"$herald" -data "$out/workspace" version >"$out/version.txt" 2>&1; rc=$?
check "herald version exits 0" test $rc -eq 0
check "herald version names Herald" grep -q '^Herald ' "$out/version.txt"
"$herald" -data "$out/workspace" --help >"$out/help.txt" 2>&1; rc=$?
check "herald --help exits 0 and lists commands" test $rc -eq 0 -a -n "$(grep -E '^  version' "$out/help.txt")"
"$herald" -data "$out/workspace" frobnicate >"$out/usage.txt" 2>&1; rc=$?
check "unknown command exits 2" test $rc -eq 2
check "unknown command says what is wrong" grep -q "unknown command 'frobnicate'" "$out/usage.txt"
"$herald" -data "$out/workspace" version --interfaces 127.0.0.2 >"$out/badopt.txt" 2>&1; rc=$?
check "bad --interfaces exits 2 with its reason" test $rc -eq 2 -a -n "$(grep 'needs a prefix length' "$out/badopt.txt")"

# The workbench.
for tool in xdotool import; do
  command -v $tool >/dev/null || { echo "first-window: $tool is missing (Debian: xdotool, imagemagick)"; exit 1; }
done
. "$(dirname "$0")/own-xvfb.sh"
own_xvfb "$out" || exit 1
stop_xvfb() { [ -z "$XVFB_PID" ] || { kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; XVFB_PID=""; }; }
trap stop_xvfb EXIT
echo "first-window: on display $DISPLAY"
start=$(date +%s.%N)
setsid "$herald" -data "$out/workspace" >"$out/workbench.log" 2>&1 &
pid=$!
stop_workbench() { kill -TERM -- -"$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }
trap 'stop_workbench; stop_xvfb' EXIT
# The window exists once X knows a window named Herald; it has appeared once the screen is no
# longer blank (without a window manager, GTK's named X windows report themselves unmapped).
window=""
drawn=no
for _ in $(seq 600); do
  [ -z "$window" ] && window=$(xdotool search --name '^Herald$' 2>/dev/null | head -n 1)
  if [ -n "$window" ]; then
    import -window root "$out/first-window.png" 2>/dev/null
    if [ "$(convert "$out/first-window.png" -format '%[fx:standard_deviation>0.05]' info: 2>/dev/null)" = 1 ]; then
      drawn=yes
      break
    fi
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
check "workbench window appeared" test -n "$window" -a "$drawn" = yes
if [ "$drawn" = yes ]; then
  echo "first window drawn after $(echo "$(date +%s.%N) - $start" | bc) s"
  check "window title is Herald" test "$(xdotool getwindowname "$window")" = "Herald"
  sleep 1.5 # let the parts finish painting before the screenshot that is kept
  import -window root "$out/first-window.png"
  check "screenshot taken" test -s "$out/first-window.png"
else
  cat "$out/workbench.log"
fi

# The unpacked archive with nothing from this environment: env -i with DISPLAY and HOME only.
if [ -n "$archive" ]; then
  stop_workbench
  trap stop_xvfb EXIT
  rm -rf "$out/unpacked" "$out/home" "$out/unpacked-workspace"
  mkdir -p "$out/unpacked" "$out/home"
  tar -xzf "$archive" -C "$out/unpacked"
  bare=(env -i DISPLAY="$DISPLAY" HOME="$out/home")
  "${bare[@]}" "$out/unpacked/herald/herald" -data "$out/unpacked-workspace" --help >"$out/unpacked-help.txt" 2>&1; rc=$?
  check "unpacked archive, empty environment: herald --help exits 0" test $rc -eq 0 -a -n "$(grep -E '^  version' "$out/unpacked-help.txt")"
  check "unpacked archive, empty environment: no Java warning" test -z "$(grep -i 'java' "$out/unpacked-help.txt")"
  setsid "${bare[@]}" "$out/unpacked/herald/herald" -data "$out/unpacked-workspace" >"$out/unpacked-workbench.log" 2>&1 &
  pid=$!
  trap 'stop_workbench; stop_xvfb' EXIT
  window=""
  drawn=no
  for _ in $(seq 600); do
    window=$(xdotool search --name '^Herald$' 2>/dev/null | head -n 1)
    if [ -n "$window" ]; then
      import -window root "$out/unpacked-window.png" 2>/dev/null
      if [ "$(convert "$out/unpacked-window.png" -format '%[fx:standard_deviation>0.05]' info: 2>/dev/null)" = 1 ]; then
        drawn=yes
        break
      fi
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  check "unpacked archive, empty environment: the workbench window appeared" test -n "$window" -a "$drawn" = yes
  java_pid=$(pgrep -s "$pid" -f org.eclipse.equinox.launcher | head -n 1)
  check "unpacked archive, empty environment: it runs on the bundled jre/" \
    test "$(readlink "/proc/$java_pid/exe" 2>/dev/null)" = "$out/unpacked/herald/jre/bin/java"
  sleep 1.5 # let the parts paint
  import -window root "$out/unpacked-window.png" 2>/dev/null
  stop_workbench
  trap stop_xvfb EXIT
  [ -n "$window" ] || cat "$out/unpacked-workbench.log"
fi
echo "first-window: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
