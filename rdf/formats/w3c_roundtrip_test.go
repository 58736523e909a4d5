package formats_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/rdf/nt"
	"github.com/uitwisselingsplatform/uwp/rdf/rdfxml"
)

// TestRoundTrip_W3CEvalGraphsEveryWriter writes the expected result of every W3C Turtle, TriG
// and RDF/XML evaluation test with every registered writer and reads it back with the
// matching reader: the data must be isomorphic. Graphs a syntax cannot express (named graphs
// in triple syntaxes; predicates that are no QName in RDF/XML) are counted, not compared.
func TestRoundTrip_W3CEvalGraphsEveryWriter(t *testing.T) {
	var graphs [][]rdf.Quad
	for _, tc := range w3c.Load(t, w3c.Test.Eval, "rdf/rdf11/rdf-turtle/manifest.ttl", "rdf/rdf11/rdf-trig/manifest.ttl", "rdf/rdf11/rdf-xml/manifest.ttl") {
		qs, err := w3c.ReadNQuadsFile(tc.Result)
		if err != nil {
			t.Fatalf("%s: %v", tc.Result, err)
		}
		graphs = append(graphs, qs)
	}
	if len(graphs) < 400 {
		t.Fatalf("only %d evaluation results found", len(graphs))
	}
	for _, f := range rdf.Formats {
		var passed, failed, inexpressible int
		for gi, qs := range graphs {
			named := false
			for _, q := range qs {
				named = named || q.Graph != nil
			}
			if named && !f.Quads() {
				inexpressible++
				continue
			}
			var buf bytes.Buffer
			w, err := formats.NewWriter(f, &buf, rdf.WriteOptions{Prefixes: []rdf.Namespace{{Prefix: "ex", IRI: "http://example.org/"}}})
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range qs {
				if err = w.Write(q); err != nil {
					break
				}
			}
			if err == nil {
				err = w.Close()
			}
			if errors.Is(err, rdfxml.ErrNotQName) || errors.Is(err, rdfxml.ErrBadTerm) || errors.Is(err, nt.ErrInvalidTerm) {
				inexpressible++
				continue
			}
			if err == nil {
				var r rdf.Reader
				if r, err = formats.NewReader(f, bytes.NewReader(buf.Bytes()), rdf.ReadOptions{}); err == nil {
					var back []rdf.Quad
					if back, err = w3c.ReadAll(r); err == nil && !rdf.Isomorphic(back, qs) {
						err = fmt.Errorf("not isomorphic:\n%s", rdf.Diff(back, qs))
					}
				}
			}
			if err != nil {
				failed++
				t.Errorf("%s, graph %d: %v\n%s", f, gi, err, buf.Bytes())
				continue
			}
			passed++
		}
		fmt.Printf("W3C eval graphs through the %s writer: %d passed, %d failed (%d inexpressible in %s)\n", f, passed, failed, inexpressible, f)
	}
}
