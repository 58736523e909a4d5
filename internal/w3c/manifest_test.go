package w3c

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
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

func TestLoadExpected(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.txt")
	os.WriteFile(p, []byte("# comment\n\nhttp://ex/t1 # not yet\n"), 0o644)
	ex, err := LoadExpected(p)
	if err != nil || len(ex) != 1 || ex["http://ex/t1"] != "not yet" {
		t.Fatalf("got %v, %v", ex, err)
	}
	os.WriteFile(p, []byte("http://ex/t1\n"), 0o644)
	if _, err := LoadExpected(p); err == nil {
		t.Fatal("a line without a reason was accepted")
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

func TestVerdict(t *testing.T) {
	tc := Test{IRI: "http://ex/t", Name: "t"}
	fail := errors.New("boom")
	for _, c := range []struct {
		err         error
		listed      bool
		passed, bad bool
	}{
		{nil, false, true, false},
		{nil, true, true, true}, // listed but passing: the list must shrink
		{fail, true, false, false},
		{fail, false, false, true},
	} {
		passed, problem := verdict(tc, c.err, "why", c.listed)
		if passed != c.passed || (problem != "") != c.bad {
			t.Errorf("verdict(%v, listed=%v) = %v, %q", c.err, c.listed, passed, problem)
		}
	}
	if r := (Result{Suite: "s", Passed: 3, Failed: 1, Expected: 1}).String(); r != "s: 3 passed, 1 failed (1 expected)" {
		t.Errorf("Result.String() = %q", r)
	}
}
