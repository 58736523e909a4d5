#!/usr/bin/env bash
# make run: load the OSLO demo dataset and the demo exports (through the ingest adapters) into
# a store, show what is in it, then serve it when this uwp has a serve command.
#   demo.sh BIN DATA_DIR
# DEMO_SERVE=0 skips the server; UWP_ADDR (default 127.0.0.1:8080) is where it listens.
set -euo pipefail
BIN="${1:-bin/uwp}" DATA="${2:-./data}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IN="$ROOT/demo/ingest"
PRODUCER_IRI="https://data.vlaanderen.be/id/organisatie/OVO000000" # invented
# Validate every product against the UWP SHACL shapes when the OSLO reference is at hand.
SHAPES=()
if [ -d "$ROOT/../shared/oslo/cultuurparticipatie" ]; then
  SHAPES=(--shapes "$ROOT/../shared/oslo")
fi

echo "== loading the demo dataset into $DATA"
rm -rf "$DATA"
"$BIN" load --data "$DATA" "$ROOT/demo/demo.trig"

# The pseudonymisation key: a fresh random one per demo store, in a file beside it (mode 600).
# uwp has no default key and refuses ticket exports without one.
KEY="$DATA/demo-pseudonym.key"
(umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$KEY")

echo
echo "== uwp ingest uitdatabank: a UiTdatabank Search API page"
"$BIN" ingest uitdatabank --data "$DATA" --product publiq/uitdatabank --taxonomy test \
  --entity-base https://io.uitdatabank.be/ --producer-iri "$PRODUCER_IRI" ${SHAPES[@]+"${SHAPES[@]}"} \
  "$IN/uitdatabank-search-page.json"
echo
echo "== uwp ingest tickets: a Ticketmatic export, pseudonymised (--lenient: bad rows are reported and skipped)"
"$BIN" ingest tickets --data "$DATA" --product cc-demostad/tickets --mapping ticketmatic \
  --key-file "$KEY" --lenient --producer-iri "$PRODUCER_IRI" ${SHAPES[@]+"${SHAPES[@]}"} \
  "$IN/ticketmatic-export.csv"
echo
echo "== uwp ingest map: a cultural centre's programme through a declarative mapping"
"$BIN" ingest map --data "$DATA" --product cc-demostad/programma --mapping "$IN/cultuurcentrum.yaml" \
  --producer-iri "$PRODUCER_IRI" ${SHAPES[@]+"${SHAPES[@]}"} \
  "$IN/cultuurcentrum-voorstellingen.csv" "$IN/cultuurcentrum-zalen.json"

echo
echo "== uwp products --data $DATA"
"$BIN" products --data "$DATA"
echo
echo "== uwp stats --data $DATA"
"$BIN" stats --data "$DATA"
echo
echo "== uwp query: participations per UiTdatabank event (sales joined to events across products)"
"$BIN" query --data "$DATA" --format table '
PREFIX cp: <https://data.vlaanderen.be/ns/cultuurparticipatie#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?title (COUNT(?deelname) AS ?participations) WHERE {
  GRAPH <https://data.example.org/graph/cc-demostad/tickets> { ?deelname cp:Deelname.activiteit ?event }
  GRAPH <https://data.example.org/graph/publiq/uitdatabank> { ?event dcterms:title ?title FILTER(lang(?title) = "nl") }
} GROUP BY ?title ORDER BY DESC(?participations) ?title'

if [ "${DEMO_SERVE:-1}" != 0 ] && "$BIN" help 2>/dev/null | grep -qE '^  serve '; then
  ADDR="${UWP_ADDR:-127.0.0.1:8080}"
  echo
  echo "== uwp serve: open http://$ADDR/ (SPARQL at http://$ADDR/sparql); Ctrl-C stops it"
  exec "$BIN" serve --data "$DATA" --addr "$ADDR" --base-iri https://data.example.org/
fi
