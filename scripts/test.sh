#!/usr/bin/env bash
# make test: go vet, then every test with the race detector. go test hides what passing
# tests print, so the run is verbose into a log, and this script prints what matters: every
# conformance count ("<suite>: N passed, M failed"), every failure, and go test's own package
# lines, then one closing total.
set -uo pipefail
cd "$(dirname "$0")/.."
GO="${GO:-go}"
log="${TEST_LOG:-$(mktemp "${TMPDIR:-/tmp}/uwp-test.XXXXXX.log")}"

$GO vet ./... || exit 1
$GO test -race -count=1 -timeout 30m -v ./... >"$log" 2>&1
rc=$?

echo "== conformance"
grep -E '^[^ ].*: [0-9]+ (passed|parsed), [0-9]+ failed' "$log" | grep -v 'self-test' | sort -u
if [ $rc -ne 0 ]; then
  echo "== failures"
  grep -E -B2 -A25 '^(--- FAIL|FAIL|panic:)' "$log" | head -400
fi
echo "== packages"
grep -E '^(ok|FAIL|\?) ' "$log" | grep -v 'no test files'
passed=$(grep -cE '^--- PASS' "$log")
failed=$(grep -cE '^--- FAIL' "$log")
skipped=$(grep -cE '^--- SKIP' "$log")
echo "(full log: $log)"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $rc
