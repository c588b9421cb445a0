#!/usr/bin/env bash
# The service's setup without systemd: the unit passes systemd-analyze verify (where installed), and
# the product runs from a read-only copy of the installation (as ProtectSystem=strict leaves /opt)
# as an unprivileged user with only CAP_NET_BIND_SERVICE (as the unit gives it), its configuration
# area in HERALD_CONFIGURATION: --help, then 'herald listen' on 127.0.16.1 receives a message sent
# from 127.0.16.2 into the inbox. Usage: service.sh PRODUCT_DIR OUT_DIR. Binds only 127.0.16.1/2.
set -u
product=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
passed=0
failed=0
check() { # name, then a command that must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "PASS $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
unit=$product/service/herald-listen.service
install=$out/opt/herald

# The unit, with the paths of this copy (verify looks for ExecStart's program).
mkdir -p "$out/opt"
cp -a "$product" "$install"
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$out/unit"
  sed -e "s|/opt/herald|$install|g" -e 's/^User=herald/User=nobody/' -e 's/^Group=herald/Group=nogroup/' "$unit" \
    >"$out/unit/herald-listen.service"
  SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$out/unit/herald-listen.service" >"$out/verify.txt" 2>&1; rc=$?
  # Without a running systemd (a container) verify says so; what it says about the unit counts.
  grep -v -e 'System has not been booted with systemd' -e 'Failed to connect to bus' -e 'Failed to initialize manager' \
    -e 'Failed to prepare' "$out/verify.txt" >"$out/verify-unit.txt"
  check "systemd-analyze verify finds nothing in the unit" test ! -s "$out/verify-unit.txt" -a \( $rc -eq 0 -o -s "$out/verify.txt" \)
  cat "$out/verify.txt"
else
  echo "SKIP systemd-analyze verify (systemd-analyze not installed)"
fi
check "the unit runs listen on /var/lib/herald" grep -qx 'ExecStart=/opt/herald/herald -data /var/lib/herald listen' "$unit"
check "the unit sets HERALD_CONFIGURATION in its cache directory" \
  eval 'grep -q "^CacheDirectory=herald" "$unit" && grep -q "HERALD_CONFIGURATION=/var/cache/herald/configuration" "$unit"'
check "the unit is hardened (ProtectSystem=strict, NoNewPrivileges)" \
  eval 'grep -qx "ProtectSystem=strict" "$unit" && grep -qx "NoNewPrivileges=yes" "$unit"'

# A read-only installation, run as nobody with only CAP_NET_BIND_SERVICE (as root), else as this user.
chmod -R a-w "$install"
find "$install" | sort >"$out/install-before.txt"
mkdir -p "$out/state" "$out/cache" "$out/home" "$out/sender"
as=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  chown 65534:65534 "$out/state" "$out/cache" "$out/home"
  chmod 755 "$out"
  as=(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all,+net_bind_service
    --ambient-caps=-all,+net_bind_service --bounding-set=-all,+net_bind_service --no-new-privs --)
  echo "running as nobody (uid 65534) with CAP_NET_BIND_SERVICE only"
fi
service_env=(env -i PATH=/usr/bin:/bin HOME="$out/state" HERALD_CONFIGURATION="$out/cache/configuration")
"${as[@]}" "${service_env[@]}" "$install/herald" -data "$out/state" --help >"$out/help.txt" 2>&1; rc=$?
check "herald --help from the read-only installation exits 0" test $rc -eq 0 -a -n "$(grep -E '^  listen' "$out/help.txt")"
check "Equinox wrote its configuration area into HERALD_CONFIGURATION" test -d "$out/cache/configuration/org.eclipse.osgi"
"${as[@]}" env -i PATH=/usr/bin:/bin HOME="$out/home" "$install/herald" -data "$out/state" version >"$out/version.txt" 2>&1; rc=$?
check "without HERALD_CONFIGURATION a read-only installation uses ~/.cache/herald" \
  eval 'test $rc -eq 0 && ls -d "$out"/home/.cache/herald/configuration-*/org.eclipse.osgi >/dev/null 2>&1'

# herald listen on the standard ports of 127.0.16.1; a message from 127.0.16.2 reaches its inbox.
"${as[@]}" "${service_env[@]}" "$install/herald" -data "$out/state" --name SERVICE --workgroup LABWG \
  --interfaces 127.0.16.1/8 listen --count 1 --peer-port 0 >"$out/listen.txt" 2>&1 &
listen=$!
for _ in $(seq 300); do
  grep -q '^listening as' "$out/listen.txt" && break
  kill -0 $listen 2>/dev/null || break
  sleep 0.1
done
check "herald listen started on 127.0.16.1 (tcp 139/445, udp 138)" grep -q '^listening as SERVICE<03> in LABWG on \[127.0.16.1/8\] (tcp 139/445, udp 138)' "$out/listen.txt"
"$product/herald" -data "$out/sender" --name SENDER --workgroup LABWG --interfaces 127.0.16.2/8 send --encrypt=never \
  127.0.16.1 "from the service check" >"$out/send.txt" 2>&1; rc=$?
check "a message to it is delivered" test $rc -eq 0
wait $listen; rc=$?
check "herald listen stored it and stopped (--count 1) with status 0" test $rc -eq 0 -a -n "$(grep '^stopped: 1 stored' "$out/listen.txt")"
"${as[@]}" "${service_env[@]}" "$install/herald" -data "$out/state" inbox list >"$out/inbox.txt" 2>&1
check "the message is in the service's inbox" grep -q 'from the service check' "$out/inbox.txt"
find "$install" | sort >"$out/install-after.txt"
check "nothing was written into the installation" cmp -s "$out/install-before.txt" "$out/install-after.txt"
[ "$failed" -eq 0 ] || for f in listen send inbox help version; do echo "--- $f"; cat "$out/$f.txt"; done
chmod -R u+w "$install"
echo "service: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
