package web

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/results"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// The W3C SPARQL 1.1 Protocol and Graph Store Protocol manifests
// (sparql11/protocol, sparql11/graph-store-protocol, and the deprecated http-rdf-update) describe each test as HTTP requests
// (ht:Request: method, path, headers, body) with expected responses (status class, boolean,
// result format, Content-Type, an RDF body). This harness replays them against a fresh server
// per test, mapping /sparql/ to /sparql and /gsp to /data, sending Host "www.example" (the
// manifests' ht:connectionAuthority) and a bearer token with every request (the harness is an
// authorised client).

const (
	htNS  = "http://www.w3.org/2011/http#"
	htsNS = "http://www.w3.org/2011/http-statusCodes#"
	cntNS = "http://www.w3.org/2011/content#"
)

func TestW3C_Protocol(t *testing.T) {
	tests := w3c.Load(t, nil, "sparql/sparql11/protocol/manifest.ttl", "sparql/sparql11/graph-store-protocol/manifest-indirect.ttl",
		"sparql/sparql11/graph-store-protocol/manifest-direct.ttl", "sparql/sparql11/http-rdf-update/manifest.ttl")
	graphs := map[string]w3c.ManifestGraph{} // by manifest path
	for _, tc := range tests {
		if graphs[tc.Manifest] == nil {
			g, err := w3c.ReadManifestGraph(tc.Manifest)
			if err != nil {
				t.Fatal(err)
			}
			graphs[tc.Manifest] = g
		}
	}
	expected, err := w3c.LoadExpected("testdata/w3c-expected-failures.txt")
	if err != nil {
		t.Fatal(err)
	}
	w3c.Run(t, "sparql11 protocol + graph store protocol", tests, expected, func(t *testing.T, tc w3c.Test) error {
		return runProtocolTest(t, graphs[tc.Manifest], tc.Node)
	})
}

func runProtocolTest(t *testing.T, g w3c.ManifestGraph, test rdf.Term) error {
	ts := newTestServer(t, Config{}, "")
	// ut:graphData [ ut:graph <file> ; rdfs:label "graph IRI" ] at the test level.
	for _, gd := range g.All(test, w3c.UT+"graphData") {
		file := strings.TrimPrefix(w3c.Lexical(g.One(gd, w3c.UT+"graph")), "file://")
		name := w3c.Lexical(g.One(gd, w3c.RDFS+"label"))
		b, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		qs := parseRDF(t, rdf.NTriples, string(b))
		for i := range qs {
			qs[i].Graph = rdf.IRI(name)
		}
		if err := ts.store.Update(func(tx *triplestore.Tx) error { _, err := tx.AddQuads(qs); return err }); err != nil {
			return err
		}
	}
	action := g.One(test, w3c.MF+"action")
	vars := map[string]string{}
	for i, req := range g.List(g.One(action, htNS+"requests")) {
		if err := replay(t, ts, g, req, vars); err != nil {
			return fmt.Errorf("request %d: %w", i+1, err)
		}
	}
	return nil
}

func replay(t *testing.T, ts *testServer, g w3c.ManifestGraph, req rdf.Term, vars map[string]string) error {
	method := w3c.Lexical(g.One(req, htNS+"methodName"))
	path := w3c.Lexical(g.One(req, htNS+"absolutePath"))
	for k, v := range vars {
		path = strings.ReplaceAll(path, k, url.QueryEscape(v))
	}
	switch {
	case strings.HasPrefix(path, "/sparql/"):
		path = "/sparql" + strings.TrimPrefix(path, "/sparql/")
	case strings.HasPrefix(path, "/gsp"):
		path = "/data" + strings.TrimPrefix(path, "/gsp")
	}
	var body io.Reader
	if b := g.One(req, htNS+"body"); b != nil {
		body = strings.NewReader(w3c.Lexical(g.One(b, cntNS+"chars")))
	}
	r, err := http.NewRequest(method, ts.URL+path, body)
	if err != nil {
		return err
	}
	r.Host = "www.example"
	r.Header.Set("Authorization", "Bearer "+testToken)
	for _, h := range g.List(g.One(req, htNS+"headers")) {
		r.Header.Set(w3c.Lexical(g.One(h, htNS+"fieldName")), w3c.Lexical(g.One(h, htNS+"fieldValue")))
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(r)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	got, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	resp := g.One(req, htNS+"resp")
	what := fmt.Sprintf("%s %s: %s", method, path, res.Status)
	if ss := g.All(resp, w3c.MF+"expectedStatus"); len(ss) > 0 {
		ok := false
		for _, s := range ss {
			ok = ok || statusMatches(w3c.Lexical(s), res.StatusCode)
		}
		if !ok {
			return fmt.Errorf("%s, want %v\n%s", what, ss, got)
		}
	}
	ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	if f := g.One(resp, w3c.MF+"expectedFormat"); f != nil {
		if !formatMatches(w3c.Lexical(f), ct) {
			return fmt.Errorf("%s: Content-Type %q is not %s", what, ct, w3c.Lexical(f))
		}
	}
	if b := g.One(resp, w3c.MF+"expectedBoolean"); b != nil {
		rf, err := results.ParseFormat(ct)
		if err != nil {
			return fmt.Errorf("%s: boolean answer as %q: %v", what, ct, err)
		}
		rr, err := results.Read(rf, strings.NewReader(string(got)))
		if err != nil || rr.Boolean == nil || fmt.Sprint(*rr.Boolean) != w3c.Lexical(b) {
			return fmt.Errorf("%s: want boolean %s, got %s (%v)", what, w3c.Lexical(b), got, err)
		}
	}
	for _, h := range g.List(g.One(resp, htNS+"headers")) {
		name, want := w3c.Lexical(g.One(h, htNS+"fieldName")), w3c.Lexical(g.One(h, htNS+"fieldValue"))
		if strings.EqualFold(name, "content-type") {
			wmt, _, _ := mime.ParseMediaType(want)
			if ct != wmt {
				return fmt.Errorf("%s: Content-Type %q, want %q", what, ct, want)
			}
		} else if res.Header.Get(name) != want {
			return fmt.Errorf("%s: %s %q, want %q", what, name, res.Header.Get(name), want)
		}
	}
	if b := g.One(resp, htNS+"body"); b != nil && res.StatusCode < 300 {
		f, ok := contentFormat(res.Header.Get("Content-Type"))
		if !ok {
			return fmt.Errorf("%s: body of type %q is no RDF", what, ct)
		}
		want := parseRDF(t, rdf.Turtle, w3c.Lexical(g.One(b, cntNS+"chars")))
		have := parseRDF(t, f, string(got))
		for i := range have {
			have[i].Graph = nil
		}
		if !rdf.Isomorphic(want, have) {
			return fmt.Errorf("%s: body differs:\n%s", what, rdf.Diff(want, have))
		}
	}
	if l := g.One(resp, w3c.MF+"expectedLocation"); l != nil {
		loc := res.Header.Get("Location")
		if loc == "" {
			return fmt.Errorf("%s: no Location", what)
		}
		vars[w3c.Lexical(l)] = loc
	}
	return nil
}

func statusMatches(iri string, code int) bool {
	switch strings.TrimPrefix(iri, htsNS) {
	case "StatusCode2xx":
		return code/100 == 2
	case "StatusCode3xx":
		return code/100 == 3
	case "StatusCode4xx":
		return code/100 == 4
	case "OK":
		return code == 200
	case "Created":
		return code == 201
	case "NoContent":
		return code == 204
	case "NotFound":
		return code == 404
	}
	return false
}

func formatMatches(kind, ct string) bool {
	switch kind {
	case "boolean", "tabular":
		_, err := results.ParseFormat(ct)
		return err == nil
	case "RDF":
		_, ok := contentFormat(ct)
		return ok
	}
	return false
}
