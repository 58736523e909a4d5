package opt

import "github.com/uitwisselingsplatform/uwp/sparql/algebra"

// FilterPlacement ("filter-placement") moves each expression of a Filter down to the lowest
// operator where it gives the same answer, so fewer solutions flow up and the evaluator can
// sink it into a BGP's levels. An expression moves only when it holds no EXISTS (which sees
// the whole solution and the active graph) and no volatile function; "certain(X)" below is
// the set of variables every solution of X binds. With vars(e) the variables of e:
//
//   - Filter(e, Filter(f, X)) = Filter(f e, X) (#defn_algFilter: a conjunction).
//   - Filter(e, Join(A, B)) = Join(Filter(e, A), B) when vars(e) ⊆ certain(A), since every
//     merged solution agrees with its A part on those variables (#defn_algJoin); likewise
//     for B.
//   - Filter(e, LeftJoin(A, B, c)) = LeftJoin(Filter(e, A), B, c) when vars(e) ⊆
//     certain(A): each solution extends a solution of A (#defn_algLeftJoin). Never into B:
//     an OPTIONAL keeps the left solution when B has no match.
//   - Filter(e, Minus(A, B)) = Minus(Filter(e, A), B): Minus returns solutions of A unchanged
//     (#defn_algMinus). Never into B.
//   - Filter(e, Union(A, B)) = Union(Filter(e, A), Filter(e, B)) (#defn_algUnion), done only
//     when vars(e) ⊆ certain(A) ∩ certain(B).
//   - Filter(e, Extend(X, v, x)) = Extend(Filter(e, X), v, x) when v ∉ vars(e) and vars(e) ⊆
//     certain(X) (#defn_extend adds only v).
//   - Filter(e, Graph(g, X)) = Graph(g, Filter(e, X)) when vars(e) ⊆ certain(X).
//   - LeftJoin(A, B, c) = LeftJoin(A, Filter(c, B), true) when vars(c) ⊆ certain(B): the
//     condition then depends on the B part of each merged solution only.
//
// Filters never cross Project, Group, OrderBy, Distinct, Reduced, Slice or Service: variable
// scope and solution counts change there (#sparqlSubquery, #defn_algSlice).
type FilterPlacement struct{}

// Name implements Pass.
func (FilterPlacement) Name() string { return "filter-placement" }

// Apply implements Pass.
func (FilterPlacement) Apply(op algebra.Op, _ *Context) (algebra.Op, bool) {
	return rewrite(op, place)
}

func place(op algebra.Op) (algebra.Op, bool) {
	if lj, ok := op.(*algebra.LeftJoin); ok && lj.Expr != nil {
		vs, movable := exprVars(lj.Expr)
		if movable && certain(lj.Right).covers(vs) {
			r, _ := place(addFilter(lj.Right, []algebra.Expr{lj.Expr}))
			return &algebra.LeftJoin{Left: lj.Left, Right: r}, true
		}
		return op, false
	}
	f, ok := op.(*algebra.Filter)
	if !ok {
		return op, false
	}
	if inner, ok := f.Op.(*algebra.Filter); ok {
		exprs := append(append([]algebra.Expr(nil), inner.Exprs...), f.Exprs...)
		out, _ := place(&algebra.Filter{Exprs: exprs, Op: inner.Op})
		return out, true
	}
	var keep []algebra.Expr
	var toL, toR []algebra.Expr
	for _, x := range f.Exprs {
		vs, movable := exprVars(x)
		if !movable {
			keep = append(keep, x)
			continue
		}
		switch o := f.Op.(type) {
		case *algebra.Join:
			if certain(o.Left).covers(vs) {
				toL = append(toL, x)
				continue
			}
			if certain(o.Right).covers(vs) {
				toR = append(toR, x)
				continue
			}
		case *algebra.LeftJoin:
			if certain(o.Left).covers(vs) {
				toL = append(toL, x)
				continue
			}
		case *algebra.Minus:
			toL = append(toL, x)
			continue
		case *algebra.Union:
			if certain(o.Left).covers(vs) && certain(o.Right).covers(vs) {
				toL = append(toL, x)
				toR = append(toR, x)
				continue
			}
		case *algebra.Extend:
			if !vs[o.Var] && certain(o.Op).covers(vs) {
				toL = append(toL, x)
				continue
			}
		case *algebra.Graph:
			if certain(o.Op).covers(vs) {
				toL = append(toL, x)
				continue
			}
		}
		keep = append(keep, x)
	}
	if len(toL) == 0 && len(toR) == 0 {
		return op, false
	}
	var below algebra.Op
	sink := func(x algebra.Op, es []algebra.Expr) algebra.Op {
		if len(es) == 0 {
			return x
		}
		out, _ := place(addFilter(x, es))
		return out
	}
	switch o := f.Op.(type) {
	case *algebra.Join:
		below = &algebra.Join{Left: sink(o.Left, toL), Right: sink(o.Right, toR)}
	case *algebra.LeftJoin:
		below = &algebra.LeftJoin{Left: sink(o.Left, toL), Right: o.Right, Expr: o.Expr}
	case *algebra.Minus:
		below = &algebra.Minus{Left: sink(o.Left, toL), Right: o.Right}
	case *algebra.Union:
		below = &algebra.Union{Left: sink(o.Left, toL), Right: sink(o.Right, toR)}
	case *algebra.Extend:
		below = &algebra.Extend{Op: sink(o.Op, toL), Var: o.Var, Expr: o.Expr}
	case *algebra.Graph:
		below = &algebra.Graph{Name: o.Name, Op: sink(o.Op, toL)}
	}
	if len(keep) == 0 {
		return below, true
	}
	return &algebra.Filter{Exprs: keep, Op: below}, true
}

// addFilter returns Filter(es, x), merging into x when x is a Filter.
func addFilter(x algebra.Op, es []algebra.Expr) algebra.Op {
	if f, ok := x.(*algebra.Filter); ok {
		return &algebra.Filter{Exprs: append(append([]algebra.Expr(nil), f.Exprs...), es...), Op: f.Op}
	}
	return &algebra.Filter{Exprs: es, Op: x}
}
