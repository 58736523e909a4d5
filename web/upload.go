package web

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

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

// uploadDoc is one spooled document of an upload.
type uploadDoc struct {
	body   io.Reader
	format rdf.Format
	name   string // for error positions; "" for the request body
}

// upload reads spooled documents into graph (DefaultGraphIRI for the default graph) through
// the store's loader; replace first empties the graph, in the same atomic step. Every quad
// of a document goes into graph, whatever graph its syntax put it in, and blank nodes are
// fresh per document. The loader streams: a small upload is one transaction, a large one is
// written into a copy of the store in bounded transactions and swapped in, so memory does
// not grow with the upload. On any error (a *rdf.SyntaxError for bad input) nothing changes.
func (s *Server) upload(ctx context.Context, docs []uploadDoc, graph rdf.Term, base string, replace bool) (uploadResult, error) {
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
		srcs[i] = triplestore.LoadSource{Name: name, Format: d.format, Base: base, Graph: target, AllInGraph: true,
			Open: func() (io.ReadCloser, error) { return io.NopCloser(body), nil }}
	}
	opts := triplestore.LoadOptions{NewReader: formats.NewReader, TempDir: s.cfg.TempDir, TxQuads: s.cfg.UploadTxQuads}
	if replace {
		opts.Replace = []rdf.Term{graph}
	}
	st, err := s.store.Load(ctx, srcs, opts)
	res.added = int(st.Added)
	return res, err
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
