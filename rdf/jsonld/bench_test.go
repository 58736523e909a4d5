package jsonld

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// benchDataset is n nodes of 6 statements each: a type, strings, a language string, an
// integer, a link and a blank node, spread over the default graph and one named graph.
func benchDataset(n int) []rdf.Quad {
	ex := func(s string, i int) rdf.IRI { return rdf.IRI(fmt.Sprintf("http://example.org/%s/%d", s, i)) }
	p := func(s string) rdf.IRI { return rdf.IRI("http://example.org/vocab#" + s) }
	var qs []rdf.Quad
	for i := 0; i < n; i++ {
		var g rdf.Term
		if i%2 == 1 {
			g = rdf.IRI("http://example.org/graph")
		}
		s := ex("item", i)
		b := rdf.BlankNode(fmt.Sprintf("addr%d", i))
		qs = append(qs,
			rdf.Quad{Subject: s, Predicate: rdf.RDFType, Object: p("Item"), Graph: g},
			rdf.Quad{Subject: s, Predicate: p("name"), Object: rdf.NewLiteral(fmt.Sprintf("Item number %d", i)), Graph: g},
			rdf.Quad{Subject: s, Predicate: p("label"), Object: rdf.NewLangLiteral("voorwerp", "nl"), Graph: g},
			rdf.Quad{Subject: s, Predicate: p("count"), Object: rdf.NewTypedLiteral(fmt.Sprint(i), rdf.XSDInteger), Graph: g},
			rdf.Quad{Subject: s, Predicate: p("next"), Object: ex("item", i+1), Graph: g},
			rdf.Quad{Subject: s, Predicate: p("address"), Object: b, Graph: g},
			rdf.Quad{Subject: b, Predicate: p("street"), Object: rdf.NewLiteral("Main Street"), Graph: g},
		)
	}
	return qs
}

var benchPrefixes = rdf.WriteOptions{Prefixes: []rdf.Namespace{
	{Prefix: "", IRI: "http://example.org/vocab#"}, {Prefix: "ex", IRI: "http://example.org/"}}}

func benchDocument(b *testing.B, qs []rdf.Quad) []byte {
	var buf bytes.Buffer
	w := NewWriter(&buf, benchPrefixes)
	for _, q := range qs {
		if err := w.Write(q); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkReader(b *testing.B) {
	qs := benchDataset(1000)
	doc := benchDocument(b, qs)
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := NewReader(bytes.NewReader(doc), rdf.ReadOptions{})
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != len(qs) {
			b.Fatalf("read %d quads, want %d", n, len(qs))
		}
	}
	b.ReportMetric(float64(len(qs)*b.N)/b.Elapsed().Seconds(), "quads/s")
}

func BenchmarkWriter(b *testing.B) {
	qs := benchDataset(1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := NewWriter(io.Discard, benchPrefixes)
		for _, q := range qs {
			if err := w.Write(q); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(qs)*b.N)/b.Elapsed().Seconds(), "quads/s")
}
