package eval

import (
	"context"
	"fmt"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// Plan returns the plan Query would start from, without evaluating anything: Profile.Op is
// the algebra of pq (algebra.Translate, then the passes of package opt: Profile.Algebra and
// Profile.Passes say what they started from and which fired) and every BGP has, in its OpStats, the order its
// triple patterns would be matched in and the dataset's estimate for each (Dataset.Estimate
// over the graphs active at that BGP: the query's default graph, the named graph of GRAPH
// <g>, or all named graphs for GRAPH ?g). The orders are those of a first evaluation with no
// outer bindings; the right side of an index nested-loop join is evaluated with the left
// side's values bound and may then take another order, which Options.Profile shows after a
// run. Calls and Rows stay zero. Print the plan with Profile.Plan.
func Plan(ctx context.Context, ds Dataset, pq *syntax.Query, opts Options) (p *Profile, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("%w: %v", ErrInternal, r)
		}
	}()
	p = &Profile{}
	q, op, err := prepare(ctx, ds, pq, opts, p)
	if err != nil {
		return nil, err
	}
	if err := q.plan(p, op, q.defaults); err != nil {
		return nil, err
	}
	return p, nil
}

// plan records the order and estimates of every BGP under op, g being the active graphs.
func (q *query) plan(p *Profile, op algebra.Op, g graphs) error {
	if err := q.ctx.Err(); err != nil {
		return err
	}
	switch o := op.(type) {
	case *algebra.BGP:
		c, err := q.bgp(o)
		if err != nil {
			return err
		}
		s := p.get(o)
		if c.bad {
			// A constant the dataset does not hold: the BGP matches nothing.
			s.Order = nil
			s.Estimates = make([]uint64, len(o.Triples))
			return nil
		}
		seed := q.newRow()
		s.Order = c.order(q, g, seed, c.maskKey(seed))
		s.Estimates = c.lastEst
		return nil
	case *algebra.Graph:
		var active graphs
		if o.Name.IsVar() {
			active.ids = q.named
		} else {
			id, ok, err := q.ds.LookupID(o.Name.Term)
			if err != nil {
				return err
			}
			if ok && q.isNamed(id) {
				active.ids = []ID{id}
			}
		}
		return q.plan(p, o.Op, active)
	}
	_, kids := describeOp(op)
	for _, k := range kids {
		if err := q.plan(p, k, g); err != nil {
			return err
		}
	}
	return nil
}
