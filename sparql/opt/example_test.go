package opt_test

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/opt"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

func ExampleOptimize() {
	q, _ := parser.ParseQuery(`SELECT * WHERE {
	  ?s <http://ex/p> ?o OPTIONAL { ?s <http://ex/q> ?x }
	  FILTER(?o > 1 && 1 + 1 = 2)
	}`, parser.Options{})
	op, _ := algebra.Translate(q)
	out, trace := opt.Optimize(op, nil)
	fmt.Println(trace)
	fmt.Println(out)
	// Output:
	// [filter-split constant-folding filter-placement]
	// (project (?s ?o ?x)
	//   (leftjoin
	//     (filter (> ?o 1)
	//       (bgp
	//         (triple ?s <http://ex/p> ?o)))
	//     (bgp
	//       (triple ?s <http://ex/q> ?x))))
}
