#!/usr/bin/env bash
# make bench: uwp side by side with Apache Jena TDB2 and Oxigraph on the datasets of
# ../shared/bench, then writes BENCHMARKS.md. Needs Java 17, Node and GNU time; installs
# Debian's libapache-jena-java and time when run as root and they are missing.
#
# Env: BENCH (default ../shared/bench), PEERS (default "jena-tdb2 oxigraph"), REPS (11),
#      WARMUP (3), BIG=0 to skip the 10M-triple load runs, QUERIES=0 to skip the 1M query runs,
#      SERVER=0 to skip the wrk runs against uwp serve, OUT (default BENCHMARKS.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BENCH="${BENCH:-$ROOT/../shared/bench}"
PEERS="${PEERS:-jena-tdb2 oxigraph}"
REPS="${REPS:-11}" WARMUP="${WARMUP:-3}" BIG="${BIG:-1}" OUT="${OUT:-BENCHMARKS.md}"
WORK="${BENCH_WORK:-/tmp/bench-work}"
DATA_DIR="${DATA_DIR:-/tmp/bench-data}"
RESULTS="${RESULTS:-/tmp/bench-results}"
export BENCH_WORK="$WORK"
mkdir -p "$WORK" "$DATA_DIR" "$RESULTS"

[ -d "$BENCH" ] || { echo "bench: $BENCH not found (set BENCH=)" >&2; exit 1; }
if [ ! -x /usr/bin/time ] || [ ! -f /usr/share/java/jena-core.jar ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libapache-jena-java time >/dev/null
  else
    echo "bench: needs GNU time and Debian's libapache-jena-java (see $BENCH/README.md)" >&2; exit 1
  fi
fi
make -s build
# run.sh labels an external peer by its file name: call ours "uwp".
ln -sf "$ROOT/scripts/bench-peer.sh" "$WORK/uwp"
UWP="$WORK/uwp"

md=$(mktemp)
trap 'rm -f "$md"' EXIT
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (scripts/bench.sh) on $(date -u +%Y-%m-%d) at $(date -u +%H:%M) UTC."
  echo
  echo "**Machine**: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(free -g | awk '/Mem:/ { print $2 }') GB RAM, $(uname -sr)."
  echo "**Software**: uwp $(git describe --always --dirty), $(go version | awk '{ print $3 }'); Jena $(dpkg-query -W -f '${Version}' libapache-jena-java 2>/dev/null || echo '?'), Java $(java -version 2>&1 | awk -F'"' 'NR==1 { print $2 }'); Node $(node --version)."
  echo
  echo "Load times: uwp's is the load call inside the process (parse, encode, sort, write and sync a"
  echo "new bbolt file); Jena TDB2's is the whole loader process; Oxigraph's the load call into its"
  echo "in-memory store. Peak RSS is GNU time's for the whole peer process (load and queries)."
  echo "uwp answers the queries in the same process that loaded the data, each in its own read transaction."
  echo "Query times are the median of $REPS timed runs after $WARMUP warm-up runs, for every peer. Sub-millisecond"
  echo "times jitter by up to 2-3x between runs on this shared machine (for uwp and the peers alike)."
} > "$md"

section() { # TITLE DATASET SCALE QUERYDIR REPS WARMUP
  local title=$1 ds=$2 scale=$3 qdir=$4 reps=$5 warm=$6
  echo "== $title" >&2
  local args=(-s "$scale" -n "$reps" -w "$warm" -d "$DATA_DIR" -o "$RESULTS")
  [ -n "$qdir" ] && args+=(-q "$qdir")
  # shellcheck disable=SC2086
  "$BENCH/run.sh" "${args[@]}" "$ds" $PEERS "$UWP" >&2
  local res="$RESULTS/$ds-$scale"
  { echo; echo "## $title"; echo; "$WORK/bench-report" -md "$res" $PEERS uwp; } >> "$md"
  grep -h 'bytes_per_triple' "$res/uwp.tsv" | awk -F'\t' '{ printf "\nuwp store file: %s bytes per triple.\n", $3 }' >> "$md" || true
}

if [ "${QUERIES:-1}" = 1 ]; then
  section "BSBM, 2785 products (~1M triples)" bsbm 2785 "" "$REPS" "$WARMUP"
  section "Events, 12000 activities (~1M triples)" events 12000 "" "$REPS" "$WARMUP"
fi
if [ "$BIG" = 1 ]; then
  section "BSBM, 27850 products (~10M triples), load only" bsbm 27850 "$ROOT/scripts/bench-queries/load-only" 1 0
  # Incremental load: 1M more triples (the events data) into the 10M-triple BSBM store.
  inc="$WORK/uwp-incremental"
  rm -rf "$inc"
  bin/uwp load --quiet --data "$inc" "$DATA_DIR/bsbm-27850.nt"
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$WORK/inc.time" bin/uwp load --quiet --data "$inc" "$DATA_DIR/events-12000.nt" &
  lpid=$!
  # Peak anonymous RSS of the loader (the time's maximum RSS also counts the pages of the
  # two mapped store files, the old one and the copy being written, which the kernel can drop).
  anon=0
  while kill -0 $lpid 2>/dev/null; do
    for c in $(pgrep -P $lpid); do
      a=$(awk '/RssAnon/ { print $2 }' /proc/$c/status 2>/dev/null || true)
      [ "${a:-0}" -gt "$anon" ] && anon=$a
    done
    sleep 0.05
  done
  wait $lpid
  t1=$(date +%s.%N)
  n=$(wc -l < "$DATA_DIR/events-12000.nt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/inc.time")
  size=$(stat -c %s "$inc/uwp.db")
  {
    echo
    echo "## Incremental load: 1M triples into the 10M-triple store"
    echo
    echo "A load of more than 262,144 statements into a non-empty store takes the copy path: the store"
    echo "file is copied, the load written into the copy in transactions of 262,144 quads and the copy"
    echo "renamed in. The time includes the copy."
    echo
    awk -v a="$t0" -v b="$t1" -v n="$n" -v rss="$rss" -v anon="$anon" -v size="$size" 'BEGIN {
      s = b - a
      printf "| peer | triples | seconds | triples/s | peak RSS MiB | peak anonymous RSS MiB | store MiB after |\n|---|---:|---:|---:|---:|---:|---:|\n"
      printf "| uwp | %d | %.2f | %.0f | %.0f | %.0f | %.0f |\n", n, s, n / s, rss / 1024, anon / 1024, size / 1048576 }'
  } >> "$md"
  rm -rf "$inc"
fi
# The server under load (issue 4): resource pages, a point SPARQL query and 304 revalidations
# over the events data, driven by wrk on loopback.
if [ "${SERVER:-1}" = 1 ]; then
  command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
  srv="$WORK/uwp-serve"
  rm -rf "$srv"
  bin/uwp load --quiet --data "$srv" "$DATA_DIR/events-12000.nt"
  port=18080
  bin/uwp serve --data "$srv" --addr "127.0.0.1:$port" --base-iri https://data.example.org/ --log-format json 2>/dev/null &
  spid=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  u="http://127.0.0.1:$port"
  wrkrun() { # LABEL ARGS... -> a Markdown row
    local label=$1; shift
    local out; out=$(wrk -t2 -c16 -d10s --latency "$@")
    local rps p50 p99 non2xx
    rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx/ { print $5 }' <<<"$out")
    printf '| %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "${non2xx:-0}"
  }
  etag=$(curl -sI -H 'Accept: text/html' "$u/doc/activiteit/25" | awk -F': ' 'tolower($1) == "etag" { print $2 }' | tr -d '\r')
  q='PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?t WHERE { <https://data.example.org/id/activiteit/25> dcterms:title ?t }'
  qenc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q" 2>/dev/null || printf %s "$q" | jq -sRr @uri)
  {
    echo
    echo "## Server: uwp serve under wrk (events, ~1M triples)"
    echo
    echo "wrk -t2 -c16 -d10s on loopback, on the same 2 cores as the server."
    echo
    echo "| request | requests/s | p50 | p99 | non-2xx/3xx |"
    echo "|---|---:|---:|---:|---:|"
    ACCEPT=text/html wrkrun "HTML resource page, random activity" -s "$ROOT/scripts/wrk/random-doc.lua" "$u"
    ACCEPT=text/turtle wrkrun "Turtle resource page, random activity" -s "$ROOT/scripts/wrk/random-doc.lua" "$u"
    wrkrun "point SPARQL query (GET, JSON)" -H 'Accept: application/sparql-results+json' "$u/sparql?query=$qenc"
    wrkrun "304 revalidation (If-None-Match)" -H 'Accept: text/html' -H "If-None-Match: $etag" "$u/doc/activiteit/25"
  } >> "$md"
  kill "$spid"; wait "$spid" 2>/dev/null || true
  rm -rf "$srv"
fi
mv "$md" "$OUT"
trap - EXIT
echo "wrote $OUT" >&2
