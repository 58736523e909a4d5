package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

// FuzzQuery evaluates any query that parses over a small dataset, under a short deadline and
// a small memory budget: evaluation must not panic, must end, and every solution must have
// one term per projected variable.
func FuzzQuery(f *testing.F) {
	f.Add(`SELECT * { ?s ?p ?o OPTIONAL { ?o ?q ?r FILTER(?r != ?s) } }`)
	f.Add(`SELECT ?s (COUNT(DISTINCT ?o) AS ?n) { ?s <http://ex/p>* ?o } GROUP BY ?s HAVING (?n > 1)`)
	f.Add(`ASK { ?s ?p ?o MINUS { ?s ?p "x" } FILTER NOT EXISTS { ?o ?p ?s } }`)
	f.Add(`CONSTRUCT { ?s ?p [ <http://ex/v> ?o ] } WHERE { { ?s ?p ?o } UNION { VALUES ?s { <http://ex/a> } } }`)
	if dir, ok := w3c.Find(); ok {
		files, _ := filepath.Glob(filepath.Join(dir, "sparql", "sparql11", "*", "*.rq"))
		for i, p := range files {
			if i%4 != 0 {
				continue
			}
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
	d := memds.New()
	ex := func(s string) rdf.IRI { return rdf.IRI("http://ex/" + s) }
	for _, q := range []rdf.Quad{
		{Subject: ex("a"), Predicate: ex("p"), Object: ex("b")},
		{Subject: ex("b"), Predicate: ex("p"), Object: ex("a")},
		{Subject: ex("b"), Predicate: ex("q"), Object: rdf.NewLiteral("x")},
		{Subject: ex("a"), Predicate: ex("v"), Object: rdf.NewTypedLiteral("3", rdf.XSDInteger)},
		{Subject: rdf.BlankNode("b1"), Predicate: ex("p"), Object: ex("a"), Graph: ex("g")},
		{Subject: ex("c"), Predicate: ex("v"), Object: rdf.NewLangLiteral("y", "en"), Graph: ex("g")},
	} {
		d.Add(q)
	}
	f.Fuzz(func(t *testing.T, src string) {
		pq, err := parser.ParseQuery(src, parser.Options{Base: "http://ex/"})
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		res, err := eval.Query(ctx, d, pq, eval.Options{MemoryBudget: 1 << 20})
		if err != nil {
			return
		}
		defer res.Close()
		if res.Solutions != nil {
			for n := 0; res.Solutions.Next() && n < 10000; n++ {
				if len(res.Solutions.Row()) != len(res.Vars) {
					t.Fatalf("row of %d terms for %d variables", len(res.Solutions.Row()), len(res.Vars))
				}
			}
		}
		if res.Triples != nil {
			for n := 0; res.Triples.Next() && n < 10000; n++ {
			}
		}
	})
}
