package eval

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// collect gives every variable of op (including those inside expressions and EXISTS) a slot.
func (q *query) collect(op algebra.Op) {
	node := func(n algebra.Node) {
		if n.IsVar() && n.Var != "" {
			q.slot(n.Var)
		}
	}
	switch o := op.(type) {
	case *algebra.BGP, *algebra.Path:
		patternNodes(op, node)
	case *algebra.Join:
		q.collect(o.Left)
		q.collect(o.Right)
	case *algebra.LeftJoin:
		q.collect(o.Left)
		q.collect(o.Right)
		q.collectExpr(o.Expr)
	case *algebra.Filter:
		q.collect(o.Op)
		for _, e := range o.Exprs {
			q.collectExpr(e)
		}
	case *algebra.Union:
		q.collect(o.Left)
		q.collect(o.Right)
	case *algebra.Graph:
		node(o.Name)
		q.collect(o.Op)
	case *algebra.Extend:
		q.collect(o.Op)
		q.extended[q.slot(o.Var)] = true
		q.collectExpr(o.Expr)
	case *algebra.Minus:
		q.collect(o.Left)
		q.collect(o.Right)
	case *algebra.Table:
		for _, v := range o.Vars {
			q.slot(v)
		}
	case *algebra.Service:
		node(o.Name)
		q.collect(o.Op)
	case *algebra.Group:
		q.collect(o.Op)
		for _, k := range o.Keys {
			if k.Var != "" {
				q.slot(k.Var)
			}
			q.collectExpr(k.Expr)
		}
		for _, a := range o.Aggs {
			q.slot(a.Var)
			q.collectExpr(a.Agg)
		}
	case *algebra.OrderBy:
		q.collect(o.Op)
		for _, c := range o.Conds {
			q.collectExpr(c.Expr)
		}
	case *algebra.Project:
		q.collect(o.Op)
		for _, v := range o.Vars {
			q.slot(v)
		}
	case *algebra.Distinct:
		q.collect(o.Op)
	case *algebra.Reduced:
		q.collect(o.Op)
	case *algebra.Slice:
		q.collect(o.Op)
	default:
		panic(fmt.Sprintf("unreachable: %T", op))
	}
}

// patternNodes calls f with every node of a BGP's triple patterns or of a path's ends;
// other operators have none of their own.
func patternNodes(op algebra.Op, f func(algebra.Node)) {
	switch o := op.(type) {
	case *algebra.BGP:
		for _, t := range o.Triples {
			f(t.S)
			f(t.P)
			f(t.O)
		}
	case *algebra.Path:
		f(o.S)
		f(o.O)
	}
}

func (q *query) collectExpr(e algebra.Expr) {
	switch x := e.(type) {
	case nil:
	case *algebra.ExprVar:
		q.slot(x.Var)
	case *algebra.ExprConst:
	case *algebra.ExprCall:
		for _, a := range x.Args {
			q.collectExpr(a)
		}
	case *algebra.ExprFunc:
		for _, a := range x.Args {
			q.collectExpr(a)
		}
	case *algebra.ExprExists:
		q.collect(x.Op)
	case *algebra.ExprAgg:
		q.collectExpr(x.Arg)
	default:
		panic(fmt.Sprintf("unreachable: %T", e))
	}
}

// varSet is a set of variable slots.
type varSet map[int]bool

// seedable reports whether evaluating op with a seed μ whose bound variables are among
// inSeed gives exactly the solutions of op compatible with μ, merged with μ; then a join may
// evaluate op once per left solution with that solution as seed (an index nested-loop join),
// binding known values into the patterns. BGPs, paths, VALUES and their joins and unions
// are; so are Filter, Extend (BIND) and LeftJoin (OPTIONAL) when every seed variable their
// expressions or optional part mention is certainly bound by their own pattern, since the
// seed then cannot change what those see. MINUS, subqueries and groups are not.
func (q *query) seedable(op algebra.Op, inSeed varSet) bool {
	switch o := op.(type) {
	case *algebra.BGP, *algebra.Path, *algebra.Table:
		return true
	case *algebra.Join:
		return q.seedable(o.Left, inSeed) && q.seedable(o.Right, inSeed)
	case *algebra.Union:
		return q.seedable(o.Left, inSeed) && q.seedable(o.Right, inSeed)
	case *algebra.Graph:
		return q.seedable(o.Op, inSeed)
	case *algebra.Service:
		// SERVICE ?endpoint needs the endpoint from the left; the answer is joined with the
		// seed either way.
		return o.Name.IsVar()
	case *algebra.Filter:
		if !q.seedable(o.Op, inSeed) {
			return false
		}
		sure := q.certain(o.Op)
		for _, x := range o.Exprs {
			if !q.coveredExpr(x, inSeed, sure) {
				return false
			}
		}
		return true
	case *algebra.Extend:
		return q.seedable(o.Op, inSeed) && q.coveredExpr(o.Expr, inSeed, q.certain(o.Op))
	case *algebra.LeftJoin:
		if !q.seedable(o.Left, inSeed) || !q.seedable(o.Right, inSeed) {
			return false
		}
		sure := q.certain(o.Left)
		for v := range q.maybe(o.Right) {
			if inSeed[v] && !sure[v] {
				return false
			}
		}
		return o.Expr == nil || q.coveredExpr(o.Expr, inSeed, sure)
	}
	return false
}

// coveredExpr reports whether every variable of x that the seed may bind is in sure, and x
// has no EXISTS (whose pattern would see the seed).
func (q *query) coveredExpr(x algebra.Expr, inSeed, sure varSet) bool {
	vars, exists := exprVars(x)
	if exists {
		return false
	}
	for _, v := range vars {
		if s := q.slot(v); inSeed[s] && !sure[s] {
			return false
		}
	}
	return true
}

// maybe returns the variables op may bind (its in-scope variables, 18.2.1).
func (q *query) maybe(op algebra.Op) varSet {
	vs := varSet{}
	var walk func(op algebra.Op)
	node := func(n algebra.Node) {
		if n.IsVar() && n.Var != "" {
			vs[q.slot(n.Var)] = true
		}
	}
	walk = func(op algebra.Op) {
		switch o := op.(type) {
		case *algebra.BGP, *algebra.Path:
			patternNodes(op, node)
		case *algebra.Join:
			walk(o.Left)
			walk(o.Right)
		case *algebra.LeftJoin:
			walk(o.Left)
			walk(o.Right)
		case *algebra.Union:
			walk(o.Left)
			walk(o.Right)
		case *algebra.Minus:
			walk(o.Left)
		case *algebra.Filter:
			walk(o.Op)
		case *algebra.Graph:
			node(o.Name)
			walk(o.Op)
		case *algebra.Extend:
			walk(o.Op)
			vs[q.slot(o.Var)] = true
		case *algebra.Table:
			for _, v := range o.Vars {
				vs[q.slot(v)] = true
			}
		case *algebra.Service:
			walk(o.Op)
		case *algebra.Group:
			for _, k := range o.Keys {
				if k.Var != "" {
					vs[q.slot(k.Var)] = true
				}
			}
			for _, a := range o.Aggs {
				vs[q.slot(a.Var)] = true
			}
		case *algebra.Project:
			for _, v := range o.Vars {
				vs[q.slot(v)] = true
			}
		case *algebra.OrderBy:
			walk(o.Op)
		case *algebra.Distinct:
			walk(o.Op)
		case *algebra.Reduced:
			walk(o.Op)
		case *algebra.Slice:
			walk(o.Op)
		default:
			panic(fmt.Sprintf("unreachable: %T", op))
		}
	}
	walk(op)
	return vs
}

// certain returns variables op binds in every solution (a subset is safe).
func (q *query) certain(op algebra.Op) varSet {
	vs := varSet{}
	switch o := op.(type) {
	case *algebra.BGP, *algebra.Path:
		return q.maybe(op)
	case *algebra.Join:
		for v := range q.certain(o.Left) {
			vs[v] = true
		}
		for v := range q.certain(o.Right) {
			vs[v] = true
		}
	case *algebra.LeftJoin:
		return q.certain(o.Left)
	case *algebra.Minus:
		return q.certain(o.Left)
	case *algebra.Filter:
		return q.certain(o.Op)
	case *algebra.Extend:
		return q.certain(o.Op)
	case *algebra.Union:
		r := q.certain(o.Right)
		for v := range q.certain(o.Left) {
			if r[v] {
				vs[v] = true
			}
		}
	case *algebra.Graph:
		for v := range q.certain(o.Op) {
			vs[v] = true
		}
		if o.Name.IsVar() {
			vs[q.slot(o.Name.Var)] = true
		}
	case *algebra.Table:
		for i, v := range o.Vars {
			every := true
			for _, row := range o.Rows {
				if row[i] == nil {
					every = false
				}
			}
			if every {
				vs[q.slot(v)] = true
			}
		}
	case *algebra.Project:
		keep := q.certain(o.Op)
		for _, v := range o.Vars {
			if s := q.slot(v); keep[s] {
				vs[s] = true
			}
		}
	case *algebra.OrderBy:
		return q.certain(o.Op)
	case *algebra.Distinct:
		return q.certain(o.Op)
	case *algebra.Reduced:
		return q.certain(o.Op)
	case *algebra.Slice:
		return q.certain(o.Op)
	}
	return vs
}

// seedableAfter decides, once per operator and seed shape, whether right may be seeded
// with solutions of left (which bind at most left's variables besides the seed's).
func (q *query) seedableAfter(key algebra.Op, left algebra.Op, right algebra.Op, seed Binding, extra ...int) bool {
	var buf [32]byte
	mask := buf[:0]
	for i, x := range seed {
		if x != 0 {
			mask = append(mask, byte(i), byte(i>>8))
		}
	}
	k := seedKey{key, string(mask)}
	if b, ok := q.seedOK[k]; ok {
		return b
	}
	in := varSet{}
	for i, x := range seed {
		if x != 0 {
			in[i] = true
		}
	}
	if left != nil {
		for v := range q.maybe(left) {
			in[v] = true
		}
	}
	for _, v := range extra {
		in[v] = true
	}
	b := q.seedable(right, in)
	q.seedOK[k] = b
	return b
}

type seedKey struct {
	op   algebra.Op
	mask string
}
