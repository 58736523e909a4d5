package algebra_test

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

func ExampleTranslate() {
	q, err := parser.ParseQuery(`PREFIX : <http://example.org/>
SELECT ?s WHERE { ?s :p ?o OPTIONAL { ?o :q ?z } FILTER(?o > 1) } LIMIT 5`, parser.Options{})
	if err != nil {
		panic(err)
	}
	op, err := algebra.Translate(q)
	if err != nil {
		panic(err)
	}
	fmt.Println(op)
	// Output:
	// (slice _ 5
	//   (project (?s)
	//     (filter (> ?o 1)
	//       (leftjoin
	//         (bgp
	//           (triple ?s <http://example.org/p> ?o))
	//         (bgp
	//           (triple ?o <http://example.org/q> ?z))))))
}
