package w3c

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

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
	ex, err = LoadExpected(filepath.Join(t.TempDir(), "missing.txt"))
	if err != nil || len(ex) != 0 {
		t.Fatalf("missing file: got %v, %v; want an empty list", ex, err)
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
	for r, want := range map[Result]string{
		{Suite: "s", Passed: 3, Failed: 0, Expected: 0}: "s: 3 passed, 0 failed",
		{Suite: "s", Passed: 3, Failed: 1, Expected: 1}: "s: 3 passed, 1 failed (all in the expected-failures list)",
		{Suite: "s", Passed: 3, Failed: 2, Expected: 1}: "s: 3 passed, 2 failed (1 not in the expected-failures list)",
	} {
		if got := r.String(); got != want {
			t.Errorf("Result.String() = %q, want %q", got, want)
		}
	}
}

// TestRun_Counts runs a suite of one passing and one listed failing test. Its count line says
// "self-test", which scripts/test.sh leaves out of the conformance counts.
func TestRun_Counts(t *testing.T) {
	tests := []Test{{IRI: "http://ex/m#good", Name: "good"}, {IRI: "_:b1", Name: "bad"}}
	var names []string
	res := Run(t, "w3c self-test", tests, Expected{"_:b1": "known"}, func(t *testing.T, tc Test) error {
		names = append(names, t.Name())
		if tc.Name == "bad" {
			return errors.New("fails as listed")
		}
		return nil
	})
	if res != (Result{Suite: "w3c self-test", Passed: 1, Failed: 1, Expected: 1}) {
		t.Errorf("result = %+v", res)
	}
	if want := []string{"TestRun_Counts/good", "TestRun_Counts/_:b1"}; len(names) != 2 || names[0] != want[0] || names[1] != want[1] {
		t.Errorf("subtests = %q, want %q", names, want)
	}
}

func TestLoad(t *testing.T) {
	tests := Load(t, func(tc Test) bool { return tc.Type == "TestTurtleEval" },
		"rdf/rdf11/rdf-turtle/manifest.ttl", "rdf/rdf11/rdf-trig/manifest.ttl")
	for _, tc := range tests {
		if tc.Type != "TestTurtleEval" {
			t.Fatalf("%s: type %s was not filtered out", tc.IRI, tc.Type)
		}
	}
	if len(tests) != 145 {
		t.Errorf("%d tests, want the 145 Turtle eval tests", len(tests))
	}
}
