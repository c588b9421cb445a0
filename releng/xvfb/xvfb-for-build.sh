#!/usr/bin/env bash
# Starts an Xvfb on display $1 (e.g. :47) for the Maven build that runs this script, unless one is
# already serving it. The Xvfb stops by itself when that Maven process ends.
set -u
d=${1#:}
lock=/tmp/.X$d-lock
if [ -e "$lock" ] && kill -0 "$(tr -d ' ' < "$lock")" 2>/dev/null; then
  exit 0
fi
if ! command -v Xvfb >/dev/null; then
  echo "herald: no DISPLAY and no Xvfb: the UI tests need one of them (Debian: apt-get install xvfb)" >&2
  exit 1
fi
build_pid=$PPID
setsid bash -c "Xvfb :$d -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 & x=\$!
  while kill -0 $build_pid 2>/dev/null && kill -0 \$x 2>/dev/null; do sleep 2; done
  kill \$x 2>/dev/null" </dev/null >/dev/null 2>&1 &
for _ in $(seq 100); do
  [ -e "$lock" ] && exit 0
  sleep 0.1
done
echo "herald: Xvfb :$d did not start" >&2
exit 1
