package algebra

import (
	"testing"

	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

// FuzzTranslate checks that every query the parser accepts translates and prints as SSE
// without panicking.
func FuzzTranslate(f *testing.F) {
	for _, s := range []string{
		"PREFIX : <http://e/> SELECT ?s (COUNT(*) AS ?c) { ?s :p/^:q* ?o OPTIONAL { ?o :r ?z FILTER(?z) } } GROUP BY ?s HAVING (SUM(?o) > 1)",
		"PREFIX : <http://e/> SELECT * { { SELECT ?s { ?s !(:a|^:b) [] } } UNION { BIND(1 AS ?s) } MINUS { ?s :x ?y } FILTER NOT EXISTS { ?s :y 1 } }",
		"PREFIX : <http://e/> CONSTRUCT WHERE { ?s :p ?o } LIMIT 1",
		"DESCRIBE * { GRAPH ?g { ?s ?p ?o } SERVICE SILENT <http://r/> { ?s ?p 1 } VALUES (?s) { (UNDEF) } }",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		q, err := parser.ParseQuery(src, parser.Options{Base: "http://example.org/"})
		if err != nil {
			return
		}
		op, err := Translate(q)
		if err != nil {
			t.Fatalf("parsed query does not translate: %v\n%s", err, src)
		}
		_ = op.String()
	})
}
