// Package sparql is the front door of the SPARQL engine: Query and Update take SPARQL text,
// parse it (sparql/parser), evaluate it over an eval.Dataset (sparql/eval) and hand back an
// eval.Result; WriteResult serialises a result (sparql/results for SELECT and ASK, the RDF
// writers of rdf/formats for CONSTRUCT and DESCRIBE).
//
// # Basics
//
//	res, err := sparql.Query(ctx, ds, "SELECT * { ?s ?p ?o } LIMIT 10", sparql.Options{})
//	if err != nil { ... }          // syntax errors read line:col: message
//	defer res.Close()
//	err = sparql.WriteResult(os.Stdout, res, sparql.Format{Results: results.JSON})
//
// The packages below stay usable on their own; this one only wires them together.
//
// # Caveats
//
// A Result streams from the Dataset: write or consume it before the Dataset (for the store,
// its read transaction) ends.
package sparql
