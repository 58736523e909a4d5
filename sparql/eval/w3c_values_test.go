package eval_test

import (
	"math"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/expr"
)

// Numeric value comparison for a listed few W3C query evaluation tests.
//
// The W3C README compares result sets term by term ("identical IRI and literal nodes":
// w3c/rdf-tests sparql/sparql11/index.html, "Query Evaluation Tests"). A few expected files
// cannot be met that way by any engine, because they disagree with each other or with the
// data:
//
//   - computed xsd:decimal values are written "2.0" in coalesce01, agg-avg-02, agg-err-02 and
//     plus-1-corrected (XSD 1.0 canonical representation) but "2" in ceil01, floor01,
//     round01 and seconds (XSD 1.1 decimalCanonicalMap, which sparql/expr follows); the
//     suite's maintainers have this open as https://github.com/w3c/rdf-tests/issues/58;
//   - computed xsd:double and xsd:float values are written in forms that are canonical in no
//     XSD version ("6"^^xsd:double in the expr-ops casts, "1050"^^xsd:double for an AVG);
//   - data literals come back rewritten with no computation in between ("2E-1" of the data
//     as "2.0E-1" in agg-min-02, "0E1"^^xsd:double as "0.0" in cast-decimal, "1.0E6" as
//     "1.0e6" in tsv03), and cast-float writes the same cast as "0" for one row and "1.0"
//     for the next.
//
// SPARQL fixes the value of a computed number, not its lexical form; as Andy Seaborne (Jena)
// put it when reviewing new tests for the suite, "after a calculation, the lexical form is
// not fixed" (https://github.com/w3c/rdf-tests/pull/269). Widely used harnesses compare such results by
// value: Jena ARQ's W3C runner compares same term and then same value
// (apache/jena jena-arq/src/test/java/com/hp/hpl/jena/sparql/junit/QueryTest.java,
// resultSetEquivalent: testByValue = true, ResultSetCompare.equalsByValue), and Oxigraph
// passes expected and actual results through its store, which rewrites numeric literals to
// canonical form, before comparing (oxigraph testsuite/src/sparql_evaluator.rs,
// StaticQueryResults::from_graph, "Hack to normalize literals").
//
// Our rule is narrower than both. Only the tests listed in
// testdata/w3c-<suite>-value-compared.txt (each with its reason) are compared this way, and
// only numeric literals relax: both of one numeric datatype (no type promotion: "1"^^xsd:decimal
// never matches "1"^^xsd:integer), equal in value, and for xsd:float and xsd:double with the
// same sign of zero. Every other term must still be identical. A listed test whose results
// are equal as terms fails the run, so the list can only shrink, exactly like the
// expected-failures lists.

// numericSame reports numeric literals of one datatype with equal values (see above).
func numericSame(a, b rdf.Literal) bool {
	if a.Datatype != b.Datatype || !expr.IsNumericDatatype(a.Datatype) {
		return false
	}
	x, err := expr.ParseNumber(a)
	if err != nil {
		return false
	}
	y, err := expr.ParseNumber(b)
	if err != nil {
		return false
	}
	if x.IsNaN() || y.IsNaN() {
		return x.IsNaN() && y.IsNaN()
	}
	if eq, err := expr.Equal(a, b); err != nil || !eq {
		return false
	}
	switch x.Kind() {
	case expr.KindFloat, expr.KindDouble:
		return math.Signbit(x.Float64()) == math.Signbit(y.Float64())
	}
	return true
}

func TestNumericSame(t *testing.T) {
	lit := func(lex, dt string) rdf.Literal {
		return rdf.Literal{Lexical: lex, Datatype: rdf.IRI("http://www.w3.org/2001/XMLSchema#" + dt)}
	}
	cases := []struct {
		a, b rdf.Literal
		want bool
	}{
		{lit("2", "decimal"), lit("2.0", "decimal"), true},
		{lit("2E-1", "double"), lit("2.0E-1", "double"), true},
		{lit("1050", "double"), lit("1.05E3", "double"), true},
		{lit("01", "integer"), lit("1", "integer"), true},
		{lit("1", "integer"), lit("1", "decimal"), false},   // no type promotion
		{lit("1", "float"), lit("1", "double"), false},      // no type promotion
		{lit("2", "decimal"), lit("2.5", "decimal"), false}, // different values
		{lit("0", "double"), lit("-0", "double"), false},    // sign of zero
		{lit("NaN", "float"), lit("NaN", "float"), true},
		{lit("NaN", "float"), lit("1", "float"), false},
		{lit("x", "integer"), lit("x", "integer"), false}, // ill-typed: identical terms only
		{lit("2", "string"), lit("2.0", "string"), false}, // not numeric
		{lit("2002-10-10T17:00:00Z", "dateTime"), lit("2002-10-10T18:00:00+01:00", "dateTime"), false},
	}
	for _, c := range cases {
		if got := numericSame(c.a, c.b); got != c.want {
			t.Errorf("numericSame(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
