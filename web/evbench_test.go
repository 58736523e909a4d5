package web

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// BenchmarkEventsPage renders pages of different activities of a store made with
// `uwp load` from the shared events dataset (UWP_BENCH_STORE=path/uwp.db; base IRI
// https://data.example.org/), HTML or by UWP_BENCH_ACCEPT. Skipped without the store.
func BenchmarkEventsPage(b *testing.B) {
	p := os.Getenv("UWP_BENCH_STORE")
	if p == "" {
		b.Skip()
	}
	st, err := triplestore.Open(p, &triplestore.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	s := New(Config{BaseIRIs: []string{"https://data.example.org/"}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, st)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("GET", fmt.Sprintf("/doc/activiteit/%d", 1+i*7919%12000), nil)
		req.Header.Set("Accept", os.Getenv("UWP_BENCH_ACCEPT"))
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
