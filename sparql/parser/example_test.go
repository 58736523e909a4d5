package parser_test

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

func ExampleParseQuery() {
	q, err := parser.ParseQuery(`PREFIX : <http://example.org/> SELECT ?x { ?x :p "v" }`, parser.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println(q.Form, q.ProjectedVars(), q.Where)
	_, err = parser.ParseQuery("SELECT ?x {\n ?x ?p }", parser.Options{})
	fmt.Println(err)
	// Output:
	// SELECT [?x] { ?x <http://example.org/p> "v" . }
	// 2:8: expected variable or RDF term, found "}"
}
