// Package expr is the SPARQL 1.1 function and operator library
// (https://www.w3.org/TR/sparql11-query/#SparqlOps) over rdf.Term values.
//
// The evaluator walks algebra expressions and calls this package with the terms it has
// bound; nothing here knows about variables, solutions or the store.
//
// # Basics
//
//   - Errors are values. Every function returns (rdf.Term, error); an error is an expression
//     error in the sense of section 17.2 (a type error, an unbound argument, an ill-formed
//     lexical form). The sentinels live in errors.go; test with errors.Is. Or and And
//     implement the three-valued logic of || and && on (Term, error) pairs, and EBV the
//     effective boolean value of 17.2.2.
//   - Numbers: Number is a parsed xsd:integer, xsd:decimal, xsd:float or xsd:double value.
//     Integers stay exact (int64 with a math/big fallback), decimals are exact (math/big.Rat;
//     division rounds to DecimalDivisionDigits fractional digits as XPath permits), float
//     and double follow IEEE 754. Derived integer types (xsd:int, xsd:long,
//     xsd:nonNegativeInteger, ...) promote to xsd:integer.
//   - Comparison: Equal, NotEqual, Less, LessEq, Greater, GreaterEq are the SPARQL operators;
//     SameTerm is sameTerm; Compare is the total order ORDER BY uses (15.1).
//   - Functions are plain Go functions named after the SPARQL built-ins (Str, Lang, Regex,
//     Substr, Year, SHA256, Cast, ...). Functions that need per-query state take it as an
//     argument: BNode takes a label generator, Now takes the query's instant, IRI a base.
//     LookupBuiltin finds the strict ones (and the operators) by name for an evaluator's
//     dispatch; CastFunction tells xsd:T(...) constructor calls apart.
//   - Non-strict forms take their arguments as Thunks, evaluated on demand: If, Coalesce,
//     In and NotIn.
//   - Aggregates: NewAggregator returns an Aggregator for COUNT, SUM, AVG, MIN, MAX, SAMPLE
//     and GROUP_CONCAT, with DISTINCT (18.5).
//
// # Lexical forms
//
// Computed numbers (arithmetic, casts, aggregates) use the canonical mappings of XSD 1.1
// Part 2: integers without leading zeros or plus sign, decimals without trailing zeros and
// without decimal point when whole ("2", "-1.5"; decimalCanonicalMap, 3.3.3.2), doubles and
// floats in scientific notation with one digit before the point ("1.0E1", "2.5E-1", "INF",
// "NaN"). Where XPath returns an argument unchanged (unary plus, ABS of a non-negative
// number, CEIL, FLOOR and ROUND of a whole one, MIN, MAX, SAMPLE) the argument term comes
// back itself, lexical form included. The W3C expected results are not consistent about the
// forms of computed decimals (w3c/rdf-tests#58); sparql/eval's harness says how it copes.
//
// # Caveats
//
// Literals whose lexical form is ill-formed for their (known) datatype, such as
// "abc"^^xsd:integer, are treated like literals of an unknown datatype: they are not numeric,
// = on them is an error unless the terms are identical, and casts from them fail.
// Regular expressions are translated from XPath syntax (F&O 3.1 5.6) to Go syntax and
// compiled by CompileRegex into a Pattern. Patterns without back-references run on Go's
// regexp (RE2, time linear in the input). Patterns with back-references (\1 ... \99), which
// RE2 cannot express, run on github.com/dlclark/regexp2, a backtracking engine: each match
// is limited to RegexMatchTimeout and to regexp2's backtracking stack, and one that runs
// over either is an ErrBadRegex error (so a FILTER rejects the solution). A back-reference
// to a group that does not exist or is not closed before it is ErrBadRegex (XPath
// err:FORX0002); one to a group that took no part in the match matches the empty string.
// Character class subtraction and \p{IsBlock} are not supported. Inside a repetition whose
// last round matches the empty string, as in (a*)+b, a group's capture follows the engine:
// RE2 keeps the last non-empty one, regexp2 the empty one.
package expr
