package rdfxml_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/internal/rdftest"
	"github.com/uitwisselingsplatform/uwp/rdf/rdfxml"
)

func parseFile(path, base string) ([]rdf.Quad, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return rdftest.ReadAll(rdfxml.NewReader(f, rdf.ReadOptions{Base: base, File: filepath.Base(path)}))
}

// TestW3C runs https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-xml/: eval tests must give a graph
// isomorphic to the expected N-Triples, negative syntax tests a *rdf.SyntaxError.
func TestW3C(t *testing.T) {
	dir := rdftest.Dir(t)
	tests, err := rdftest.Load(filepath.Join(dir, "rdf/rdf11/rdf-xml/manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) == 0 {
		t.Fatal("no tests in the manifest")
	}
	s := rdftest.NewSuite(t, "rdf-xml", filepath.Join("testdata", "w3c-expected-failures.txt"))
	for _, tc := range tests {
		s.Run(t, tc, func(tc rdftest.Test) error {
			got, err := parseFile(tc.Action, tc.Base)
			if tc.Negative() {
				var se *rdf.SyntaxError
				switch {
				case err == nil:
					return fmt.Errorf("parsed without error, want a syntax error (%d triples)", len(got))
				case !errors.As(err, &se):
					return fmt.Errorf("want a *rdf.SyntaxError, got %T: %v", err, err)
				case !se.Fatal || se.Line < 1:
					return fmt.Errorf("want a fatal, positioned error, got %#v", se)
				}
				return nil
			}
			if err != nil {
				return err
			}
			if !tc.Eval() {
				return nil
			}
			want, err := rdftest.ReadNQuadsFile(tc.Result)
			if err != nil {
				return fmt.Errorf("expected result: %w", err)
			}
			if !rdf.Isomorphic(got, want) {
				return fmt.Errorf("result not isomorphic to %s:\n%s", filepath.Base(tc.Result), rdf.Diff(got, want))
			}
			return nil
		})
	}
	s.Report(t)
}
