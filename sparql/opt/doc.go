// Package opt rewrites SPARQL algebra (package algebra) into equivalent algebra that the
// evaluator (package eval) runs faster. It is a set of small named passes, in the manner of
// Apache Jena ARQ's transforms and CockroachDB's opt rules: each Pass is an algebra -> algebra
// rewrite that says whether it changed anything, and Optimize runs the passes in a fixed
// order, repeatedly, until none fires (at most MaxRounds rounds), recording which fired.
//
// Key types:
//   - Pass: Name() and Apply(op, *Context) (Op, bool).
//   - Context: what a pass may consult (an Estimator for join ordering).
//   - Estimator: the estimated number of matches of one triple pattern; the evaluator adapts
//     its Dataset.Estimate to it, so this package never imports the store.
//   - Trace: the passes that fired, in order, for tests and `uwp explain`.
//
// The default passes (Default): filter-split, constant-folding, bgp-merge, filter-placement,
// join-order (see each pass's doc comment for the rule and the spec section that makes it
// correct).
//
// Caveats: passes never look inside EXISTS patterns and never move an expression that holds
// EXISTS or a non-deterministic function (RAND, UUID, STRUUID, BNODE); they never change the
// variables a query projects. The evaluator keeps its own run-time optimisations (BGP
// pattern order by estimate, hashed levels, filter sinking into BGP levels): these passes
// shape the tree those work on.
package opt
