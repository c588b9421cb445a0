#!/usr/bin/env bash
# Puts a Java runtime into the Linux product: PRODUCT_DIR/jre, made with jlink from JDK with the
# modules in modules.txt. The runtime is kept in CACHE_DIR and made again only when the JDK or the
# module list changes.
# Usage: jlink.sh JDK PRODUCT_DIR CACHE_DIR
set -euo pipefail
jdk=$1
product=$2
cache=$3
here=$(cd "$(dirname "$0")" && pwd)
modules=$(sed 's/#.*//' "$here/modules.txt" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
[ -d "$product" ] || { echo "jlink.sh: no product at $product" >&2; exit 1; }
[ -x "$jdk/bin/jlink" ] || { echo "jlink.sh: $jdk has no jlink (a JDK is needed, not a JRE)" >&2; exit 1; }
key="$(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$jdk/release") $modules"
if [ ! -f "$cache/key" ] || [ "$(cat "$cache/key")" != "$key" ]; then
  rm -rf "$cache"
  mkdir -p "$cache"
  start=$(date +%s)
  # --generate-cds-archive: the class-data sharing archive of the JDK's own classes that a JDK
  # ships and a jlinked runtime otherwise lacks. Only the archive for compressed oops is kept (the
  # other serves heaps over 32 GB).
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --generate-cds-archive --output "$cache/jre" >/dev/null
  rm -f "$cache/jre/lib/server/classes_nocoops.jsa"
  echo "$key" > "$cache/key"
  echo "jlink.sh: runtime with $modules made in $(( $(date +%s) - start )) s ($(du -sm "$cache/jre" | cut -f1) MB)"
fi
rm -rf "$product/jre"
cp -a "$cache/jre" "$product/jre"
