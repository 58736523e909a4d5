package engine_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/uitwisselingsplatform/uwp/engine"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

var (
	benchOnce  sync.Once
	benchStore *triplestore.Store
)

// benchData is ~70K triples in the bbolt store: 10K orders, each with a customer (of 2K), a
// price and a date, every other one with a ticket; customers have a postcode (of 50).
func benchData(b *testing.B) *triplestore.Store {
	benchOnce.Do(func() {
		s, err := triplestore.Open(b.TempDir()+"/uwp.db", nil)
		if err != nil {
			b.Fatal(err)
		}
		ex := func(s string, i int) rdf.IRI { return rdf.IRI(fmt.Sprintf("http://ex/%s%d", s, i)) }
		p := func(s string) rdf.IRI { return rdf.IRI("http://ex/" + s) }
		var qs []rdf.Quad
		for i := 0; i < 10000; i++ {
			o := ex("order", i)
			qs = append(qs,
				rdf.Quad{Subject: o, Predicate: p("customer"), Object: ex("c", i%2000)},
				rdf.Quad{Subject: o, Predicate: p("price"), Object: rdf.NewTypedLiteral(fmt.Sprint(i%97), rdf.XSDInteger)},
				rdf.Quad{Subject: o, Predicate: p("date"), Object: rdf.NewTypedLiteral(fmt.Sprintf("202%d-%02d-01T10:00:00", i%5, 1+i%12), rdf.XSDDateTime)},
				rdf.Quad{Subject: o, Predicate: p("type"), Object: p("Order")})
			if i%2 == 0 {
				qs = append(qs, rdf.Quad{Subject: o, Predicate: p("ticket"), Object: ex("t", i)})
			}
		}
		for i := 0; i < 2000; i++ {
			qs = append(qs, rdf.Quad{Subject: ex("c", i), Predicate: p("postcode"), Object: rdf.NewLiteral(fmt.Sprint(1000 + i%50))})
		}
		if err := s.Update(func(tx *triplestore.Tx) error {
			for _, q := range qs {
				if _, err := tx.Add(q); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		benchStore = s
	})
	if benchStore == nil {
		b.Skip("no store")
	}
	return benchStore
}

func benchQuery(b *testing.B, src string, want int) {
	s := benchData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		if err := s.View(func(tx *triplestore.Tx) error {
			res, err := sparql.Query(context.Background(), engine.New(tx), src, sparql.Options{})
			if err != nil {
				return err
			}
			defer res.Close()
			for res.Solutions.Next() {
				n++
			}
			return res.Solutions.Err()
		}); err != nil {
			b.Fatal(err)
		}
		if n != want {
			b.Fatalf("%d rows, want %d", n, want)
		}
	}
}

// BenchmarkEngine_JoinHashedLevels joins 10K orders to their customers' postcodes and
// tickets: the later levels switch from index lookups to hashed scans.
func BenchmarkEngine_JoinHashedLevels(b *testing.B) {
	benchQuery(b, `PREFIX ex: <http://ex/>
SELECT ?pc (COUNT(?t) AS ?n) (COUNT(DISTINCT ?c) AS ?cs) { ?o ex:type ex:Order ; ex:customer ?c ; ex:ticket ?t . ?c ex:postcode ?pc } GROUP BY ?pc`, 25)
}

// BenchmarkEngine_NotExists filters 10K orders by NOT EXISTS (a seeded pattern per order,
// hashed once the lookups add up).
func BenchmarkEngine_NotExists(b *testing.B) {
	benchQuery(b, `PREFIX ex: <http://ex/>
SELECT ?o { ?o ex:type ex:Order FILTER NOT EXISTS { ?o ex:ticket ?t } }`, 5000)
}

// BenchmarkEngine_CountAll counts every triple (from the statistics).
func BenchmarkEngine_CountAll(b *testing.B) {
	benchQuery(b, `SELECT (COUNT(*) AS ?n) { ?s ?p ?o }`, 1)
}

// BenchmarkEngine_DateFunctions groups 10K orders by year and quarter of their dates
// (built-in results remembered per argument).
func BenchmarkEngine_DateFunctions(b *testing.B) {
	benchQuery(b, `PREFIX ex: <http://ex/>
SELECT ?y ?q (COUNT(*) AS ?n) { ?o ex:date ?d BIND(YEAR(?d) AS ?y) BIND(FLOOR((MONTH(?d) - 1) / 3) + 1 AS ?q) } GROUP BY ?y ?q`, 20)
}

// BenchmarkEngine_FilterOverMinus: the filter above MINUS sinks into the left BGP's loops.
func BenchmarkEngine_FilterOverMinus(b *testing.B) {
	benchQuery(b, `PREFIX ex: <http://ex/>
SELECT ?o { ?o ex:type ex:Order ; ex:price ?p MINUS { ?o ex:ticket ?t } FILTER(?p < 10) }`, 520)
}
