package turtle_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/internal/rdftest"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

// parseFile reads a whole Turtle (trig == false) or TriG file.
func parseFile(path, base string, trig bool) ([]rdf.Quad, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	opts := rdf.ReadOptions{Base: base, File: filepath.Base(path)}
	if trig {
		return rdftest.ReadAll(turtle.NewTriGReader(f, opts))
	}
	return rdftest.ReadAll(turtle.NewReader(f, opts))
}

// runW3C runs one syntax suite: positive and negative syntax tests and eval tests.
func runW3C(t *testing.T, suite, manifest string, trig bool) {
	dir := rdftest.Dir(t)
	tests, err := rdftest.Load(filepath.Join(dir, manifest))
	if err != nil {
		t.Fatal(err)
	}
	s := rdftest.NewSuite(t, suite, filepath.Join("testdata", suite+"-expected-failures.txt"))
	for _, tc := range tests {
		s.Run(t, tc, func(tc rdftest.Test) error {
			got, err := parseFile(tc.Action, tc.Base, trig)
			if tc.Negative() {
				if err == nil {
					return fmt.Errorf("parsed without error, want a syntax error (%d quads)", len(got))
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

func TestW3CTurtle(t *testing.T) { runW3C(t, "rdf-turtle", "rdf/rdf11/rdf-turtle/manifest.ttl", false) }

func TestW3CTriG(t *testing.T) { runW3C(t, "rdf-trig", "rdf/rdf11/rdf-trig/manifest.ttl", true) }
