package triplestore

import (
	"context"
	"fmt"
	"os"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// incrementalLoad loads into a non-empty store. It holds the parsed statements until they
// pass opts.TxQuads or the input ends. A load that ends first, and whose Replace graphs hold
// few enough quads, is written in one transaction of the store (small writes stay cheap). A
// larger one takes the copy path (copyLoad): its memory then stays bounded however large the
// input is.
func (s *Store) incrementalLoad(ctx context.Context, batches <-chan chan parsed, srcs []LoadSource, opts LoadOptions) (LoadStats, error) {
	var st LoadStats
	var held []parsed
	n, ended := 0, false
	for !ended && n <= opts.TxQuads {
		ch, ok := <-batches
		if !ok {
			ended = true
			break
		}
		p := <-ch
		held = append(held, p)
		n += len(p.quads)
		ended = p.err != nil // the batch that carries err is the last
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	if ended && held != nil && held[len(held)-1].err != nil {
		// A strict load that fails: report in order and change nothing.
		for _, p := range held {
			if err := reportSkipped(&st, p, opts); err != nil {
				return st, err
			}
		}
	}
	next := func() (parsed, bool) {
		if len(held) > 0 {
			p := held[0]
			held[0] = parsed{}
			held = held[1:]
			return p, true
		}
		ch, ok := <-batches
		if !ok {
			return parsed{}, false
		}
		return <-ch, true
	}
	clearing, err := s.quadsIn(opts)
	if err != nil {
		return st, err
	}
	if !ended || n+int(min(clearing, uint64(opts.TxQuads)+1)) > opts.TxQuads {
		err := s.copyLoad(ctx, next, srcs, opts, &st)
		st.Copied = true
		return st, err
	}
	tx, err := s.beginLocked(true)
	if err != nil {
		return st, err
	}
	w := &batchWriter{tx: tx, e: &txEncoder{tx: tx, cache: map[rdf.Term]TermID{}}}
	defer w.rollback()
	if err := w.clear(opts, &st); err != nil {
		return st, err
	}
	if err := w.load(ctx, next, srcs, opts, &st); err != nil {
		return st, err
	}
	if err := w.finish(opts, &st); err != nil {
		return st, err
	}
	return st, w.commit(&st)
}

// quadsIn counts the quads of the graphs a load replaces.
func (s *Store) quadsIn(opts LoadOptions) (uint64, error) {
	if len(opts.Replace) == 0 && !opts.ReplaceNamed {
		return 0, nil
	}
	tx, err := s.beginLocked(false)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	ids, err := replaced(tx, opts)
	if err != nil {
		return 0, err
	}
	var n uint64
	for _, id := range ids {
		c, err := tx.graphCount(id)
		if err != nil {
			return 0, err
		}
		n += c
	}
	return n, nil
}

// replaced returns the IDs of the graphs a load empties (Replace and ReplaceNamed), each once.
func replaced(tx *Tx, opts LoadOptions) ([]TermID, error) {
	var ids []TermID
	seen := map[TermID]bool{}
	add := func(id TermID) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, g := range opts.Replace {
		id, ok, err := graphTermID(tx, g)
		if err != nil {
			return nil, err
		}
		if ok {
			add(id)
		}
	}
	if opts.ReplaceNamed {
		named, err := tx.Graphs()
		if err != nil {
			return nil, err
		}
		for _, id := range named {
			add(id)
		}
	}
	return ids, nil
}

// graphTermID is the ID of a graph name (DefaultGraph for nil or DefaultGraphIRI); ok is
// false for a graph the store has never seen.
func graphTermID(tx *Tx, g rdf.Term) (TermID, bool, error) {
	if g == nil || g == DefaultGraphIRI {
		return DefaultGraph, true, nil
	}
	return tx.LookupID(g)
}

// copyLoad is the copy path of a load into a non-empty store. It copies the store's file
// (a consistent snapshot, taken while Load holds the write lock), writes the load into the
// copy in transactions of at most opts.TxQuads quads each, syncs it and renames it over
// the store's file, as the bulk path does. Readers go on reading the old file until the
// swap; a failure or cancellation removes the copy and leaves the store as it was. Memory
// is bounded by the transaction size, not by the size of the load.
func (s *Store) copyLoad(ctx context.Context, next func() (parsed, bool), srcs []LoadSource, opts LoadOptions, st *LoadStats) (err error) {
	tmp := s.path + ".load"
	os.Remove(tmp)
	rtx, err := s.beginLocked(false)
	if err != nil {
		return err
	}
	err = rtx.btx.CopyFile(tmp, 0o644)
	rtx.Rollback()
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("triplestore: copying the store for a load: %w", err)
	}
	cp, err := Open(tmp, &Options{NoSync: true})
	if err != nil {
		os.Remove(tmp)
		return err
	}
	defer func() {
		if err != nil {
			cp.Close()
			os.Remove(tmp)
		}
	}()
	tx, err := cp.Begin(true)
	if err != nil {
		return err
	}
	w := &batchWriter{tx: tx, e: &txEncoder{tx: tx, cache: map[rdf.Term]TermID{}}, every: opts.TxQuads,
		begin: func() (*Tx, error) { return cp.Begin(true) }}
	defer w.rollback()
	if err := w.clear(opts, st); err != nil {
		return err
	}
	if err := w.load(ctx, next, srcs, opts, st); err != nil {
		return err
	}
	if err := w.finish(opts, st); err != nil {
		return err
	}
	if err := w.commit(st); err != nil {
		return err
	}
	dv := cp.DataVersion()
	if err := cp.Close(); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.swapFile(tmp, dv)
}

// syncFile flushes a closed file's data to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// batchWriter writes a load through write transactions: one when every is 0, else a new
// one after every `every` quads added or removed.
type batchWriter struct {
	tx    *Tx
	e     *txEncoder
	every int
	begin func() (*Tx, error)
	inTx  int // quads written by the current transaction
}

func (w *batchWriter) rollback() {
	if w.tx != nil && w.tx.btx != nil {
		w.tx.Rollback()
	}
}

func (w *batchWriter) commit(st *LoadStats) error {
	err := w.tx.Commit()
	w.tx, w.inTx = nil, 0
	if err == nil {
		st.Commits++
	}
	return err
}

// finish runs LoadOptions.Finish in the current transaction.
func (w *batchWriter) finish(opts LoadOptions, st *LoadStats) error {
	if opts.Finish == nil {
		return nil
	}
	return opts.Finish(w.tx, *st)
}

// wrote counts n quads written and moves on to a new transaction when the current one is full.
func (w *batchWriter) wrote(n int, st *LoadStats) error {
	w.inTx += n
	if w.every == 0 || w.inTx < w.every {
		return nil
	}
	if err := w.commit(st); err != nil {
		return err
	}
	tx, err := w.begin()
	if err != nil {
		return err
	}
	w.tx, w.e.tx = tx, tx
	return nil
}

// batch is the size of the batches that fill a transaction: n, or less when a transaction
// holds fewer quads.
func (w *batchWriter) batch(n int) int {
	if w.every > 0 && w.every < n {
		return w.every
	}
	return n
}

const removeBatch = 1 << 15 // quads gathered per RemoveIDs when clearing a graph

// clear removes every quad of the graphs, a batch at a time (no iterator stays open across
// a removal).
func (w *batchWriter) clear(opts LoadOptions, st *LoadStats) error {
	ids, err := replaced(w.tx, opts)
	if err != nil {
		return err
	}
	size := w.batch(removeBatch)
	for _, id := range ids {
		for {
			n, err := w.tx.RemoveMatching(Pattern{0, 0, 0, id}, size)
			if err != nil {
				return fmt.Errorf("triplestore: clearing a graph: %w", err)
			}
			if n == 0 {
				break
			}
			st.Removed += uint64(n)
			if err := w.wrote(n, st); err != nil {
				return err
			}
		}
	}
	return nil
}

const incrBatch = 1 << 18 // most quads per sorted AddIDs batch of an incremental load

// load encodes the parsed statements through the dictionary and adds them in sorted batches.
func (w *batchWriter) load(ctx context.Context, next func() (parsed, bool), srcs []LoadSource, opts LoadOptions, st *LoadStats) error {
	size := w.batch(incrBatch)
	pending := make([][4]TermID, 0, size)
	flush := func() error {
		n, err := w.tx.AddIDs(pending)
		st.Added += uint64(n)
		k := len(pending)
		pending = pending[:0]
		if err != nil {
			return err
		}
		return w.wrote(k, st)
	}
	cur := -1
	for {
		p, ok := next()
		if !ok {
			break
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := reportSkipped(st, p, opts); err != nil {
			return err
		}
		if p.src != cur {
			cur, w.e.blanks = p.src, map[string]TermID{}
		}
		src := &srcs[p.src]
		for i := range p.quads {
			q := &p.quads[i]
			if src.AllInGraph {
				q.Graph = nil
			}
			if skip, err := badQuad(st, opts, src.Name, q); skip || err != nil {
				if err != nil {
					return err
				}
				continue
			}
			ids, err := w.e.quad(q, src.Graph)
			if err != nil {
				return err
			}
			pending = append(pending, ids)
			st.Statements++
			if len(pending) == size {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return flush()
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
	if len(e.cache) >= 1<<17 {
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
