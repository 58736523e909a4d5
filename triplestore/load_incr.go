package triplestore

import (
	"context"
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

const incrBatch = 1 << 18 // quads per sorted AddIDs batch of an incremental load

// incrementalLoad loads into a non-empty store inside one write transaction.
func (s *Store) incrementalLoad(ctx context.Context, batches <-chan chan parsed, srcs []LoadSource, opts LoadOptions) (LoadStats, error) {
	var st LoadStats
	tx, err := s.beginLocked(true)
	if err != nil {
		return st, err
	}
	defer func() {
		if tx.btx != nil {
			tx.Rollback()
		}
	}()
	e := &txEncoder{tx: tx, cache: map[rdf.Term]TermID{}}
	pending := make([][4]TermID, 0, incrBatch)
	flush := func() error {
		n, err := tx.AddIDs(pending)
		st.Added += uint64(n)
		pending = pending[:0]
		return err
	}
	cur := -1
	for ch := range batches {
		p := <-ch
		if err := ctx.Err(); err != nil {
			return st, err
		}
		if err := reportSkipped(&st, p, opts); err != nil {
			return st, err
		}
		if p.src != cur {
			cur, e.blanks = p.src, map[string]TermID{}
		}
		g := srcs[p.src].Graph
		for i := range p.quads {
			if skip, err := badQuad(&st, opts, srcs[p.src].Name, &p.quads[i]); skip || err != nil {
				if err != nil {
					return st, err
				}
				continue
			}
			q, err := e.quad(&p.quads[i], g)
			if err != nil {
				return st, err
			}
			pending = append(pending, q)
			st.Statements++
			if len(pending) == incrBatch {
				if err := flush(); err != nil {
					return st, err
				}
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	if err := flush(); err != nil {
		return st, err
	}
	return st, tx.Commit()
}

// reportSkipped hands a batch's skipped errors to OnError and returns its stopping error.
func reportSkipped(st *LoadStats, p parsed, opts LoadOptions) error {
	for _, e := range p.errs {
		st.Skipped++
		if opts.OnError != nil {
			opts.OnError(e)
		}
	}
	return p.err
}

// badQuad checks that a statement fits the store (no literal subject or graph name, an IRI
// predicate): a lenient load reports a misfit to OnError and skips it, a strict one fails.
func badQuad(st *LoadStats, opts LoadOptions, name string, q *rdf.Quad) (skip bool, err error) {
	if err := validQuad(q); err == nil {
		return false, nil
	}
	err = fmt.Errorf("%s: %w", name, validQuad(q))
	if !opts.Lenient {
		return false, err
	}
	st.Skipped++
	if opts.OnError != nil {
		opts.OnError(err)
	}
	return true, nil
}

// txEncoder turns parsed quads into IDs through a write transaction's dictionary, with a
// cache for the terms that repeat (predicates, classes, datatypes) and the current
// document's blank node scope.
type txEncoder struct {
	tx     *Tx
	cache  map[rdf.Term]TermID
	blanks map[string]TermID
}

func (e *txEncoder) term(t rdf.Term) (TermID, error) {
	if b, ok := t.(rdf.BlankNode); ok {
		id, ok := e.blanks[string(b)]
		if !ok {
			id = e.tx.nextBlank()
			e.blanks[string(b)] = id
		}
		return id, nil
	}
	if id, ok := e.cache[t]; ok {
		return id, nil
	}
	id, _, err := e.tx.termID(t, true)
	if err != nil {
		return 0, err
	}
	if len(e.cache) >= 1<<20 {
		clear(e.cache)
	}
	e.cache[t] = id
	return id, nil
}

func (e *txEncoder) quad(q *rdf.Quad, graph rdf.Term) ([4]TermID, error) {
	var out [4]TermID
	if err := validQuad(q); err != nil {
		return out, err
	}
	for i, t := range [3]rdf.Term{q.Subject, q.Predicate, q.Object} {
		id, err := e.term(t)
		if err != nil {
			return out, err
		}
		out[i] = id
	}
	g := q.Graph
	if g == nil || g == DefaultGraphIRI {
		g = graph
	}
	out[3] = DefaultGraph
	if g != nil && g != DefaultGraphIRI {
		var id TermID
		var err error
		if g == graph {
			// LoadSource.Graph is a store term, not in the document's blank node scope.
			id, _, err = e.tx.termID(g, true)
		} else {
			id, err = e.term(g)
		}
		if err != nil {
			return out, err
		}
		out[3] = id
	}
	return out, nil
}
