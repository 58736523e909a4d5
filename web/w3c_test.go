package web

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
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
	mfNS  = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	utNS  = "http://www.w3.org/2009/sparql/tests/test-update#"
	rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

type mgraph map[rdf.Term]map[rdf.IRI][]rdf.Term

func (g mgraph) one(s rdf.Term, p string) rdf.Term {
	if os := g[s][rdf.IRI(p)]; len(os) > 0 {
		return os[0]
	}
	return nil
}

func (g mgraph) list(head rdf.Term) []rdf.Term {
	var out []rdf.Term
	for n := 0; head != nil && head != rdf.IRI(rdfNS+"nil") && n < 10000; n++ {
		if f := g.one(head, rdfNS+"first"); f != nil {
			out = append(out, f)
		}
		head = g.one(head, rdfNS+"rest")
	}
	return out
}

func lex(t rdf.Term) string {
	switch t := t.(type) {
	case rdf.Literal:
		return t.Lexical
	case rdf.IRI:
		return string(t)
	}
	return ""
}

func readManifestGraph(t *testing.T, path string) mgraph {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd, err := formats.NewReader(rdf.Turtle, f, rdf.ReadOptions{Base: w3c.FileURL(path), File: path})
	if err != nil {
		t.Fatal(err)
	}
	g := mgraph{}
	for {
		q, err := rd.Read()
		if err == io.EOF {
			return g
		}
		if err != nil {
			t.Fatal(err)
		}
		if g[q.Subject] == nil {
			g[q.Subject] = map[rdf.IRI][]rdf.Term{}
		}
		p := q.Predicate.(rdf.IRI)
		g[q.Subject][p] = append(g[q.Subject][p], q.Object)
	}
}

func TestW3C_Protocol(t *testing.T) {
	dir := w3c.Dir(t)
	var tests []w3c.Test
	graphs := map[string]mgraph{}
	for _, m := range []string{"protocol/manifest.ttl", "graph-store-protocol/manifest-indirect.ttl", "graph-store-protocol/manifest-direct.ttl", "http-rdf-update/manifest.ttl"} {
		path := filepath.Join(dir, "sparql", "sparql11", m)
		ts, err := w3c.LoadManifest(path)
		if err != nil {
			t.Fatal(err)
		}
		tests = append(tests, ts...)
		abs, _ := filepath.Abs(path)
		graphs[abs] = readManifestGraph(t, path)
	}
	expected, err := w3c.LoadExpected("testdata/w3c-expected-failures.txt")
	if err != nil {
		t.Fatal(err)
	}
	w3c.Run(t, "sparql11 protocol + graph store protocol", tests, expected, func(t *testing.T, tc w3c.Test) error {
		abs, _ := filepath.Abs(tc.Manifest)
		return runProtocolTest(t, graphs[abs], rdf.IRI(tc.IRI))
	})
}

func runProtocolTest(t *testing.T, g mgraph, test rdf.IRI) error {
	ts := newTestServer(t, Config{}, "")
	// ut:graphData [ ut:graph <file> ; rdfs:label "graph IRI" ] at the test level.
	for _, gd := range g[test][rdf.IRI(utNS+"graphData")] {
		file := strings.TrimPrefix(lex(g.one(gd, utNS+"graph")), "file://")
		name := lex(g.one(gd, "http://www.w3.org/2000/01/rdf-schema#label"))
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
	action := g.one(test, mfNS+"action")
	vars := map[string]string{}
	for i, req := range g.list(g.one(action, htNS+"requests")) {
		if err := replay(t, ts, g, req, vars); err != nil {
			return fmt.Errorf("request %d: %w", i+1, err)
		}
	}
	return nil
}

func replay(t *testing.T, ts *testServer, g mgraph, req rdf.Term, vars map[string]string) error {
	method := lex(g.one(req, htNS+"methodName"))
	path := lex(g.one(req, htNS+"absolutePath"))
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
	if b := g.one(req, htNS+"body"); b != nil {
		body = strings.NewReader(lex(g.one(b, cntNS+"chars")))
	}
	r, err := http.NewRequest(method, ts.URL+path, body)
	if err != nil {
		return err
	}
	r.Host = "www.example"
	r.Header.Set("Authorization", "Bearer "+testToken)
	for _, h := range g.list(g.one(req, htNS+"headers")) {
		r.Header.Set(lex(g.one(h, htNS+"fieldName")), lex(g.one(h, htNS+"fieldValue")))
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
	resp := g.one(req, htNS+"resp")
	what := fmt.Sprintf("%s %s: %s", method, path, res.Status)
	if ss := g[resp][rdf.IRI(mfNS+"expectedStatus")]; len(ss) > 0 {
		ok := false
		for _, s := range ss {
			ok = ok || statusMatches(lex(s), res.StatusCode)
		}
		if !ok {
			return fmt.Errorf("%s, want %v\n%s", what, ss, got)
		}
	}
	ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	if f := g.one(resp, mfNS+"expectedFormat"); f != nil {
		if !formatMatches(lex(f), ct) {
			return fmt.Errorf("%s: Content-Type %q is not %s", what, ct, lex(f))
		}
	}
	if b := g.one(resp, mfNS+"expectedBoolean"); b != nil {
		rf, err := results.ParseFormat(ct)
		if err != nil {
			return fmt.Errorf("%s: boolean answer as %q: %v", what, ct, err)
		}
		rr, err := results.Read(rf, strings.NewReader(string(got)))
		if err != nil || rr.Boolean == nil || fmt.Sprint(*rr.Boolean) != lex(b) {
			return fmt.Errorf("%s: want boolean %s, got %s (%v)", what, lex(b), got, err)
		}
	}
	for _, h := range g.list(g.one(resp, htNS+"headers")) {
		name, want := lex(g.one(h, htNS+"fieldName")), lex(g.one(h, htNS+"fieldValue"))
		if strings.EqualFold(name, "content-type") {
			wmt, _, _ := mime.ParseMediaType(want)
			if ct != wmt {
				return fmt.Errorf("%s: Content-Type %q, want %q", what, ct, want)
			}
		} else if res.Header.Get(name) != want {
			return fmt.Errorf("%s: %s %q, want %q", what, name, res.Header.Get(name), want)
		}
	}
	if b := g.one(resp, htNS+"body"); b != nil && res.StatusCode < 300 {
		f, ok := contentFormat(res.Header.Get("Content-Type"))
		if !ok {
			return fmt.Errorf("%s: body of type %q is no RDF", what, ct)
		}
		want := parseRDF(t, rdf.Turtle, lex(g.one(b, cntNS+"chars")))
		have := parseRDF(t, f, string(got))
		for i := range have {
			have[i].Graph = nil
		}
		if !rdf.Isomorphic(want, have) {
			return fmt.Errorf("%s: body differs:\n%s", what, rdf.Diff(want, have))
		}
	}
	if l := g.one(resp, mfNS+"expectedLocation"); l != nil {
		loc := res.Header.Get("Location")
		if loc == "" {
			return fmt.Errorf("%s: no Location", what)
		}
		vars[lex(l)] = loc
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
