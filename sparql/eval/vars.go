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
	case *algebra.BGP:
		for _, t := range o.Triples {
			node(t.S)
			node(t.P)
			node(t.O)
		}
	case *algebra.Path:
		node(o.S)
		node(o.O)
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

// seedable reports whether evaluating op with a seed binding μ gives exactly the solutions
// of op compatible with μ, merged with μ; then a join may evaluate op once per left solution
// with that solution as seed (an index nested-loop join), binding known values into the
// patterns. Filters, BIND, OPTIONAL, MINUS, subqueries and groups are not: they see which
// variables are bound.
func seedable(op algebra.Op) bool {
	switch o := op.(type) {
	case *algebra.BGP, *algebra.Path, *algebra.Table:
		return true
	case *algebra.Join:
		return seedable(o.Left) && seedable(o.Right)
	case *algebra.Union:
		return seedable(o.Left) && seedable(o.Right)
	case *algebra.Graph:
		return seedable(o.Op)
	}
	return false
}
