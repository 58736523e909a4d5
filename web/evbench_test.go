package web

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/uitwisselingsplatform/uwp/triplestore"
)

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
	req := httptest.NewRequest("GET", "/doc/activiteit/77", nil)
	req.Header.Set("Accept", os.Getenv("UWP_BENCH_ACCEPT"))
	for i := 0; i < b.N; i++ {
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
