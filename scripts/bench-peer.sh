#!/usr/bin/env bash
# uwp as an external peer of ../shared/bench/run.sh (see the "Peer protocol" of its README):
#   bench-peer.sh version
#   bench-peer.sh bench DATA.nt REPS WARMUP TIMEOUT_S Q1.rq ...
# It runs `uwp benchpeer`, which loads DATA.nt into a fresh store in a temporary directory and
# runs the queries in the same process. UWP_BIN overrides the binary (default: bin/uwp of this
# checkout, built when missing).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
BIN="${UWP_BIN:-$ROOT/bin/uwp}"
if [ ! -x "$BIN" ]; then
  (cd "$ROOT" && make -s build >&2)
fi
case "${1:-}" in
  version) "$BIN" version | awk '{ print $2 }' ;;
  bench)
    shift
    work=$(mktemp -d "${TMPDIR:-/tmp}/uwp-bench.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    "$BIN" benchpeer --data "$work/data" "$@"
    ;;
  *) echo "usage: $0 version | bench DATA.nt REPS WARMUP TIMEOUT_S Q.rq..." >&2; exit 2 ;;
esac
