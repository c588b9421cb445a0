#!/usr/bin/env bash
# Runs every interop suite (releng/interop/*-interop.sh) against a Herald launcher, each in private
# network namespaces it creates and deletes (198.51.100.0/24, and for the routed site also 203.0.113.0/24
# and 192.0.2.0/24, inside them; nothing leaves them).
# Needs root, Samba's daemons and tools, tshark and nbtscan. Usage: run-all.sh HERALD_LAUNCHER
# Prints each suite's checks and, last, the totals as "N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
export HERALD=${1:?usage: run-all.sh HERALD_LAUNCHER}
total_pass=0
total_fail=0
for suite in "$here"/*-interop.sh; do
  name=$(basename "$suite" .sh)
  echo "== $name"
  log=$(mktemp)
  timeout 900 bash "$suite" 2>&1 | tee "$log"
  counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -z "$counts" ]; then
    echo "FAIL $name printed no totals (it died or timed out)"
    total_fail=$((total_fail + 1))
  else
    total_pass=$((total_pass + ${counts%% passed*}))
    f=${counts#*, }; total_fail=$((total_fail + ${f%% failed*}))
  fi
  rm -f "$log"
done
echo "interop: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
