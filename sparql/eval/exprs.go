package eval

import (
	"fmt"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/expr"
)

// exprFn evaluates a compiled expression over one solution (section 17): a term, or an
// expression error (an unbound variable included).
type exprFn func(b Binding) (rdf.Term, error)

// compileExpr compiles an algebra expression into a closure over Bindings. Terms are decoded
// from IDs only here.
func (q *query) compileExpr(x algebra.Expr, e *env) exprFn {
	switch x := x.(type) {
	case *algebra.ExprVar:
		s := q.slot(x.Var)
		return func(b Binding) (rdf.Term, error) {
			if b[s] == 0 {
				return nil, expr.ErrUnbound
			}
			return q.term(b[s])
		}
	case *algebra.ExprConst:
		t := x.Term
		return func(Binding) (rdf.Term, error) { return t, nil }
	case *algebra.ExprExists:
		op := x.Op
		not := x.Not
		return func(b Binding) (rdf.Term, error) {
			// https://www.w3.org/TR/sparql11-query/#defn_evalExists: the pattern with the
			// solution substituted, here as the seed of its evaluation.
			r := q.eval(op, e, b)
			found := r.Next()
			err := r.Err()
			r.Close()
			if err != nil {
				return nil, err
			}
			return expr.Bool(found != not), nil
		}
	case *algebra.ExprFunc:
		args := q.compileArgs(x.Args, e)
		if expr.CastFunction(x.IRI) && len(args) == 1 {
			iri := x.IRI
			return func(b Binding) (rdf.Term, error) {
				t, err := args[0](b)
				if err != nil {
					return nil, err
				}
				return expr.Cast(t, iri)
			}
		}
		err := fmt.Errorf("%w: function <%s>", ErrUnsupported, x.IRI)
		return func(Binding) (rdf.Term, error) { return nil, err }
	case *algebra.ExprCall:
		return q.compileCall(x, e)
	case *algebra.ExprAgg:
		err := fmt.Errorf("%w: aggregate outside a group", ErrUnsupported)
		return func(Binding) (rdf.Term, error) { return nil, err }
	default:
		panic(fmt.Sprintf("unreachable: %T", x))
	}
}

func (q *query) compileArgs(xs []algebra.Expr, e *env) []exprFn {
	fs := make([]exprFn, len(xs))
	for i, a := range xs {
		fs[i] = q.compileExpr(a, e)
	}
	return fs
}

func thunks(fs []exprFn, b Binding) []expr.Thunk {
	ts := make([]expr.Thunk, len(fs))
	for i, f := range fs {
		f := f
		ts[i] = func() (rdf.Term, error) { return f(b) }
	}
	return ts
}

func (q *query) compileCall(x *algebra.ExprCall, e *env) exprFn {
	args := q.compileArgs(x.Args, e)
	bad := func(err error) exprFn { return func(Binding) (rdf.Term, error) { return nil, err } }
	switch x.Name {
	case "&&", "||":
		if len(args) != 2 {
			break
		}
		and := x.Name == "&&"
		return func(b Binding) (rdf.Term, error) {
			l, lerr := args[0](b)
			r, rerr := args[1](b)
			if and {
				return expr.And(l, lerr, r, rerr)
			}
			return expr.Or(l, lerr, r, rerr)
		}
	case "bound":
		if len(x.Args) != 1 {
			break
		}
		v, ok := x.Args[0].(*algebra.ExprVar)
		if !ok {
			return bad(expr.ErrTypeError)
		}
		s := q.slot(v.Var)
		return func(b Binding) (rdf.Term, error) { return expr.Bool(b[s] != 0), nil }
	case "if":
		if len(args) != 3 {
			break
		}
		return func(b Binding) (rdf.Term, error) {
			t := thunks(args, b)
			return expr.If(t[0], t[1], t[2])
		}
	case "coalesce":
		return func(b Binding) (rdf.Term, error) { return expr.Coalesce(thunks(args, b)...) }
	case "in", "notin":
		if len(args) < 1 {
			break
		}
		not := x.Name == "notin"
		return func(b Binding) (rdf.Term, error) {
			t := thunks(args, b)
			if not {
				return expr.NotIn(t[0], t[1:]...)
			}
			return expr.In(t[0], t[1:]...)
		}
	case "iri", "uri":
		if len(args) != 1 {
			break
		}
		return func(b Binding) (rdf.Term, error) {
			t, err := args[0](b)
			if err != nil {
				return nil, err
			}
			return expr.IRI(t, q.base)
		}
	case "bnode":
		if len(args) == 0 {
			return func(Binding) (rdf.Term, error) { return q.freshBNode(), nil }
		}
		// BNODE(str): one blank node per string within one solution. The solution is
		// identified by its values apart from the variables BIND and SELECT expressions
		// add, so that BNODE(?x) in two SELECT expressions agrees.
		return func(b Binding) (rdf.Term, error) {
			t, err := args[0](b)
			if err != nil {
				return nil, err
			}
			masked := q.copyRow(b)
			for s := range q.extended {
				masked[s] = 0
			}
			sol := key(masked, nil)
			return expr.BNodeFrom(t, func(s string) rdf.BlankNode {
				k := sol + "|" + s
				if l, ok := q.bnodeKeys[k]; ok {
					return l
				}
				l := q.freshBNode()
				q.bnodeKeys[k] = l
				return l
			})
		}
	case "now":
		t := expr.Now(q.now)
		return func(Binding) (rdf.Term, error) { return t, nil }
	case "+", "-":
		if len(args) == 1 {
			name := "UPLUS"
			if x.Name == "-" {
				name = "UMINUS"
			}
			return q.strict(name, args)
		}
	}
	return q.strict(x.Name, args)
}

// strict calls a built-in of the expr package after evaluating every argument; the first
// error is the result (17.2). Deterministic built-ins of one or two arguments remember their
// results per argument terms (see memo).
func (q *query) strict(name string, args []exprFn) exprFn {
	bi, ok := expr.LookupBuiltin(name)
	if !ok || len(args) < bi.MinArgs || bi.MaxArgs >= 0 && len(args) > bi.MaxArgs {
		err := fmt.Errorf("%w: function %s/%d", ErrUnsupported, name, len(args))
		return func(Binding) (rdf.Term, error) { return nil, err }
	}
	if lname := strings.ToLower(name); (len(args) == 1 || len(args) == 2) && !nondeterministic[lname] && !cheap[lname] {
		m := &memo{m: map[[2]rdf.Term]memoVal{}}
		return func(b Binding) (rdf.Term, error) {
			var k [2]rdf.Term
			for i, a := range args {
				t, err := a(b)
				if err != nil {
					return nil, err
				}
				k[i] = t
			}
			if v, ok := m.get(k); ok {
				return v.t, v.err
			}
			t, err := bi.Call(k[:len(args)])
			m.put(k, memoVal{t, err})
			return t, err
		}
	}
	return func(b Binding) (rdf.Term, error) {
		var buf [4]rdf.Term
		vals := buf[:0]
		for _, a := range args {
			t, err := a(b)
			if err != nil {
				return nil, err
			}
			vals = append(vals, t)
		}
		return bi.Call(vals)
	}
}

// nondeterministic built-ins give a new value per call.
var nondeterministic = map[string]bool{"rand": true, "uuid": true, "struuid": true, "bnode": true}

// cheap built-ins cost less than hashing their arguments for a memo (comparisons are not
// among them: ordering dates parses both).
var cheap = map[string]bool{
	"!": true, "lang": true, "datatype": true, "str": true, "sameterm": true,
	"isiri": true, "isuri": true, "isblank": true, "isliteral": true, "isnumeric": true,
}

// memo remembers a built-in's results per argument terms: YEAR(?date) over many solutions
// sharing few dates, or the arithmetic on MONTH(...) (twelve values), computes each once. A
// call site whose arguments rarely repeat stops remembering after memoProbe lookups.
type memo struct {
	m             map[[2]rdf.Term]memoVal
	lookups, hits int
	off           bool
}

type memoVal struct {
	t   rdf.Term
	err error
}

const (
	memoProbe = 1024 // lookups after which a memo with few hits is switched off
	memoMax   = 4096 // entries a memo keeps at most
)

func (m *memo) get(k [2]rdf.Term) (memoVal, bool) {
	if m.off {
		return memoVal{}, false
	}
	m.lookups++
	v, ok := m.m[k]
	if ok {
		m.hits++
	}
	if m.lookups == memoProbe && m.hits < memoProbe/4 {
		m.off, m.m = true, nil
	}
	return v, ok
}

func (m *memo) put(k [2]rdf.Term, v memoVal) {
	if !m.off && len(m.m) < memoMax {
		m.m[k] = v
	}
}
