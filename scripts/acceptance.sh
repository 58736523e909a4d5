#!/usr/bin/env bash
# Acceptance checks of the foundation and engine issues that need big data, so they are not
# part of `make test`:
#  1. a 10M-triple N-Triples file loads, `uwp stats` counts it, and `uwp dump` gives it back
#     without loss (dump sorted == input sorted, once the input is in canonical N-Triples: the
#     generator writes "x"^^xsd:string, which canonical RDF 1.1 N-Triples writes "x");
#  2. a syntax error in the middle of a file leaves the (non-empty) store unchanged;
#  3. a 1-second --timeout stops a cross product of two 1M-row patterns within 1.1 s of wall time;
#  4. Graph Store uploads into the (non-empty, 10M) store of a running `uwp serve` stay in bounded
#     memory: a ~140 MB and a ~1.4 GB Turtle PUT (the 10M store dumped as Turtle) peak at about the
#     same anonymous RSS, well under the upload's size; the big one with a syntax error at its
#     last line answers 400 and changes nothing; the big one answers 201 and the graph then holds
#     every triple.
# Usage: scripts/acceptance.sh [WORKDIR]   (needs ~10 GB of free disk; BENCH= for ../shared/bench)
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
rm -f "$W/bad.nt"

# 4. Uploads into a running server's non-empty store in bounded memory.
"$UWP" dump --data "$W/store" --format turtle --graph default > "$W/big.ttl"
# The first ~140 MB, cut after a statement's last line (the writer ends each subject with " .").
awk -v max=140000000 '{ n += length($0) + 1; print } n > max && / \.$/ { exit }' "$W/big.ttl" > "$W/small.ttl"
{ cat "$W/big.ttl"; echo '<http://ex.org/s> <http://ex.org/p> broken .'; } > "$W/bad.ttl"
: > "$W/serve.log"
"$UWP" serve --data "$W/store" --addr 127.0.0.1:0 --token-sha256 "$(printf %s acceptance | sha256sum | cut -d' ' -f1)" > "$W/serve.log" 2>&1 &
spid=$!
trap 'kill $spid 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q 'serving' "$W/serve.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$W/serve.log" | head -1)
[ -n "$url" ] || fail "uwp serve did not start: $(cat "$W/serve.log")"
# put FILE GRAPH (percent-encoded): PUT the file, print "status peak-RssAnon-MiB seconds".
put() {
  local out="$W/put.status" peak=0 a t0 t1
  t0=$(date +%s.%N)
  curl -s -o "$W/put.body" -w '%{http_code}' -X PUT -H 'Authorization: Bearer acceptance' -H 'Content-Type: text/turtle' \
    -T "$1" "${url}data?graph=$2" > "$out" &
  local cpid=$!
  while kill -0 $cpid 2>/dev/null; do
    a=$(awk '/RssAnon/ { print $2 }' /proc/$spid/status)
    [ "${a:-0}" -gt "$peak" ] && peak=$a
    sleep 0.1
  done
  wait $cpid || true
  t1=$(date +%s.%N)
  echo "$(cat "$out") $((peak / 1024)) $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
}
count() {
  curl -s -H 'Accept: text/csv' --data-urlencode "query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$1> { ?s ?p ?o } }" "${url}sparql" | tail -1 | tr -d '\r'
}
read -r code small_peak small_s < <(put "$W/small.ttl" http%3A%2F%2Fupload.example%2Fsmall)
[ "$code" = 201 ] || fail "PUT of $(du -h "$W/small.ttl" | cut -f1) Turtle answered $code: $(cat "$W/put.body")"
small_n=$(count http://upload.example/small)
v0=$(curl -s -o /dev/null -D - "${url}data?graph=http%3A%2F%2Fupload.example%2Fsmall" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')
read -r code bad_peak bad_s < <(put "$W/bad.ttl" http%3A%2F%2Fupload.example%2Fbig)
[ "$code" = 400 ] || fail "PUT of a Turtle file with a syntax error at its end answered $code"
grep -q 'nothing was changed' "$W/put.body" || fail "the 400 does not say nothing changed: $(cat "$W/put.body")"
[ "$(count http://upload.example/big)" = 0 ] || fail "a failed PUT left quads in its graph"
v1=$(curl -s -o /dev/null -D - "${url}data?graph=http%3A%2F%2Fupload.example%2Fsmall" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')
[ "$v0" = "$v1" ] || fail "a failed PUT changed the store's data version (ETag $v0 -> $v1)"
read -r code big_peak big_s < <(put "$W/big.ttl" http%3A%2F%2Fupload.example%2Fbig)
[ "$code" = 201 ] || fail "PUT of $(du -h "$W/big.ttl" | cut -f1) Turtle answered $code: $(cat "$W/put.body")"
big_n=$(count http://upload.example/big)
[ "$big_n" = "$n" ] || fail "the uploaded graph holds $big_n triples, the dump had $n"
big_mb=$(( $(stat -c %s "$W/big.ttl") / 1000000 ))
[ "$big_peak" -lt "$big_mb" ] && [ "$big_peak" -lt 1024 ] || fail "peak anonymous RSS $big_peak MiB for a $big_mb MB upload"
ok "uploads into a running 10M store: $(( $(stat -c %s "$W/small.ttl") / 1000000 )) MB Turtle ($small_n triples) in $small_s s peaking at $small_peak MiB anon RSS; $big_mb MB ($big_n triples) in $big_s s peaking at $big_peak MiB; the same with a syntax error on its last line: 400 after $bad_s s, peak $bad_peak MiB, nothing changed"
kill -INT $spid; wait $spid || true
trap - EXIT
rm -rf "$W/store" "$W/big.ttl" "$W/small.ttl" "$W/bad.ttl"

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
