package product

import (
	"context"
	"strings"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// batch is how many quads Replace hands the store at a time (sorted per index by AddQuads).
const batch = 50_000

// Result says what Replace did.
type Result struct {
	Removed int              // quads removed (old data and old description)
	Added   int              // quads added (new data and description)
	Errors  ingest.ErrorList // bad records skipped by a lenient run
}

// Replace reads r to the end and swaps the product into st in one write transaction: the
// old quads of p.Graph and p's old description in p.Catalog go, the new data (moved into
// p.Graph, blank nodes relabelled with p.RunID) and description come. maxErrors is as for
// ingest.Collect: 0 is strict. On any error (a bad record in a strict run, more bad records
// than allowed, I/O, ctx cancelled) nothing changes. p's counts and Ended are filled in.
func Replace(ctx context.Context, st *triplestore.Store, p *Product, r ingest.Reader, maxErrors int) (Result, error) {
	var res Result
	err := st.Update(func(tx *triplestore.Tx) error {
		res = Result{}
		n, err := removeOld(tx, p)
		if err != nil {
			return err
		}
		res.Removed = n
		buf := make([]rdf.Quad, 0, batch)
		flush := func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			n, err := tx.AddQuads(buf)
			res.Added += n
			p.Quads += n
			buf = buf[:0]
			return err
		}
		p.Quads = 0
		errs, err := ingest.Collect(r, maxErrors, func(q rdf.Quad) error {
			buf = append(buf, Relabel(q, p.Graph, p.RunID))
			if len(buf) == batch {
				return flush()
			}
			return nil
		})
		res.Errors = errs
		if err != nil {
			return err
		}
		if err := flush(); err != nil {
			return err
		}
		st := r.Stats()
		p.Records, p.Failed = st.Records, st.Failed
		p.Ended = time.Now().UTC()
		n, err = tx.AddQuads(p.Description())
		res.Added += n
		return err
	})
	return res, err
}

// ReplaceQuads is Replace for quads held in memory.
func ReplaceQuads(ctx context.Context, st *triplestore.Store, p *Product, qs []rdf.Quad) (Result, error) {
	return Replace(ctx, st, p, &sliceReader{qs: qs}, 0)
}

type sliceReader struct {
	qs []rdf.Quad
	i  int
}

func (s *sliceReader) Read() (rdf.Quad, error) {
	if s.i == len(s.qs) {
		return rdf.Quad{}, errEOF
	}
	s.i++
	return s.qs[s.i-1], nil
}

func (s *sliceReader) Stats() ingest.Stats { return ingest.Stats{Records: len(s.qs), Quads: s.i} }

// Relabel moves q into graph g and prefixes its blank node labels with the run id.
func Relabel(q rdf.Quad, g rdf.IRI, runID string) rdf.Quad {
	if b, ok := q.Subject.(rdf.BlankNode); ok {
		q.Subject = rdf.BlankNode(runID + "_" + string(b))
	}
	if b, ok := q.Object.(rdf.BlankNode); ok {
		q.Object = rdf.BlankNode(runID + "_" + string(b))
	}
	q.Graph = g
	return q
}

// removeOld removes every quad of p.Graph and p's description: the quads of p.Catalog whose
// subject is p.IRI or an IRI under it (p.IRI + "/..." or "#...").
func removeOld(tx *triplestore.Tx, p *Product) (int, error) {
	var old []rdf.Quad
	it := tx.MatchTerms(nil, nil, nil, p.Graph)
	for it.Next() {
		old = append(old, it.Quad())
	}
	if err := it.Err(); err != nil {
		return 0, err
	}
	it.Close()
	own := string(p.IRI)
	it = tx.MatchTerms(nil, nil, nil, p.Catalog)
	for it.Next() {
		q := it.Quad()
		s, ok := q.Subject.(rdf.IRI)
		if ok && (string(s) == own || strings.HasPrefix(string(s), own+"/") || strings.HasPrefix(string(s), own+"#")) {
			old = append(old, q)
		}
	}
	if err := it.Err(); err != nil {
		return 0, err
	}
	it.Close()
	if len(old) == 0 {
		return 0, nil
	}
	return tx.RemoveQuads(old)
}
