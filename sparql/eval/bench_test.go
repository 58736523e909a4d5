package eval_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

var (
	benchOnce sync.Once
	benchDS   *memds.Dataset
)

// benchData is ~100K triples: 20K people, each with a type, a name, an age, a city and one
// to two knows edges.
func benchData() *memds.Dataset {
	benchOnce.Do(func() {
		d := memds.New()
		ex := func(s string, i int) rdf.IRI { return rdf.IRI(fmt.Sprintf("http://ex/%s%d", s, i)) }
		typ, person := rdf.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), rdf.IRI("http://ex/Person")
		name, age, city, knows := rdf.IRI("http://ex/name"), rdf.IRI("http://ex/age"), rdf.IRI("http://ex/city"), rdf.IRI("http://ex/knows")
		const n = 20000
		for i := 0; i < n; i++ {
			p := ex("p", i)
			d.Add(rdf.Quad{Subject: p, Predicate: typ, Object: person})
			d.Add(rdf.Quad{Subject: p, Predicate: name, Object: rdf.NewLiteral(fmt.Sprintf("person %d", i))})
			d.Add(rdf.Quad{Subject: p, Predicate: age, Object: rdf.NewTypedLiteral(fmt.Sprint(18+i%60), rdf.XSDInteger)})
			if i%3 != 0 {
				d.Add(rdf.Quad{Subject: p, Predicate: city, Object: ex("city", i%50)})
			}
			d.Add(rdf.Quad{Subject: p, Predicate: knows, Object: ex("p", (i*7+1)%n)})
			if i%2 == 0 {
				d.Add(rdf.Quad{Subject: p, Predicate: knows, Object: ex("p", (i*13+5)%n)})
			}
		}
		d.Estimate(eval.Pattern{}) // build the indexes outside the timings
		benchDS = d
	})
	return benchDS
}

func benchQuery(b *testing.B, src string, wantRows int) {
	d := benchData()
	pq, err := parser.ParseQuery(src, parser.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := eval.Query(context.Background(), d, pq, eval.Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for res.Solutions.Next() {
			n++
		}
		if err := res.Solutions.Err(); err != nil {
			b.Fatal(err)
		}
		if wantRows >= 0 && n != wantRows {
			b.Fatalf("%d rows, want %d", n, wantRows)
		}
	}
}

// BenchmarkQuery_BGPJoin joins three patterns over 20K subjects (index nested loops).
func BenchmarkQuery_BGPJoin(b *testing.B) {
	benchQuery(b, `PREFIX ex: <http://ex/>
SELECT ?p ?n ?c { ?p a ex:Person ; ex:name ?n ; ex:city ?c . ?p ex:knows ?q . ?q ex:city ex:city7 }`, -1)
}

// BenchmarkQuery_Optional is a left join of every person with an optional city.
func BenchmarkQuery_Optional(b *testing.B) {
	benchQuery(b, `PREFIX ex: <http://ex/>
SELECT ?p ?c { ?p ex:age ?a OPTIONAL { ?p ex:city ?c } }`, 20000)
}

// BenchmarkQuery_GroupBy counts people per city.
func BenchmarkQuery_GroupBy(b *testing.B) {
	benchQuery(b, `PREFIX ex: <http://ex/>
SELECT ?c (COUNT(*) AS ?n) (AVG(?a) AS ?avg) { ?p ex:city ?c ; ex:age ?a } GROUP BY ?c`, 50)
}

// BenchmarkQuery_OrderByLimit takes the top 10 of 20K by age and name (a heap, no full sort).
func BenchmarkQuery_OrderByLimit(b *testing.B) {
	benchQuery(b, `PREFIX ex: <http://ex/>
SELECT ?p ?a ?n { ?p ex:age ?a ; ex:name ?n } ORDER BY DESC(?a) ?n LIMIT 10`, 10)
}

// BenchmarkQuery_Values joins 20K ages with a VALUES table that has an UNDEF row.
func BenchmarkQuery_Values(b *testing.B) {
	benchQuery(b, `PREFIX ex: <http://ex/>
SELECT ?p ?a ?tag { ?p ex:age ?a . { VALUES (?a ?tag) { (20 "a") (30 "b") (40 "c") (UNDEF "d") } } }`, 21001)
}

// BenchmarkQuery_PathClosure follows knows+ from one person through the 20K-node graph.
func BenchmarkQuery_PathClosure(b *testing.B) {
	benchQuery(b, `PREFIX ex: <http://ex/>
SELECT ?x { ex:p0 ex:knows+ ?x }`, -1)
}
