# Sourced by the e2e scripts. own_xvfb OUT_DIR starts an Xvfb of the script's own on the first free
# display from :70 up (one that has no lock file and whose server starts), so neither the build's
# display (:47, which ends with the build that started it, perhaps another agent's) nor anyone
# else's is used or disturbed. It returns once that display accepts connections (Xvfb has written
# its number to -displayfd, and xdpyinfo answers), bounded at 60 s only against a hang. It sets
# DISPLAY and XVFB_PID; the caller kills XVFB_PID when done. Without Xvfb it keeps a DISPLAY it was
# given, once that display accepts connections. Returns 1, with the reason on stderr, when there is
# no display to use.
own_xvfb() {
  local out=$1 n limit written
  XVFB_PID=""
  if ! command -v xdpyinfo >/dev/null; then
    echo "own-xvfb: xdpyinfo is missing (Debian: x11-utils)" >&2; return 1
  fi
  if command -v Xvfb >/dev/null; then
    for n in $(seq 70 99); do
      [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
      : >"$out/xvfb.display"
      # fd 3 is for -displayfd only; the build's lock fd is not passed on.
      Xvfb ":$n" -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$out/xvfb.display" >"$out/xvfb.log" 2>&1 9>&- &
      XVFB_PID=$!
      limit=$(($(date +%s) + 60))
      written=""
      until [ -n "$written" ]; do
        written=$(sed -n 's/^\([0-9][0-9]*\)$/\1/p' "$out/xvfb.display")
        [ -n "$written" ] && break
        kill -0 "$XVFB_PID" 2>/dev/null || break # display taken meanwhile, or Xvfb failed: the next
        [ "$(date +%s)" -lt $limit ] || { echo "own-xvfb: Xvfb :$n did not start within 60 s" >&2; kill "$XVFB_PID"; return 1; }
        sleep 0.1
      done
      [ -n "$written" ] && break
      wait "$XVFB_PID" 2>/dev/null
      XVFB_PID=""
    done
    [ -n "$XVFB_PID" ] || { echo "own-xvfb: no Xvfb started on :70 to :99: $(tail -n 3 "$out/xvfb.log")" >&2; return 1; }
    export DISPLAY=:$written
  elif [ -z "${DISPLAY:-}" ]; then
    echo "own-xvfb: no Xvfb and no DISPLAY (Debian: apt-get install xvfb)" >&2; return 1
  fi
  limit=$(($(date +%s) + 60))
  until xdpyinfo -display "$DISPLAY" >/dev/null 2>&1; do
    if [ -n "$XVFB_PID" ] && ! kill -0 "$XVFB_PID" 2>/dev/null; then
      echo "own-xvfb: Xvfb on $DISPLAY ended: $(tail -n 3 "$out/xvfb.log")" >&2; XVFB_PID=""; return 1
    fi
    [ "$(date +%s)" -lt $limit ] || { echo "own-xvfb: display $DISPLAY accepts no connection within 60 s" >&2; return 1; }
    sleep 0.1
  done
}
