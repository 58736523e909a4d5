package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/ingest/ingesttest"
	"github.com/uitwisselingsplatform/uwp/oslo"
)

// The shipped samples of the ingest adapters, relative to this package.
const (
	udbSample        = "../../ingest/uitdatabank/testdata/search-page.json"
	udbBadSample     = "../../ingest/uitdatabank/testdata/bad-documents.json"
	ticketmaticCSV   = "../../ingest/tickets/testdata/ticketmatic-export.csv"
	genericCSV       = "../../ingest/tickets/testdata/generic-export.csv"
	genericJSONL     = "../../ingest/tickets/testdata/generic-export.jsonl"
	genericJSONLMap  = "../../ingest/tickets/testdata/generic-jsonl-mapping.yaml"
	ticketMappingDir = "../../ingest/tickets/mappings"
	exampleMapping   = "../../ingest/mapping/examples/cultuurcentrum.yaml"
	exampleCSV       = "../../ingest/mapping/examples/cultuurcentrum-voorstellingen.csv"
	exampleJSON      = "../../ingest/mapping/examples/cultuurcentrum-zalen.json"
	badExampleCSV    = "../../ingest/mapping/testdata/bad-voorstellingen.csv"

	testKey     = "cmd-test-key-not-for-production-01"
	producerIRI = "https://data.vlaanderen.be/id/organisatie/OVO000000"
)

func products(t *testing.T, data string) map[string]productJSON {
	t.Helper()
	var list []productJSON
	if err := json.Unmarshal([]byte(mustUWP(t, "", "products", "--json", "--data", data)), &list); err != nil {
		t.Fatal(err)
	}
	m := map[string]productJSON{}
	for _, p := range list {
		m[p.Name] = p
	}
	return m
}

// count answers a SELECT (COUNT(*) AS ?n) query through `uwp query`.
func count(t *testing.T, data, query string) string {
	t.Helper()
	out := mustUWP(t, "", "query", "--data", data, "--format", "csv", query)
	lines := sortedLines(strings.ReplaceAll(out, "\r", ""))
	if len(lines) != 2 || lines[1] != "n" {
		t.Fatalf("count: %q", out)
	}
	return lines[0]
}

func TestIngest_EveryAdapterOnTheSamples(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	keyFile := write(t, filepath.Join(dir, "key"), testKey+"\n")
	t.Setenv("UWP_PSEUDONYM_KEY", testKey)
	common := []string{"--data", data, "--quiet", "--producer-iri", producerIRI}
	for _, args := range [][]string{
		{"uitdatabank", "--product", "publiq/events", "--taxonomy", "test", "--entity-base", "https://io.uitdatabank.be/", udbSample},
		{"tickets", "--product", "cc/ticketmatic", "--mapping", "ticketmatic", "--key-file", keyFile, "--lenient", ticketmaticCSV},
		{"tickets", "--product", "cc/generic", "--mapping", filepath.Join(ticketMappingDir, "generic.yaml"), genericCSV},
		{"tickets", "--product", "cc/jsonl", "--mapping", genericJSONLMap, "--key-command", "echo " + testKey, genericJSONL},
		{"map", "--product", "cc/programma", "--mapping", exampleMapping},
		{"map", "--product", "cc/programma-files", "--mapping", exampleMapping, exampleJSON, "voorstellingen=" + exampleCSV},
	} {
		mustUWP(t, "", append(append([]string{"ingest"}, args...), common...)...)
	}
	ps := products(t, data)
	for name, want := range map[string]struct {
		adapter         string
		records, failed int
	}{
		"publiq/events":      {"uitdatabank", 7, 0},
		"cc/ticketmatic":     {"tickets/ticketmatic", 11, 6},
		"cc/generic":         {"tickets/generic", 3, 0},
		"cc/jsonl":           {"tickets/generic", 3, 0},
		"cc/programma":       {"mapping/cultuurcentrum", 5, 0},
		"cc/programma-files": {"mapping/cultuurcentrum", 5, 0},
	} {
		p, ok := ps[name]
		if !ok {
			t.Errorf("product %s not listed: %v", name, ps)
			continue
		}
		if p.Adapter != want.adapter || p.Records != want.records || p.Failed != want.failed || p.Quads < 50 ||
			p.Graph != "https://data.example.org/graph/"+name || p.Producer != producerIRI || p.Ended.IsZero() {
			t.Errorf("%s: %+v, want %+v", name, p, want)
		}
		if strings.Contains(p.Source, "/") {
			t.Errorf("%s: source %q names a local path", name, p.Source)
		}
		if n := count(t, data, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <"+p.Graph+"> { ?s ?p ?o } }"); n != itoa(p.Quads) {
			t.Errorf("%s: %s quads in the graph, the catalogue says %d", name, n, p.Quads)
		}
	}
	if a, b := ps["cc/generic"], ps["cc/jsonl"]; a.Quads != b.Quads {
		t.Errorf("the generic CSV and JSON lines exports differ: %d and %d quads", a.Quads, b.Quads)
	}
	if a, b := ps["cc/programma"], ps["cc/programma-files"]; a.Quads != b.Quads || a.Source != b.Source {
		t.Errorf("the mapping's own files and the same files named differ: %+v %+v", a, b)
	}
	// The sales join the UiTdatabank events through the activity IRIs (--entity-base).
	q := `PREFIX cp: <https://data.vlaanderen.be/ns/cultuurparticipatie#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH <https://data.example.org/graph/cc/ticketmatic> { ?d cp:Deelname.activiteit ?a }
  GRAPH <https://data.example.org/graph/publiq/events> { ?a dcterms:title ?t FILTER(lang(?t) = "nl") }
}`
	if n := count(t, data, q); n == "0" {
		t.Error("no participation links to an ingested event")
	}
	text := mustUWP(t, "", "products", "--data", data)
	if !strings.Contains(text, "cc/ticketmatic") || !strings.Contains(text, "tickets/ticketmatic (ticketmatic@1)") {
		t.Errorf("products table:\n%s", text)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestIngest_OutputConformsToTheUWPShapes(t *testing.T) {
	osloDir, err := oslo.FindDir()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	t.Setenv("UWP_PSEUDONYM_KEY", testKey)
	for _, args := range [][]string{
		{"uitdatabank", "--product", "publiq/events", "--taxonomy", "test", udbSample},
		{"tickets", "--product", "cc/ticketmatic", "--mapping", "ticketmatic", "--lenient", ticketmaticCSV},
		{"map", "--product", "cc/programma", "--mapping", exampleMapping},
	} {
		out := mustUWP(t, "", append(append([]string{"ingest"}, args...), "--data", data, "--shapes", osloDir, "--producer-iri", producerIRI)...)
		if !strings.Contains(out, "conforms:") || !strings.Contains(out, "ingested ") {
			t.Errorf("%s: %s", args[0], out)
		}
	}
	// Without the producer the identifiers lack dcterms:creator: refused, with a hint.
	code, out, errs := uwp(t, "", "ingest", "uitdatabank", "--data", data, "--product", "publiq/events", "--shapes", osloDir, udbSample)
	if code != 1 || !strings.Contains(out, "Violation") || !strings.Contains(errs, "--producer-iri") || !strings.Contains(errs, "nothing was stored") {
		t.Errorf("want a refusal naming --producer-iri: %d\n%s\n%s", code, out, errs)
	}
}

// A shapes file of our own makes every activity a violation.
const strictShapes = `@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix cidoc: <http://www.cidoc-crm.org/cidoc-crm/> .
@prefix ex: <http://example.org/shapes#> .
ex:Activity a sh:NodeShape ; sh:targetClass cidoc:E7_Activity ;
  sh:property [ sh:path ex:neverThere ; sh:minCount 1 ] .
`

func TestIngest_ShapesViolationsRefuseTheIngest(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	shapes := write(t, filepath.Join(dir, "shapes.ttl"), strictShapes)
	mustUWP(t, "", "ingest", "map", "--quiet", "--data", data, "--product", "cc/programma", "--mapping", exampleMapping)
	before := mustUWP(t, "", "dump", "--data", data)

	code, out, errs := uwp(t, "", "ingest", "uitdatabank", "--data", data, "--product", "publiq/events", "--shapes", shapes, udbSample)
	if code != 1 || !strings.Contains(out, "MinCount") || !strings.Contains(errs, "SHACL violation") {
		t.Fatalf("violations did not refuse: %d\n%s\n%s", code, out, errs)
	}
	if after := mustUWP(t, "", "dump", "--data", data); after != before {
		t.Fatal("a refused ingest changed the store")
	}
	code, out, _ = uwp(t, "", "ingest", "uitdatabank", "--dry-run", "--data", data, "--product", "publiq/events", "--shapes", shapes, udbSample)
	if code != 1 || !strings.Contains(out, "dry run") || !strings.Contains(out, "violation(s)") {
		t.Errorf("dry run with violations: %d\n%s", code, out)
	}
	// The shapes key comes from the config file too; --lenient stores despite violations.
	cfg := write(t, filepath.Join(dir, "uwp.yaml"), "shapes: "+shapes+"\n")
	out = mustUWP(t, "", "ingest", "uitdatabank", "--config", cfg, "--lenient", "--data", data, "--product", "publiq/events", udbSample)
	if !strings.Contains(out, "Violation") || !strings.Contains(out, "ingested uitdatabank") {
		t.Errorf("lenient: %s", out)
	}
	if _, ok := products(t, data)["publiq/events"]; !ok {
		t.Error("lenient ingest not stored")
	}
}

func TestIngest_ReingestReplacesTheProduct(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "ingest", "uitdatabank", "--quiet", "--data", data, "--product", "events", udbSample)
	first := products(t, data)["local/events"]
	if first.Records != 7 {
		t.Fatalf("first ingest: %+v", first)
	}
	// Again from standard input, one document only.
	one := `{"@id": "https://io.uitdatabank.be/events/e1", "@type": "Event", "name": {"nl": "Alleen ik"}, "calendarType": "permanent"}`
	out := mustUWP(t, one, "ingest", "uitdatabank", "--data", data, "--product", "events", "-")
	if !strings.Contains(out, "records  1 read, 0 failed") || !strings.Contains(out, "removed") {
		t.Errorf("summary: %s", out)
	}
	second := products(t, data)["local/events"]
	if second.Records != 1 || second.RunID == first.RunID || second.Quads >= first.Quads || second.Source != "<stdin>" {
		t.Fatalf("second ingest: %+v", second)
	}
	g := "<https://data.example.org/graph/local/events>"
	if n := count(t, data, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH "+g+" { ?s a <http://www.cidoc-crm.org/cidoc-crm/E7_Activity> } }"); n != "1" {
		t.Errorf("%s activities after the re-ingest, want 1", n)
	}
	if n := count(t, data, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://data.example.org/catalogue> { ?r <https://w3id.org/uwp/ns#runId> ?id } }"); n != "1" {
		t.Errorf("%s runs in the catalogue, want 1", n)
	}
}

func TestIngest_FailureLeavesThePreviousVersion(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "ingest", "uitdatabank", "--quiet", "--data", data, "--product", "publiq/events", udbSample)
	before := mustUWP(t, "", "dump", "--data", data)

	code, _, errs := uwp(t, "", "ingest", "uitdatabank", "--data", data, "--product", "publiq/events", udbSample, udbBadSample)
	if code != 1 || !strings.Contains(errs, "bad-documents.json: /") || !strings.Contains(errs, "nothing was stored") || !strings.Contains(errs, "--lenient") {
		t.Fatalf("want the file and JSON pointer of the bad document: %d\n%s", code, errs)
	}
	code, _, errs = uwp(t, "", "ingest", "map", "--data", data, "--product", "publiq/events", "--mapping", exampleMapping, "voorstellingen="+badExampleCSV)
	if code != 1 || !strings.Contains(errs, "bad-voorstellingen.csv:3:5:") {
		t.Fatalf("want the CSV row:col: %d\n%s", code, errs)
	}
	code, _, errs = uwp(t, "", "ingest", "uitdatabank", "--data", data, "--product", "publiq/events", udbSample, filepath.Join(dir, "missing.json"))
	if code != 1 || !strings.Contains(errs, "missing.json") {
		t.Fatalf("missing file: %d\n%s", code, errs)
	}
	if after := mustUWP(t, "", "dump", "--data", data); after != before {
		t.Fatal("a failed ingest changed the store")
	}
	// Leniently, the good documents of both files load and the bad ones are reported.
	code, out, errs := uwp(t, "", "ingest", "uitdatabank", "--lenient", "--data", data, "--product", "publiq/events", udbSample, udbBadSample)
	p := products(t, data)["publiq/events"]
	if code != 0 || !strings.Contains(errs, "skipped: ") || p.Failed == 0 || p.Records <= 7 || !strings.Contains(out, "failed") {
		t.Fatalf("lenient: %d %+v\n%s\n%s", code, p, out, errs)
	}
	if code, _, errs := uwp(t, "", "ingest", "uitdatabank", "--lenient", "--max-errors", "1", "--data", data, "--product", "x", udbBadSample); code != 1 || !strings.Contains(errs, "more than 1 bad records") {
		t.Errorf("--max-errors: %d %s", code, errs)
	}
}

func TestIngest_TicketsWithoutAKeyAreRefused(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	t.Setenv("UWP_PSEUDONYM_KEY", "")
	for _, extra := range [][]string{nil, {"--key-file", write(t, filepath.Join(dir, "empty"), "")}, {"--key-command", "true"}} {
		args := append([]string{"ingest", "tickets", "--data", data, "--product", "cc/t", "--mapping", "generic", genericCSV}, extra...)
		code, _, errs := uwp(t, "", args...)
		if code != 1 || !strings.Contains(errs, "refusing to ingest personal data") || !strings.Contains(errs, "no default key") {
			t.Errorf("%v: %d %s", extra, code, errs)
		}
	}
	code, _, errs := uwp(t, "", "ingest", "tickets", "--data", data, "--product", "cc/t", "--mapping", "generic", "--key-command", "echo short", genericCSV)
	if code != 1 || !strings.Contains(errs, "too short") {
		t.Errorf("weak key: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(data, storeFile)); !os.IsNotExist(err) {
		t.Errorf("a refused ingest created the store: %v", err)
	}
}

func TestIngest_DryRunStoresNothing(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	t.Setenv("UWP_PSEUDONYM_KEY", testKey)
	out := mustUWP(t, "", "ingest", "tickets", "--dry-run", "--data", data, "--product", "cc/t", "--mapping", "ticketmatic", "--lenient", ticketmaticCSV)
	if !strings.Contains(out, "nothing was stored") || !strings.Contains(out, "records  11 read, 6 failed") {
		t.Errorf("dry run summary: %s", out)
	}
	if _, err := os.Stat(filepath.Join(data, storeFile)); !os.IsNotExist(err) {
		t.Fatalf("a dry run created the store: %v", err)
	}
	mustUWP(t, "", "ingest", "map", "--quiet", "--data", data, "--product", "cc/p", "--mapping", exampleMapping)
	before := mustUWP(t, "", "dump", "--data", data)
	out = mustUWP(t, "", "ingest", "map", "--dry-run", "--data", data, "--product", "cc/p", "--mapping", exampleMapping)
	if !strings.Contains(out, "(holding 128 now)") {
		t.Errorf("dry run over a stored product: %s", out)
	}
	mustUWP(t, "", "ingest", "uitdatabank", "--dry-run", "--data", data, "--product", "publiq/events", udbSample)
	if after := mustUWP(t, "", "dump", "--data", data); after != before {
		t.Fatal("a dry run changed the store")
	}
	// A strict dry run reports the first bad record like a real run.
	if code, _, errs := uwp(t, "", "ingest", "tickets", "--dry-run", "--data", data, "--product", "cc/t", "--mapping", "ticketmatic", ticketmaticCSV); code != 1 || !strings.Contains(errs, "ticketmatic-export.csv:5:2:") {
		t.Errorf("strict dry run: %d %s", code, errs)
	}
}

// No raw identifier of the sample ticketing exports reaches the store: not in the store
// file's bytes, not in a dump, not in a query answer.
func TestIngest_NoPersonalDataInTheStore(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	t.Setenv("UWP_PSEUDONYM_KEY", testKey)
	mustUWP(t, "", "ingest", "tickets", "--quiet", "--data", data, "--product", "cc/ticketmatic", "--mapping", "ticketmatic", "--lenient", ticketmaticCSV)
	mustUWP(t, "", "ingest", "tickets", "--quiet", "--data", data, "--product", "cc/generic", "--mapping", "generic", genericCSV)
	mustUWP(t, "", "ingest", "tickets", "--quiet", "--data", data, "--product", "cc/jsonl", "--mapping", genericJSONLMap, genericJSONL)

	values := append(ingesttest.PersonalValues(t, ticketmaticCSV, "customerid", "contact_email", "contact_firstname", "contact_lastname",
		"contact_phone", "contact_street1", "contact_birthdate", "barcode", "seatname"),
		ingesttest.PersonalValues(t, genericCSV, "buyer_email", "buyer_name", "buyer_phone", "buyer_street", "barcode", "seat")...)
	if len(values) < 40 {
		t.Fatalf("only %d personal values to look for", len(values))
	}
	file, err := os.ReadFile(filepath.Join(data, storeFile))
	if err != nil {
		t.Fatal(err)
	}
	dump := mustUWP(t, "", "dump", "--data", data)
	answer := mustUWP(t, "", "query", "--data", data, "--format", "json", "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
	if !strings.Contains(dump, "cultuurparticipatie#Participant") || strings.Count(answer, `"s"`) < 300 {
		t.Fatalf("too little data to search: %d bytes dumped, answer %d bytes", len(dump), len(answer))
	}
	for name, haystack := range map[string]string{"store file": string(file), "dump": dump, "query answer": answer} {
		for _, v := range values {
			if leaks(haystack, v) {
				t.Errorf("%s holds the personal value %q", name, v)
			}
		}
	}
}

// leaks reports whether v occurs in s. Pseudonyms and run ids are lower-case base32
// ([a-z2-7]), so a short all-letter word (a first name) would turn up in them by chance
// if compared case-insensitively: such words are looked for as written and capitalised,
// everything else case-insensitively.
func leaks(s, v string) bool {
	if len(v) < 7 && strings.Trim(v, "abcdefghijklmnopqrstuvwxyz234567") == "" {
		return strings.Contains(s, v) || strings.Contains(s, strings.ToUpper(v[:1])+v[1:]) || strings.Contains(s, strings.ToUpper(v))
	}
	return strings.Contains(strings.ToLower(s), v)
}

func TestIngest_UsageErrors(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"ingest"}, "name the adapter"},
		{[]string{"ingest", "eventbrite", "--product", "x", "f"}, "unknown adapter"},
		{[]string{"ingest", "uitdatabank", udbSample}, "--product"},
		{[]string{"ingest", "uitdatabank", "--product", "x"}, "at least one FILE"},
		{[]string{"ingest", "uitdatabank", "--product", "a b", udbSample}, "--product"},
		{[]string{"ingest", "uitdatabank", "--product", "x", "--base", "rel/", udbSample}, "absolute IRI"},
		{[]string{"ingest", "uitdatabank", "--product", "x", "--taxonomy", "staging", udbSample}, "--taxonomy"},
		{[]string{"ingest", "uitdatabank", "--product", "x", "-", "-"}, "standard input named twice"},
		{[]string{"ingest", "tickets", "--product", "x", genericCSV}, "--mapping"},
		{[]string{"ingest", "tickets", "--product", "x", "--mapping", "generic", "--key-file", "k", "--key-command", "c", genericCSV}, "not both"},
		{[]string{"ingest", "map", "--product", "x"}, "--mapping"},
		{[]string{"ingest", "map", "--product", "x", "--mapping", exampleMapping, "other.txt"}, "SOURCE=other.txt"},
		{[]string{"ingest", "uitdatabank", "--product", "x", "--max-errors", "3", udbSample}, "--lenient"},
	} {
		code, _, errs := uwp(t, "", append(c.args, "--data", data)...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("uwp %v: exit %d, want 2 and %q in:\n%s", c.args, code, c.want, errs)
		}
	}
	if code, _, errs := uwp(t, "", "ingest", "tickets", "--data", data, "--product", "x", "--mapping", "eventim", "--key-command", "echo "+testKey, genericCSV); code != 1 || !strings.Contains(errs, "eventim") {
		t.Errorf("unknown built-in mapping: %d %s", code, errs)
	}
}

func TestProducts_EmptyStore(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if out := mustUWP(t, "", "products", "--data", data); !strings.Contains(out, "no data products") {
		t.Errorf("text: %q", out)
	}
	if out := strings.TrimSpace(mustUWP(t, "", "products", "--data", data, "--json")); out != "[]" {
		t.Errorf("json: %q", out)
	}
	mustUWP(t, "", "ingest", "map", "--quiet", "--data", data, "--base", "https://other.example/", "--product", "cc/p", "--mapping", exampleMapping)
	mustUWP(t, "", "ingest", "map", "--quiet", "--data", data, "--product", "cc/p", "--mapping", exampleMapping)
	if n := len(products(t, data)); n != 1 { // two catalogues, one product name: keyed by name here
		t.Errorf("%d names", n)
	}
	var list []productJSON
	json.Unmarshal([]byte(mustUWP(t, "", "products", "--json", "--data", data)), &list)
	if len(list) != 2 || list[0].Catalogue != "https://data.example.org/catalogue" || list[1].Catalogue != "https://other.example/catalogue" {
		t.Errorf("every catalogue: %+v", list)
	}
	json.Unmarshal([]byte(mustUWP(t, "", "products", "--json", "--data", data, "--base", "https://other.example")), &list)
	if len(list) != 1 || list[0].IRI != "https://other.example/product/cc/p" {
		t.Errorf("--base: %+v", list)
	}
}

func TestIngest_ProgressLineAndInterrupt(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, stderrTTY: true}
	if code := run(context.Background(), []string{"ingest", "uitdatabank", "--data", data, "--product", "p", udbSample}, e); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "\r") || !strings.Contains(errb.String(), "statements") {
		t.Errorf("no progress line on a terminal: %q", errb.String())
	}
	before := mustUWP(t, "", "dump", "--data", data)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	errb.Reset()
	if code := run(ctx, []string{"ingest", "map", "--data", data, "--product", "p", "--mapping", exampleMapping}, e); code != 1 || !strings.Contains(errb.String(), "interrupted: nothing was stored") {
		t.Errorf("interrupted: exit %d, %s", code, errb.String())
	}
	if after := mustUWP(t, "", "dump", "--data", data); after != before {
		t.Error("an interrupted ingest changed the store")
	}
}

// BenchmarkIngest_Tickets runs `uwp ingest tickets` end to end (read, pseudonymise, replace
// the product in the store) on a generated generic export.
func BenchmarkIngest_Tickets(b *testing.B) {
	const rows = 20_000
	dir := b.TempDir()
	var sb strings.Builder
	sb.WriteString("order_id,ticket_id,event_id,performance_start,price_category,price,currency,sale_datetime,buyer_email,buyer_postal_code,birth_year,status\n")
	for i := range rows {
		fmt.Fprintf(&sb, "O-%d,T-%d,11111111-aaaa-4bbb-8ccc-%012d,2026-06-20T20:00:00+02:00,Basistarief,12.50,EUR,2026-05-03T14:22:01+02:00,buyer%d@example.org,%d,%d,sold\n",
			i/3, i, i%50, i/2, 1000+i%8000, 1940+i%70)
	}
	csvFile := write(b, filepath.Join(dir, "export.csv"), sb.String())
	b.Setenv("UWP_PSEUDONYM_KEY", testKey)
	b.ResetTimer()
	for i := range b.N {
		data := filepath.Join(dir, fmt.Sprintf("data%d", i)) // a fresh store: see the note on BenchmarkIngest_UiTdatabank
		mustUWP(b, "", "ingest", "tickets", "--quiet", "--data", data, "--product", "bench/tickets", "--mapping", "generic", csvFile)
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkIngest_UiTdatabank runs `uwp ingest uitdatabank` end to end on generated events.
func BenchmarkIngest_UiTdatabank(b *testing.B) {
	const docs = 2_000
	dir := b.TempDir()
	var sb strings.Builder
	sb.WriteString(`{"member": [`)
	for i := range docs {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"@id": "https://io.uitdatabank.be/events/e%d", "@type": "Event", "name": {"nl": "Activiteit %d"},
 "calendarType": "single", "startDate": "2026-06-%02dT20:00:00+02:00", "endDate": "2026-06-%02dT22:00:00+02:00",
 "location": {"@id": "https://io.uitdatabank.be/places/p%d"}, "terms": [{"id": "0.50.4.0.0", "domain": "eventtype", "label": "Concert"}],
 "priceInfo": [{"category": "base", "name": {"nl": "Basistarief"}, "price": %d.5, "priceCurrency": "EUR"}]}`, i, i, 1+i%28, 1+i%28, i%100, i%40)
	}
	sb.WriteString("]}")
	page := write(b, filepath.Join(dir, "page.json"), sb.String())
	b.ResetTimer()
	for i := range b.N {
		// Each run into a fresh store. Replacing a product of more than a few hundred quads
		// hangs in the triplestore at this writing (Tx.RemoveQuads emptying an index bucket,
		// then bbolt's Cursor.Last loops over the empty pages: see the report of this change).
		data := filepath.Join(dir, fmt.Sprintf("data%d", i))
		mustUWP(b, "", "ingest", "uitdatabank", "--quiet", "--data", data, "--product", "bench/events", page)
	}
	b.ReportMetric(float64(docs*b.N)/b.Elapsed().Seconds(), "docs/s")
}
