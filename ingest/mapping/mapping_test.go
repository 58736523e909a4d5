package mapping

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/ingesttest"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

func load(t *testing.T) *Mapping {
	t.Helper()
	m, err := Load("examples/cultuurcentrum.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestExample_Cultuurcentrum(t *testing.T) {
	m := load(t)
	r, closers, err := m.OpenAll(Options{RunID: "r1", ProcessedAt: time.Date(2026, 11, 27, 1, 0, 0, 0, time.UTC)})
	for _, c := range closers {
		defer c.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	qs, _, err := ingest.ReadAll(r, 0)
	if err != nil {
		t.Fatal(err)
	}
	if st := r.Stats(); st.Records != 5 || st.Failed != 0 {
		t.Errorf("stats %+v", st)
	}
	got := ingesttest.NQuads(qs)
	const header = "# Golden output of examples/cultuurcentrum.yaml (sorted N-Quads); regenerate with go test -update.\n"
	ingesttest.Golden(t, "testdata/cultuurcentrum.nq", header, got)
	for _, must := range []string{
		`<https://data.cultuurcentrum-testdorp.example/id/activiteit/v-001#ruimtetijd> <http://www.cidoc-crm.org/cidoc-crm/P161_has_spatial_projection> <https://data.cultuurcentrum-testdorp.example/id/locatie/z1> .`,
		`<https://data.cultuurcentrum-testdorp.example/id/activiteit/v-002> <http://purl.org/dc/terms/title> "Poppentheater \"De Draak\""@nl .`,
		`<https://data.cultuurcentrum-testdorp.example/id/activiteit/v-001> <http://www.w3.org/ns/dcat#keyword> "kamermuziek" .`,
		`<https://data.cultuurcentrum-testdorp.example/id/locatie/z1> <http://www.w3.org/ns/dcat#keyword> "ringleiding" .`,
		`<https://data.cultuurcentrum-testdorp.example/id/activiteit/v-003#bedrag> <https://schema.org/value> "0"^^<http://www.w3.org/2001/XMLSchema#decimal> .`,
	} {
		if !strings.Contains(got, must) {
			t.Errorf("missing %s", must)
		}
	}
	if strings.Contains(got, "v-002#periode> <http://data.europa.eu/m8g/endTime>") || strings.Contains(got, "v-003> <http://purl.org/dc/terms/description>") {
		t.Error("an empty value gave a triple")
	}
}

func TestReader_BadRows(t *testing.T) {
	m := load(t)
	f, err := os.Open("testdata/bad-voorstellingen.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := m.NewReader("voorstellingen", f, Options{File: "bad.csv"})
	if err != nil {
		t.Fatal(err)
	}
	qs, errs, err := ingest.ReadAll(r, -1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range errs {
		got = append(got, fmt.Sprintf("%d:%d %s", e.Row, e.Col, e.Column))
	}
	want := []string{"3:5 start", "4:2 titel", "5:8 prijs", "6:0 ", "7:1 id"}
	if !slices.Equal(got, want) {
		t.Errorf("errors %q, want %q (%v)", got, want, errs)
	}
	if !strings.HasPrefix(errs[0].Error(), `bad.csv:3:5: column "start": mapping periode: "2 oktober" is not a valid`) {
		t.Errorf("error reads %q", errs[0])
	}
	if s := ingesttest.NQuads(qs); !strings.Contains(s, "activiteit/v-101>") || strings.Contains(s, "v-102") || strings.Contains(s, "v-104") {
		t.Errorf("a bad record leaked quads or a good one is missing:\n%s", s)
	}
}

func TestReader_JSONPointersAndLines(t *testing.T) {
	m := load(t)
	in := `{"zalen": [{"id": "z1", "naam": "A"}, {"id": "z2"}, {"naam": "C"}]}`
	r, err := m.NewReader("zalen", strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, errs, err := ingest.ReadAll(r, -1)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 2 || errs[0].Pointer != "/zalen/1/naam" || errs[1].Pointer != "/zalen/2/id" {
		t.Errorf("pointers: %v", errs)
	}
	for _, bad := range []string{`{"zalen": 3}`, `{"andere": []}`, `[{"id": "z1"`} {
		r, _ := m.NewReader("zalen", strings.NewReader(bad), Options{})
		if _, _, err := ingest.ReadAll(r, -1); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}

	spec := `
sources: {s: {format: jsonl}}
mappings:
  m:
    source: s
    types: [cp:Participant]
    properties:
      - {predicate: platform:geboortejaar, value: "{jaar}", datatype: xsd:gYear}
      - {predicate: schema:name, value: "{namen[0]}"}
`
	mm, err := Parse(strings.NewReader(spec), "inline.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err = mm.NewReader("", strings.NewReader("{\"jaar\": 1985, \"namen\": [\"x\", \"y\"]}\n\n{\"jaar\": \"85\"}\n"), Options{RunID: "rz"})
	if err != nil {
		t.Fatal(err)
	}
	qs, errs, err := ingest.ReadAll(r, -1)
	if err != nil || len(errs) != 1 || errs[0].Row != 3 {
		t.Fatalf("%v %v", errs, err)
	}
	s := ingesttest.NQuads(qs)
	if !strings.Contains(s, `_:rz_m_1 <https://data.uitwisselingsplatform.be/ns/platform#geboortejaar> "1985"^^<http://www.w3.org/2001/XMLSchema#gYear> .`) ||
		!strings.Contains(s, `"x"`) || strings.Contains(s, `"y"`) {
		t.Errorf("blank node labels or values:\n%s", s)
	}
}

func TestParse_Errors(t *testing.T) {
	head := "sources: {s: {format: csv}}\nmappings:\n  m:\n    source: s\n    subject: 'ex:{id}'\n"
	for _, y := range []string{
		"sources: {s: {format: xml}}\nmappings: {m: {source: s}}\n",
		"sources: {s: {format: csv}}\nmappings: {m: {source: t}}\n",
		"mappings: {m: {source: s}}\n",
		head + "    properties: [{predicate: dcterms:title}]\n",
		head + "    properties: [{predicate: dcterms:title, value: x, iri: y}]\n",
		head + "    properties: [{predicate: nope:title, value: x}]\n",
		head + "    properties: [{predicate: dcterms:title, value: x, language: nl, datatype: xsd:string}]\n",
		head + "    properties: [{predicate: dcterms:title, iri: 'x{a}', language: nl}]\n",
		head + "    properties: [{predicate: dcterms:title, mapping: other}]\n",
		head + "    properties: [{predicate: dcterms:title, value: '{unclosed'}]\n",
		head + "    unknown: 1\n",
		"sources: {s: {format: csv}, t: {format: csv}}\nmappings:\n  a: {source: s, subject: 'https://x/{id}'}\n  b: {source: t, subject: 'https://y/{id}', properties: [{predicate: dcterms:relation, mapping: a}]}\n",
	} {
		if _, err := Parse(strings.NewReader(y), "bad.yaml"); err == nil {
			t.Errorf("accepted:\n%s", y)
		}
	}
}

func TestValidLexical(t *testing.T) {
	for _, c := range []struct {
		v, dt string
		ok    bool
	}{
		{"12", "integer", true}, {"1.5", "integer", false}, {"1.5", "decimal", true}, {".5", "decimal", true},
		{"1e3", "double", true}, {"true", "boolean", true}, {"ja", "boolean", false}, {"2026-02-30", "date", false},
		{"2026-10-02T20:00:00", "dateTime", true}, {"2026-10-02 20:00", "dateTime", false}, {"1985", "gYear", true},
	} {
		if got := validLexical(c.v, rdf.IRI("http://www.w3.org/2001/XMLSchema#"+c.dt)); got != c.ok {
			t.Errorf("%s as %s: %v", c.v, c.dt, got)
		}
	}
}
