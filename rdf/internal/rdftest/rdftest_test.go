package rdftest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func TestLoad_Turtle(t *testing.T) {
	dir := Dir(t)
	tests, err := Load(filepath.Join(dir, "rdf/rdf11/rdf-turtle/manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) != 313 {
		t.Errorf("loaded %d tests, want 313", len(tests))
	}
	byType := map[string]int{}
	var found *Test
	for i, tc := range tests {
		byType[tc.Type]++
		if tc.Name == "IRI_subject" {
			found = &tests[i]
		}
	}
	want := map[string]int{"TestTurtleEval": 145, "TestTurtleNegativeSyntax": 94, "TestTurtlePositiveSyntax": 74}
	for k, n := range want {
		if byType[k] != n {
			t.Errorf("%s: %d tests, want %d", k, byType[k], n)
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
}

func TestLoad_Include(t *testing.T) {
	dir := Dir(t)
	tests, err := Load(filepath.Join(dir, "rdf/rdf11/manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) != 1040 { // README of the test tree: RDF 1.1 total
		t.Errorf("loaded %d tests through mf:include, want 1040", len(tests))
	}
}

func TestLoad_Errors(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "missing.ttl")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing manifest: err = %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.ttl")
	os.WriteFile(bad, []byte("<> a <http://example.org/NotAManifest> ."), 0o644)
	if _, err := Load(bad); err == nil {
		t.Error("manifest without mf:Manifest: no error")
	}
}

func TestLoadExpectedFailures(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.txt")
	os.WriteFile(path, []byte("# header comment\n\nhttp://ex/t1 # not yet\nhttp://ex/t2\n"), 0o644)
	m, err := LoadExpectedFailures(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 2 || m["http://ex/t1"] != "not yet" || m["http://ex/t2"] != "" {
		t.Errorf("got %q", m)
	}
}

func TestSuite_Counts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.txt")
	os.WriteFile(path, []byte("http://ex/bad # known\n"), 0o644)
	s := NewSuite(t, "rdftest self-test", path)
	s.Run(t, Test{IRI: "http://ex/good", Name: "good"}, func(Test) error { return nil })
	s.Run(t, Test{IRI: "http://ex/bad", Name: "bad"}, func(Test) error { return errors.New("fails as listed") })
	if p, f := s.Counts(); p != 1 || f != 1 {
		t.Errorf("counts = %d passed, %d failed; want 1, 1", p, f)
	}
	s.Report(t)
}

func TestReadNQuadsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.nq")
	doc := "# comment\n<http://ex/s> <http://ex/p> \"a\\\"b\\u00E9\"@en <http://ex/g> .\n\n" +
		"_:x <http://ex/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
		"_:x.y <http://ex/p> _:z.\n"
	os.WriteFile(path, []byte(doc), 0o644)
	qs, err := ReadNQuadsFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []rdf.Quad{
		{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLangLiteral("a\"bé", "en"), Graph: rdf.IRI("http://ex/g")},
		{Subject: rdf.BlankNode("bx"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewTypedLiteral("1", rdf.XSDInteger)},
		{Subject: rdf.BlankNode("bx.y"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.BlankNode("bz")},
	}
	if len(qs) != len(want) {
		t.Fatalf("got %d quads: %v", len(qs), qs)
	}
	for i := range want {
		if qs[i] != want[i] {
			t.Errorf("quad %d = %v, want %v", i, qs[i], want[i])
		}
	}
}

func TestPublishedIRI(t *testing.T) {
	cases := []struct{ iri, self, abs, want string }{
		{"file:///x/w3c/rdf/rdf11/rdf-xml/manifest.ttl#t1", "file:///x/w3c/rdf/rdf11/rdf-xml/manifest.ttl", "/x/w3c/rdf/rdf11/rdf-xml/manifest.ttl",
			"https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-xml/manifest.ttl#t1"},
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
