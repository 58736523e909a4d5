package rdfxml_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/rdfxml"
)

func parseFile(path, base string) ([]rdf.Quad, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return w3c.ReadAll(rdfxml.NewReader(f, rdf.ReadOptions{Base: base, File: filepath.Base(path)}))
}

// TestW3C runs https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-xml/: eval tests must give a graph
// isomorphic to the expected N-Triples, negative syntax tests a *rdf.SyntaxError.
func TestW3C(t *testing.T) {
	tests := w3c.Load(t, nil, "rdf/rdf11/rdf-xml/manifest.ttl")
	expected, err := w3c.LoadExpected(filepath.Join("testdata", "w3c-expected-failures.txt"))
	if err != nil {
		t.Fatal(err)
	}
	w3c.Run(t, "rdf-xml", tests, expected, func(t *testing.T, tc w3c.Test) error {
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
		if err != nil || !tc.Eval() {
			return err
		}
		return w3c.CompareResult(tc, got)
	})
}
