#!/usr/bin/env bash
# Acceptance checks of the foundation and engine issues that need big data, so they are not
# part of `make test`:
#  1. a 10M-triple N-Triples file loads, `uwp stats` counts it, and `uwp dump` gives it back
#     without loss (dump sorted == input sorted, once the input is in canonical N-Triples: the
#     generator writes "x"^^xsd:string, which canonical RDF 1.1 N-Triples writes "x");
#  2. a syntax error in the middle of a file leaves the (non-empty) store unchanged;
#  3. a 1-second --timeout stops a cross product of two 1M-row patterns within 1.1 s of wall time.
# Usage: scripts/acceptance.sh [WORKDIR]   (needs ~6 GB of free disk; BENCH= for ../shared/bench)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="${BENCH:-$ROOT/../shared/bench}"
W="${1:-/tmp/uwp-acceptance}"
mkdir -p "$W"
cd "$ROOT" && make -s build
UWP="$ROOT/bin/uwp"
export LC_ALL=C
ok() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; exit 1; }

# 1. 10M round trip
DATA="${DATA_10M:-/tmp/bench-data/bsbm-27850.nt}"
if [ ! -s "$DATA" ]; then
  (cd "$BENCH" && go build -o "$W/bench-gen" ./gen)
  "$W/bench-gen" bsbm -products 27850 -out "$DATA"
fi
n=$(wc -l < "$DATA")
rm -rf "$W/store"
t0=$(date +%s.%N)
"$UWP" load --quiet --data "$W/store" "$DATA"
t1=$(date +%s.%N)
quads=$("$UWP" stats --json --data "$W/store" | grep -m1 '"quads"' | tr -dc 0-9)
[ "$quads" = "$n" ] || fail "stats counts $quads quads, the file has $n lines"
"$UWP" dump --data "$W/store" --format ntriples | sort > "$W/dump.sorted"
# The only non-canonical construct of the generator's output is an explicit ^^xsd:string.
sed 's|"^^<http://www.w3.org/2001/XMLSchema#string> \.$|" .|' "$DATA" | sort > "$W/input.sorted"
cmp -s "$W/dump.sorted" "$W/input.sorted" || fail "dump differs from the input ($(diff "$W/dump.sorted" "$W/input.sorted" | head -3))"
ok "10M round trip: $n triples loaded in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s, stats and sorted dump equal the input"
rm -f "$W/dump.sorted" "$W/input.sorted"

# 2. A syntax error in the middle of a file leaves the store unchanged.
before=$("$UWP" stats --json --data "$W/store" | grep -E '"(quads|dataVersion|terms)"')
{ head -n 300000 "$DATA" | sed 's|/instances/|/instances2/|'; echo '<http://ex.org/s> <http://ex.org/p> broken .'; head -n 300000 "$DATA"; } > "$W/bad.nt"
if "$UWP" load --quiet --data "$W/store" "$W/bad.nt" 2> "$W/bad.err"; then fail "loading a file with a syntax error succeeded"; fi
grep -q 'bad.nt:300001:' "$W/bad.err" || fail "the error does not name bad.nt:300001: $(head -1 "$W/bad.err")"
after=$("$UWP" stats --json --data "$W/store" | grep -E '"(quads|dataVersion|terms)"')
[ "$before" = "$after" ] || fail "the store changed: $before -> $after"
ok "syntax error at line 300001 of 600001 reported as $(head -1 "$W/bad.err" | cut -c1-80)...; store unchanged"
rm -rf "$W/store" "$W/bad.nt"

# 3. Timeout on a cross product of two 1M-row patterns.
awk 'BEGIN { for (i = 0; i < 1000000; i++) { printf "<http://ex.org/a%d> <http://ex.org/p1> \"%d\" .\n", i, i; printf "<http://ex.org/b%d> <http://ex.org/p2> \"%d\" .\n", i, i } }' > "$W/cross.nt"
rm -rf "$W/cross"
"$UWP" load --quiet --data "$W/cross" "$W/cross.nt"
t0=$(date +%s.%N)
if "$UWP" query --data "$W/cross" --timeout 1s --format tsv 'SELECT * WHERE { ?a <http://ex.org/p1> ?b . ?c <http://ex.org/p2> ?d }' > /dev/null 2> "$W/cross.err"; then
  fail "the cross product finished instead of timing out"
fi
t1=$(date +%s.%N)
wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
grep -q timeout "$W/cross.err" || fail "no timeout message: $(cat "$W/cross.err")"
awk -v w="$wall" 'BEGIN { exit !(w <= 1.1) }' || fail "stopped after $wall s of wall time (limit 1.1 s)"
ok "1 s timeout on a 1M x 1M cross product: the process ended after $wall s wall time ($(head -1 "$W/cross.err"))"
rm -rf "$W/cross" "$W/cross.nt"
