package memds

import (
	"context"
	"fmt"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
)

func count(t testing.TB, d *Dataset, p eval.Pattern) int {
	t.Helper()
	it := d.Match(context.Background(), p)
	defer it.Close()
	n := 0
	for it.Next() {
		q := it.Quad()
		for i := range p {
			if p[i] != 0 && p[i] != q[i] {
				t.Fatalf("pattern %v returned %v", p, q)
			}
		}
		n++
	}
	return n
}

func TestDataset_Match(t *testing.T) {
	d := New()
	g := rdf.IRI("http://g")
	for i := 0; i < 50; i++ {
		s := rdf.IRI(fmt.Sprintf("http://s%d", i%7))
		p := rdf.IRI(fmt.Sprintf("http://p%d", i%3))
		o := rdf.NewLiteral(fmt.Sprint(i % 11))
		d.Add(rdf.Quad{Subject: s, Predicate: p, Object: o})
		d.Add(rdf.Quad{Subject: s, Predicate: p, Object: o, Graph: g})
	}
	all := d.Quads()
	id := func(t rdf.Term) eval.ID { x, _, _ := d.LookupID(t); return x }
	// Check every pattern shape against a scan.
	for _, q := range all {
		k := eval.Quad{id(q.Subject), id(q.Predicate), id(q.Object), eval.DefaultGraph}
		if q.Graph != nil {
			k[3] = id(q.Graph)
		}
		for mask := 0; mask < 16; mask++ {
			var p eval.Pattern
			for i := 0; i < 4; i++ {
				if mask&(1<<i) != 0 {
					p[i] = k[i]
				}
			}
			want := 0
			for _, r := range all {
				rk := eval.Quad{id(r.Subject), id(r.Predicate), id(r.Object), eval.DefaultGraph}
				if r.Graph != nil {
					rk[3] = id(r.Graph)
				}
				ok := true
				for i := range p {
					if p[i] != 0 && p[i] != rk[i] {
						ok = false
					}
				}
				if ok {
					want++
				}
			}
			if got := count(t, d, p); got != want {
				t.Fatalf("pattern %v: %d quads, want %d", p, got, want)
			}
			if n, _ := d.Estimate(p); int(n) < want {
				t.Fatalf("estimate %v: %d, below the %d matches", p, n, want)
			}
		}
	}
}

func TestDataset_Graphs(t *testing.T) {
	d := New()
	g := rdf.IRI("http://g")
	q := rdf.Quad{Subject: rdf.IRI("http://s"), Predicate: rdf.IRI("http://p"), Object: rdf.IRI("http://o"), Graph: g}
	d.Add(q)
	if gs, _ := d.NamedGraphs(); len(gs) != 1 {
		t.Fatalf("graphs = %v", gs)
	}
	d.Remove(q)
	if gs, _ := d.NamedGraphs(); len(gs) != 0 {
		t.Fatalf("graph emptied by Remove still listed: %v", gs)
	}
	d.CreateGraph(g)
	if gs, _ := d.NamedGraphs(); len(gs) != 1 {
		t.Fatalf("created graph missing: %v", gs)
	}
	d.Add(q)
	d.DropGraph(g)
	if gs, _ := d.NamedGraphs(); len(gs) != 0 || d.Len() != 0 {
		t.Fatalf("after drop: graphs %v, %d quads", gs, d.Len())
	}
}
