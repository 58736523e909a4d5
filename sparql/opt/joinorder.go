package opt

import (
	"math"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// JoinOrder ("join-order") reorders the operands of a chain of inner joins
// Join(Join(A, B), C) ... by estimated cardinality: it starts with the operand with the
// smallest estimate, then repeatedly takes the smallest remaining operand that shares a
// certainly bound variable with those already placed (an unconnected one only when no
// connected one remains, to avoid cross products), and rebuilds a left-deep chain, so the
// evaluator's index nested-loop join drives the larger operands from the smaller. It is exact
// because Join is associative and commutative on multisets of solutions
// (https://www.w3.org/TR/sparql11-query/#defn_algJoin). It fires only when every operand has
// an estimate (BGPs, paths through their ends, VALUES tables, filters, GRAPH and UNION of
// such) and the Context has an Estimator; a chain holding OPTIONAL, BIND, MINUS or a
// subquery is left as written.
type JoinOrder struct{}

// Name implements Pass.
func (JoinOrder) Name() string { return "join-order" }

// Apply implements Pass.
func (JoinOrder) Apply(op algebra.Op, c *Context) (algebra.Op, bool) {
	est := c.estimator()
	if est == nil {
		return op, false
	}
	return rewrite(op, func(op algebra.Op) (algebra.Op, bool) {
		j, ok := op.(*algebra.Join)
		if !ok {
			return op, false
		}
		ops := flattenJoin(j, nil)
		if len(ops) < 2 {
			return op, false
		}
		ests := make([]float64, len(ops))
		vars := make([]varSet, len(ops))
		for i, o := range ops {
			n, ok := estimate(o, est)
			if !ok {
				return op, false
			}
			ests[i], vars[i] = n, certain(o)
		}
		order := greedy(ests, vars)
		same := true
		for i, k := range order {
			if k != i {
				same = false
			}
		}
		if same {
			return op, false
		}
		out := ops[order[0]]
		for _, k := range order[1:] {
			out = &algebra.Join{Left: out, Right: ops[k]}
		}
		return out, true
	})
}

func flattenJoin(op algebra.Op, out []algebra.Op) []algebra.Op {
	if j, ok := op.(*algebra.Join); ok {
		return flattenJoin(j.Right, flattenJoin(j.Left, out))
	}
	return append(out, op)
}

// greedy returns the order of the operands; ties keep the written order.
func greedy(ests []float64, vars []varSet) []int {
	n := len(ests)
	used := make([]bool, n)
	bound := varSet{}
	var order []int
	for len(order) < n {
		best, bestConn := -1, false
		for i := 0; i < n; i++ {
			if used[i] {
				continue
			}
			conn := len(order) > 0 && bound.shares(vars[i])
			switch {
			case best < 0,
				conn && !bestConn,
				conn == bestConn && ests[i] < ests[best]:
				best, bestConn = i, conn
			}
		}
		used[best] = true
		order = append(order, best)
		for v := range vars[best] {
			bound[v] = true
		}
	}
	return order
}

// estimate returns an estimate of the number of solutions of op, and false when op is not
// something the pass estimates. A BGP is estimated by its most selective triple pattern.
func estimate(op algebra.Op, est Estimator) (float64, bool) {
	switch o := op.(type) {
	case *algebra.BGP:
		if len(o.Triples) == 0 {
			return 1, true
		}
		min := math.Inf(1)
		for _, t := range o.Triples {
			n, ok := est.EstimateTriple(t)
			if !ok {
				return 0, false
			}
			min = math.Min(min, float64(n))
		}
		return min, true
	case *algebra.Path:
		// A path's ends match at most what a pattern with its ends matches; without a
		// predicate that is the size of the data, which puts it last.
		n, ok := est.EstimateTriple(algebra.Triple{S: o.S, P: algebra.Node{Var: "?path"}, O: o.O})
		return float64(n), ok
	case *algebra.Table:
		return float64(len(o.Rows)), true
	case *algebra.Filter:
		n, ok := estimate(o.Op, est)
		return n / 2, ok
	case *algebra.Graph:
		return estimate(o.Op, est)
	case *algebra.Union:
		l, lok := estimate(o.Left, est)
		r, rok := estimate(o.Right, est)
		return l + r, lok && rok
	}
	return 0, false
}
