package eval

import (
	"context"
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// Result is the answer to a query. Exactly one part is set, by Form: Solutions for SELECT,
// Boolean for ASK, Triples for CONSTRUCT and DESCRIBE. Solutions and Triples stream: they
// read the Dataset as they go, so they must be consumed (and closed) while it is valid.
type Result struct {
	Form      syntax.Form
	Vars      []string // SELECT: the projected variables, in order
	Boolean   bool     // ASK
	Solutions *Solutions
	Triples   *Triples
}

// Close closes whichever iterator the result holds.
func (r *Result) Close() {
	if r.Solutions != nil {
		r.Solutions.Close()
	}
	if r.Triples != nil {
		r.Triples.Close()
	}
}

// Solutions streams the solutions of a SELECT query.
//
//	for s.Next() { row := s.Row() ... }
//	if err := s.Err(); err != nil { ... }
//
// Row holds one term per variable of Result.Vars (nil: unbound); it is valid until the next
// call of Next.
type Solutions struct {
	q     *query
	in    rows
	slots []int
	row   []rdf.Term
	err   error
	done  bool
}

// Next advances to the next solution; false at the end or on an error (see Err).
func (s *Solutions) Next() (ok bool) {
	if s.done || s.err != nil {
		return false
	}
	defer func() {
		if r := recover(); r != nil {
			s.err = fmt.Errorf("%w: %v", ErrInternal, r)
			ok = false
		}
	}()
	if !s.in.Next() {
		s.err = s.in.Err()
		s.Close()
		return false
	}
	b := s.in.Row()
	for i, sl := range s.slots {
		t, err := s.q.term(b[sl])
		if err != nil {
			s.err = err
			s.Close()
			return false
		}
		s.row[i] = t
	}
	return true
}

// Row returns the current solution.
func (s *Solutions) Row() []rdf.Term { return s.row }

// Err returns the error that ended the iteration: a dataset error, ctx.Err(), or
// ErrMemoryBudget.
func (s *Solutions) Err() error { return s.err }

// Close stops the iteration early; it is safe to call more than once.
func (s *Solutions) Close() {
	if !s.done {
		s.done = true
		s.in.Close()
	}
}

// prepare starts a query: the algebra of pq (algebra.Translate, then the passes of package
// opt, recorded in p when it is not nil), and the query state with pq's base and dataset
// and a slot for every variable of that algebra.
func prepare(ctx context.Context, ds Dataset, pq *syntax.Query, opts Options, p *Profile) (*query, algebra.Op, error) {
	op, err := algebra.Translate(pq)
	if err != nil {
		return nil, nil, err
	}
	q := newQuery(ctx, ds, opts)
	if pq.Base != "" {
		q.base = rdf.NewBase(pq.Base)
	}
	if err := q.dataset(pq.Dataset); err != nil {
		return nil, nil, err
	}
	op = q.optimize(op, p)
	if p != nil {
		p.Op = op
	}
	q.collect(op)
	return q, op, nil
}

// Query evaluates a parsed query over ds (https://www.w3.org/TR/sparql11-query/#sparqlDefinition).
// The query's dataset is the default graph of ds (or with Options.UnionDefaultGraph the
// union of all its graphs) and its named graphs, unless FROM / FROM NAMED name graphs of ds
// instead. ctx bounds the whole evaluation, including the consumption of the streams.
func Query(ctx context.Context, ds Dataset, pq *syntax.Query, opts Options) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: %v", ErrInternal, r)
		}
	}()
	q, op, err := prepare(ctx, ds, pq, opts, opts.Profile)
	if err != nil {
		return nil, err
	}
	res = &Result{Form: pq.Form}
	top := &env{active: q.defaults}
	switch pq.Form {
	case syntax.Select:
		vars := pq.ProjectedVars()
		s := &Solutions{q: q, row: make([]rdf.Term, len(vars))}
		for _, v := range vars {
			res.Vars = append(res.Vars, string(v))
			s.slots = append(s.slots, q.slot(v))
		}
		s.in = q.eval(op, top, q.newRow())
		res.Solutions = s
	case syntax.Ask:
		r := q.eval(op, top, q.newRow())
		res.Boolean = r.Next()
		err := r.Err()
		r.Close()
		if err != nil {
			return nil, err
		}
	case syntax.Construct:
		res.Triples = q.construct(pq.Template, q.eval(op, top, q.newRow()))
	case syntax.Describe:
		res.Triples = q.describe(pq, op, top)
	default:
		return nil, fmt.Errorf("%w: query form %v", ErrUnsupported, pq.Form)
	}
	return res, nil
}

// dataset sets the query's default graph and named graphs
// (https://www.w3.org/TR/sparql11-query/#specifyingDataset).
func (q *query) dataset(ds []syntax.Dataset) error {
	if len(ds) == 0 {
		named, err := q.ds.NamedGraphs()
		q.named = named
		if q.opts.UnionDefaultGraph && len(named) > 0 {
			q.defaults = graphs{all: true}
		} else {
			// Without named graphs the union is the default graph: no deduplication needed.
			q.defaults = graphs{ids: []ID{DefaultGraph}}
		}
		return err
	}
	for _, d := range ds {
		id, ok, err := q.ds.LookupID(d.IRI)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if d.Named {
			q.named = append(q.named, id)
		} else {
			q.defaults.ids = append(q.defaults.ids, id)
		}
	}
	return nil
}
