#!/usr/bin/env bash
# Regenerates releng/api-baseline/herald-api.baseline from the bundles as they are now: run it when
# a release is cut (the released API becomes the baseline the next changes are checked against).
# It builds the bundles and runs ApiBaselineTest (tests/org.herald.api.baseline.tests) with
# -Dherald.api.baseline.write=true, which writes the file instead of comparing. Review the diff and
# commit it with the release. Extra arguments go to Maven (e.g. -o for offline).
# Usage: releng/api-baseline/write.sh [MAVEN ARGS...]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -B "$@" clean verify -pl .,targetplatform,tests/org.herald.api.baseline.tests -am \
  -Dtycho.testArgLine=-Dherald.api.baseline.write=true \
  -Dtest=ApiBaselineTest -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false
echo "baseline: releng/api-baseline/herald-api.baseline"
git -C "$root" diff --stat -- releng/api-baseline/herald-api.baseline || true
