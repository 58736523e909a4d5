package oslo_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// activities returns a graph of n copies of testdata/samples/activiteit.ttl (activity, two
// occurrences, place, organiser, price, booking, identifiers), each under its own IRIs.
func activities(tb testing.TB, n int) *graph.Graph {
	tb.Helper()
	tmpl := readGraph(tb, "testdata/samples/activiteit.ttl")
	g := graph.New()
	const base = "https://data.example.org/"
	for i := 0; i < n; i++ {
		suffix := fmt.Sprintf("-%d", i)
		rename := func(t rdf.Term) rdf.Term {
			switch t := t.(type) {
			case rdf.IRI:
				if rest, ok := strings.CutPrefix(string(t), base); ok && !strings.HasPrefix(rest, "product/") {
					if j := strings.IndexByte(rest, '#'); j >= 0 {
						return rdf.IRI(base + rest[:j] + suffix + rest[j:])
					}
					return rdf.IRI(base + rest + suffix)
				}
			case rdf.BlankNode:
				return rdf.BlankNode(string(t) + suffix)
			}
			return t
		}
		tmpl.Triples(func(t graph.Triple) bool {
			g.Add(rename(t.S), t.P, rename(t.O))
			return true
		})
	}
	return g
}

// BenchmarkValidate_Activities validates N activities (with their places, organisers and
// nested nodes) against the UWP shapes; activities/s is the figure to watch.
func BenchmarkValidate_Activities(b *testing.B) {
	p := profile(b)
	for _, n := range []int{1000, 10000} {
		g := activities(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if rep := p.Validate(g); !rep.Conforms {
					b.Fatalf("%d results, first %+v", len(rep.Results), rep.Results[0])
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "activities/s")
			b.ReportMetric(float64(g.Len()), "triples")
		})
	}
}

// BenchmarkLoad_Activities measures building the in-memory graph, the step before validation.
func BenchmarkLoad_Activities(b *testing.B) {
	src := activities(b, 1000)
	var qs []rdf.Quad
	src.Triples(func(t graph.Triple) bool {
		qs = append(qs, rdf.Quad{Subject: t.S, Predicate: t.P, Object: t.O})
		return true
	})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g := graph.New()
		for _, q := range qs {
			g.AddQuad(q)
		}
	}
	b.ReportMetric(float64(len(qs))*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}

func TestActivities_Conform(t *testing.T) {
	p := profile(t)
	g := activities(t, 3)
	if rep := p.Validate(g); !rep.Conforms {
		t.Fatalf("%s", golden(rep))
	}
	if n := len(g.Subjects(rdf.RDFType, rdf.IRI("http://www.cidoc-crm.org/cidoc-crm/E7_Activity"))); n != 3 {
		t.Errorf("%d activities", n)
	}
}
