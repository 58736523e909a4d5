// Package engine binds the SPARQL evaluator (sparql/eval) to the bbolt quad store
// (triplestore). STYLE.md keeps the two apart: eval talks to a small Dataset interface and
// never imports the store, so the adapter lives here, one layer above both, for the web
// server and the CLI to share.
//
// Key type: Dataset, which serves eval.Dataset and eval.Updatable from one triplestore.Tx,
// with the optional eval.ExactCounter (COUNT(*) from the store's exact statistics) and
// eval.CostModel (what an index lookup costs against a scan, which decides when the
// evaluator hashes a pattern instead of looking it up per solution).
//
// Caveats: a Dataset is valid only inside its transaction; a read transaction held for a long
// query blocks bbolt's page reuse, so callers bound queries with a context deadline.
package engine
