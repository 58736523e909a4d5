package jsonld

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// roundtripPrefixes exercise compaction to compact IRIs and @vocab.
var roundtripPrefixes = []rdf.Namespace{
	{Prefix: "", IRI: "http://www.w3.org/2013/TurtleTests/"},
	{Prefix: "rdf", IRI: "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
	{Prefix: "xsd", IRI: "http://www.w3.org/2001/XMLSchema#"},
	{Prefix: "ex", IRI: "http://example.org/"},
	{Prefix: "trig", IRI: "http://www.w3.org/2013/TriGTests/"},
}

// roundtrip writes qs as JSON-LD with opts, reads the document back and compares.
func roundtrip(qs []rdf.Quad, opts rdf.WriteOptions) error {
	var buf bytes.Buffer
	w := NewWriter(&buf, opts)
	for _, q := range qs {
		if err := w.Write(q); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	back, err := w3c.ReadAll(NewReader(bytes.NewReader(buf.Bytes()), rdf.ReadOptions{}))
	if err != nil {
		return fmt.Errorf("reading back: %w\n%s", err, buf.Bytes())
	}
	if !rdf.Isomorphic(qs, back) {
		return fmt.Errorf("not isomorphic after the round trip:\n%s\n%s", rdf.Diff(qs, back), buf.Bytes())
	}
	return nil
}

// runRoundtrip runs, for every evaluation test of a W3C manifest, expected result ->
// JSON-LD -> quads, without a context, compacted with prefixes, and compacted with a context
// of coercions and containers (testdata/roundtrip-context.jsonld).
func runRoundtrip(t *testing.T, suite, manifest, expectedFailures string) {
	rich, err := os.ReadFile("testdata/roundtrip-context.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	tests := w3c.Load(t, w3c.Test.Eval, manifest)
	expected, err := w3c.LoadExpected(expectedFailures)
	if err != nil {
		t.Fatal(err)
	}
	w3c.Run(t, suite, tests, expected, func(t *testing.T, tc w3c.Test) error {
		qs, err := w3c.ReadNQuadsFile(tc.Result)
		if err != nil {
			return err
		}
		if err := roundtrip(qs, rdf.WriteOptions{}); err != nil {
			return fmt.Errorf("without context: %w", err)
		}
		if err := roundtrip(qs, rdf.WriteOptions{Prefixes: roundtripPrefixes}); err != nil {
			return fmt.Errorf("with prefixes: %w", err)
		}
		if err := roundtrip(qs, rdf.WriteOptions{Context: rich}); err != nil {
			return fmt.Errorf("with testdata/roundtrip-context.jsonld: %w", err)
		}
		return nil
	})
}

func TestRoundtrip_W3CTurtle(t *testing.T) {
	runRoundtrip(t, "jsonld roundtrip", "rdf/rdf11/rdf-turtle/manifest.ttl", "testdata/roundtrip-expected-failures.txt")
}

func TestRoundtrip_W3CTriG(t *testing.T) {
	runRoundtrip(t, "jsonld roundtrip (trig)", "rdf/rdf11/rdf-trig/manifest.ttl", "testdata/roundtrip-trig-expected-failures.txt")
}
