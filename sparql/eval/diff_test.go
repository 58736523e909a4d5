package eval_test

// A differential test: random queries over random small data, evaluated by the engine and by
// a deliberately naive reference evaluator written here straight from the definitions of
// https://www.w3.org/TR/sparql11-query/#sparqlAlgebra (nested loops over all triples,
// solutions as maps), compared as bags.

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

type sol map[string]rdf.Term

type pnode struct {
	v string   // variable name, or
	t rdf.Term // a constant
}

func (n pnode) String() string {
	if n.v != "" {
		return "?" + n.v
	}
	switch t := n.t.(type) {
	case rdf.IRI:
		return "<" + string(t) + ">"
	case rdf.Literal:
		if t.Datatype == rdf.XSDInteger {
			return t.Lexical
		}
		return `"` + t.Lexical + `"`
	}
	panic("unreachable")
}

type rpat interface{ render() string }

type (
	rBGP  [][3]pnode
	rJoin struct{ l, r rpat }
	rOpt  struct {
		l, r rpat
		f    *rFilterExpr
	}
	rUnion  struct{ l, r rpat }
	rMinus  struct{ l, r rpat }
	rFilter struct {
		p rpat
		f *rFilterExpr
	}
	// rExtend is { p } BIND(?v AS ?e), or BIND(c AS ?e) when v is "".
	rExtend struct {
		p rpat
		v string
		c rdf.Term
	}
)

// rFilterExpr is one of: bound(?v), !bound(?v), sameTerm(?v, c), !sameTerm(?v, ?w), isLiteral(?v),
// (a && b), ((1 + 1 = 2) && a), ((2 < 1) || a); the last three exercise the optimiser's
// filter-split and constant-folding passes.
type rFilterExpr struct {
	kind int
	v, w string
	c    rdf.Term
	a, b *rFilterExpr
}

func (f *rFilterExpr) render() string {
	switch f.kind {
	case 0:
		return "bound(?" + f.v + ")"
	case 1:
		return "!bound(?" + f.v + ")"
	case 2:
		return "sameTerm(?" + f.v + ", " + pnode{t: f.c}.String() + ")"
	case 3:
		return "!sameTerm(?" + f.v + ", ?" + f.w + ")"
	case 5:
		return "(" + f.a.render() + " && " + f.b.render() + ")"
	case 6:
		return "((1 + 1 = 2) && " + f.a.render() + ")"
	case 7:
		return "((2 < 1) || " + f.a.render() + ")"
	default:
		return "isLiteral(?" + f.v + ")"
	}
}

// eval returns the filter's effective boolean value; errors (unbound arguments) are false.
func (f *rFilterExpr) eval(s sol) bool {
	x, xok := s[f.v]
	switch f.kind {
	case 0:
		return xok
	case 1:
		return !xok
	case 2:
		return xok && x == f.c
	case 3:
		y, yok := s[f.w]
		return xok && yok && x != y
	case 5:
		return f.a.eval(s) && f.b.eval(s)
	case 6, 7:
		return f.a.eval(s)
	default:
		_, lit := x.(rdf.Literal)
		return xok && lit
	}
}

func (b rBGP) render() string {
	var sb strings.Builder
	for _, t := range b {
		fmt.Fprintf(&sb, "%s %s %s . ", t[0], t[1], t[2])
	}
	return sb.String()
}
func (j rJoin) render() string { return "{ " + j.l.render() + "} { " + j.r.render() + "} " }
func (o rOpt) render() string {
	if o.f == nil {
		// The extra group keeps a FILTER of r inside r: OPTIONAL { {P} FILTER(f) } would make
		// f the LeftJoin's condition (18.2.2.6).
		return "{ " + o.l.render() + "} OPTIONAL { { " + o.r.render() + "} } "
	}
	return "{ " + o.l.render() + "} OPTIONAL { { " + o.r.render() + "} FILTER(" + o.f.render() + ") } "
}
func (u rUnion) render() string  { return "{ " + u.l.render() + "} UNION { " + u.r.render() + "} " }
func (m rMinus) render() string  { return "{ " + m.l.render() + "} MINUS { " + m.r.render() + "} " }
func (f rFilter) render() string { return "{ " + f.p.render() + "} FILTER(" + f.f.render() + ") " }
func (x rExtend) render() string {
	if x.v == "" {
		return "{ " + x.p.render() + "} BIND(" + pnode{t: x.c}.String() + " AS ?e) "
	}
	return "{ " + x.p.render() + "} BIND(?" + x.v + " AS ?e) "
}

func compatibleSol(a, b sol) bool {
	for k, v := range a {
		if w, ok := b[k]; ok && w != v {
			return false
		}
	}
	return true
}

func mergeSol(a, b sol) sol {
	m := sol{}
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

// refEval is the reference evaluator.
func refEval(p rpat, data []rdf.Quad) []sol {
	switch p := p.(type) {
	case rBGP:
		out := []sol{{}}
		for _, tp := range p {
			var next []sol
			for _, s := range out {
				for _, t := range data {
					m := mergeSol(s, sol{})
					ok := true
					for i, term := range []rdf.Term{t.Subject, t.Predicate, t.Object} {
						n := tp[i]
						if n.v == "" {
							ok = ok && n.t == term
						} else if v, bound := m[n.v]; bound {
							ok = ok && v == term
						} else {
							m[n.v] = term
						}
					}
					if ok {
						next = append(next, m)
					}
				}
			}
			out = next
		}
		return out
	case rJoin:
		var out []sol
		for _, a := range refEval(p.l, data) {
			for _, b := range refEval(p.r, data) {
				if compatibleSol(a, b) {
					out = append(out, mergeSol(a, b))
				}
			}
		}
		return out
	case rOpt:
		var out []sol
		rs := refEval(p.r, data)
		for _, a := range refEval(p.l, data) {
			found := false
			for _, b := range rs {
				if compatibleSol(a, b) {
					m := mergeSol(a, b)
					if p.f == nil || p.f.eval(m) {
						out = append(out, m)
						found = true
					}
				}
			}
			if !found {
				out = append(out, a)
			}
		}
		return out
	case rUnion:
		return append(refEval(p.l, data), refEval(p.r, data)...)
	case rMinus:
		var out []sol
		rs := refEval(p.r, data)
	next:
		for _, a := range refEval(p.l, data) {
			for _, b := range rs {
				shared := false
				for k := range a {
					if _, ok := b[k]; ok {
						shared = true
					}
				}
				if shared && compatibleSol(a, b) {
					continue next
				}
			}
			out = append(out, a)
		}
		return out
	case rFilter:
		var out []sol
		for _, s := range refEval(p.p, data) {
			if p.f.eval(s) {
				out = append(out, s)
			}
		}
		return out
	case rExtend:
		// https://www.w3.org/TR/sparql11-query/#defn_extend: an error leaves ?e unbound.
		var out []sol
		for _, s := range refEval(p.p, data) {
			m := mergeSol(s, sol{})
			if p.v == "" {
				m["e"] = p.c
			} else if x, ok := s[p.v]; ok {
				m["e"] = x
			}
			out = append(out, m)
		}
		return out
	}
	panic("unreachable")
}

type gen struct {
	extended bool // at most one BIND per query: ?e must not be in scope twice
	r        *rand.Rand
	terms    []rdf.Term
	preds    []rdf.Term
	vars     []string
}

func (g *gen) node(pred bool) pnode {
	if g.r.Intn(4) > 0 {
		return pnode{v: g.vars[g.r.Intn(len(g.vars))]}
	}
	if pred {
		return pnode{t: g.preds[g.r.Intn(len(g.preds))]}
	}
	return pnode{t: g.terms[g.r.Intn(len(g.terms))]}
}

func (g *gen) subject() pnode {
	for {
		n := g.node(false)
		if _, lit := n.t.(rdf.Literal); !lit {
			return n
		}
	}
}

func (g *gen) filter() *rFilterExpr {
	f := &rFilterExpr{kind: g.r.Intn(8), v: g.vars[g.r.Intn(len(g.vars))], w: g.vars[g.r.Intn(len(g.vars))]}
	f.c = g.terms[g.r.Intn(len(g.terms))]
	if f.kind >= 5 {
		f.a = g.filter()
		if f.kind == 5 {
			f.b = g.filter()
		}
	}
	return f
}

func (g *gen) pattern(depth int) rpat {
	if depth == 0 || g.r.Intn(3) == 0 {
		n := 1 + g.r.Intn(2)
		var b rBGP
		for i := 0; i < n; i++ {
			pred := g.node(true)
			b = append(b, [3]pnode{g.subject(), pred, g.node(false)})
		}
		return b
	}
	if !g.extended && g.r.Intn(6) == 0 {
		g.extended = true
		x := rExtend{p: g.pattern(depth - 1)}
		if g.r.Intn(3) == 0 {
			x.c = g.terms[g.r.Intn(len(g.terms))]
		} else {
			x.v = g.vars[g.r.Intn(len(g.vars))]
		}
		return x
	}
	l, r := g.pattern(depth-1), g.pattern(depth-1)
	switch g.r.Intn(5) {
	case 0:
		return rJoin{l, r}
	case 1:
		o := rOpt{l: l, r: r}
		if g.r.Intn(2) == 0 {
			o.f = g.filter()
		}
		return o
	case 2:
		return rUnion{l, r}
	case 3:
		return rMinus{l, r}
	default:
		return rFilter{p: l, f: g.filter()}
	}
}

func rowKey(vars []string, get func(i int) rdf.Term) string {
	var sb strings.Builder
	for i := range vars {
		if t := get(i); t != nil {
			sb.WriteString(t.String())
		} else {
			sb.WriteString("UNDEF")
		}
		sb.WriteByte(' ')
	}
	return sb.String()
}

func TestDifferential_RandomQueries(t *testing.T) {
	testDifferential(t)
}

// TestDifferential_RandomQueries_HashedLevels runs the same queries with every BGP level
// served by a hash table of its scan.
func TestDifferential_RandomQueries_HashedLevels(t *testing.T) {
	defer eval.SetEagerHashing()()
	testDifferential(t)
}

func testDifferential(t *testing.T) {
	const queries = 1000
	r := rand.New(rand.NewSource(20261127))
	g := &gen{r: r, vars: []string{"a", "b", "c", "d"}}
	for i := 0; i < 4; i++ {
		g.terms = append(g.terms, rdf.IRI(fmt.Sprintf("http://ex/n%d", i)))
	}
	g.terms = append(g.terms, rdf.NewLiteral("x"), rdf.NewLiteral("y"), rdf.NewTypedLiteral("1", rdf.XSDInteger))
	for i := 0; i < 3; i++ {
		g.preds = append(g.preds, rdf.IRI(fmt.Sprintf("http://ex/p%d", i)))
	}
	mismatches, nonEmpty, optimised := 0, 0, 0
	fired := map[string]int{}
	for qi := 0; qi < queries; qi++ {
		d := memds.New()
		seen := map[rdf.Quad]bool{}
		var data []rdf.Quad
		for n := 15 + r.Intn(20); len(data) < n; {
			q := rdf.Quad{Subject: g.terms[r.Intn(4)], Predicate: g.preds[r.Intn(3)], Object: g.terms[r.Intn(len(g.terms))]}
			if !seen[q] {
				seen[q] = true
				data = append(data, q)
				d.Add(q)
			}
		}
		g.extended = false
		p := g.pattern(3)
		aggregate := r.Intn(5) == 0
		distinct := !aggregate && r.Intn(4) == 0
		var src string
		var vars []string
		var want []string
		ref := refEval(p, data)
		if aggregate {
			vars = []string{"a", "n"}
			src = "SELECT ?a (COUNT(*) AS ?n) WHERE { " + p.render() + "} GROUP BY ?a"
			counts := map[string]int{}
			keys := map[string]rdf.Term{}
			for _, s := range ref {
				k := rowKey([]string{"a"}, func(int) rdf.Term { return s["a"] })
				counts[k]++
				keys[k] = s["a"]
			}
			for k, n := range counts {
				want = append(want, rowKey(vars, func(i int) rdf.Term {
					if i == 0 {
						return keys[k]
					}
					return rdf.NewTypedLiteral(fmt.Sprint(n), rdf.XSDInteger)
				}))
			}
		} else {
			vars = append(append([]string(nil), g.vars...), "e")
			mod := ""
			if distinct {
				mod = "DISTINCT "
			}
			src = "SELECT " + mod + "?a ?b ?c ?d ?e WHERE { " + p.render() + "}"
			dup := map[string]bool{}
			for _, s := range ref {
				k := rowKey(vars, func(i int) rdf.Term { return s[vars[i]] })
				if distinct && dup[k] {
					continue
				}
				dup[k] = true
				want = append(want, k)
			}
		}
		pq, err := parser.ParseQuery(src, parser.Options{})
		if err != nil {
			t.Fatalf("query %d does not parse: %v\n%s", qi, err, src)
		}
		sort.Strings(want)
		// Each query runs with the optimiser's passes (package opt) and without them; both
		// must agree with the reference.
		for _, noOpt := range []bool{false, true} {
			prof := &eval.Profile{}
			res, err := eval.Query(context.Background(), d, pq, eval.Options{NoOptimize: noOpt, Profile: prof})
			if err != nil {
				t.Fatalf("query %d: %v\n%s", qi, err, src)
			}
			var got []string
			for res.Solutions.Next() {
				row := res.Solutions.Row()
				got = append(got, rowKey(vars, func(i int) rdf.Term { return row[i] }))
			}
			if err := res.Solutions.Err(); err != nil {
				t.Fatalf("query %d: %v", qi, err)
			}
			if !noOpt {
				if len(got) > 0 {
					nonEmpty++
				}
				if len(prof.Passes) > 0 {
					optimised++
				}
				for _, p := range dedup(prof.Passes) {
					fired[p]++
				}
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				mismatches++
				if mismatches <= 5 {
					t.Errorf("query %d (NoOptimize %v, passes %v) differs from the reference:\n%s\ngot %d rows:\n%s\nwant %d rows:\n%s",
						qi, noOpt, prof.Passes, src, len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
				}
			}
		}
	}
	t.Logf("differential: %d queries (%d with solutions), each with and without the optimiser, %d mismatches; passes fired in %d: %v",
		queries, nonEmpty, mismatches, optimised, fired)
	if optimised < queries/4 {
		t.Errorf("the optimiser changed only %d of %d queries: the generator tests it too little", optimised, queries)
	}
	if nonEmpty < queries/4 {
		t.Errorf("only %d of %d queries have solutions: the generator tests too little", nonEmpty, queries)
	}
	if mismatches > 0 {
		t.Errorf("%d of %d random queries differ from the reference evaluator", mismatches, queries)
	}
}

func dedup(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
