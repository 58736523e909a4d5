package eval_test

import (
	"context"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

func plan(t *testing.T, d eval.Dataset, src string, opts eval.Options) string {
	t.Helper()
	pq, err := parser.ParseQuery(src, parser.Options{Base: "http://ex/"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := eval.Plan(context.Background(), d, pq, opts)
	if err != nil {
		t.Fatal(err)
	}
	if p.Op == nil {
		t.Fatal("Plan left Profile.Op nil")
	}
	return p.Plan()
}

func TestPlan_OrdersBGPByEstimates(t *testing.T) {
	d := chain(20)
	// The selective pattern (?b :v 7: two of the twenty values) goes first.
	got := plan(t, d, `SELECT ?a { ?a <http://ex/p> ?b . ?b <http://ex/v> 7 }`, eval.Options{})
	want := `(project (?a)
  (bgp
    (triple ?b <http://ex/v> 7) est=2
    (triple ?a <http://ex/p> ?b) est=20
`
	if got != want {
		t.Errorf("Plan:\n%s\nwant:\n%s", got, want)
	}
}

// exact is a dataset whose estimates are exact counts (memds estimates by index spans,
// which may ignore the graph), so that the graphs Plan estimates over show.
type exact struct{ *memds.Dataset }

func (d exact) Estimate(p eval.Pattern) (uint64, error) {
	it := d.Match(context.Background(), p)
	defer it.Close()
	var n uint64
	for it.Next() {
		n++
	}
	return n, it.Err()
}

func TestPlan_GraphsAndMissingTerms(t *testing.T) {
	m := chain(3)
	g := rdf.IRI("http://ex/g")
	m.Add(rdf.Quad{Subject: rdf.IRI("http://ex/x"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.IRI("http://ex/y"), Graph: g})
	d := exact{m}
	src := `SELECT * {
  { GRAPH ?g { ?s <http://ex/p> ?o } }
  UNION { GRAPH <http://ex/none> { ?s <http://ex/p> ?o } }
  UNION { ?s <http://ex/unknown> ?o }
}`
	got := plan(t, d, src, eval.Options{})
	want := `(project (?g ?s ?o)
  (union
    (union
      (graph ?g
        (bgp
          (triple ?s <http://ex/p> ?o) est=1
      (graph <http://ex/none>
        (bgp
          (triple ?s <http://ex/p> ?o) est=0
    (bgp
      (triple ?s <http://ex/unknown> ?o) est=0
`
	if got != want {
		t.Errorf("Plan:\n%s\nwant:\n%s", got, want)
	}
	// The default graph holds three :p triples; with the union default graph it is every
	// graph (four).
	for _, c := range []struct {
		union bool
		est   string
	}{{false, "3"}, {true, "4"}} {
		got = plan(t, d, `SELECT * { ?s <http://ex/p> ?o }`, eval.Options{UnionDefaultGraph: c.union})
		want = "(project (?s ?o)\n  (bgp\n    (triple ?s <http://ex/p> ?o) est=" + c.est + "\n"
		if got != want {
			t.Errorf("Plan, union default graph %v:\n%s\nwant:\n%s", c.union, got, want)
		}
	}
}
