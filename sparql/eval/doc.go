// Package eval evaluates SPARQL 1.1 queries and updates
// (https://www.w3.org/TR/sparql11-query/#sparqlAlgebraEval,
// https://www.w3.org/TR/sparql11-update/) over a Dataset.
//
// # Basics
//
//   - Dataset is the small interface a store offers (Match over ID patterns, LookupID, Term,
//     NamedGraphs, Estimate), in the manner of Oxigraph's QueryableDataset; Updatable adds
//     Add/Remove/CreateGraph/DropGraph for one write transaction. ID values are the store's
//     term IDs, unchanged; DefaultGraph (1) names the default graph and 0 means any/unbound.
//     sparql/eval/memds is an in-memory implementation.
//   - Query runs a parsed query (syntax.Query, translated with algebra.Translate, then
//     rewritten by the named passes of sparql/opt with Dataset.Estimate as their estimator)
//     and returns a Result: streaming Solutions (SELECT), a Boolean (ASK) or streaming
//     Triples (CONSTRUCT, DESCRIBE). Update runs an update request (its WHERE patterns are
//     not passed through sparql/opt).
//   - Options: UnionDefaultGraph, MemoryBudget (ErrMemoryBudget when exceeded), Now, Base,
//     Load for LOAD of non-file IRIs, and NoOptimize to skip the sparql/opt passes.
//   - Plan returns, without running the query, its algebra and the order and estimates
//     chosen for each BGP (Profile.Plan prints them); Options.Profile records what a run did
//     per operator (Profile.Explain); Profile.Algebra and Profile.Passes hold the translation
//     before optimisation and the passes that fired. `uwp explain` prints all of them.
//
// # Evaluation
//
// Solutions are Bindings: one ID slot per variable of the query. Terms are decoded only for
// expressions, ORDER BY and output; values computed by expressions (BIND, SELECT
// expressions, aggregates, VALUES terms the store lacks) get transient IDs with the high bit
// set in a per-query overlay, and never reach the store's dictionary. A computed term the
// store holds gets the store's ID, so joins compare IDs.
//
// Every operator is a streaming iterator. A BGP is an index nested-loop join over
// Dataset.Match, its patterns ordered by Estimate. A level of that loop (a pattern in the
// chosen order) that has been opened so often that its lookups cost about as much as one
// scan of the pattern's constants switches to a hash table of that scan, keyed on the
// variables the seed and the earlier levels bind (bgphash.go; the tables are kept for the
// query, so a BGP evaluated per left solution, under EXISTS or OPTIONAL, becomes a hash
// join). An optional CostModel on the Dataset says what a lookup costs; Explain marks
// hashed levels. Join and LeftJoin pass each left solution
// as the seed of a right side made of BGPs, paths, VALUES, unions and joins (binding the
// known values into its patterns) and otherwise hash the right side on the variables all its
// solutions bind. ORDER BY under a LIMIT keeps a heap of OFFSET+LIMIT solutions. EXISTS
// evaluates its pattern with the current solution as seed (the substitution of 18.6).
// ORDER BY, GROUP BY, DISTINCT, MINUS and hash builds count their memory against the budget.
//
// Filters are pushed into the nested loops of the BGP below them (each conjunct checked as
// soon as its variables are bound) and sink below MINUS, OPTIONAL and joins where that gives
// the same solutions (sink.go). GROUP BY keys that are variables group on IDs; COUNT(*),
// COUNT(?v) and COUNT(DISTINCT ?v) count IDs, and COUNT(*) over one triple pattern comes
// from the Dataset's statistics when it implements ExactCounter. Deterministic built-ins of
// one or two arguments remember results per argument terms while that pays.
//
// # Datasets
//
// The query's default graph is the Dataset's default graph, or with UnionDefaultGraph the
// set-union of all its graphs; FROM merges the named graphs it lists into the default graph
// and FROM NAMED restricts the named graphs (either replaces the Dataset's defaults). A
// triple in several merged graphs is returned once.
//
// # Adapting a store
//
// The bbolt store maps one to one: Match(ctx, p) is tx.Match(triplestore.Pattern(p)) wrapped
// so that Quad converts [4]TermID to Quad (the iterator's own Err reports failures);
// LookupID, Term and Estimate call the transaction's methods of the same names with the ID
// types converted; NamedGraphs is tx.Graphs. For updates, Add/Remove write the quad in the
// write transaction, CreateGraph may do nothing (the store has no empty graphs) and DropGraph
// removes the graph's quads. The adapter lives above both packages (web or cmd), since sparql
// must not import triplestore.
//
// # Caveats
//
//   - The context is checked every 1024 units of work (matched quads, joined or filtered
//     solutions), so cancellation and deadlines end even a cross product promptly; the
//     iterators then report ctx.Err().
//   - A Result's iterators read the Dataset lazily: consume them while the Dataset (for the
//     store, its read transaction) is valid.
//   - SERVICE goes through Options.Service (the caller decides whether and how to reach the
//     network); without it SERVICE fails with ErrUnsupported and SERVICE SILENT yields one
//     empty solution. Functions named by IRIs other than the XSD casts are errors.
//   - REDUCED removes all duplicates, as DISTINCT does (the specification permits it).
package eval
