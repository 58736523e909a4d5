package eval

import (
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// Filter sinking: a filter above a MINUS, OPTIONAL or join (other than a join of BGPs, which
// pushFilter flattens into one BGP) is checked below it where that gives the same solutions, so that it reaches the BGP underneath (and is pushed into its
// nested loops) instead of running after the operator has done its work.
//
//   - Filter(F, Minus(A, B)) = Minus(Filter(F, A), B): MINUS returns solutions of A unchanged
//     (https://www.w3.org/TR/sparql11-query/#defn_algMinus), so F sees the same solution.
//   - Filter(F, LeftJoin(A, B, c)) = Filter(F2, LeftJoin(Filter(F1, A), B, c)) and
//     Filter(F, Join(A, B)) = Filter(F2, Join(Filter(F1, A), Filter(F3, B))), where F1 (F3)
//     are the conjuncts without EXISTS whose variables A (B) binds in every solution: the
//     joined solution has the same values for them.
//
// The rewritten operators are made once per query; Profile counts them under the operators
// they replace.

// sunk returns the operator to evaluate instead of o, or nil when nothing sinks.
func (q *query) sunk(o *algebra.Filter) algebra.Op {
	if q.sinks == nil {
		q.sinks = map[*algebra.Filter]algebra.Op{}
	}
	if r, ok := q.sinks[o]; ok {
		return r
	}
	r := q.sink(o)
	q.sinks[o] = r
	return r
}

func (q *query) sink(o *algebra.Filter) algebra.Op {
	switch x := o.Op.(type) {
	case *algebra.Minus:
		m := &algebra.Minus{Left: &algebra.Filter{Exprs: o.Exprs, Op: x.Left}, Right: x.Right}
		q.alias(m, x)
		return m
	case *algebra.LeftJoin:
		down, keep := q.splitConjuncts(o.Exprs, x.Left)
		if len(down) == 0 {
			return nil
		}
		lj := &algebra.LeftJoin{Left: &algebra.Filter{Exprs: down, Op: x.Left}, Right: x.Right, Expr: x.Expr}
		q.alias(lj, x)
		if len(keep) == 0 {
			return lj
		}
		f := &algebra.Filter{Exprs: keep, Op: lj}
		q.sinks[f] = nil // nothing more sinks from what stayed
		return f
	case *algebra.Join:
		left, rest := q.splitConjuncts(o.Exprs, x.Left)
		right, keep := q.splitConjuncts(rest, x.Right)
		if len(left) == 0 && len(right) == 0 {
			return nil
		}
		j := &algebra.Join{Left: x.Left, Right: x.Right}
		if len(left) > 0 {
			j.Left = &algebra.Filter{Exprs: left, Op: x.Left}
		}
		if len(right) > 0 {
			j.Right = &algebra.Filter{Exprs: right, Op: x.Right}
		}
		q.alias(j, x)
		if len(keep) == 0 {
			return j
		}
		f := &algebra.Filter{Exprs: keep, Op: j}
		q.sinks[f] = nil
		return f
	}
	return nil
}

// splitConjuncts divides the conjuncts of xs into those op certainly binds every variable
// of (without EXISTS) and the rest.
func (q *query) splitConjuncts(xs []algebra.Expr, op algebra.Op) (down, keep []algebra.Expr) {
	sure := q.certain(op)
	for _, x := range algebra.Conjuncts(xs...) {
		vars, exists := exprVars(x)
		ok := !exists
		for _, v := range vars {
			if !sure[q.slot(v)] {
				ok = false
			}
		}
		if ok {
			down = append(down, x)
		} else {
			keep = append(keep, x)
		}
	}
	return down, keep
}

// alias makes Profile count made under orig.
func (q *query) alias(made, orig algebra.Op) {
	if p := q.opts.Profile; p != nil {
		if p.aliases == nil {
			p.aliases = map[algebra.Op]algebra.Op{}
		}
		p.aliases[made] = orig
	}
}
