package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/uitwisselingsplatform/uwp/engine"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
	"github.com/uitwisselingsplatform/uwp/sparql/results"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// maxRequestText bounds a query or update text read from a request body.
const maxRequestText = 8 << 20

// The SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/) at /sparql.
func (s *Server) sparqlRoutes() {
	s.get("/sparql", s.sparqlGet)
	s.e.POST("/sparql", s.sparqlPost)
}

// protoRequest is one protocol operation, whichever way it came.
type protoRequest struct {
	query, update string
	params        url.Values // default-graph-uri, named-graph-uri, using-*, timeout, format
	get           bool
}

func (s *Server) sparqlGet(c echo.Context) error {
	q := c.Request().URL.Query()
	if _, ok := q["update"]; ok {
		return httpError(http.StatusBadRequest, "updates must be sent by POST")
	}
	qs, ok := q["query"]
	if !ok {
		return s.serviceDescription(c)
	}
	if len(qs) != 1 {
		return httpError(http.StatusBadRequest, "give exactly one query parameter, not %d", len(qs))
	}
	return s.runQuery(c, protoRequest{query: qs[0], params: q, get: true})
}

func (s *Server) sparqlPost(c echo.Context) error {
	r := c.Request()
	mt, mp, _ := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType))
	if cs, ok := mp["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		// https://www.w3.org/TR/sparql11-protocol/#query-via-post-direct: UTF-8 only.
		return httpError(http.StatusUnsupportedMediaType, "charset %q: requests must be UTF-8", cs)
	}
	params := r.URL.Query()
	switch mt {
	case "application/x-www-form-urlencoded":
		r.Body = http.MaxBytesReader(c.Response(), r.Body, maxRequestText)
		if err := r.ParseForm(); err != nil {
			return httpError(http.StatusBadRequest, "bad form: %v", err)
		}
		form := r.PostForm
		for k, vs := range params {
			if _, ok := form[k]; !ok {
				form[k] = vs
			}
		}
		_, hasQ := form["query"]
		_, hasU := form["update"]
		switch {
		case hasQ && hasU:
			return httpError(http.StatusBadRequest, "give query or update, not both")
		case len(form["query"]) > 1 || len(form["update"]) > 1:
			return httpError(http.StatusBadRequest, "give exactly one query or update parameter")
		case hasQ:
			return s.runQuery(c, protoRequest{query: form.Get("query"), params: form})
		case hasU:
			return s.runUpdate(c, protoRequest{update: form.Get("update"), params: form})
		}
		return httpError(http.StatusBadRequest, "the form has neither query nor update")
	case "application/sparql-query", "application/sparql-update":
		b, err := io.ReadAll(io.LimitReader(r.Body, maxRequestText+1))
		if err != nil {
			return httpError(http.StatusBadRequest, "reading the body: %v", err)
		}
		if len(b) > maxRequestText {
			return httpError(http.StatusRequestEntityTooLarge, "request text longer than %d bytes", maxRequestText)
		}
		if mt == "application/sparql-query" {
			return s.runQuery(c, protoRequest{query: string(b), params: params})
		}
		return s.runUpdate(c, protoRequest{update: string(b), params: params})
	}
	return httpError(http.StatusUnsupportedMediaType, "POST /sparql takes application/x-www-form-urlencoded, application/sparql-query or application/sparql-update, not %q", mt)
}

// timeout reads the timeout parameter (seconds), capped by the configuration.
func (s *Server) timeout(p url.Values) (time.Duration, error) {
	d := s.cfg.QueryTimeout
	if v := p.Get("timeout"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 {
			return 0, httpError(http.StatusBadRequest, "timeout is a positive number of seconds, got %q", v)
		}
		d = time.Duration(f * float64(time.Second))
	}
	return min(d, s.cfg.MaxQueryTimeout), nil
}

// protocolDataset turns default-graph-uri / named-graph-uri (or the using- forms) into a
// dataset clause; https://www.w3.org/TR/sparql11-protocol/#dataset: they override the text's.
func protocolDataset(p url.Values, def, named string) []syntax.Dataset {
	var ds []syntax.Dataset
	for _, g := range p[def] {
		ds = append(ds, syntax.Dataset{IRI: rdf.IRI(g)})
	}
	for _, g := range p[named] {
		ds = append(ds, syntax.Dataset{IRI: rdf.IRI(g), Named: true})
	}
	return ds
}

// queryAnswer is the negotiated serialisation of a query result.
type queryAnswer struct {
	results results.Format
	rdf     rdf.Format
}

// negotiateQuery picks the answer format for the query form: the format parameter first
// (a results or an RDF syntax name), then Accept with q-values; an Accept that offers nothing
// the form can give falls back to SPARQL JSON or Turtle.
func negotiateQuery(r *http.Request, p url.Values, form syntax.Form) (queryAnswer, error) {
	graph := form == syntax.Construct || form == syntax.Describe
	if name := p.Get("format"); name != "" {
		if graph {
			if f, ok := rdf.ParseFormat(strings.ToLower(name)); ok {
				return queryAnswer{rdf: f}, nil
			}
			if f, ok := rdfAlias(strings.ToLower(name)); ok {
				return queryAnswer{rdf: f}, nil
			}
			return queryAnswer{}, httpError(http.StatusNotAcceptable, "format %q is no RDF syntax (turtle, ntriples, nquads, trig, jsonld, rdfxml)", name)
		}
		f, err := results.ParseFormat(name)
		if err != nil || f == results.Table {
			return queryAnswer{}, httpError(http.StatusNotAcceptable, "format %q is no results format (json, xml, csv, tsv)", name)
		}
		return queryAnswer{results: f}, nil
	}
	if graph {
		f, ok := negotiateRDF(r, false)
		if !ok {
			f = rdf.Turtle
		}
		return queryAnswer{rdf: f}, nil
	}
	offered := []results.Format{results.JSON, results.XML, results.CSV, results.TSV}
	f, ok := results.Negotiate(r.Header.Get("Accept"), offered)
	if !ok {
		f = results.JSON
	}
	return queryAnswer{results: f}, nil
}

func (s *Server) runQuery(c echo.Context, pr protoRequest) error {
	r := c.Request()
	if !utf8.ValidString(pr.query) {
		return httpError(http.StatusBadRequest, "the query is not valid UTF-8")
	}
	// https://www.w3.org/TR/sparql11-protocol/: the base IRI of a request is the service's.
	pq, err := parser.ParseQuery(pr.query, parser.Options{Base: requestURL(r) + "/sparql"})
	if err != nil {
		return httpError(http.StatusBadRequest, "malformed query: %v", err)
	}
	if ds := protocolDataset(pr.params, "default-graph-uri", "named-graph-uri"); len(ds) > 0 {
		pq.Dataset = ds
	}
	ans, err := negotiateQuery(r, pr.params, pq.Form)
	if err != nil {
		return err
	}
	timeout, err := s.timeout(pr.params)
	if err != nil {
		return err
	}
	if pr.get {
		c.Response().Header().Add("Vary", "Accept")
		if s.revalidate(c, fmt.Sprintf("sparql|%s|%d|%d|%s|%s", pr.query, ans.results, ans.rdf,
			strings.Join(pr.params["default-graph-uri"], " "), strings.Join(pr.params["named-graph-uri"], " "))) {
			return nil
		}
	} else {
		c.Response().Header().Set("Cache-Control", "no-store")
	}
	// The request's context ends when the client goes away: the query stops with it.
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	s.met.queries.Add(1)
	s.met.running.Add(1)
	defer s.met.running.Add(-1)
	start := time.Now()
	defer func() {
		if d := time.Since(start); d > s.cfg.SlowQuery {
			s.log.Warn("slow query", "dur", d, "query", pr.query)
		}
	}()
	tx, err := s.store.Begin(false)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := eval.Query(ctx, engine.New(tx), pq, eval.Options{UnionDefaultGraph: s.cfg.UnionDefaultGraph, Base: requestURL(r) + "/"})
	if err != nil {
		return s.queryError(ctx, err, timeout)
	}
	defer res.Close()
	w := c.Response()
	head := func(ct string) {
		w.Header().Set(echo.HeaderContentType, ct)
		w.WriteHeader(http.StatusOK)
	}
	switch pq.Form {
	case syntax.Ask:
		head(ans.results.ContentType())
		return results.WriteBoolean(ans.results, w, res.Boolean)
	case syntax.Select:
		// Evaluate the first solution before the status line: most timeouts and errors
		// (ORDER BY, GROUP BY, a large join) happen there and can still answer 503 or 400.
		first := res.Solutions.Next()
		if err := res.Solutions.Err(); err != nil {
			return s.queryError(ctx, err, timeout)
		}
		head(ans.results.ContentType())
		if r.Method == http.MethodHead {
			return nil
		}
		rw, err := results.NewWriter(ans.results, w)
		if err != nil {
			return err
		}
		if err := rw.Begin(res.Vars); err != nil {
			return err
		}
		for ok := first; ok; ok = res.Solutions.Next() {
			if err := rw.Write(res.Solutions.Row()); err != nil {
				return s.abort(c, err)
			}
		}
		if err := res.Solutions.Err(); err != nil {
			return s.abort(c, err)
		}
		return rw.End()
	case syntax.Construct, syntax.Describe:
		first := res.Triples.Next()
		if err := res.Triples.Err(); err != nil {
			return s.queryError(ctx, err, timeout)
		}
		return s.writeRDF(c, ans.rdf, true, func(gw rdf.Writer) error {
			for ok := first; ok; ok = res.Triples.Next() {
				if err := gw.Write(res.Triples.Quad()); err != nil {
					return err
				}
			}
			return res.Triples.Err()
		})
	}
	return httpError(http.StatusBadRequest, "unsupported query form")
}

// queryError maps an evaluation error to a status: 503 for a timeout, 400 for what the query
// asks that cannot be done, 503 for the memory budget.
func (s *Server) queryError(ctx context.Context, err error, timeout time.Duration) error {
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		s.met.timeouts.Add(1)
		return httpError(http.StatusServiceUnavailable, "the query did not finish within %s (the timeout parameter may raise this up to %s)", timeout, s.cfg.MaxQueryTimeout)
	case errors.Is(err, context.Canceled):
		return httpError(499, "client closed the request")
	case errors.Is(err, eval.ErrMemoryBudget):
		return httpError(http.StatusServiceUnavailable, "%v", err)
	case errors.Is(err, eval.ErrUnsupported), errors.Is(err, parser.ErrSyntax):
		return httpError(http.StatusBadRequest, "%v", err)
	}
	return err
}

// abort ends a response whose status line is sent: the error is logged and the connection
// cut, so that the client sees a broken answer rather than a short one.
func (s *Server) abort(c echo.Context, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		s.met.timeouts.Add(1)
	}
	s.log.Warn("query aborted while streaming", "err", err)
	panic(http.ErrAbortHandler)
}

func (s *Server) runUpdate(c echo.Context, pr protoRequest) error {
	if err := s.requireWrite(c); err != nil {
		return err
	}
	r := c.Request()
	if !utf8.ValidString(pr.update) {
		return httpError(http.StatusBadRequest, "the update is not valid UTF-8")
	}
	u, err := parser.ParseUpdate(pr.update, parser.Options{Base: requestURL(r) + "/sparql"})
	if err != nil {
		return httpError(http.StatusBadRequest, "malformed update: %v", err)
	}
	if using := protocolDataset(pr.params, "using-graph-uri", "using-named-graph-uri"); len(using) > 0 {
		// https://www.w3.org/TR/sparql11-protocol/#update-dataset
		for _, op := range u.Operations {
			if m, ok := op.(*syntax.Modify); ok {
				if len(m.Using) > 0 || m.With != "" {
					return httpError(http.StatusBadRequest, "using-graph-uri/using-named-graph-uri with an update that has USING or WITH")
				}
				m.Using = using
			}
		}
	}
	timeout, err := s.timeout(pr.params)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	s.met.queries.Add(1)
	s.met.running.Add(1)
	defer s.met.running.Add(-1)
	start := time.Now()
	defer func() {
		if d := time.Since(start); d > s.cfg.SlowQuery {
			s.log.Warn("slow update", "dur", d, "update", pr.update)
		}
	}()
	if ops, ok := engine.ClearOnly(u); ok {
		err = s.clearGraphs(ctx, ops) // clear.go
	} else {
		err = s.store.Update(func(tx *triplestore.Tx) error {
			return eval.Update(ctx, engine.New(tx), u, eval.Options{UnionDefaultGraph: s.cfg.UnionDefaultGraph, Base: requestURL(r) + "/",
				Load: func(context.Context, string) (rdf.Reader, error) {
					return nil, fmt.Errorf("%w: LOAD is disabled on the server", eval.ErrUnsupported)
				}})
		})
	}
	if err != nil {
		if errors.Is(err, eval.ErrUpdate) {
			return httpError(http.StatusBadRequest, "%v (nothing was changed)", err)
		}
		return s.queryError(ctx, err, timeout)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.NoContent(http.StatusNoContent)
}
