package turtle_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
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
		return w3c.ReadAll(turtle.NewTriGReader(f, opts))
	}
	return w3c.ReadAll(turtle.NewReader(f, opts))
}

// runW3C runs one syntax suite: positive and negative syntax tests and eval tests.
func runW3C(t *testing.T, suite, manifest string, trig bool) {
	tests := w3c.Load(t, nil, manifest)
	expected, err := w3c.LoadExpected(filepath.Join("testdata", suite+"-expected-failures.txt"))
	if err != nil {
		t.Fatal(err)
	}
	w3c.Run(t, suite, tests, expected, func(t *testing.T, tc w3c.Test) error {
		got, err := parseFile(tc.Action, tc.Base, trig)
		if tc.Negative() {
			if err == nil {
				return fmt.Errorf("parsed without error, want a syntax error (%d quads)", len(got))
			}
			return nil
		}
		if err != nil || !tc.Eval() {
			return err
		}
		return w3c.CompareResult(tc, got)
	})
}

func TestW3CTurtle(t *testing.T) { runW3C(t, "rdf-turtle", "rdf/rdf11/rdf-turtle/manifest.ttl", false) }

func TestW3CTriG(t *testing.T) { runW3C(t, "rdf-trig", "rdf/rdf11/rdf-trig/manifest.ttl", true) }
