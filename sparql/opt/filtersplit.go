package opt

import "github.com/uitwisselingsplatform/uwp/sparql/algebra"

// FilterSplit ("filter-split") turns FILTER(a && b) into the two expressions a and b of one
// Filter, so filter-placement can move each on its own. It is exact: a Filter keeps the
// solutions for which every expression's effective boolean value is true, and a && b is true
// exactly when both are (https://www.w3.org/TR/sparql11-query/#evaluation: an error on either
// side gives false or an error, and a Filter drops both).
type FilterSplit struct{}

// Name implements Pass.
func (FilterSplit) Name() string { return "filter-split" }

// Apply implements Pass.
func (FilterSplit) Apply(op algebra.Op, _ *Context) (algebra.Op, bool) {
	return rewrite(op, func(op algebra.Op) (algebra.Op, bool) {
		f, ok := op.(*algebra.Filter)
		if !ok {
			return op, false
		}
		out := algebra.Conjuncts(f.Exprs...)
		if len(out) == len(f.Exprs) {
			return op, false
		}
		return &algebra.Filter{Exprs: out, Op: f.Op}, true
	})
}
