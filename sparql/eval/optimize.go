package eval

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/opt"
)

// optimize runs the named passes of package opt over op (unless Options.NoOptimize) with
// the dataset's estimates over the query's default graphs, and records the translated
// algebra and the passes that fired in the Profile. q.dataset must have run.
func (q *query) optimize(op algebra.Op, p *Profile) algebra.Op {
	if p != nil {
		p.Algebra = op
	}
	if q.opts.NoOptimize {
		return op
	}
	out, trace := opt.Optimize(op, &opt.Context{Estimator: optEstimator{q}})
	if p != nil {
		p.Passes = trace
	}
	return out
}

// optEstimator adapts Dataset.Estimate to opt.Estimator.
type optEstimator struct{ q *query }

// EstimateTriple implements opt.Estimator: constants the dataset does not hold match
// nothing; variables and blank nodes are wildcards.
func (e optEstimator) EstimateTriple(t algebra.Triple) (uint64, bool) {
	var p Pattern
	for i, n := range [3]algebra.Node{t.S, t.P, t.O} {
		if n.IsVar() {
			continue
		}
		if _, ok := n.Term.(rdf.BlankNode); ok {
			continue
		}
		id, ok, err := e.q.ds.LookupID(n.Term)
		if err != nil {
			return 0, false
		}
		if !ok {
			return 0, true
		}
		p[i] = id
	}
	return e.q.estimate(e.q.defaults, p), true
}
