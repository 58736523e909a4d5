package opt

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// rewrite applies f bottom-up to every operator of the tree (not inside EXISTS patterns):
// the children first, then f on the node with its rewritten children. Unchanged subtrees
// keep their identity; changed nodes are shallow copies.
func rewrite(op algebra.Op, f func(algebra.Op) (algebra.Op, bool)) (algebra.Op, bool) {
	changed := false
	kid := func(k algebra.Op) algebra.Op {
		n, ok := rewrite(k, f)
		if ok {
			changed = true
		}
		return n
	}
	switch o := op.(type) {
	case *algebra.BGP, *algebra.Path, *algebra.Table, *algebra.Service:
		// Leaves for the passes (a SERVICE pattern is sent as written).
	case *algebra.Join:
		l, r := kid(o.Left), kid(o.Right)
		if changed {
			op = &algebra.Join{Left: l, Right: r}
		}
	case *algebra.LeftJoin:
		l, r := kid(o.Left), kid(o.Right)
		if changed {
			op = &algebra.LeftJoin{Left: l, Right: r, Expr: o.Expr}
		}
	case *algebra.Union:
		l, r := kid(o.Left), kid(o.Right)
		if changed {
			op = &algebra.Union{Left: l, Right: r}
		}
	case *algebra.Minus:
		l, r := kid(o.Left), kid(o.Right)
		if changed {
			op = &algebra.Minus{Left: l, Right: r}
		}
	case *algebra.Filter:
		if k := kid(o.Op); changed {
			op = &algebra.Filter{Exprs: o.Exprs, Op: k}
		}
	case *algebra.Graph:
		if k := kid(o.Op); changed {
			op = &algebra.Graph{Name: o.Name, Op: k}
		}
	case *algebra.Extend:
		if k := kid(o.Op); changed {
			op = &algebra.Extend{Op: k, Var: o.Var, Expr: o.Expr}
		}
	case *algebra.Group:
		if k := kid(o.Op); changed {
			op = &algebra.Group{Keys: o.Keys, Aggs: o.Aggs, Op: k}
		}
	case *algebra.OrderBy:
		if k := kid(o.Op); changed {
			op = &algebra.OrderBy{Conds: o.Conds, Op: k}
		}
	case *algebra.Project:
		if k := kid(o.Op); changed {
			op = &algebra.Project{Vars: o.Vars, Op: k}
		}
	case *algebra.Distinct:
		if k := kid(o.Op); changed {
			op = &algebra.Distinct{Op: k}
		}
	case *algebra.Reduced:
		if k := kid(o.Op); changed {
			op = &algebra.Reduced{Op: k}
		}
	case *algebra.Slice:
		if k := kid(o.Op); changed {
			op = &algebra.Slice{Offset: o.Offset, Limit: o.Limit, Op: k}
		}
	default:
		panic(fmt.Sprintf("unreachable: %T", op))
	}
	if n, ok := f(op); ok {
		return n, true
	}
	return op, changed
}
