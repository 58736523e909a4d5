package web

import (
	"fmt"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// serveBench runs requests against the handler in-process (no sockets), so the numbers are
// the server's own cost per request.
func serveBench(b *testing.B, ts *testServer, path string, headers ...string) {
	b.Helper()
	h := ts.srv.Handler()
	req := httptest.NewRequest("GET", path, nil)
	req.Host = strings.TrimPrefix(ts.URL, "http://") // the IRIs in the store name the test server
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	want := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if want == 0 {
			want = w.Code
		}
		if w.Code != want || w.Code >= 400 {
			b.Fatalf("status %d", w.Code)
		}
	}
}

func BenchmarkResourcePage_HTML(b *testing.B) {
	ts := newTestServer(b, Config{}, cityData)
	serveBench(b, ts, "/doc/gent", "Accept", "text/html", "Accept-Language", "nl")
}

func BenchmarkResourcePage_Turtle(b *testing.B) {
	ts := newTestServer(b, Config{}, cityData)
	serveBench(b, ts, "/doc/gent", "Accept", "text/turtle")
}

func BenchmarkRevalidate304(b *testing.B) {
	ts := newTestServer(b, Config{}, cityData)
	_, _, h := ts.get(b, "GET", "/doc/gent", "", "Accept", "text/html")
	serveBench(b, ts, "/doc/gent", "Accept", "text/html", "If-None-Match", h.Get("ETag"))
}

// BenchmarkResourcePage_ManyIncoming is a page of a resource with 200,000 (UWP_BENCH_HUB) incoming links
// (counts are capped and estimated, pages read from the POS index), first and a deep page.
func BenchmarkResourcePage_ManyIncoming(b *testing.B) {
	ts := newTestServer(b, Config{}, "")
	hub := rdf.IRI(ts.URL + "/id/hub")
	n := 200000
	if v, err := strconv.Atoi(os.Getenv("UWP_BENCH_HUB")); err == nil && v > 0 {
		n = v // e.g. UWP_BENCH_HUB=1000000
	}
	qs := make([]rdf.Quad, 0, n)
	for i := 0; i < cap(qs); i++ {
		qs = append(qs, rdf.Quad{Subject: rdf.IRI(fmt.Sprintf("%s/id/e%d", ts.URL, i)), Predicate: rdf.IRI("http://ex.org/about"), Object: hub})
	}
	if err := ts.store.Update(func(tx *triplestore.Tx) error { _, err := tx.AddQuads(qs); return err }); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, path string }{
		{"first", "/doc/hub"},
		{"page500", "/doc/hub?inc=http%3A%2F%2Fex.org%2Fabout&page=500"},
	} {
		b.Run(c.name, func(b *testing.B) { serveBench(b, ts, c.path, "Accept", "text/html") })
	}
}

func BenchmarkSPARQL_PointQuery(b *testing.B) {
	ts := newTestServer(b, Config{}, cityData)
	serveBench(b, ts, "/sparql?query="+q("SELECT ?l WHERE { <"+ts.URL+"/id/gent> <http://www.w3.org/2000/01/rdf-schema#label> ?l }"), "Accept", "application/sparql-results+json")
}
