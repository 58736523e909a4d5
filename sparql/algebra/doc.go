// Package algebra is the SPARQL algebra of section 18 of the SPARQL 1.1 Query specification
// (https://www.w3.org/TR/sparql11-query/#sparqlQuery) and the translation of a parsed query
// into it.
//
// # Basics
//
//   - Op is the sealed type of algebra operators: *BGP, *Path, *Join, *LeftJoin, *Filter,
//     *Union, *Graph, *Extend, *Minus, *Table, *Service, *Group, *OrderBy, *Project,
//     *Distinct, *Reduced and *Slice.
//   - Expr is the sealed type of expressions: *ExprVar, *ExprConst, *ExprCall (operators and
//     built-in functions by name), *ExprFunc (IRI functions and casts), *ExprExists and
//     *ExprAgg (only inside Group).
//   - Translate turns a *syntax.Query into an Op; TranslatePattern does the same for a group
//     graph pattern alone (the WHERE part of an update operation).
//   - String on every Op and Expr prints SSE in the style of Apache Jena ARQ, e.g.
//     (project (?s) (bgp (triple ?s ?p ?o))). Tests compare these strings.
//
// # Variables
//
// Variables the translation invents have names no query can write, so they never clash with
// the query's own and are never part of SELECT *: blank nodes of a pattern become variables
// "?"+label (printed ??b1), path sequences introduce ?P0, ?P1 (printed ??P0), and aggregates
// are renamed to .0, .1 (printed ?.0) as Jena does.
//
// # Caveats
//
// The translation follows the specification literally (18.2.2.6: Join with the empty pattern
// is simplified away, and that is all); simplification and optimisation belong to sparql/opt.
package algebra
