package sparql_test

import (
	"context"
	"fmt"
	"os"

	"github.com/uitwisselingsplatform/uwp/sparql"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/results"
)

func Example() {
	ds := memds.New()
	ctx := context.Background()
	err := sparql.Update(ctx, ds, `PREFIX ex: <http://example.org/>
INSERT DATA { ex:alice ex:knows ex:bob . ex:bob ex:knows ex:carol . ex:alice ex:age 42 }`, sparql.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := sparql.Query(ctx, ds, `PREFIX ex: <http://example.org/>
SELECT ?who (COUNT(?x) AS ?reach) { ?who ex:knows+ ?x } GROUP BY ?who ORDER BY ?who`, sparql.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := sparql.WriteResult(os.Stdout, res, sparql.Format{Results: results.TSV}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ?who	?reach
	// <http://example.org/alice>	2
	// <http://example.org/bob>	1
}

func ExampleWriteResult_construct() {
	ds := memds.New()
	ctx := context.Background()
	sparql.Update(ctx, ds, `INSERT DATA { <http://example.org/a> <http://example.org/p> "x" }`, sparql.Options{})
	res, err := sparql.Query(ctx, ds, `CONSTRUCT { ?s <http://example.org/q> ?o } WHERE { ?s ?p ?o }`, sparql.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	sparql.WriteResult(os.Stdout, res, sparql.Format{})
	// Output:
	// <http://example.org/a> <http://example.org/q> "x" .
}
