package opt

import "github.com/uitwisselingsplatform/uwp/sparql/algebra"

// BGPMerge ("bgp-merge") replaces the Join of two basic graph patterns by one BGP holding
// the triple patterns of both, so the evaluator orders all of them together; it also drops
// a join with the identity (an empty BGP or the unit table) on either side. Both are exact:
// the solutions of a BGP are those of the join of its triple patterns
// (https://www.w3.org/TR/sparql11-query/#BasicGraphPattern,
// #defn_algJoin; the join is associative and commutative on multisets), and blank nodes in
// patterns are distinct variables per group already.
type BGPMerge struct{}

// Name implements Pass.
func (BGPMerge) Name() string { return "bgp-merge" }

// Apply implements Pass.
func (BGPMerge) Apply(op algebra.Op, _ *Context) (algebra.Op, bool) {
	return rewrite(op, func(op algebra.Op) (algebra.Op, bool) {
		j, ok := op.(*algebra.Join)
		if !ok {
			return op, false
		}
		if identity(j.Left) {
			return j.Right, true
		}
		if identity(j.Right) {
			return j.Left, true
		}
		l, lok := j.Left.(*algebra.BGP)
		r, rok := j.Right.(*algebra.BGP)
		if !lok || !rok {
			return op, false
		}
		ts := make([]algebra.Triple, 0, len(l.Triples)+len(r.Triples))
		ts = append(append(ts, l.Triples...), r.Triples...)
		return &algebra.BGP{Triples: ts}, true
	})
}

func identity(op algebra.Op) bool {
	switch o := op.(type) {
	case *algebra.BGP:
		return len(o.Triples) == 0
	case *algebra.Table:
		return o.IsUnit()
	}
	return false
}
