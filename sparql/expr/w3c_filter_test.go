package expr

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// filterCase describes a W3C test of the shape
//
//	SELECT ... WHERE { ?s :pred ?v . FILTER(expr(?v)) }
//
// (or { :x ?p ?v FILTER(...) } when subj is set): the harness applies the filter, written
// here in Go by reading the .rq file, to every matching triple of the test data and compares
// the surviving (subject, predicate, value) rows with the expected result. Constants in the
// filter are written in the test table syntax; prefixed names use the query's prefixes.
type filterCase struct {
	pred   string // local name of the predicate; "" for any
	subj   string // fixed subject as a prefixed name; "" for a variable
	svar   string // result variable of the subject
	filter func(c func(string) rdf.Term, v rdf.Term) (rdf.Term, error)
}

func boolOp(f func(a, b rdf.Term) (bool, error)) func(a, b rdf.Term) (rdf.Term, error) {
	return func(a, b rdf.Term) (rdf.Term, error) {
		r, err := f(a, b)
		if err != nil {
			return nil, err
		}
		return Bool(r), nil
	}
}

// then applies f to the result of an inner call, passing errors through.
func then(t rdf.Term, err error, f func(rdf.Term) (rdf.Term, error)) (rdf.Term, error) {
	if err != nil {
		return nil, err
	}
	return f(t)
}

func cmpConst(op func(a, b rdf.Term) (bool, error), k string) func(func(string) rdf.Term, rdf.Term) (rdf.Term, error) {
	return func(c func(string) rdf.Term, v rdf.Term) (rdf.Term, error) { return boolOp(op)(v, c(k)) }
}

func fnThenCmp(fn func(rdf.Term) (rdf.Term, error), op func(a, b rdf.Term) (bool, error), k string) func(func(string) rdf.Term, rdf.Term) (rdf.Term, error) {
	return func(c func(string) rdf.Term, v rdf.Term) (rdf.Term, error) {
		t, err := fn(v)
		return then(t, err, func(t rdf.Term) (rdf.Term, error) { return boolOp(op)(t, c(k)) })
	}
}

func fnOnly(fn func(rdf.Term) (rdf.Term, error)) func(func(string) rdf.Term, rdf.Term) (rdf.Term, error) {
	return func(_ func(string) rdf.Term, v rdf.Term) (rdf.Term, error) { return fn(v) }
}

func langMatchesConst(rng string, negate bool) func(func(string) rdf.Term, rdf.Term) (rdf.Term, error) {
	return func(c func(string) rdf.Term, v rdf.Term) (rdf.Term, error) {
		l, err := Lang(v)
		t, err := then(l, err, func(l rdf.Term) (rdf.Term, error) { return LangMatches(l, rdf.NewLiteral(rng)) })
		if negate {
			return then(t, err, Not)
		}
		return t, err
	}
}

var filterCases = map[string]filterCase{
	"expr-equals/query-eq-1.rq":           {"p", "", "x", cmpConst(Equal, `1`)},
	"expr-equals/query-eq-2.rq":           {"p", "", "x", cmpConst(Equal, `1.0e0`)},
	"expr-equals/query-eq-3.rq":           {"p", "", "x", cmpConst(Equal, `"1"`)},
	"expr-equals/query-eq-4.rq":           {"p", "", "x", cmpConst(Equal, `"zzz"`)},
	"expr-equals/query-eq-5.rq":           {"p", "", "x", cmpConst(Equal, `:z`)},
	"expr-equals/query-eq-graph-5.rq":     {"p", "", "x", cmpConst(Equal, `:z`)},
	"expr-ops/query-ge-1.rq":              {"p", "", "s", cmpConst(GreaterEq, `3`)},
	"expr-ops/query-le-1.rq":              {"p", "", "s", cmpConst(LessEq, `2`)},
	"expr-ops/query-unminus-1.rq":         {"p", "", "s", fnThenCmp(UnaryMinus, Equal, `-2`)},
	"expr-ops/query-unplus-1.rq":          {"p", "", "s", cmpConst(Equal, `+3`)},
	"open-world/open-eq-03.rq":            {"p", "", "x", cmpConst(Equal, `1`)},
	"open-world/open-eq-04.rq":            {"p", "", "x", cmpConst(NotEqual, `1`)},
	"open-world/open-eq-05.rq":            {"p", "", "x", cmpConst(Equal, `"a"^^t:type1`)},
	"open-world/open-eq-06.rq":            {"p", "", "x", cmpConst(NotEqual, `"a"^^t:type1`)},
	"open-world/date-1.rq":                {"r", "", "x", cmpConst(Equal, `"2006-08-23"^^xsd:date`)},
	"open-world/date-2.rq":                {"r", "", "x", cmpConst(NotEqual, `"2006-08-23"^^xsd:date`)},
	"open-world/date-3.rq":                {"r", "", "x", cmpConst(Greater, `"2006-08-22"^^xsd:date`)},
	"open-world/date-4.rq":                {"s", "", "x", fnThenCmp(Datatype, Equal, `xsd:date`)},
	"expr-builtin/q-blank-1.rq":           {"p", "", "x", fnOnly(IsBlank)},
	"expr-builtin/q-iri-1.rq":             {"p", "", "x", fnOnly(IsIRI)},
	"expr-builtin/q-uri-1.rq":             {"p", "", "x", fnOnly(IsIRI)},
	"expr-builtin/q-isliteral-1.rq":       {"p", "", "x", fnOnly(IsLiteral)},
	"expr-builtin/q-datatype-1.rq":        {"p", "", "x", fnThenCmp(Datatype, Equal, `xsd:double`)},
	"expr-builtin/q-datatype-2.rq":        {"p", "", "x", fnThenCmp(Datatype, NotEqual, `<http://example/NotADataTypeIRI>`)},
	"expr-builtin/q-datatype-3.rq":        {"p", "", "x", fnThenCmp(Datatype, Equal, `xsd:string`)},
	"expr-builtin/q-lang-1.rq":            {"p", "", "x", fnThenCmp(Lang, NotEqual, `"@NotALangTag@"`)},
	"expr-builtin/q-lang-2.rq":            {"p", "", "x", fnThenCmp(Lang, Equal, `""`)},
	"expr-builtin/q-str-1.rq":             {"p", "", "x", fnThenCmp(Str, Equal, `"1"`)},
	"expr-builtin/q-str-2.rq":             {"p", "", "x", fnThenCmp(Str, Equal, `"01"`)},
	"expr-builtin/q-str-3.rq":             {"p", "", "x", fnThenCmp(Str, Equal, `"zzz"`)},
	"expr-builtin/q-str-4.rq":             {"p", "", "x", fnThenCmp(Str, Equal, `""`)},
	"expr-builtin/q-langMatches-1.rq":     {"", ":x", "", langMatchesConst("en-GB", false)},
	"expr-builtin/q-langMatches-2.rq":     {"", ":x", "", langMatchesConst("en", false)},
	"expr-builtin/q-langMatches-3.rq":     {"", ":x", "", langMatchesConst("*", false)},
	"expr-builtin/q-langMatches-4.rq":     {"", ":x", "", langMatchesConst("*", true)},
	"expr-builtin/q-langMatches-de-de.rq": {"", ":x", "", langMatchesConst("de-de", false)},
	"boolean-effective-value/query-bev-1.rq": {"p", "", "a", fnOnly(func(v rdf.Term) (rdf.Term, error) {
		b, err := EBV(v)
		if err != nil {
			return nil, err
		}
		return Bool(b), nil
	})},
	"boolean-effective-value/query-bev-2.rq": {"p", "", "a", fnOnly(Not)},
	"boolean-effective-value/query-bev-3.rq": {"p", "", "a", fnOnly(func(v rdf.Term) (rdf.Term, error) { return And(True, nil, v, nil) })},
	"boolean-effective-value/query-bev-4.rq": {"p", "", "a", fnOnly(func(v rdf.Term) (rdf.Term, error) { return Or(False, nil, v, nil) })},
}

var prefixDecl = regexp.MustCompile(`(?i)PREFIX\s+(\w*):\s*<([^>]*)>`)

func TestW3C_Filters(t *testing.T) {
	var ms []string
	for _, m := range []string{"expr-equals", "expr-ops", "open-world", "expr-builtin", "boolean-effective-value"} {
		ms = append(ms, "sparql/sparql10/"+m+"/manifest.ttl")
	}
	runCases(t, "W3C sparql10 single-pattern FILTER queries", filterCases, byQuery, ms, runFilterCase)
}

func runFilterCase(t *testing.T, tc w3c.Test, c filterCase) error {
	q, err := os.ReadFile(tc.Query)
	if err != nil {
		return err
	}
	prefixes := map[string]string{"xsd": xsd}
	for _, m := range prefixDecl.FindAllStringSubmatch(string(q), -1) {
		prefixes[m[1]] = m[2]
	}
	expand := func(s string) string {
		// Expand prefixed names outside quotes: p:local -> <iri>.
		return regexp.MustCompile(`(^|[\s^])(\w*):(\w+)`).ReplaceAllStringFunc(s, func(m string) string {
			lead := ""
			if m[0] == ' ' || m[0] == '^' {
				lead, m = m[:1], m[1:]
			}
			p, local, _ := strings.Cut(m, ":")
			ns, ok := prefixes[p]
			if !ok {
				return lead + m
			}
			return lead + "<" + ns + local + ">"
		})
	}
	konst := func(s string) rdf.Term { return mustTerm(t, expand(s)) }
	var fixed rdf.Term
	if c.subj != "" {
		fixed = konst(c.subj)
	}
	var got []string
	for _, path := range tc.Data {
		quads, err := readTurtle(path)
		if err != nil {
			return err
		}
		for _, qd := range quads {
			p := string(qd.Predicate.(rdf.IRI))
			if c.pred != "" && !strings.HasSuffix(p, "#"+c.pred) && !strings.HasSuffix(p, "/"+c.pred) {
				continue
			}
			if fixed != nil && qd.Subject != fixed {
				continue
			}
			r, err := c.filter(konst, qd.Object)
			if keep, err := EBVOf(r, err); err != nil || !keep {
				continue
			}
			got = append(got, rowKey(c, qd.Subject, qd.Predicate, qd.Object, nil))
		}
	}
	rows, err := readExpectedRows(tc.Result)
	if err != nil {
		return err
	}
	var want []string
	var shape map[string]rdf.Term
	for _, r := range rows {
		want = append(want, rowKey(c, r[c.svar], r["p"], r["v"], r))
		shape = r
	}
	// Project the computed rows like the expected ones: drop what the result does not bind.
	if shape != nil {
		for i, g := range got {
			parts := strings.Split(g, "|")
			if _, ok := shape["v"]; !ok {
				parts[2] = "-"
			}
			if _, ok := shape["p"]; !ok {
				parts[1] = "-"
			}
			if _, ok := shape[c.svar]; !ok || c.svar == "" {
				parts[0] = "-"
			}
			got[i] = strings.Join(parts, "|")
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		return fmt.Errorf("rows differ\n got: %q\nwant: %q", got, want)
	}
	return nil
}

// rowKey is a comparable form of a row: subject|predicate|value, blank nodes anonymised.
func rowKey(c filterCase, s, p, v rdf.Term, expected map[string]rdf.Term) string {
	k := func(t rdf.Term) string {
		switch t.(type) {
		case nil:
			return "-"
		case rdf.BlankNode:
			return "_:"
		}
		return t.String()
	}
	if expected != nil && c.svar == "" {
		s = nil
	}
	return k(s) + "|" + k(p) + "|" + k(v)
}

// readExpectedRows reads an .srx file or an rs:ResultSet graph in Turtle.
func readExpectedRows(path string) ([]map[string]rdf.Term, error) {
	if strings.HasSuffix(path, ".srx") {
		return readSRX(path)
	}
	quads, err := readTurtle(path)
	if err != nil {
		return nil, err
	}
	const rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
	props := map[rdf.Term]map[string][]rdf.Term{}
	for _, q := range quads {
		if props[q.Subject] == nil {
			props[q.Subject] = map[string][]rdf.Term{}
		}
		p := string(q.Predicate.(rdf.IRI))
		props[q.Subject][p] = append(props[q.Subject][p], q.Object)
	}
	var rows []map[string]rdf.Term
	for _, node := range props {
		for _, sol := range node[rs+"solution"] {
			row := map[string]rdf.Term{}
			for _, b := range props[sol][rs+"binding"] {
				vars := props[b][rs+"variable"]
				vals := props[b][rs+"value"]
				if len(vars) == 1 && len(vals) == 1 {
					row[vars[0].(rdf.Literal).Lexical] = vals[0]
				}
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}
