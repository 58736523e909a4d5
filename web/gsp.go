package web

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// The Graph Store HTTP Protocol, indirect graph identification:
// https://www.w3.org/TR/sparql11-http-rdf-update/#indirect-graph-identification
//
//	GET    /data?graph=IRI | /data?default | /data (the whole dataset, in a quad syntax)
//	PUT    replace the graph (201 when it was new, 204 otherwise)
//	POST   merge into the graph (204); POST /data alone creates a new graph (201 + Location)
//	DELETE remove the graph (204; 404 when it does not exist)
func (s *Server) gspRoutes() {
	for _, p := range []string{"/data", "/data/*"} {
		s.get(p, s.gspGet)
		s.e.PUT(p, s.gspPut)
		s.e.POST(p, s.gspPost)
		s.e.DELETE(p, s.gspDelete)
	}
}

// requestURL returns the absolute URL of the server as the client addressed it.
func requestURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "https" || p == "http" {
		scheme = p
	}
	return scheme + "://" + r.Host
}

// graphParam reads the graph a GSP request addresses. whole is true when neither graph nor
// default is given. Under /data/... the request URL itself names the graph (direct graph
// identification, https://www.w3.org/TR/sparql11-http-rdf-update/#direct-graph-identification).
func graphParam(r *http.Request) (g rdf.Term, whole bool, err error) {
	if p := r.URL.EscapedPath(); strings.HasPrefix(p, "/data/") && len(p) > len("/data/") {
		if r.URL.RawQuery != "" {
			return nil, false, httpError(http.StatusBadRequest, "a graph URL /data/... takes no graph or default parameter")
		}
		return rdf.IRI(requestURL(r) + p), false, nil
	}
	q := r.URL.Query()
	_, def := q["default"]
	gs, named := q["graph"]
	switch {
	case def && named:
		return nil, false, httpError(http.StatusBadRequest, "give either graph=IRI or default, not both")
	case def:
		return triplestore.DefaultGraphIRI, false, nil
	case named:
		if len(gs) != 1 || gs[0] == "" {
			return nil, false, httpError(http.StatusBadRequest, "give one non-empty graph IRI")
		}
		iri, ok := rdf.Resolve(requestURL(r)+r.URL.Path, gs[0])
		if !ok {
			return nil, false, httpError(http.StatusBadRequest, "graph %q is not an IRI", gs[0])
		}
		return rdf.IRI(iri), false, nil
	}
	return nil, true, nil
}

func (s *Server) gspGet(c echo.Context) error {
	g, whole, err := graphParam(c.Request())
	if err != nil {
		return err
	}
	return s.serveGraph(c, g, whole)
}

// serveGraph answers GET and HEAD for a graph (or, whole, for the dataset).
func (s *Server) serveGraph(c echo.Context, g rdf.Term, whole bool) error {
	var err error
	f, ok := negotiateRDF(c.Request(), whole)
	if !ok {
		return httpError(http.StatusNotAcceptable, "no acceptable RDF syntax; offered: %s", offerList(whole))
	}
	if !whole {
		var exists bool
		if err := s.store.View(func(tx *triplestore.Tx) error {
			exists, err = graphExists(tx, g)
			return err
		}); err != nil {
			return err
		}
		if !exists {
			return httpError(http.StatusNotFound, "no graph %s", g)
		}
	}
	variant := fmt.Sprintf("data|%v|%v|%d", whole, g, f)
	c.Response().Header().Add("Vary", "Accept")
	if s.revalidate(c, variant) {
		return nil
	}
	return s.store.View(func(tx *triplestore.Tx) error {
		var gt rdf.Term = g
		if whole {
			gt = nil
		}
		it := tx.MatchTerms(nil, nil, nil, gt)
		defer it.Close()
		return s.writeRDF(c, f, true, func(w rdf.Writer) error {
			for it.Next() {
				q := it.Quad()
				if !whole {
					q.Graph = nil
				}
				if err := w.Write(q); err != nil {
					return err
				}
			}
			return it.Err()
		})
	})
}

// writeRDF answers 200 in syntax f with the quads fn writes. stream asks pretty syntaxes not
// to buffer. An error after the first byte can no longer change the status: it is logged and
// the connection is cut, so the client sees a truncated answer rather than a complete one.
func (s *Server) writeRDF(c echo.Context, f rdf.Format, stream bool, fn func(rdf.Writer) error) error {
	return s.writeRDFWith(c, f, stream, nil, fn)
}

// writeRDFWith is writeRDF with further prefixes declared.
func (s *Server) writeRDFWith(c echo.Context, f rdf.Format, stream bool, extra []rdf.Namespace, fn func(rdf.Writer) error) error {
	res := c.Response()
	res.Header().Set(echo.HeaderContentType, contentType(f))
	res.WriteHeader(http.StatusOK)
	if c.Request().Method == http.MethodHead {
		return nil
	}
	w, err := formats.NewWriter(f, res, rdf.WriteOptions{Prefixes: append(extra, s.cfg.Prefixes...), Stream: stream})
	if err != nil {
		return err
	}
	if err := fn(w); err != nil {
		s.log.Error("writing RDF", "path", c.Request().URL.Path, "err", err)
		panic(http.ErrAbortHandler)
	}
	return w.Close()
}

func offerList(graphs bool) string {
	offers, _ := rdfOffers(graphs)
	return fmt.Sprint(offers)
}

func (s *Server) gspPut(c echo.Context) error  { return s.gspWrite(c, true) }
func (s *Server) gspPost(c echo.Context) error { return s.gspWrite(c, false) }

func (s *Server) gspWrite(c echo.Context, replace bool) error {
	if err := s.requireWrite(c); err != nil {
		return err
	}
	r := c.Request()
	g, whole, err := graphParam(r)
	if err != nil {
		return err
	}
	created := false
	if whole {
		if replace {
			return httpError(http.StatusBadRequest, "PUT needs graph=IRI or default")
		}
		// https://www.w3.org/TR/sparql11-http-rdf-update/#http-post: POST to the graph store
		// itself makes a new graph and answers 201 with its location.
		g = rdf.IRI(s.newGraphIRI(r))
		created = true
	}
	docs, cleanup, err := s.uploadDocs(r)
	defer cleanup()
	if err != nil {
		return err
	}
	base := string(g.(rdf.IRI))
	if g == triplestore.DefaultGraphIRI {
		base = requestURL(r) + r.URL.Path
	}
	res, err := s.upload(r.Context(), docs, g, base, replace)
	if err != nil {
		var se *rdf.SyntaxError
		if errors.As(err, &se) {
			return httpError(http.StatusBadRequest, "%s: nothing was changed", se.Error())
		}
		if errors.Is(err, triplestore.ErrBadQuad) {
			return httpError(http.StatusBadRequest, "%v: nothing was changed", err)
		}
		return err
	}
	c.Response().Header().Set("X-Quads-Added", fmt.Sprint(res.added))
	if created {
		// https://www.w3.org/TR/sparql11-http-rdf-update/#http-post: "a Location header
		// containing the URI of the new graph" (readable at /data?graph=URI).
		c.Response().Header().Set(echo.HeaderLocation, string(g.(rdf.IRI)))
		return c.NoContent(http.StatusCreated)
	}
	if !res.existed && res.added > 0 {
		c.Response().Header().Set(echo.HeaderLocation, requestURL(r)+"/data?graph="+url.QueryEscape(string(g.(rdf.IRI))))
		return c.NoContent(http.StatusCreated)
	}
	return c.NoContent(http.StatusNoContent)
}

// uploadDocs spools the documents of a write request: the body in the syntax its
// Content-Type names, or each part of a multipart/form-data body in the syntax of the part's
// Content-Type (else its file name's extension). cleanup removes the spooled files.
func (s *Server) uploadDocs(r *http.Request) (docs []uploadDoc, cleanup func(), err error) {
	var files []*os.File
	cleanup = func() {
		for _, f := range files {
			f.Close()
			os.Remove(f.Name())
		}
	}
	ct := r.Header.Get(echo.HeaderContentType)
	if mt, _, _ := mime.ParseMediaType(ct); mt == "multipart/form-data" {
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, cleanup, httpError(http.StatusBadRequest, "bad multipart body: %v", err)
		}
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, cleanup, httpError(http.StatusBadRequest, "bad multipart body: %v", err)
			}
			f, ok := contentFormat(part.Header.Get("Content-Type"))
			if !ok {
				f, _, ok = formats.Detect(part.FileName())
			}
			if !ok {
				return nil, cleanup, httpError(http.StatusUnsupportedMediaType, "multipart part %q: Content-Type %q names no RDF syntax", part.FileName(), part.Header.Get("Content-Type"))
			}
			file, err := s.spoolReader(part, part.Header.Get("Content-Encoding"))
			if err != nil {
				return nil, cleanup, err
			}
			files = append(files, file)
			docs = append(docs, uploadDoc{body: file, format: f, name: part.FileName()})
		}
		return docs, cleanup, nil
	}
	f, ok := contentFormat(ct)
	if !ok {
		return nil, cleanup, httpError(http.StatusUnsupportedMediaType, "Content-Type %q names no RDF syntax; use one of %s", ct, offerList(false))
	}
	file, err := s.spool(r)
	if err != nil {
		return nil, cleanup, err
	}
	files = append(files, file)
	return []uploadDoc{{body: file, format: f}}, cleanup, nil
}

// newGraphIRI mints the IRI of a graph created by POST /data.
func (s *Server) newGraphIRI(r *http.Request) string {
	base := requestURL(r) + "/"
	if len(s.bases) > 0 {
		base = s.bases[0]
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	return base + "graph/" + hex.EncodeToString(b[:])
}

func (s *Server) gspDelete(c echo.Context) error {
	if err := s.requireWrite(c); err != nil {
		return err
	}
	g, whole, err := graphParam(c.Request())
	if err != nil {
		return err
	}
	if whole {
		return httpError(http.StatusBadRequest, "DELETE needs graph=IRI or default")
	}
	// Through the loader, with nothing to load: a large graph is removed in bounded
	// transactions on a copy of the store, like a large upload.
	st, err := s.store.Load(c.Request().Context(), nil, triplestore.LoadOptions{Replace: []rdf.Term{g}, TempDir: s.cfg.TempDir, TxQuads: s.cfg.UploadTxQuads})
	if err != nil {
		return err
	}
	if st.Removed == 0 && g != triplestore.DefaultGraphIRI {
		return httpError(http.StatusNotFound, "no graph %s", g)
	}
	return c.NoContent(http.StatusNoContent)
}
