package product

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// txQuads is LoadOptions.TxQuads for Replace; 0 is the store's default. Tests set it small
// to force the copy path.
var txQuads int

// Result says what Replace did.
type Result struct {
	Removed int              // quads removed (old data and old description)
	Added   int              // quads added (new data and description)
	Errors  ingest.ErrorList // bad records skipped by a lenient run
	// Copied is true when the run was written into a copy of the store in bounded
	// transactions and renamed in (a large run into a non-empty store; see Store.Load).
	Copied bool
}

// Replace reads r to the end and swaps the product into st in one atomic step of
// triplestore.Store.Load: the old quads of p.Graph and p's old description in p.Catalog go,
// the new data (every quad moved into p.Graph) and description come. maxErrors is as for
// ingest.Collect: 0 is strict. On any error (a bad record in a strict run, more bad records
// than allowed, I/O, ctx cancelled) nothing changes. p's counts and Ended are filled in.
//
// Memory stays bounded: a load larger than the store's transaction size is written into a
// copy of the store in bounded transactions and renamed in (see Store.Load). Blank nodes
// get fresh store labels per run, so two runs or two products never share one, and no label
// written by the input reaches the store.
func Replace(ctx context.Context, st *triplestore.Store, p *Product, r ingest.Reader, maxErrors int) (Result, error) {
	var res Result
	cr := &collectReader{r: r, maxErrors: maxErrors}
	p.Quads = 0
	ls, err := st.Load(ctx, []triplestore.LoadSource{{
		Name:       p.Source,
		Reader:     cr,
		Graph:      p.Graph,
		AllInGraph: true,
	}}, triplestore.LoadOptions{
		Replace: []rdf.Term{p.Graph},
		TxQuads: txQuads,
		Finish: func(tx *triplestore.Tx, ls triplestore.LoadStats) error {
			s := r.Stats()
			p.Records, p.Failed = s.Records, s.Failed
			p.Quads = int(ls.Added) // the graph was emptied first: every quad added is in it
			p.Ended = time.Now().UTC()
			removed, added, err := describe(tx, p)
			res.Removed, res.Added = int(ls.Removed)+removed, int(ls.Added)+added
			return err
		},
	})
	res.Errors = cr.errs
	if err != nil {
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			err = cerr // the parser saw the cancellation first
		}
		return Result{Errors: cr.errs}, err
	}
	res.Copied = ls.Copied
	return res, nil
}

// describe replaces p's description in p.Catalog: the quads whose subject is p.IRI or an
// IRI under it (p.IRI + "/..." or "#...") go, p.Description() comes.
func describe(tx *triplestore.Tx, p *Product) (removed, added int, err error) {
	var old []rdf.Quad
	own := string(p.IRI)
	it := tx.MatchTerms(nil, nil, nil, p.Catalog)
	for it.Next() {
		q := it.Quad()
		s, ok := q.Subject.(rdf.IRI)
		if ok && (string(s) == own || strings.HasPrefix(string(s), own+"/") || strings.HasPrefix(string(s), own+"#")) {
			old = append(old, q)
		}
	}
	err = it.Err()
	it.Close()
	if err != nil {
		return 0, 0, err
	}
	if len(old) > 0 {
		if removed, err = tx.RemoveQuads(old); err != nil {
			return removed, 0, err
		}
	}
	added, err = tx.AddQuads(p.Description())
	return removed, added, err
}

// collectReader is ingest.Collect as an rdf.Reader for Store.Load: it skips and keeps bad
// records up to maxErrors and fails past the limit (or at the first one when strict), so
// that the load fails and changes nothing.
type collectReader struct {
	r         ingest.Reader
	maxErrors int
	errs      ingest.ErrorList
}

func (c *collectReader) Read() (rdf.Quad, error) {
	for {
		q, err := c.r.Read()
		if err == nil || err == io.EOF {
			return q, err
		}
		var e *ingest.Error
		if !errors.As(err, &e) || e.Fatal || c.maxErrors == 0 {
			if e != nil {
				c.errs = append(c.errs, e)
			}
			return q, err
		}
		c.errs = append(c.errs, e)
		if c.maxErrors > 0 && len(c.errs) > c.maxErrors {
			return q, ingest.ErrTooManyErrors
		}
	}
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
		return rdf.Quad{}, io.EOF
	}
	s.i++
	return s.qs[s.i-1], nil
}

func (s *sliceReader) Stats() ingest.Stats { return ingest.Stats{Records: len(s.qs), Quads: s.i} }
