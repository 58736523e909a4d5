package w3c

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func TestLoadManifest_SPARQL10Syntax(t *testing.T) {
	dir := Dir(t)
	tests, err := LoadManifest(filepath.Join(dir, "sparql", "sparql10", "manifest-syntax.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	// 81 + 53 + 51 + 12 + 2 entries in syntax-sparql1..5 (README of the suite).
	if len(tests) != 199 {
		t.Fatalf("got %d tests, want 199", len(tests))
	}
	types := map[string]int{}
	for _, tc := range tests {
		types[tc.Type]++
		if _, err := os.Stat(tc.Action); err != nil {
			t.Errorf("%s: action: %v", tc.IRI, err)
		}
	}
	if types["PositiveSyntaxTest"] != 149 || types["NegativeSyntaxTest"] != 50 {
		t.Errorf("types = %v, want 149 positive and 50 negative", types)
	}
}

func TestLoadManifest_SPARQL11All(t *testing.T) {
	dir := Dir(t)
	tests, err := LoadManifest(filepath.Join(dir, "sparql", "sparql11", "manifest-all.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) != 625 {
		t.Fatalf("got %d tests, want 625", len(tests))
	}
	var update, graphs, approved int
	for _, tc := range tests {
		if tc.Type == "UpdateEvaluationTest" {
			update++
			if tc.Request == "" {
				t.Errorf("%s: no ut:request", tc.IRI)
			}
		}
		for _, g := range tc.GraphData {
			if g.Path == "" {
				t.Errorf("%s: graph data without a file", tc.IRI)
			}
			graphs++
		}
		if tc.Approval == "Approved" {
			approved++
		}
	}
	if update != 94 || approved != 546 || graphs == 0 {
		t.Errorf("update tests %d (want 94), approved %d (want 546), graph data %d", update, approved, graphs)
	}
}

func TestLoadManifest_RDFTurtle(t *testing.T) {
	dir := Dir(t)
	tests, err := LoadManifest(filepath.Join(dir, "rdf", "rdf11", "rdf-turtle", "manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	var eval, approved int
	for _, tc := range tests {
		if tc.Type == "TestTurtleEval" {
			eval++
			if tc.Action == "" || tc.Result == "" {
				t.Errorf("%s: action %q, result %q", tc.IRI, tc.Action, tc.Result)
			}
		}
		if tc.Approval == "Approved" {
			approved++
		}
	}
	if len(tests) != 313 || eval != 145 || approved != 303 {
		t.Errorf("%d tests, %d eval, %d approved; want 313, 145, 303", len(tests), eval, approved)
	}
}

func TestLoadManifest_TurtleEntry(t *testing.T) {
	dir := Dir(t)
	tests, err := LoadManifest(filepath.Join(dir, "rdf/rdf11/rdf-turtle/manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	var found *Test
	for i, tc := range tests {
		if tc.Name == "IRI_subject" {
			found = &tests[i]
		}
	}
	if found == nil {
		t.Fatal("IRI_subject not found")
	}
	manifestDir := filepath.Join(dir, "rdf/rdf11/rdf-turtle")
	if found.Action != filepath.Join(manifestDir, "IRI_subject.ttl") || found.Result != filepath.Join(manifestDir, "IRI_spo.nt") {
		t.Errorf("action/result = %q, %q", found.Action, found.Result)
	}
	if found.Base != "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/IRI_subject.ttl" {
		t.Errorf("base = %q", found.Base)
	}
	if found.Approval != "Approved" || !found.Eval() || found.Negative() {
		t.Errorf("approval/eval/negative = %q %v %v", found.Approval, found.Eval(), found.Negative())
	}
	if found.IRI != "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/manifest.ttl#IRI_subject" {
		t.Errorf("IRI = %q", found.IRI)
	}
	if found.Node != rdf.IRI(FileURL(filepath.Join(manifestDir, "manifest.ttl"))+"#IRI_subject") {
		t.Errorf("Node = %v", found.Node)
	}
}

func TestLoadManifest_Include(t *testing.T) {
	dir := Dir(t)
	tests, err := LoadManifest(filepath.Join(dir, "rdf/rdf11/manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) != 1040 { // README of the test tree: RDF 1.1 total
		t.Errorf("loaded %d tests through mf:include, want 1040", len(tests))
	}
}

// TestLoadManifest_BlankManifestNode: sparql10/construct and sparql10/bnode-coreference name
// their manifest with a blank node, not <>; their 5 and 1 tests must still be found, also
// through the aggregate manifest.
func TestLoadManifest_BlankManifestNode(t *testing.T) {
	dir := Dir(t)
	for m, want := range map[string]int{"construct/manifest.ttl": 5, "bnode-coreference/manifest.ttl": 1} {
		tests, err := LoadManifest(filepath.Join(dir, "sparql/sparql10", m))
		if err != nil {
			t.Fatal(err)
		}
		if len(tests) != want {
			t.Errorf("%s: %d tests, want %d", m, len(tests), want)
		}
	}
	tests, err := LoadManifest(filepath.Join(dir, "sparql/sparql10/manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) != 482 {
		t.Errorf("sparql10/manifest.ttl: %d tests, want 482", len(tests))
	}
}

func TestLoadManifest_Errors(t *testing.T) {
	if _, err := LoadManifest(filepath.Join(t.TempDir(), "missing.ttl")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing manifest: err = %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.ttl")
	os.WriteFile(bad, []byte("<> a <http://example.org/NotAManifest> ."), 0o644)
	if _, err := LoadManifest(bad); err == nil {
		t.Error("manifest without mf:Manifest: no error")
	}
	os.WriteFile(bad, []byte("<> a <"), 0o644)
	if _, err := LoadManifest(bad); err == nil {
		t.Error("manifest with a syntax error: no error")
	}
}

// TestLoadManifest_Local checks a manifest written here: entries before includes, each file
// once (a cycle of includes ends), structured actions and results, relative test IRIs outside
// the published tree kept as file: IRIs.
func TestLoadManifest_Local(t *testing.T) {
	dir := t.TempDir()
	write := func(name, doc string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const prefixes = `@prefix mf: <http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#> .
@prefix qt: <http://www.w3.org/2001/sw/DataAccess/tests/test-query#> .
@prefix ut: <http://www.w3.org/2009/sparql/tests/test-update#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
`
	write("a.ttl", prefixes+`<> a mf:Manifest ; mf:include ( <b.ttl> ) ; mf:entries ( <#q> <#u> ) .
<#q> a mf:QueryEvaluationTest ; mf:name "q" ; mf:resultCardinality mf:LaxCardinality ;
  mf:action [ qt:query <q.rq> ; qt:data <d.ttl> ; qt:graphData <g.ttl> ] ; mf:result <r.srx> .
<#u> a mf:UpdateEvaluationTest ; mf:name "u" ;
  mf:action [ ut:request <u.ru> ; ut:graphData [ ut:graph <g.ttl> ; rdfs:label "http://ex/g" ] ] ;
  mf:result [ ut:data <after.ttl> ] .
`)
	write("b.ttl", prefixes+`[] a mf:Manifest ; mf:include ( <a.ttl> ) ; mf:entries ( <#s> ) .
<#s> a mf:NegativeSyntaxTest11 ; mf:action <bad.rq> .
`)
	tests, err := LoadManifest(filepath.Join(dir, "a.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) != 3 || tests[0].Name != "q" || tests[1].Name != "u" || tests[2].Type != "NegativeSyntaxTest11" {
		t.Fatalf("tests = %+v", tests)
	}
	q, u, s := tests[0], tests[1], tests[2]
	p := func(name string) string { return filepath.Join(dir, name) }
	if q.IRI != FileURL(p("a.ttl"))+"#q" || q.Query != p("q.rq") || len(q.Data) != 1 || q.Data[0] != p("d.ttl") ||
		len(q.GraphData) != 1 || q.GraphData[0] != (Graph{Path: p("g.ttl"), IRI: FileURL(p("g.ttl"))}) ||
		q.Result != p("r.srx") || q.Cardinality != "LaxCardinality" {
		t.Errorf("query test = %+v", q)
	}
	if u.Request != p("u.ru") || len(u.GraphData) != 1 || u.GraphData[0].Label != "http://ex/g" ||
		len(u.ResultData) != 1 || u.ResultData[0] != p("after.ttl") || u.Result != "" {
		t.Errorf("update test = %+v", u)
	}
	if s.Action != p("bad.rq") || s.Base != FileURL(p("bad.rq")) || !s.Negative() || s.Manifest != p("b.ttl") {
		t.Errorf("syntax test = %+v", s)
	}
}

func TestPublishedIRI(t *testing.T) {
	cases := []struct{ iri, self, abs, want string }{
		{"file:///x/w3c/rdf/rdf11/rdf-xml/manifest.ttl#t1", "file:///x/w3c/rdf/rdf11/rdf-xml/manifest.ttl", "/x/w3c/rdf/rdf11/rdf-xml/manifest.ttl",
			"https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-xml/manifest.ttl#t1"},
		{"file:///x/w3c/sparql/sparql10/sort/extended-manifest.ttl#t", "file:///x/w3c/sparql/sparql10/sort/extended-manifest.ttl", "/x/w3c/sparql/sparql10/sort/extended-manifest.ttl",
			"https://w3c.github.io/rdf-tests/sparql/sparql10/sort/extended-manifest.ttl#t"},
		{"http://www.w3.org/2001/sw/DataAccess/tests/data-r2/basic/manifest#b1", "file:///x/m.ttl", "/x/m.ttl",
			"http://www.w3.org/2001/sw/DataAccess/tests/data-r2/basic/manifest#b1"},
		{"file:///tmp/m.ttl#t", "file:///tmp/m.ttl", "/tmp/m.ttl", "file:///tmp/m.ttl#t"},
	}
	for _, c := range cases {
		if got := publishedIRI(c.iri, c.self, c.abs); got != c.want {
			t.Errorf("publishedIRI(%q) = %q, want %q", c.iri, got, c.want)
		}
	}
}
