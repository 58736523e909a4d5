package turtle_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

// benchDoc generates a Turtle document of n subjects with 11 triples each, mixing prefixed
// names, literals of several kinds, a nested blank node and a short list.
func benchDoc(n int) ([]byte, int) {
	var b bytes.Buffer
	b.WriteString("@prefix ex: <http://example.org/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "ex:item%d a ex:Thing ;\n  ex:label \"Item number %d\"@en ;\n  ex:count %d ;\n  ex:price %d.50 ;\n", i, i, i, i)
		fmt.Fprintf(&b, "  ex:seeAlso <http://example.org/other/%d> ;\n  ex:when \"2024-01-%02dT10:00:00Z\"^^xsd:dateTime ;\n", i, i%28+1)
		fmt.Fprintf(&b, "  ex:part [ ex:name \"part\" ] ;\n  ex:tags ( \"a\" ) .\n")
	}
	return b.Bytes(), n * 11
}

func BenchmarkReader(b *testing.B) {
	doc, triples := benchDoc(5000)
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for b.Loop() {
		r := turtle.NewReader(bytes.NewReader(doc), rdf.ReadOptions{})
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
		if n != triples {
			b.Fatalf("read %d triples, want %d", n, triples)
		}
	}
	b.ReportMetric(float64(triples)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}

func BenchmarkWriter(b *testing.B) {
	doc, _ := benchDoc(5000)
	r := turtle.NewReader(bytes.NewReader(doc), rdf.ReadOptions{})
	var qs []rdf.Quad
	for {
		q, err := r.Read()
		if err != nil {
			break
		}
		qs = append(qs, q)
	}
	for _, stream := range []bool{false, true} {
		b.Run(fmt.Sprintf("stream=%v", stream), func(b *testing.B) {
			for b.Loop() {
				w := turtle.NewWriter(io.Discard, rdf.WriteOptions{Stream: stream, Prefixes: []rdf.Namespace{{Prefix: "ex", IRI: "http://example.org/"}}})
				for _, q := range qs {
					w.Write(q)
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(qs))*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
		})
	}
}
