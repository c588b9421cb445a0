# Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
#
# The checks of the interop suites: source it, then count with ok/ko/check and end with
# checks_report, which prints the "N passed, N failed" line run-all.sh reads and returns non-zero
# if anything failed.
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS $*"; }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
# check DESCRIPTION COMMAND...: passes when the command succeeds (its output is not shown)
check() {
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$what"; else ko "$what"; fi
}
# has TEXT PATTERN: the text contains the extended regular expression
has() { grep -q -E -- "$2" <<<"$1"; }
checks_report() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
