package web

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

const testToken = "s3cret-token"

// testServer is a real server over a real bbolt store in t.TempDir(), on a loopback listener.
type testServer struct {
	*httptest.Server
	srv   *Server
	store *triplestore.Store
}

// newTestServer starts a server; base "" means the server's own URL. Data (Turtle, with
// the prefix "ex:" bound to the base's id/ space) is loaded into the default graph.
func newTestServer(t testing.TB, cfg Config, turtle string) *testServer {
	t.Helper()
	dir := t.TempDir()
	st, err := triplestore.Open(filepath.Join(dir, "uwp.db"), &triplestore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.TokenHashes == nil {
		cfg.TokenHashes = []string{HashToken(testToken)}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	cfg.TempDir = dir
	ts := &testServer{store: st}
	ts.srv = New(cfg, st)
	ts.Server = httptest.NewServer(ts.srv.Handler())
	t.Cleanup(func() {
		ts.Server.Close()
		if err := st.Check(); err != nil {
			t.Errorf("store check: %v", err)
		}
		st.Close()
	})
	if turtle != "" {
		base := ts.URL + "/id/"
		if len(cfg.BaseIRIs) > 0 {
			base = cfg.BaseIRIs[0] + "id/"
		}
		qs := parseRDF(t, rdf.Turtle, "@prefix ex: <"+base+"> .\n"+turtle)
		if err := st.Update(func(tx *triplestore.Tx) error { _, err := tx.AddQuads(qs); return err }); err != nil {
			t.Fatal(err)
		}
	}
	return ts
}

func parseRDF(t testing.TB, f rdf.Format, s string) []rdf.Quad {
	t.Helper()
	rd, err := formats.NewReader(f, strings.NewReader(s), rdf.ReadOptions{Base: "http://base.example/"})
	if err != nil {
		t.Fatal(err)
	}
	var qs []rdf.Quad
	for {
		q, err := rd.Read()
		if err == io.EOF {
			return qs
		}
		if err != nil {
			t.Fatalf("parsing %s: %v\n%s", f, err, s)
		}
		qs = append(qs, q)
	}
}

func serialize(t testing.TB, f rdf.Format, qs []rdf.Quad) string {
	t.Helper()
	var b bytes.Buffer
	w, err := formats.NewWriter(f, &b, rdf.WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if err := w.Write(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// do sends a request; headers alternate name, value.
func (ts *testServer) do(t testing.TB, method, path, body string, headers ...string) *http.Response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// get does a request and returns status, body and headers.
func (ts *testServer) get(t testing.TB, method, path, body string, headers ...string) (int, string, http.Header) {
	t.Helper()
	res := ts.do(t, method, path, body, headers...)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b), res.Header
}

func wantStatus(t testing.TB, what string, got, want int, body string) {
	t.Helper()
	if got != want {
		t.Fatalf("%s: status %d, want %d\n%s", what, got, want, body)
	}
}

// ciRequired reports whether a missing external tool must fail the test.
func ciRequired() bool { return os.Getenv("CI") == "true" }
