package engine

import (
	"context"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// Dataset serves one store transaction to the evaluator. The store's TermIDs are eval IDs
// unchanged (both reserve 0 for "any" and 1 for the default graph, and store IDs stay below
// 2^62, clear of the evaluator's overlay bit).
type Dataset struct {
	tx *triplestore.Tx
}

// New returns the dataset of tx; it is valid only while tx is open. Updates need a writable tx.
func New(tx *triplestore.Tx) *Dataset { return &Dataset{tx: tx} }

var (
	_ eval.Dataset   = (*Dataset)(nil)
	_ eval.Updatable = (*Dataset)(nil)
)

// ctxCheckEvery is how many quads a scan yields between looks at the context: often enough
// that a cancelled query stops within microseconds, rarely enough to cost nothing.
const ctxCheckEvery = 1024

// Match implements eval.Dataset.
func (d *Dataset) Match(ctx context.Context, p eval.Pattern) eval.QuadIter {
	return &quadIter{it: d.tx.Match(triplestore.Pattern{
		triplestore.TermID(p[0]), triplestore.TermID(p[1]), triplestore.TermID(p[2]), triplestore.TermID(p[3]),
	}), ctx: ctx}
}

type quadIter struct {
	it  *triplestore.Iter
	ctx context.Context
	n   int
	q   eval.Quad
	err error
}

func (q *quadIter) Next() bool {
	if q.err != nil {
		return false
	}
	q.n++
	if q.n%ctxCheckEvery == 0 {
		if err := q.ctx.Err(); err != nil {
			q.err = err
			return false
		}
	}
	if !q.it.Next() {
		return false
	}
	t := q.it.Quad()
	q.q = eval.Quad{eval.ID(t[0]), eval.ID(t[1]), eval.ID(t[2]), eval.ID(t[3])}
	return true
}

func (q *quadIter) Quad() eval.Quad { return q.q }

func (q *quadIter) Err() error {
	if q.err != nil {
		return q.err
	}
	return q.it.Err()
}

func (q *quadIter) Close() error { return q.it.Close() }

// LookupID implements eval.Dataset.
func (d *Dataset) LookupID(t rdf.Term) (eval.ID, bool, error) {
	id, ok, err := d.tx.LookupID(t)
	return eval.ID(id), ok, err
}

// Term implements eval.Dataset.
func (d *Dataset) Term(id eval.ID) (rdf.Term, error) { return d.tx.Term(triplestore.TermID(id)) }

// NamedGraphs implements eval.Dataset.
func (d *Dataset) NamedGraphs() ([]eval.ID, error) {
	gs, err := d.tx.Graphs()
	if err != nil {
		return nil, err
	}
	out := make([]eval.ID, len(gs))
	for i, g := range gs {
		out[i] = eval.ID(g)
	}
	return out, nil
}

// Estimate implements eval.Dataset.
func (d *Dataset) Estimate(p eval.Pattern) (uint64, error) {
	return d.tx.Estimate(triplestore.Pattern{
		triplestore.TermID(p[0]), triplestore.TermID(p[1]), triplestore.TermID(p[2]), triplestore.TermID(p[3]),
	})
}

// Add implements eval.Updatable.
func (d *Dataset) Add(q rdf.Quad) error {
	_, err := d.tx.Add(q)
	return err
}

// Remove implements eval.Updatable.
func (d *Dataset) Remove(q rdf.Quad) error {
	_, err := d.tx.Remove(q)
	return err
}

// CreateGraph implements eval.Updatable. The store keeps no empty graphs: a graph exists
// while it holds a quad, as in Oxigraph's default mode, so there is nothing to record.
func (d *Dataset) CreateGraph(g rdf.IRI) error { return nil }

// DropGraph implements eval.Updatable: it removes the quads of g in batches, so that a large
// graph never sits in memory whole.
func (d *Dataset) DropGraph(g rdf.IRI) error {
	id, ok, err := d.tx.LookupID(g)
	if err != nil || !ok {
		return err
	}
	for {
		n, err := d.tx.RemoveMatching(triplestore.Pattern{0, 0, 0, id}, 1<<14)
		if err != nil || n == 0 {
			return err
		}
	}
}

var _ eval.ExactCounter = (*Dataset)(nil)

// Count implements eval.ExactCounter from the store's statistics, which are exact for a
// pattern binding nothing but the predicate or the graph (triplestore.Tx.Estimate): the
// quads of a graph, or of a predicate in every graph, or of a predicate in a graph that
// holds every quad of the store (a store with only the default graph).
func (d *Dataset) Count(p eval.Pattern) (uint64, bool, error) {
	if p[0] != 0 || p[2] != 0 {
		return 0, false, nil
	}
	est := func(p eval.Pattern) (uint64, error) {
		return d.tx.Estimate(triplestore.Pattern{
			triplestore.TermID(p[0]), triplestore.TermID(p[1]), triplestore.TermID(p[2]), triplestore.TermID(p[3]),
		})
	}
	if p[1] == 0 || p[3] == 0 {
		n, err := est(p)
		return n, err == nil, err
	}
	all, err := est(eval.Pattern{})
	if err != nil {
		return 0, false, err
	}
	inG, err := est(eval.Pattern{0, 0, 0, p[3]})
	if err != nil || inG != all {
		return 0, false, err
	}
	n, err := est(eval.Pattern{0, p[1], 0, 0})
	return n, err == nil, err
}

var _ eval.CostModel = (*Dataset)(nil)

// LookupCost implements eval.CostModel. Measured at 1M triples (store of 07d93d6): a point
// lookup (Match with S and P bound) took 3-3.7 us, a scan 0.016-0.037 us per quad; over the
// bench queries 160 beat 32, 64 and 400 (events geomean 6.1 ms cpu against 6.5-8.1).
func (d *Dataset) LookupCost() uint64 { return 160 }
