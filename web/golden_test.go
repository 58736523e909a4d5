package web

import (
	"flag"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGolden renders answers of a fixed store (testdata/golden/data.ttl, base IRI
// https://data.example.org/, requests for Host data.example.org) and compares them with the
// files under testdata/golden; -update rewrites them. Each golden file is the exact body.
func TestGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/golden/data.ttl")
	if err != nil {
		t.Fatal(err)
	}
	st, err := triplestore.Open(filepath.Join(t.TempDir(), "uwp.db"), &triplestore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	qs := parseRDF(t, rdf.Turtle, string(data))
	if err := st.Update(func(tx *triplestore.Tx) error { _, err := tx.AddQuads(qs); return err }); err != nil {
		t.Fatal(err)
	}
	s := New(Config{BaseIRIs: []string{"https://data.example.org/"}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, st)
	for _, c := range []struct{ file, path, accept, lang string }{
		{"gent.html", "/doc/gent", "text/html", "en"},
		{"gent-nl.html", "/doc/gent", "text/html", "nl"},
		{"gent.ttl", "/doc/gent.ttl", "", ""},
		{"gent.nt", "/doc/gent.nt", "", ""},
		{"void.nt", "/.well-known/void", "application/n-triples", ""},
		{"sitemap.xml", "/sitemap/1.xml", "", ""},
		{"notfound.html", "/doc/atlantis", "text/html", ""},
	} {
		req := httptest.NewRequest("GET", c.path, nil)
		req.Host = "data.example.org"
		if c.accept != "" {
			req.Header.Set("Accept", c.accept)
		}
		if c.lang != "" {
			req.Header.Set("Accept-Language", c.lang)
		}
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		got := w.Body.Bytes()
		path := filepath.Join("testdata", "golden", c.file)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -run TestGolden -update)", err)
		}
		if string(got) != string(want) {
			t.Errorf("%s %s differs from %s (go test -run TestGolden -update rewrites it):\n%s", c.path, c.accept, path, got)
		}
	}
}
