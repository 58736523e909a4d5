package nt_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/nt"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

// readFile reads a whole N-Triples (quads == false) or N-Quads file; the error is the first
// syntax error.
func readFile(path string, quads bool) ([]rdf.Quad, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	opts := rdf.ReadOptions{File: filepath.Base(path)}
	if quads {
		return w3c.ReadAll(nt.NewQuadsReader(f, opts))
	}
	return w3c.ReadAll(nt.NewReader(f, opts))
}

// crossCheck reads a positive test's file with a reader other than ours (the Turtle reader
// for N-Triples, which is a subset of Turtle; the harness's small N-Quads parser for
// N-Quads) and compares the statements, so that a positive test checks what was read and
// not only that reading succeeded.
func crossCheck(path string, quads bool) ([]rdf.Quad, bool, error) {
	if !quads {
		f, err := os.Open(path)
		if err != nil {
			return nil, false, err
		}
		defer f.Close()
		qs, err := w3c.ReadAll(turtle.NewReader(f, rdf.ReadOptions{}))
		return qs, err == nil, err
	}
	qs, err := w3c.ReadNQuadsFile(path)
	// The harness's parser needs spaces between terms; where it cannot read a file the
	// syntax test still checks that ours can.
	return qs, err == nil, nil
}

func runW3C(t *testing.T, suite, manifest string, quads bool) {
	tests := w3c.Load(t, nil, manifest)
	expected, err := w3c.LoadExpected(filepath.Join("testdata", suite+"-expected-failures.txt"))
	if err != nil {
		t.Fatal(err)
	}
	positive, checked := 0, 0
	w3c.Run(t, suite, tests, expected, func(t *testing.T, tc w3c.Test) error {
		if !strings.HasSuffix(tc.Type, "PositiveSyntax") && !strings.HasSuffix(tc.Type, "NegativeSyntax") {
			return fmt.Errorf("unknown test type %s", tc.Type)
		}
		got, err := readFile(tc.Action, quads)
		if tc.Negative() {
			if err == nil {
				return fmt.Errorf("read without error, want a syntax error (%d quads)", len(got))
			}
			return nil
		}
		if err != nil {
			return err
		}
		want, ok, err := crossCheck(tc.Action, quads)
		if err != nil {
			return fmt.Errorf("cross-check reader: %w", err)
		}
		positive++
		if ok {
			checked++
		}
		if ok && !equalQuads(got, want) {
			return fmt.Errorf("read %v, the cross-check reader read %v", got, want)
		}
		return nil
	})
	t.Logf("%s: %d of %d positive tests cross-checked with another reader", suite, checked, positive)
	if checked < positive/2 {
		t.Errorf("%s: only %d of %d positive tests cross-checked", suite, checked, positive)
	}
}

func equalQuads(a, b []rdf.Quad) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestW3CNTriples(t *testing.T) {
	runW3C(t, "rdf-n-triples", "rdf/rdf11/rdf-n-triples/manifest.ttl", false)
}

func TestW3CNQuads(t *testing.T) {
	runW3C(t, "rdf-n-quads", "rdf/rdf11/rdf-n-quads/manifest.ttl", true)
}
