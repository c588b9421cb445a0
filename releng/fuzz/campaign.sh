#!/usr/bin/env bash
# A long fuzzing campaign over Herald's network decoders, one target at a time, outside Maven.
#
#   releng/fuzz/campaign.sh [SECONDS_PER_TARGET] [Class#method ...]
#
# Needs the module built once (its test classes and target/fuzz.classpath):
#   flock /tmp/herald-maven.lock ./mvnw -B verify -pl releng/fuzz -am
# Each target fuzzes under `nice -n 19` with its working corpus in target/corpus/<Class>/<method>,
# seeded from the saved inputs. Crash inputs are written straight into the saved inputs
# (src/test/resources/org/herald/fuzz/<Class>Inputs/<method>/crash-*, timeout-*, oom-*), where
# `./mvnw verify` replays them. Afterwards the corpus is merged (libFuzzer -merge=1) and the
# entries that add coverage are saved there too (corpus-*). Prints executions, cov and ft per target.
# FUZZ_EXTRA_CLASSPATH is put in front of the classpath (e.g. freshly compiled bundle classes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(NbnsFuzzTest#decode NbdsFuzzTest#datagram NbdsFuzzTest#reassembly NbssFuzzTest#session SmbFuzzTest#message
    MailslotFuzzTest#mailslot BrowserFuzzTest#frame RapFuzzTest#answer CharsetFuzzTest#decode)
fi
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[ -f target/fuzz.classpath ] || { echo "campaign: build the module first (see the header of $0)" >&2; exit 2; }
cp="${FUZZ_EXTRA_CLASSPATH:+$FUZZ_EXTRA_CLASSPATH:}$here/target/test-classes:$(cat target/fuzz.classpath)"
# FUZZ_RUNS stops a target after that many executions (libFuzzer -runs), if it comes before the time.
runs=${FUZZ_RUNS:--1}
summary=target/campaign-summary.txt
echo "# $(date -u +%FT%TZ) ${seconds}s per target, runs ${runs}" >> "$summary"

for t in "${targets[@]}"; do
  class=${t%%#*}
  method=${t#*#}
  inputs=src/test/resources/org/herald/fuzz/${class}Inputs/$method
  corpus=target/corpus/$class/$method
  log=target/campaign-$class-$method.log
  mkdir -p "$inputs" "$corpus"
  # The reassembly script makes a fragment of every 6 bytes: longer scripts only run slower.
  max_len=65536
  [ "$t" = NbdsFuzzTest#reassembly ] && max_len=1024
  echo "campaign: $class#$method for ${seconds}s (log: $log)"
  fuzz=(nice -n 19 "$JAVA_HOME/bin/java" -Xmx1g -Xss8m -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED
    -cp "$cp" com.code_intelligence.jazzer.Jazzer --target_class="org.herald.fuzz.$class" --target_method="$method"
    --instrumentation_includes='org.herald.**')
  # -timeout: a decoder must finish quickly on any input of at most 64 KiB.
  set +e
  # FUZZ_MERGE_ONLY=1: no fuzzing, only the merge below (to shrink the saved corpus).
  [ -n "${FUZZ_MERGE_ONLY:-}" ] || JAZZER_FUZZ=1 "${fuzz[@]}" --keep_going=20 -runs="$runs" -max_total_time="$seconds" -max_len=$max_len -timeout=10 -rss_limit_mb=3072 \
    -print_final_stats=1 -artifact_prefix="$inputs/" "$corpus" "$inputs" > "$log" 2>&1
  rc=$?
  set -e
  # Keep the inputs that add coverage: merge saved inputs and working corpus into a fresh folder
  # (libFuzzer keeps a smallest set with the same coverage); it replaces the saved corpus-* files.
  merged=target/merged/$class/$method
  rm -rf "$merged" && mkdir -p "$merged"
  if JAZZER_FUZZ=1 "${fuzz[@]}" -merge=1 -max_len=$max_len "$merged" "$inputs" "$corpus" > "$log.merge" 2>&1; then
    rm -f "$inputs"/corpus-*
    kept=$(find "$inputs" -type f -exec sha1sum {} + | cut -c1-40)
    for f in "$merged"/*; do
      [ -e "$f" ] || continue
      sum=$(sha1sum < "$f" | cut -c1-40)
      grep -qx "$sum" <<< "$kept" || cp "$f" "$inputs/corpus-${sum:0:16}"
    done
  else
    echo "campaign: merge failed, corpus not saved (see $log.merge)"
  fi
  if [ -n "${FUZZ_MERGE_ONLY:-}" ]; then
    echo "campaign: $class#$method keeps $(find "$inputs" -name 'corpus-*' | wc -l) corpus inputs"
    continue
  fi
  execs=$(grep -a 'stat::number_of_executed_units' "$log" | tail -1 | awk '{print $2}')
  last=$(grep -a -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<< "$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<< "$last")
  crashes=$(grep -a -c '^== Java Exception\|^==[0-9]*== ERROR: libFuzzer: timeout\|out-of-memory' "$log" || true)
  line=$(printf '%-28s execs %-10s cov %-5s ft %-5s findings %s (exit %s)' "$class#$method" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$crashes" "$rc")
  echo "$line" | tee -a "$summary"
  grep -a -A3 '^== Java Exception' "$log" | head -40 || true
done
echo "campaign: summary in $here/$summary"
