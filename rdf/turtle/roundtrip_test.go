package turtle_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

var testPrefixes = []rdf.Namespace{
	{Prefix: "", IRI: "http://www.w3.org/2013/TurtleTests/"},
	{Prefix: "rdf", IRI: "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
	{Prefix: "xsd", IRI: "http://www.w3.org/2001/XMLSchema#"},
	{Prefix: "ex", IRI: "http://example.org/"},
	{Prefix: "a", IRI: "http://a.example/"},
}

// roundTrip writes qs and reads them back.
func roundTrip(qs []rdf.Quad, trig bool, opts rdf.WriteOptions) ([]rdf.Quad, string, error) {
	var buf bytes.Buffer
	var w rdf.Writer
	if trig {
		w = turtle.NewTriGWriter(&buf, opts)
	} else {
		w = turtle.NewWriter(&buf, opts)
	}
	for _, q := range qs {
		if err := w.Write(q); err != nil {
			return nil, "", err
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	text := buf.String()
	var r rdf.Reader
	if trig {
		r = turtle.NewTriGReader(&buf, rdf.ReadOptions{})
	} else {
		r = turtle.NewReader(&buf, rdf.ReadOptions{})
	}
	back, err := w3c.ReadAll(r)
	return back, text, err
}

// TestRoundTrip_W3C writes the result of every W3C eval test, pretty and streamed, with
// and without a base, and parses it back: the data must be isomorphic.
func TestRoundTrip_W3C(t *testing.T) {
	for _, suite := range []struct {
		manifest string
		trig     bool
	}{{"rdf/rdf11/rdf-turtle/manifest.ttl", false}, {"rdf/rdf11/rdf-trig/manifest.ttl", true}} {
		n := 0
		for _, tc := range w3c.Load(t, w3c.Test.Eval, suite.manifest) {
			qs, err := parseFile(tc.Action, tc.Base, suite.trig)
			if err != nil {
				t.Errorf("%s: %v", tc.Name, err)
				continue
			}
			for _, opts := range []rdf.WriteOptions{
				{Prefixes: testPrefixes},
				{Prefixes: testPrefixes, Stream: true},
				{Base: tc.Base},
			} {
				back, text, err := roundTrip(qs, suite.trig, opts)
				if err != nil {
					t.Errorf("%s (stream=%v): %v\n%s", tc.Name, opts.Stream, err, text)
					continue
				}
				if !rdf.Isomorphic(qs, back) {
					t.Errorf("%s (stream=%v): round trip not isomorphic:\n%s\n--- written:\n%s", tc.Name, opts.Stream, rdf.Diff(qs, back), text)
				}
			}
			n++
		}
		fmt.Printf("%s round trip: %d documents\n", suite.manifest, n)
	}
}
