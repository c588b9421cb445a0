#!/usr/bin/env bash
# End-to-end check of extensions: builds the example extension (examples/org.herald.alerter) only
# against Herald's p2 repository, and a copy of it as version 1.0.1; installs 1.0.0 into a copy of
# the materialized product with `herald extensions install` from an https repository on 127.0.0.13
# (a self-signed certificate made here, trusted the way an administrator trusts it: a trust store
# named in configuration/config.ini), restarts: `herald alerts` answers and, on an X display of
# its own (own-xvfb.sh), the Alerts part is in the network stack (read from the model the workbench
# saves when its window is closed, and screenshot); updates to 1.0.1 from an http repository on
# 127.0.0.1; uninstalls it: the command and the part are gone, from the live layout and from the
# copy Window > Reset Layout restores, also in a workspace first opened while it was installed
# (whose copy was taken with the Alerts part). Refusals (unsigned content, an untrusted
# certificate, the administrator's lock, another process provisioning, broken repositories,
# unknown units) leave the installation as it was.
# Binds only to loopback: http on 127.0.0.1, https on 127.0.0.13 and 127.0.0.14, the workbench's
# NetBIOS identity on 127.0.0.12/8.
# Usage: extensions.sh PRODUCT_DIR HERALD_REPOSITORY EXAMPLE_DIR OUT_DIR [offline=true|false]
# Leaves OUT_DIR/{before,installed,fresh-installed,uninstalled,fresh-uninstalled}.png and the
# seconds in OUT_DIR/timing.txt.
# Waits only on conditions (a port printed, a display answering, a window drawn, a process ended),
# each bounded.
# Run inside the build (which holds the build lock): it runs Maven for the example itself.
set -u
product_src=$1; repo=$2; example=$3; out=$4; offline=${5:-offline=false}; offline=${offline#offline=}
rm -rf "$out"; mkdir -p "$out"
passed=0; failed=0
check() { local name=$1; shift; if "$@"; then passed=$((passed + 1)); echo "PASS $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi; }
has() { grep -q -- "$2" "$1"; }
now() { date +%s.%N; }
secs() { echo "$(echo "$(now) - $1" | bc | sed 's/^\./0./; s/\(\.[0-9][0-9]\)[0-9]*/\1/')"; }
e2e=$(cd "$(dirname "$0")" && pwd)
# wait_for SECONDS COMMAND...: until COMMAND succeeds, at most SECONDS (a bound for a hang, not a pace)
wait_for() { local limit=$(($(date +%s) + $1)); shift; until "$@"; do [ "$(date +%s)" -lt $limit ] || return 1; sleep 0.1; done; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; }
trap cleanup EXIT
. "$e2e/own-xvfb.sh"

# A copy of the product, so the build's own stays as built.
product=$out/herald
cp -a "$product_src" "$product"
herald=$product/herald
ws=$out/workspace
h() { "$herald" -data "$ws" "$@"; }
state() { md5sum "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" | cut -d' ' -f1; ls "$product/plugins" "$product/features" | md5sum | cut -d' ' -f1; }

# The example, built as a third party builds it: its own Maven build, Herald's repository only.
mvn_flags=(-B -q -Dherald.repository="file:$repo")
[ "$offline" = true ] && mvn_flags+=(-o)
start=$(now)
(cd "$example" && ./mvnw "${mvn_flags[@]}" clean verify) >"$out/example-build.log" 2>&1; rc=$?
check "example extension builds against Herald's repository" test $rc -eq 0
[ $rc -eq 0 ] || tail -n 40 "$out/example-build.log"
echo "example build: $(secs "$start") s" | tee -a "$out/timing.txt"
site=$example/sites/org.herald.alerter.site/target/repository
check "example repository has the feature" eval 'ls "$site"/features/org.herald.alerter.feature_*.jar >/dev/null 2>&1'
check "example repository holds only the extension" test "$(ls "$site/plugins" 2>/dev/null)" = "$(cd "$site/plugins" 2>/dev/null && ls org.herald.alerter_*.jar)"
# The next release of the extension: a copy of the example with its versions raised to 1.0.1
# (bundle, feature, poms), built the same way; the committed example stays as it is.
next=$out/alerter-1.0.1
mkdir -p "$next"
(cd "$example" && tar --exclude=target --exclude=.git -cf - .) | (cd "$next" && tar -xf -)
sed -i 's/^Bundle-Version: 1\.0\.0\.qualifier/Bundle-Version: 1.0.1.qualifier/' "$next"/bundles/org.herald.alerter/META-INF/MANIFEST.MF "$next"/tests/org.herald.alerter.tests/META-INF/MANIFEST.MF
sed -i 's/version="1\.0\.0\.qualifier"/version="1.0.1.qualifier"/' "$next"/features/org.herald.alerter.feature/feature.xml
sed -i 's#<version>1\.0\.0-SNAPSHOT</version>#<version>1.0.1-SNAPSHOT</version>#' "$next"/pom.xml "$next"/tests/pom.xml
start=$(now)
(cd "$next" && ./mvnw "${mvn_flags[@]}" -DskipTests clean verify) >"$out/example-1.0.1-build.log" 2>&1; rc=$?
check "the example as 1.0.1 builds" test $rc -eq 0
[ $rc -eq 0 ] || tail -n 40 "$out/example-1.0.1-build.log"
echo "example build as 1.0.1 (no tests): $(secs "$start") s" | tee -a "$out/timing.txt"
site_next=$next/sites/org.herald.alerter.site/target/repository
check "the 1.0.1 repository has bundle and feature 1.0.1" eval 'ls "$site_next"/plugins/org.herald.alerter_1.0.1.*.jar "$site_next"/features/org.herald.alerter.feature_1.0.1.*.jar >/dev/null 2>&1'

h extensions list >"$out/list0.txt" 2>&1; rc=$?
check "extensions list on a fresh product: none" test $rc -eq 0 -a -n "$(grep 'no extensions are installed' "$out/list0.txt")"
before=$(state)

# Served on loopback only.
www=$out/www; mkdir -p "$www/broken"
cp -a "$site" "$www/alerter"
cp -a "$site_next" "$www/alerter-1.0.1"
echo 'not a repository' >"$www/broken/content.xml"
port_of() { sed -n 's/.*port \([0-9]*\).*/\1/p' "$1" | head -n 1; }
printed_port() { [ -n "$(port_of "$1")" ]; }
python3 -m http.server --bind 127.0.0.1 0 --directory "$www" >"$out/http.log" 2>&1 &
pids+=($!)
wait_for 30 printed_port "$out/http.log"
port=$(port_of "$out/http.log")
check "http server on 127.0.0.1" test -n "$port"
url=http://127.0.0.1:$port/alerter/
url_next=http://127.0.0.1:$port/alerter-1.0.1/

# https: the repository's server has a self-signed certificate for 127.0.0.13, made here; a second
# server on 127.0.0.14 has one nobody trusts. The trust store holds only the first.
tls=$out/tls; mkdir -p "$tls"
for who in trusted:127.0.0.13 untrusted:127.0.0.14; do
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Herald e2e ${who%%:*} repository" \
    -addext "subjectAltName=IP:${who#*:}" -keyout "$tls/${who%%:*}.key" -out "$tls/${who%%:*}.pem" >>"$out/tls.log" 2>&1
  python3 "$e2e/https-serve.py" "${who#*:}" "$www" "$tls/${who%%:*}.pem" "$tls/${who%%:*}.key" >"$out/https-${who%%:*}.log" 2>&1 &
  pids+=($!)
  wait_for 30 printed_port "$out/https-${who%%:*}.log"
done
keytool -importcert -noprompt -alias herald-e2e -file "$tls/trusted.pem" -keystore "$tls/truststore.p12" \
  -storetype PKCS12 -storepass herald-e2e >>"$out/tls.log" 2>&1
check "https servers on 127.0.0.13 and 127.0.0.14, a trust store with the first" \
  test -n "$(port_of "$out/https-trusted.log")" -a -n "$(port_of "$out/https-untrusted.log")" -a -s "$tls/truststore.p12"
url_https=https://127.0.0.13:$(port_of "$out/https-trusted.log")/alerter/
url_untrusted=https://127.0.0.14:$(port_of "$out/https-untrusted.log")/alerter/

# Refusals: nothing changes.
h extensions install "$url" >"$out/unsigned.txt" 2>&1; rc=$?
check "unsigned content refused without --allow-unsigned" test $rc -eq 1 -a -n "$(grep 'unsigned: ' "$out/unsigned.txt")"
check "the refusal names the artifact and the way out" eval 'has "$out/unsigned.txt" org.herald.alerter && has "$out/unsigned.txt" "--allow-unsigned"'
check "refused install left the installation as it was" test "$(state)" = "$before"
HERALD_VMARGS=-Dherald.extensions.locked=true h extensions install "$url" --allow-unsigned >"$out/locked.txt" 2>&1; rc=$?
check "administrator's lock refuses installing" test $rc -eq 1 -a -n "$(grep 'turned extensions off' "$out/locked.txt")"
mkfifo "$out/hold"
python3 -c 'import fcntl,sys; f=open(sys.argv[1],"a"); fcntl.lockf(f,fcntl.LOCK_EX); print("held",flush=True); open(sys.argv[2]).read()' \
  "$product/p2/.herald-provisioning.lock" "$out/hold" >"$out/holder.txt" &
holder=$!
wait_for 30 has "$out/holder.txt" held
h extensions install "$url" --allow-unsigned >"$out/busy.txt" 2>&1; rc=$?
check "a second provisioning process is refused" test $rc -eq 1 -a -n "$(grep 'another Herald process' "$out/busy.txt")"
echo >"$out/hold"; wait $holder
h extensions install "http://127.0.0.1:$port/broken/" --allow-unsigned >"$out/broken.txt" 2>&1; rc=$?
check "a broken http repository fails with its reason" test $rc -eq 1 -a -n "$(grep 'no usable p2 repository' "$out/broken.txt")"
h extensions install "http://127.0.0.1:$port/missing/" --allow-unsigned >"$out/missing.txt" 2>&1; rc=$?
check "a missing http repository fails with its reason" test $rc -eq 1 -a -n "$(grep 'no usable p2 repository' "$out/missing.txt")"
h extensions install "$out/no-such-folder" >"$out/nofolder.txt" 2>&1; rc=$?
check "a folder that is not there is a usage error" test $rc -eq 2 -a -n "$(grep 'no folder' "$out/nofolder.txt")"
h extensions install "$url" org.example.nothing --allow-unsigned >"$out/nounit.txt" 2>&1; rc=$?
check "an unknown unit fails and says what the repository offers" test $rc -eq 1 -a -n "$(grep 'offers: org.herald.alerter.feature' "$out/nounit.txt")"
# https before the administrator trusts the server's certificate: refused, with the reason.
h extensions install "$url_https" --allow-unsigned >"$out/https-untrusted-before.txt" 2>&1; rc=$?
check "https: a certificate Herald's Java does not trust is refused" test $rc -eq 1 -a -n "$(grep "certificate is not trusted" "$out/https-untrusted-before.txt")"
check "https: the refusal says where to trust it" eval 'has "$out/https-untrusted-before.txt" "javax.net.ssl.trustStore" && has "$out/https-untrusted-before.txt" "PKIX"'
# The administrator trusts the repository's certificate (EXTENDING.md, "Repositories over https").
config_ini=$product/configuration/config.ini
{ echo "javax.net.ssl.trustStore=$tls/truststore.p12"; echo "javax.net.ssl.trustStoreType=PKCS12"; echo "javax.net.ssl.trustStorePassword=herald-e2e"; } >>"$config_ini"
h extensions install "$url_untrusted" --allow-unsigned >"$out/https-untrusted.txt" 2>&1; rc=$?
check "https: a server whose certificate is not in the trust store is still refused" test $rc -eq 1 -a -n "$(grep "certificate is not trusted" "$out/https-untrusted.txt")"
check "failures left the installation as it was" test "$(state)" = "$before"
h version >"$out/version.txt" 2>&1; rc=$?
check "the product still works after the failures" test $rc -eq 0 -a -n "$(grep '^Herald ' "$out/version.txt")"
check "failed repositories are not remembered" test -z "$(h extensions repositories 2>/dev/null)"

# The workbench on an X display of this script's own, started here and used once it accepts
# connections (own-xvfb.sh). Without a window manager keys do not reach it, so it is closed as a
# window manager closes a window (WM_DELETE_WINDOW, x11close.py): SWT takes that as the shell's
# close, the workbench exits cleanly and saves its model, workbench.xmi, which is read afterwards.
has_display=no
if command -v xdotool >/dev/null && command -v import >/dev/null && own_xvfb "$out"; then
  has_display=yes
  [ -n "$XVFB_PID" ] && pids+=($XVFB_PID)
  echo "workbench checks on display $DISPLAY"
fi
check "an X display for the workbench checks" test $has_display = yes
xmi_of() { echo "$1/.metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi"; }
xmi=$(xmi_of "$ws")
network_stack=org.herald.ui.stack.network # the network stack's id (Application.e4xmi, EXTENDING.md)
alerts_part=org.herald.alerter.alerts      # the Alerts part's id (the example's fragment.e4xmi)
# A second workspace, first opened once the extension is installed: the copy of the first layout
# that Window > Reset Layout restores is taken then, with the Alerts part in it.
ws_fresh=$out/workspace-fresh
# An identity on loopback, so the first-run dialog does not cover the window and the workbench
# binds nowhere else.
h config save --name E2EXT --workgroup E2E --interfaces 127.0.0.12/8 >"$out/config.txt" 2>&1
"$herald" -data "$ws_fresh" config save --name E2EXF --workgroup E2E --interfaces 127.0.0.12/8 >>"$out/config.txt" 2>&1
main_window() { # the largest viewable Herald window, or nothing
  local w best="" area=0 WIDTH HEIGHT
  for w in $(xdotool search --onlyvisible --class Herald 2>/dev/null); do
    WIDTH=""; HEIGHT=""
    eval "$(xdotool getwindowgeometry --shell "$w" 2>/dev/null | grep -E '^(WIDTH|HEIGHT)=[0-9]+$')"
    if [ -n "${WIDTH:-}" ] && [ $((WIDTH * HEIGHT)) -gt $area ]; then area=$((WIDTH * HEIGHT)); best=$w; fi
  done
  echo "$best"
}
workbench() { # name [workspace]: starts the workbench, screenshots it to OUT/name.png once drawn and still, closes it
  local name=$1 data=${2:-$ws} pid window="" drawn=no still=0 sig prev="" limit rc closed=no begin model
  model=$(xmi_of "$data")
  touch "$out/$name.started"
  begin=$(now)
  setsid "$herald" -data "$data" >"$out/$name.log" 2>&1 &
  pid=$!; pids+=($pid)
  # Drawn: the window is there and the screen is not blank. Still: three screenshots in a row alike
  # (the parts have painted); both bounded at two minutes.
  limit=$(($(date +%s) + 120))
  while [ "$(date +%s)" -lt $limit ] && kill -0 "$pid" 2>/dev/null; do
    window=$(main_window)
    if [ -n "$window" ] && import -window root "$out/$name.png" 2>/dev/null &&
      [ "$(convert "$out/$name.png" -format '%[fx:standard_deviation>0.05]' info: 2>/dev/null)" = 1 ]; then
      [ $drawn = yes ] || { drawn=yes; echo "$name: workbench window drawn after $(secs "$begin") s" | tee -a "$out/timing.txt"; }
      sig=$(identify -format '%#' "$out/$name.png" 2>/dev/null)
      if [ "$sig" = "$prev" ]; then still=$((still + 1)); else still=0; fi
      prev=$sig
      [ $still -ge 2 ] && break
    fi
    sleep 0.3
  done
  check "$name: workbench window drawn" test "$drawn" = yes
  [ $still -ge 2 ] || echo "$name: the screen did not settle; $out/$name.png is the last screenshot"
  [ -n "$window" ] && python3 "$e2e/x11close.py" "$window"
  limit=$(($(date +%s) + 60))
  while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt $limit ]; do sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -TERM -- "-$pid" 2>/dev/null; else closed=yes; fi
  wait "$pid" 2>/dev/null; rc=$?
  check "$name: closing the window ends the workbench cleanly" test $closed = yes -a $rc -eq 0
  check "$name: the workbench saved its model" test -f "$model" -a "$model" -nt "$out/$name.started"
  python3 "$e2e/workbench-model.py" "$model" "$network_stack" >"$out/$name-network-stack.txt" 2>&1
  # The network stack in the copy of the first layout, which Window > Reset Layout restores.
  python3 "$e2e/workbench-model.py" --snippets "$model" "$network_stack" >"$out/$name-reset-layout.txt" 2>&1
}

# Before the install: the workbench saves a model without the extension (the next start merges
# the extension's fragment into this saved model, as at an administrator's site).
if [ $has_display = yes ]; then
  workbench before
  check "before: the network stack holds Herald's parts and no Alerts part" \
    eval 'has "$out/before-network-stack.txt" "^org.herald.network.ui.network" && ! has "$out/before-network-stack.txt" "^$alerts_part"'
  check "before: the Reset Layout copy is kept, with Herald's parts and no Alerts part" \
    eval 'has "$out/before-reset-layout.txt" "^org.herald.network.ui.network" && ! has "$out/before-reset-layout.txt" "^$alerts_part"'
fi

# Install, from https.
start=$(now)
h extensions install "$url_https" --allow-unsigned >"$out/install.txt" 2>&1; rc=$?
echo "install (https): $(secs "$start") s" | tee -a "$out/timing.txt"
check "install from https with the trusted certificate exits 0" test $rc -eq 0
check "install reports the feature and the restart" eval 'has "$out/install.txt" "installed org.herald.alerter.feature 1.0.0" && has "$out/install.txt" "restart Herald"'
[ $rc -eq 0 ] || cat "$out/install.txt"
h extensions list >"$out/list1.txt" 2>&1
check "extensions list shows name, version, vendor" eval 'has "$out/list1.txt" "org.herald.alerter.feature  1.0.0" && has "$out/list1.txt" "Example Admin Tools"'
check "the repository is remembered for updates" test "$(h extensions repositories 2>/dev/null)" = "$url_https"
check "the trust store setting survives p2's rewrite of config.ini" has "$config_ini" "^javax.net.ssl.trustStore=$tls/truststore.p12"

# Restart: the extension's command.
start=$(now)
h alerts list >"$out/alerts0.txt" 2>&1; rc=$?
echo "restart (first command of the extension): $(secs "$start") s" | tee -a "$out/timing.txt"
check "after restart: herald alerts list answers" test $rc -eq 0 -a -n "$(grep 'no rules' "$out/alerts0.txt")"
h alerts add host-offline FILESRV >"$out/alerts-add.txt" 2>&1
h alerts add exposure-high 127.0.0.0/30 >>"$out/alerts-add.txt" 2>&1
h alerts list >"$out/alerts1.txt" 2>&1
check "alerts add/list keep the rules" eval 'has "$out/alerts1.txt" "r1  host-offline FILESRV" && has "$out/alerts1.txt" "r2  exposure-high 127.0.0.0/30"'
h alerts test r1 >"$out/alerts-test.txt" 2>&1; rc=$?
check "alerts test fires and records the alert" eval 'test $rc -eq 0 && h alerts list | grep -q "r1  Herald alert r1 (test)"'
h extensions update --allow-unsigned >"$out/update0.txt" 2>&1; rc=$?
check "update with nothing newer: up to date" test $rc -eq 0 -a -n "$(grep 'everything is up to date' "$out/update0.txt")"
h --help >"$out/help1.txt" 2>&1
check "herald --help lists alerts" grep -qE '^  alerts' "$out/help1.txt"

# Restart of the workbench: the Alerts part is in the network stack of the saved model.
if [ $has_display = yes ]; then
  workbench installed
  check "installed: the Alerts part is a child of the network stack in the saved model" has "$out/installed-network-stack.txt" "^$alerts_part\( selected\)\?$"
  check "installed: Herald's parts are still in the network stack" has "$out/installed-network-stack.txt" "^org.herald.network.ui.network"
  check "installed: the Reset Layout copy taken before the install gained the Alerts part" has "$out/installed-reset-layout.txt" "^$alerts_part\( selected\)\?$"
  workbench fresh-installed "$ws_fresh"
  check "fresh-installed: a workspace first opened now has the Alerts part in the network stack" has "$out/fresh-installed-network-stack.txt" "^$alerts_part\( selected\)\?$"
  check "fresh-installed: and in its Reset Layout copy" has "$out/fresh-installed-reset-layout.txt" "^$alerts_part\( selected\)\?$"
fi

# Update: the publisher's next release in a repository the installation is told about.
h extensions repositories add "$url_next" >"$out/repositories-add.txt" 2>&1; rc=$?
check "repositories add remembers the new repository" eval 'test $rc -eq 0 && h extensions repositories | grep -qx "$url_next"'
installed_state=$(state)
h extensions update >"$out/update-unsigned.txt" 2>&1; rc=$?
check "update: unsigned 1.0.1 refused without --allow-unsigned, 1.0.0 stays" eval 'test $rc -eq 1 && has "$out/update-unsigned.txt" "unsigned: " && h extensions list | grep -q "org.herald.alerter.feature  1.0.0"'
check "the refused update left the installation as it was" test "$(state)" = "$installed_state"
start=$(now)
h extensions update --allow-unsigned >"$out/update.txt" 2>&1; rc=$?
echo "update (1.0.0 to 1.0.1): $(secs "$start") s" | tee -a "$out/timing.txt"
check "update exits 0 and reports 1.0.1 in, 1.0.0 out" eval 'test $rc -eq 0 && has "$out/update.txt" "installed org.herald.alerter.feature 1.0.1" && has "$out/update.txt" "removed org.herald.alerter.feature 1.0.0"'
[ $rc -eq 0 ] || cat "$out/update.txt"
h extensions list >"$out/list-updated.txt" 2>&1
check "extensions list: 1.0.1" eval 'has "$out/list-updated.txt" "org.herald.alerter.feature  1.0.1" && ! has "$out/list-updated.txt" "org.herald.alerter.feature  1.0.0"'
bundles_info=$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
check "bundles.info: the 1.0.1 bundle in, the 1.0.0 bundle out" eval 'grep -q "^org.herald.alerter,1\.0\.1\." "$bundles_info" && ! grep -q "^org.herald.alerter,1\.0\.0\." "$bundles_info"'
ls "$product/plugins" | grep '^org.herald.alerter_' >"$out/plugins-updated.txt"
h alerts list >"$out/alerts-updated.txt" 2>&1; rc=$?
check "after the update: herald alerts answers and kept the rules" eval 'test $rc -eq 0 && has "$out/alerts-updated.txt" "r1  host-offline FILESRV"'
h extensions update --allow-unsigned >"$out/update2.txt" 2>&1; rc=$?
check "update again: up to date" test $rc -eq 0 -a -n "$(grep 'everything is up to date' "$out/update2.txt")"

# Uninstall.
start=$(now)
h extensions uninstall org.herald.alerter.feature >"$out/uninstall.txt" 2>&1; rc=$?
echo "uninstall: $(secs "$start") s" | tee -a "$out/timing.txt"
check "uninstall exits 0 and reports it" test $rc -eq 0 -a -n "$(grep 'removed org.herald.alerter.feature 1.0.1' "$out/uninstall.txt")"
h extensions list >"$out/list2.txt" 2>&1
check "extensions list: none again" has "$out/list2.txt" 'no extensions are installed'
h alerts list >"$out/alerts2.txt" 2>&1; rc=$?
check "after uninstall: herald alerts is an unknown command" test $rc -eq 2 -a -n "$(grep "unknown command 'alerts'" "$out/alerts2.txt")"
check "the extension's bundle is out of bundles.info" test -z "$(grep org.herald.alerter "$bundles_info")"
h extensions uninstall org.herald.feature >"$out/uninstall-own.txt" 2>&1; rc=$?
check "Herald's own feature cannot be uninstalled" test $rc -eq 1 -a -n "$(grep 'part of Herald itself' "$out/uninstall-own.txt")"
if [ $has_display = yes ]; then
  workbench uninstalled
  check "uninstalled: no Alerts part anywhere in the saved model" eval '! grep -q "$alerts_part" "$xmi"'
  check "uninstalled: the network stack keeps Herald's parts" has "$out/uninstalled-network-stack.txt" "^org.herald.network.ui.network"
  check "uninstalled: the Reset Layout copy keeps Herald's parts" has "$out/uninstalled-reset-layout.txt" "^org.herald.network.ui.network"
  workbench fresh-uninstalled "$ws_fresh"
  check "fresh-uninstalled: the Alerts part is out of the network stack" eval 'has "$out/fresh-uninstalled-network-stack.txt" "^org.herald.network.ui.network" && ! has "$out/fresh-uninstalled-network-stack.txt" "^$alerts_part"'
  check "fresh-uninstalled: and out of the Reset Layout copy taken with it" eval 'has "$out/fresh-uninstalled-reset-layout.txt" "^org.herald.network.ui.network" && ! has "$out/fresh-uninstalled-reset-layout.txt" "^$alerts_part"'
  check "fresh-uninstalled: no Alerts part anywhere in the saved model" eval '! grep -q "$alerts_part" "$(xmi_of "$ws_fresh")"'
fi
h version >/dev/null 2>&1; rc=$?
check "the product works after uninstall" test $rc -eq 0

echo "extensions: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
