#!/usr/bin/env bash
# Start-up benchmark: time to the first drawn window and RSS 5 s after start, for Herald's product
# and, side by side, a bare e4 window built from the same installation (Herald's bundles removed,
# one bundle with an empty trimmed window added). Needs an X display: uses $DISPLAY, or starts an
# Xvfb of its own. Binds no network socket.
# Usage: releng/bench/startup.sh [PRODUCT_DIR] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
product=${1:-$here/../org.herald.product/target/products/org.herald.product/linux/gtk/x86_64/herald}
runs=${2:-5}
# The product's own runtime (jre/), as its launcher would; else $JAVA_HOME, else java on the PATH.
java=$product/jre/bin/java
[ -x "$java" ] || java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d /tmp/herald-startup.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() { # every step, whatever the one before returned (under set -e a failed kill ended it early)
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :63 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=:63
  sleep 1
fi

# The bare e4 installation: the same platform bundles, no Herald bundle, one tiny model bundle.
cp -a "$product" "$work/bare"
rm -rf "$work/bare/configuration/org.eclipse.osgi"
info=$work/bare/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
grep -v '^org\.herald\.' "$info" > "$info.new" && mv "$info.new" "$info"
mkdir -p "$work/barebundle/META-INF"
cat > "$work/barebundle/META-INF/MANIFEST.MF" <<'MF'
Manifest-Version: 1.0
Bundle-ManifestVersion: 2
Bundle-SymbolicName: bench.bare;singleton:=true
Bundle-Version: 1.0.0
Require-Bundle: org.eclipse.e4.ui.workbench.swt
MF
cat > "$work/barebundle/plugin.xml" <<'PX'
<?xml version="1.0" encoding="UTF-8"?>
<?eclipse version="3.4"?>
<plugin>
   <extension id="product" point="org.eclipse.core.runtime.products">
      <product application="org.eclipse.e4.ui.workbench.swt.E4Application" name="Bare">
         <property name="applicationXMI" value="bench.bare/Bare.e4xmi"/>
      </product>
   </extension>
</plugin>
PX
cat > "$work/barebundle/Bare.e4xmi" <<'XMI'
<?xml version="1.0" encoding="UTF-8"?>
<application:Application xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:application="http://www.eclipse.org/ui/2010/UIModel/application" xmlns:basic="http://www.eclipse.org/ui/2010/UIModel/application/ui/basic" xmlns:menu="http://www.eclipse.org/ui/2010/UIModel/application/ui/menu" xmi:id="_app" elementId="bench.bare.application">
  <children xsi:type="basic:TrimmedWindow" xmi:id="_window" elementId="bench.bare.window" label="Bare" width="1280" height="800">
    <mainMenu xmi:id="_menu" elementId="org.eclipse.ui.main.menu">
      <children xsi:type="menu:Menu" xmi:id="_file" elementId="bench.bare.file" label="File"/>
    </mainMenu>
  </children>
  <addons xmi:id="_a1" elementId="org.eclipse.e4.core.commands.service" contributionURI="bundleclass://org.eclipse.e4.core.commands/org.eclipse.e4.core.commands.CommandServiceAddon"/>
  <addons xmi:id="_a2" elementId="org.eclipse.e4.ui.contexts.service" contributionURI="bundleclass://org.eclipse.e4.ui.services/org.eclipse.e4.ui.services.ContextServiceAddon"/>
  <addons xmi:id="_a3" elementId="org.eclipse.e4.ui.bindings.service" contributionURI="bundleclass://org.eclipse.e4.ui.bindings/org.eclipse.e4.ui.bindings.BindingServiceAddon"/>
  <addons xmi:id="_a4" elementId="org.eclipse.e4.ui.workbench.commands.model" contributionURI="bundleclass://org.eclipse.e4.ui.workbench/org.eclipse.e4.ui.internal.workbench.addons.CommandProcessingAddon"/>
  <addons xmi:id="_a5" elementId="org.eclipse.e4.ui.workbench.contexts.model" contributionURI="bundleclass://org.eclipse.e4.ui.workbench/org.eclipse.e4.ui.internal.workbench.addons.ContextProcessingAddon"/>
  <addons xmi:id="_a6" elementId="org.eclipse.e4.ui.workbench.bindings.model" contributionURI="bundleclass://org.eclipse.e4.ui.workbench.swt/org.eclipse.e4.ui.workbench.swt.util.BindingProcessingAddon"/>
  <addons xmi:id="_a7" elementId="org.eclipse.e4.ui.workbench.handler.model" contributionURI="bundleclass://org.eclipse.e4.ui.workbench/org.eclipse.e4.ui.internal.workbench.addons.HandlerProcessingAddon"/>
</application:Application>
XMI
(cd "$work/barebundle" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" cfm "$work/bare/plugins/bench.bare_1.0.0.jar" META-INF/MANIFEST.MF plugin.xml Bare.e4xmi)
echo "bench.bare,1.0.0,plugins/bench.bare_1.0.0.jar,4,false" >> "$info"

# One start: prints "seconds-to-first-drawn-window rss-kB".
start_once() { # install-dir title [extra args]
  local dir=$1 title=$2; shift 2
  local launcher shot=$work/shot.png
  launcher=$(ls "$dir"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
  rm -rf "$work/ws"
  local t0 t1 pid win=""
  t0=$(date +%s.%N)
  "$java" -Xms32m -jar "$launcher" -install "$dir" -configuration "$dir/configuration" -data "$work/ws" \
    -clearPersistedState "$@" >"$work/run.log" 2>&1 &
  pid=$!
  app_pid=$pid
  for _ in $(seq 600); do
    [ -z "$win" ] && win=$(xdotool search --name "^$title\$" 2>/dev/null | head -n 1 || true)
    if [ -n "$win" ]; then
      import -window root "$shot" 2>/dev/null || true
      [ "$(convert "$shot" -format '%[fx:standard_deviation>0.05]' info: 2>/dev/null)" = 1 ] && break
    fi
    sleep 0.05
  done
  t1=$(date +%s.%N)
  sleep "$(echo "5 - ($t1 - $t0)" | bc | sed 's/^-.*/0/')"
  local rss
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  if ! kill "$pid" 2>/dev/null; then echo "startup.sh: $title ended by itself:" >&2; tail -20 "$work/run.log" >&2; exit 1; fi
  wait "$pid" 2>/dev/null || true
  echo "$(echo "$t1 - $t0" | bc) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "warming up both installations (OSGi caches)..."
start_once "$product" Herald >/dev/null
start_once "$work/bare" Bare -product bench.bare.product >/dev/null
: >"$work/herald.txt"; : >"$work/bare.txt"
for i in $(seq "$runs"); do
  start_once "$product" Herald | tee -a "$work/herald.txt" | sed "s/^/herald run $i: /"
  start_once "$work/bare" Bare -product bench.bare.product | tee -a "$work/bare.txt" | sed "s/^/bare   run $i: /"
done
ht=$(cut -d' ' -f1 "$work/herald.txt" | median); hr=$(cut -d' ' -f2 "$work/herald.txt" | median)
bt=$(cut -d' ' -f1 "$work/bare.txt" | median); br=$(cut -d' ' -f2 "$work/bare.txt" | median)
printf '\n%-28s %12s %14s\n' "median of $runs runs" "first window" "RSS after 5 s"
printf '%-28s %10.2f s %11d MB\n' "Herald workbench" "$ht" $((${hr%.*} / 1024))
printf '%-28s %10.2f s %11d MB\n' "bare e4 window (same target)" "$bt" $((${br%.*} / 1024))
printf 'ratio Herald / bare: start-up %.2f, RSS %.2f\n' "$(echo "$ht / $bt" | bc -l)" "$(echo "$hr / $br" | bc -l)"
