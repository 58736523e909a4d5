#!/usr/bin/env bash
# make run: load the OSLO demo dataset into a store and show what is in it.
#   demo.sh BIN DATA_DIR
set -euo pipefail
BIN="${1:-bin/uwp}" DATA="${2:-./data}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
echo "== loading the demo dataset into $DATA"
rm -rf "$DATA"
"$BIN" load --data "$DATA" "$ROOT/demo/demo.trig"
echo
echo "== uwp stats --data $DATA"
"$BIN" stats --data "$DATA"
echo
echo "== uwp dump --data $DATA --format trig (first 40 lines)"
"$BIN" dump --data "$DATA" --format trig | head -40
