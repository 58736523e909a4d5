package web

import (
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// uploadBatch is the number of quads added to the store per AddQuads call.
const uploadBatch = 1 << 15

// spool copies a request body, gzip undone when Content-Encoding says so, into a temporary
// file, so that the write transaction that reads it never waits on the network and the body
// is never held in memory. The caller removes the file.
func (s *Server) spool(r *http.Request) (*os.File, error) {
	return s.spoolReader(r.Body, r.Header.Get("Content-Encoding"))
}

// spoolReader is spool for a body (or a multipart part) with its Content-Encoding.
func (s *Server) spoolReader(in io.Reader, encoding string) (*os.File, error) {
	body := in
	switch enc := strings.ToLower(strings.TrimSpace(encoding)); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(in)
		if err != nil {
			return nil, httpError(http.StatusBadRequest, "bad gzip body: %v", err)
		}
		defer zr.Close()
		body = zr
	default:
		return nil, httpError(http.StatusUnsupportedMediaType, "Content-Encoding %q is not supported (gzip is)", enc)
	}
	if s.cfg.MaxUploadBytes > 0 {
		body = io.LimitReader(body, s.cfg.MaxUploadBytes+1)
	}
	f, err := os.CreateTemp(s.cfg.TempDir, "upload-*.tmp")
	if err != nil {
		return nil, err
	}
	src := &readErr{r: body}
	n, err := io.Copy(f, src)
	if err != nil && src.err != nil {
		err = httpError(http.StatusBadRequest, "reading the request body: %v", src.err)
	}
	if err == nil && s.cfg.MaxUploadBytes > 0 && n > s.cfg.MaxUploadBytes {
		err = httpError(http.StatusRequestEntityTooLarge, "%v: more than %d bytes", ErrTooLarge, s.cfg.MaxUploadBytes)
	}
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// readErr remembers the error of the reader it wraps: a failing body (bad gzip, a client
// that went away) is the client's fault, a failing temporary file the server's.
type readErr struct {
	r   io.Reader
	err error
}

func (e *readErr) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		e.err = err
	}
	return n, err
}

// uploadResult says what an upload did.
type uploadResult struct {
	existed bool // the graph held quads before
	added   int
}

// upload reads the spooled document into graph (DefaultGraphIRI for the default graph) in
// one write transaction; replace first removes what the graph held. Every quad of the
// document goes into graph, whatever graph its syntax put it in. Blank nodes get labels unique
// to this upload. On any error (a *rdf.SyntaxError for bad input) nothing changes.
// uploadDoc is one spooled document of an upload.
type uploadDoc struct {
	body   io.Reader
	format rdf.Format
	name   string // for error positions; "" for the request body
}

func (s *Server) upload(docs []uploadDoc, graph rdf.Term, base string, replace bool) (uploadResult, error) {
	var res uploadResult
	readers := make([]rdf.Reader, len(docs))
	for i, d := range docs {
		rd, err := formats.NewReader(d.format, d.body, rdf.ReadOptions{Base: base, File: d.name})
		if err != nil {
			return res, err
		}
		readers[i] = rd
	}
	scope := newBlankScope()
	target := graph
	if graph == triplestore.DefaultGraphIRI {
		target = nil
	}
	err := s.store.Update(func(tx *triplestore.Tx) error {
		var err error
		if res.existed, err = graphExists(tx, graph); err != nil {
			return err
		}
		if replace && res.existed {
			if err := clearGraph(tx, graph); err != nil {
				return err
			}
		}
		batch := make([]rdf.Quad, 0, 1024)
		flush := func() error {
			n, err := tx.AddQuads(batch)
			res.added += n
			batch = batch[:0]
			return err
		}
		for i, rd := range readers {
			scope := scope.doc(i)
			for {
				q, err := rd.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					return err
				}
				q.Subject = scope.term(q.Subject)
				q.Object = scope.term(q.Object)
				q.Graph = target
				batch = append(batch, q)
				if len(batch) == uploadBatch {
					if err := flush(); err != nil {
						return err
					}
				}
			}
		}
		return flush()
	})
	return res, err
}

// merge adds triple documents to graph through the store's bulk loader, which streams
// (into an empty store it builds a new file with bounded memory) and is atomic; blank nodes
// get fresh labels per document. Quad syntaxes take the upload path instead, which puts
// every statement into graph.
func (s *Server) merge(ctx context.Context, docs []uploadDoc, graph rdf.Term, base string) (uploadResult, error) {
	var res uploadResult
	if err := s.store.View(func(tx *triplestore.Tx) error {
		var err error
		res.existed, err = graphExists(tx, graph)
		return err
	}); err != nil {
		return res, err
	}
	var target rdf.Term = graph
	if graph == triplestore.DefaultGraphIRI {
		target = nil
	}
	srcs := make([]triplestore.LoadSource, len(docs))
	for i, d := range docs {
		body, name := d.body, d.name
		if name == "" {
			name = "request body"
		}
		srcs[i] = triplestore.LoadSource{Name: name, Format: d.format, Base: base, Graph: target,
			Open: func() (io.ReadCloser, error) { return io.NopCloser(body), nil }}
	}
	st, err := s.store.Load(ctx, srcs, triplestore.LoadOptions{NewReader: formats.NewReader, TempDir: s.cfg.TempDir})
	res.added = int(st.Added)
	return res, err
}

// blankScope relabels an upload's blank nodes: "u<random>.<label>" cannot meet a label of
// another upload, nor the loader's "l<n>" labels.
type blankScope struct{ prefix string }

func newBlankScope() blankScope {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return blankScope{prefix: "u" + hex.EncodeToString(b[:]) + "."}
}

// doc returns the scope of the i-th document of a multipart upload: each document's labels
// are its own.
func (b blankScope) doc(i int) blankScope {
	if i == 0 {
		return b
	}
	return blankScope{prefix: fmt.Sprintf("%s%d.", b.prefix, i)}
}

func (b blankScope) term(t rdf.Term) rdf.Term {
	if bn, ok := t.(rdf.BlankNode); ok {
		return rdf.BlankNode(b.prefix + string(bn))
	}
	return t
}

// graphID returns the ID of a graph term; ok is false for a graph the store never saw.
func graphID(tx *triplestore.Tx, g rdf.Term) (triplestore.TermID, bool, error) {
	if g == nil || g == triplestore.DefaultGraphIRI {
		return triplestore.DefaultGraph, true, nil
	}
	return tx.LookupID(g)
}

// graphExists reports whether a graph holds quads; the default graph always exists.
func graphExists(tx *triplestore.Tx, g rdf.Term) (bool, error) {
	if g == nil || g == triplestore.DefaultGraphIRI {
		return true, nil
	}
	id, ok, err := tx.LookupID(g)
	if err != nil || !ok {
		return false, err
	}
	st, err := tx.Stats()
	if err != nil {
		return false, err
	}
	return st.Graphs[id] > 0, nil
}

// clearGraph removes every quad of g, a batch at a time (no iterator stays open across a
// removal).
func clearGraph(tx *triplestore.Tx, g rdf.Term) error {
	id, ok, err := graphID(tx, g)
	if err != nil || !ok {
		return err
	}
	buf := make([][4]triplestore.TermID, 0, uploadBatch)
	for {
		buf = buf[:0]
		it := tx.Match(triplestore.Pattern{0, 0, 0, id})
		for len(buf) < uploadBatch && it.Next() {
			buf = append(buf, it.Quad())
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return err
		}
		if len(buf) == 0 {
			return nil
		}
		if _, err := tx.RemoveIDs(buf); err != nil {
			return fmt.Errorf("clearing graph %v: %w", g, err)
		}
	}
}
