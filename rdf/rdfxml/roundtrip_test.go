package rdfxml_test

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/rdfxml"
)

// roundTrip writes qs as RDF/XML and reads the document back. A graph the writer refuses
// (ErrNotQName, ErrBadTerm) comes back as that error.
func roundTrip(qs []rdf.Quad, opts rdf.WriteOptions) ([]rdf.Quad, []byte, error) {
	var buf bytes.Buffer
	w := rdfxml.NewWriter(&buf, opts)
	for _, q := range qs {
		if err := w.Write(q); err != nil {
			return nil, nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, nil, err
	}
	got, err := w3c.ReadAll(rdfxml.NewReader(bytes.NewReader(buf.Bytes()), rdf.ReadOptions{Base: "http://invalid.example/"}))
	if err != nil {
		return nil, buf.Bytes(), fmt.Errorf("reading back: %w", err)
	}
	return got, buf.Bytes(), nil
}

// TestWriter_RoundTripW3C writes the expected graph of every W3C Turtle and RDF/XML eval test
// and reads it back: the result must be isomorphic. Graphs with a predicate that is no QName
// or a literal XML cannot carry (control characters) are counted as skipped.
func TestWriter_RoundTripW3C(t *testing.T) {
	var results []string
	for _, tc := range w3c.Load(t, w3c.Test.Eval, "rdf/rdf11/rdf-turtle/manifest.ttl", "rdf/rdf11/rdf-xml/manifest.ttl") {
		results = append(results, tc.Result)
	}
	opts := []rdf.WriteOptions{
		{},
		{Base: "http://www.w3.org/2013/TurtleTests/", Prefixes: []rdf.Namespace{{Prefix: "", IRI: "http://www.w3.org/2013/TurtleTests/"}, {Prefix: "ex", IRI: "http://example.org/"}}},
	}
	var ok, skipped, unreadable int
	for _, path := range results {
		want, err := w3c.ReadNQuadsFile(path)
		if err != nil {
			unreadable++ // the expected file itself does not parse (another package's problem)
			t.Logf("%s: %v", filepath.Base(path), err)
			continue
		}
		for i, o := range opts {
			got, doc, err := roundTrip(want, o)
			switch {
			case errors.Is(err, rdfxml.ErrNotQName) || errors.Is(err, rdfxml.ErrBadTerm):
				if i == 0 {
					skipped++
				}
				continue
			case err != nil:
				t.Errorf("%s: %v\n%s", path, err, doc)
				continue
			case !rdf.Isomorphic(got, want):
				t.Errorf("%s (options %d): not isomorphic after the round trip:\n%s\n%s", path, i, rdf.Diff(got, want), doc)
				continue
			}
			if i == 0 {
				ok++
			}
		}
	}
	fmt.Printf("rdfxml round trip: %d graphs isomorphic, %d skipped (no QName or control characters), %d unreadable\n", ok, skipped, unreadable)
	if ok < len(results)*9/10 {
		t.Errorf("only %d of %d graphs round-tripped", ok, len(results))
	}
}
