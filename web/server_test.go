package web

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

const cityData = `
ex:gent a <https://schema.org/City> ; <http://www.w3.org/2000/01/rdf-schema#label> "Gent"@nl, "Ghent"@en ;
  <https://schema.org/description> "Stad"@nl, "City"@en ;
  <https://schema.org/image> <http://img.example/gent.jpg> ;
  <http://www.w3.org/2003/01/geo/wgs84_pos#lat> "51.05" ; <http://www.w3.org/2003/01/geo/wgs84_pos#long> "3.72" ;
  <https://schema.org/address> [ a <https://schema.org/PostalAddress> ; <https://schema.org/postalCode> "9000" ] .
ex:ev1 a <https://schema.org/Event> ; <http://www.w3.org/2000/01/rdf-schema#label> "Gentse Feesten" ; <https://schema.org/location> ex:gent .
ex:ev2 a <https://schema.org/Event> ; <http://www.w3.org/2000/01/rdf-schema#label> "Film Fest" ; <https://schema.org/location> ex:gent .
`

func TestServer_Healthz(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	code, body, _ := ts.get(t, "GET", "/healthz", "")
	wantStatus(t, "healthz", code, 200, body)
	if body != "ok\n" {
		t.Fatalf("body %q", body)
	}
	code, body, _ = ts.get(t, "HEAD", "/healthz", "")
	if code != 200 || body != "" {
		t.Fatalf("HEAD: %d %q", code, body)
	}
}

func TestServer_Metrics(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	ts.get(t, "GET", "/healthz", "")
	ts.get(t, "GET", "/doc/gent.ttl", "")
	ts.get(t, "GET", "/doc/nothing", "")
	_, body, h := ts.get(t, "GET", "/metrics", "")
	if !strings.HasPrefix(h.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Errorf("content type %q", h.Get("Content-Type"))
	}
	for _, want := range []string{
		`uwp_http_requests_total{route="/healthz",method="GET",status="200"} 1`,
		`uwp_http_requests_total{route="/doc/*",method="GET",status="200"} 1`,
		`uwp_http_requests_total{route="/doc/*",method="GET",status="404"} 1`,
		`uwp_http_request_duration_seconds_bucket{route="/doc/*",le="+Inf"} 2`,
		`uwp_http_request_duration_seconds_count{route="/healthz"} 1`,
		"uwp_queries_running 0",
		"uwp_store_quads 17",
		"# TYPE uwp_store_size_bytes gauge",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
}

func TestServer_CORS(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	_, _, h := ts.get(t, "GET", "/doc/gent.ttl", "", "Origin", "https://yasgui.example")
	if got := h.Get("Access-Control-Allow-Origin"); got != "*" {
		t.Errorf("Allow-Origin %q", got)
	}
	if !strings.Contains(h.Get("Access-Control-Expose-Headers"), "ETag") {
		t.Errorf("Expose-Headers %q", h.Get("Access-Control-Expose-Headers"))
	}
	code, _, h := ts.get(t, "OPTIONS", "/sparql", "", "Origin", "https://yasgui.example", "Access-Control-Request-Method", "POST")
	if code != http.StatusNoContent || !strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight: %d %v", code, h)
	}
	// Writes are not offered cross-origin.
	if strings.Contains(h.Get("Access-Control-Allow-Methods"), "PUT") {
		t.Errorf("preflight allows PUT: %v", h)
	}
	off := newTestServer(t, Config{CORSOrigins: []string{}}, cityData)
	_, _, h = off.get(t, "GET", "/doc/gent.ttl", "", "Origin", "https://yasgui.example")
	if got := h.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("CORS off: Allow-Origin %q", got)
	}
}

func TestServer_Gzip(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	res := ts.do(t, "GET", "/doc/gent.html", "", "Accept-Encoding", "gzip")
	defer res.Body.Close()
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q", res.Header.Get("Content-Encoding"))
	}
}

func TestServer_ETag304(t *testing.T) {
	ts := newTestServer(t, Config{CacheControl: "public, max-age=60"}, cityData)
	code, _, h := ts.get(t, "GET", "/doc/gent.ttl", "")
	wantStatus(t, "first GET", code, 200, "")
	tag, mod := h.Get("ETag"), h.Get("Last-Modified")
	if tag == "" || mod == "" || h.Get("Cache-Control") != "public, max-age=60" {
		t.Fatalf("validators: %v", h)
	}
	code, body, _ := ts.get(t, "GET", "/doc/gent.ttl", "", "If-None-Match", tag)
	wantStatus(t, "If-None-Match", code, 304, body)
	code, body, _ = ts.get(t, "GET", "/doc/gent.ttl", "", "If-Modified-Since", mod)
	wantStatus(t, "If-Modified-Since", code, 304, body)
	code, body, _ = ts.get(t, "HEAD", "/doc/gent.ttl", "", "If-None-Match", tag)
	wantStatus(t, "HEAD If-None-Match", code, 304, body)
	// Another representation has another tag.
	_, _, h2 := ts.get(t, "GET", "/doc/gent.nt", "")
	if h2.Get("ETag") == tag {
		t.Errorf("same ETag for Turtle and N-Triples: %s", tag)
	}
	// A write changes the data version: the old tag and date no longer match.
	code, body, _ = ts.get(t, "POST", "/data?default", `<http://x/a> <http://x/b> "c" .`, "Content-Type", "text/turtle", "Authorization", "Bearer "+testToken)
	wantStatus(t, "POST", code, 204, body)
	code, _, h3 := ts.get(t, "GET", "/doc/gent.ttl", "", "If-None-Match", tag)
	wantStatus(t, "after write If-None-Match", code, 200, "")
	code, _, _ = ts.get(t, "GET", "/doc/gent.ttl", "", "If-Modified-Since", mod)
	wantStatus(t, "after write If-Modified-Since", code, 200, "")
	if h3.Get("ETag") == tag {
		t.Errorf("ETag unchanged after a write")
	}
}

func TestServer_GracefulShutdown(t *testing.T) {
	dir := t.TempDir()
	st, err := triplestore.Open(filepath.Join(dir, "uwp.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, st)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("Serve after Shutdown: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Fatal("server still answers after Shutdown")
	}
	if err := st.Close(); err != nil {
		t.Fatalf("closing the store: %v", err)
	}
}

func TestServer_ShutdownLetsRequestsFinish(t *testing.T) {
	dir := t.TempDir()
	st, err := triplestore.Open(filepath.Join(dir, "uwp.db"), &triplestore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	qs := parseRDF(t, rdf.Turtle, "@prefix ex: <http://ex.org/> .\n"+manyStatements(30))
	if err := st.Update(func(tx *triplestore.Tx) error { _, err := tx.AddQuads(qs); return err }); err != nil {
		t.Fatal(err)
	}
	srv := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, st)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	type answer struct {
		code int
		body string
		err  error
	}
	got := make(chan answer, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/sparql?query=" + q(slowQuery) + "&format=csv")
		if err != nil {
			got <- answer{err: err}
			return
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		got <- answer{res.StatusCode, string(b), err}
	}()
	for srv.met.running.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	if err := srv.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	a := <-got
	if a.err != nil || a.code != 200 || a.body != "n\r\n810000\r\n" {
		t.Fatalf("in-flight query: %d %q %v", a.code, a.body, a.err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestServer_HeadWhereverGet(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	heads := map[string]bool{}
	for _, r := range ts.srv.e.Routes() {
		if r.Method == http.MethodHead {
			heads[r.Path] = true
		}
	}
	n := 0
	for _, r := range ts.srv.e.Routes() {
		if r.Method == http.MethodGet {
			n++
			if !heads[r.Path] {
				t.Errorf("GET %s has no HEAD", r.Path)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d GET routes", n)
	}
}
