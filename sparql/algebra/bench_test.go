package algebra

import (
	"testing"

	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

func BenchmarkTranslate(b *testing.B) {
	q, err := parser.ParseQuery(`PREFIX : <http://example.org/>
SELECT ?s (COUNT(DISTINCT ?o) AS ?n) WHERE {
  ?s a :C ; :p/:q* ?o .
  OPTIONAL { ?o :r ?z FILTER(?z > 1) }
  MINUS { ?s :x [] }
  { ?s :a ?w } UNION { ?s :b ?w }
  BIND(STR(?w) AS ?sw)
  FILTER NOT EXISTS { ?s :deleted true }
} GROUP BY ?s HAVING (COUNT(DISTINCT ?o) > 2) ORDER BY DESC(?n) LIMIT 10`, parser.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Translate(q); err != nil {
			b.Fatal(err)
		}
	}
}
