package trig_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/trig"
)

func TestTriG_RoundTrip(t *testing.T) {
	const doc = `PREFIX ex: <http://example.org/>
ex:s ex:p "default" .
GRAPH ex:g { ex:s ex:p [ ex:q 1 ] }
_:b { _:b ex:p ( 1 2 ) }
`
	qs, err := w3c.ReadAll(trig.NewReader(strings.NewReader(doc), rdf.ReadOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 8 {
		t.Fatalf("read %d quads, want 8: %v", len(qs), qs)
	}
	if qs[0].Graph != nil || qs[1].Graph != rdf.IRI("http://example.org/g") {
		t.Errorf("graphs = %v, %v", qs[0].Graph, qs[1].Graph)
	}
	var buf bytes.Buffer
	w := trig.NewWriter(&buf, rdf.WriteOptions{Prefixes: []rdf.Namespace{{Prefix: "ex", IRI: "http://example.org/"}}})
	for _, q := range qs {
		if err := w.Write(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	back, err := w3c.ReadAll(trig.NewReader(&buf, rdf.ReadOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	if !rdf.Isomorphic(qs, back) {
		t.Errorf("round trip not isomorphic:\n%s", rdf.Diff(qs, back))
	}
}

func ExampleNewReader() {
	r := trig.NewReader(strings.NewReader(`<http://example.org/g> { <http://example.org/s> <http://example.org/p> "o" . }`), rdf.ReadOptions{})
	q, _ := r.Read()
	fmt.Println(q)
	// Output:
	// <http://example.org/s> <http://example.org/p> "o" <http://example.org/g> .
}
