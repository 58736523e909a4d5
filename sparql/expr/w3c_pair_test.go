package expr

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// pairCase describes a W3C test of the shape
//
//	SELECT ... WHERE { ?s1 :p1 ?v1 . ?s2 :p2 ?v2 . FILTER(expr(?v1, ?v2)) }
//
// where ?s1 and ?s2 may be the same variable (a join on the subject) or different (a cross
// product). The filter is written in Go by reading the .rq file; the harness compares the
// surviving rows, projected on the variables the expected result binds, as multisets.
type pairCase struct {
	s1, p1, v1 string // variable, predicate local name, variable
	s2, p2, v2 string
	filter     func(a, b rdf.Term) (rdf.Term, error)
}

func and2(f, g func(a, b rdf.Term) (rdf.Term, error)) func(a, b rdf.Term) (rdf.Term, error) {
	return func(a, b rdf.Term) (rdf.Term, error) {
		x, xerr := f(a, b)
		y, yerr := g(a, b)
		return And(x, xerr, y, yerr)
	}
}

func or2(f, g func(a, b rdf.Term) (rdf.Term, error)) func(a, b rdf.Term) (rdf.Term, error) {
	return func(a, b rdf.Term) (rdf.Term, error) {
		x, xerr := f(a, b)
		y, yerr := g(a, b)
		return Or(x, xerr, y, yerr)
	}
}

func not2(f func(a, b rdf.Term) (rdf.Term, error)) func(a, b rdf.Term) (rdf.Term, error) {
	return func(a, b rdf.Term) (rdf.Term, error) { return then2(f(a, b)) }
}

func then2(t rdf.Term, err error) (rdf.Term, error) { return then(t, err, Not) }

var pairCases = map[string]pairCase{
	"expr-equals/query-eq-bool.rq":             {"x", "pr", "vr", "x", "pl", "vl", boolOp(Equal)},
	"expr-equals/query-eq-dateTime.rq":         {"x", "pr", "vr", "x", "pl", "vl", boolOp(Equal)},
	"expr-equals/query-eq-float.rq":            {"x", "pr", "vr", "x", "pl", "vl", boolOp(Equal)},
	"expr-equals/query-eq2-1.rq":               {"x1", "p", "v1", "x2", "p", "v2", boolOp(Equal)},
	"expr-ops/query-ge-2.rq":                   {"s", "p1", "o1", "s", "p2", "o2", boolOp(GreaterEq)},
	"expr-ops/query-gt-2.rq":                   {"s", "p1", "o1", "s", "p2", "o2", boolOp(Greater)},
	"expr-ops/query-le-2.rq":                   {"s", "p1", "o1", "s", "p2", "o2", boolOp(LessEq)},
	"expr-ops/query-lt-2.rq":                   {"s", "p1", "o1", "s", "p2", "o2", boolOp(Less)},
	"expr-builtin/sameTerm.rq":                 {"x1", "p", "v1", "x2", "p", "v2", boolOp(SameTerm)},
	"expr-builtin/sameTerm-eq.rq":              {"x1", "p", "v1", "x2", "p", "v2", and2(boolOp(SameTerm), boolOp(Equal))},
	"expr-builtin/sameTerm-not-eq.rq":          {"x1", "p", "v1", "x2", "p", "v2", and2(not2(boolOp(SameTerm)), boolOp(Equal))},
	"expr-builtin/lang-case-sensitivity-eq.rq": {"x1", "p", "v1", "x2", "p", "v2", boolOp(Equal)},
	"expr-builtin/lang-case-sensitivity-ne.rq": {"x1", "p", "v1", "x2", "p", "v2", boolOp(NotEqual)},
	"open-world/open-eq-07.rq":                 {"x1", "p", "v1", "x2", "p", "v2", boolOp(Equal)},
	"open-world/open-eq-08.rq":                 {"x1", "p", "v1", "x2", "p", "v2", boolOp(NotEqual)},
	"open-world/open-eq-09.rq":                 {"x", "p", "v1", "y", "q", "v2", boolOp(Equal)},
	"open-world/open-eq-10.rq":                 {"x", "p", "v1", "y", "q", "v2", boolOp(NotEqual)},
	"open-world/open-eq-11.rq":                 {"x", "p", "v1", "y", "q", "v2", or2(boolOp(NotEqual), boolOp(Equal))},
}

func TestW3C_PairFilters(t *testing.T) {
	var ms []string
	for _, m := range []string{"expr-equals", "expr-ops", "open-world", "expr-builtin"} {
		ms = append(ms, "sparql/sparql10/"+m+"/manifest.ttl")
	}
	runCases(t, "W3C sparql10 two-pattern FILTER queries", pairCases, byQuery, ms,
		func(_ *testing.T, tc w3c.Test, c pairCase) error { return runPairCase(tc, c) })
}

func runPairCase(tc w3c.Test, c pairCase) error {
	var quads []rdf.Quad
	for _, path := range tc.Data {
		q, err := readTurtle(path)
		if err != nil {
			return err
		}
		quads = append(quads, q...)
	}
	match := func(p string) []rdf.Quad {
		var out []rdf.Quad
		for _, q := range quads {
			iri := string(q.Predicate.(rdf.IRI))
			if strings.HasSuffix(iri, "#"+p) || strings.HasSuffix(iri, "/"+p) {
				out = append(out, q)
			}
		}
		return out
	}
	rows, err := readExpectedRows(tc.Result)
	if err != nil {
		return err
	}
	var vars []string
	if len(rows) > 0 {
		for v := range rows[0] {
			vars = append(vars, v)
		}
		sort.Strings(vars)
	}
	key := func(r map[string]rdf.Term) string {
		var b strings.Builder
		for _, v := range vars {
			switch t := r[v].(type) {
			case nil:
				b.WriteString("-")
			case rdf.BlankNode:
				b.WriteString("_:")
			case rdf.Literal:
				// Language tags compare case-insensitively (the suite's README).
				t.Lang = strings.ToLower(t.Lang)
				b.WriteString(t.String())
			default:
				b.WriteString(t.String())
			}
			b.WriteByte('|')
		}
		return b.String()
	}
	var got, want []string
	for _, a := range match(c.p1) {
		for _, b := range match(c.p2) {
			if c.s1 == c.s2 && a.Subject != b.Subject {
				continue
			}
			if keep, err := EBVOf(c.filter(a.Object, b.Object)); err != nil || !keep {
				continue
			}
			got = append(got, key(map[string]rdf.Term{c.s1: a.Subject, c.v1: a.Object, c.s2: b.Subject, c.v2: b.Object}))
		}
	}
	for _, r := range rows {
		want = append(want, key(r))
	}
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		return fmt.Errorf("rows differ (vars %v)\n got: %q\nwant: %q", vars, got, want)
	}
	return nil
}
