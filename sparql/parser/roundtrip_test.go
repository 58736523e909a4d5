package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
)

// roundTrip parses src, prints it, parses the print and prints again: both prints must agree.
func roundTrip(t testing.TB, src string, update bool, opts Options) error {
	t.Helper()
	type stringer interface{ String() string }
	parse := func(s string, o Options) (stringer, error) {
		if update {
			return ParseUpdate(s, o)
		}
		return ParseQuery(s, o)
	}
	a, err := parse(src, opts)
	if err != nil {
		return err
	}
	s1 := a.String()
	b, err := parse(s1, Options{})
	if err != nil {
		t.Fatalf("the printed form does not parse: %v\n%s", err, s1)
	}
	if s2 := b.String(); s1 != s2 {
		t.Fatalf("round trip differs:\n%s\n%s", s1, s2)
	}
	return nil
}

// TestRoundTrip_W3C parses every valid query and update of the W3C suites, prints it with
// String and checks that the print parses back to the same tree.
func TestRoundTrip_W3C(t *testing.T) {
	dir := w3c.Dir(t)
	var files []string
	for _, pat := range []string{"sparql10/*/*.rq", "sparql11/*/*.rq", "sparql11/*/*.ru"} {
		fs, _ := filepath.Glob(filepath.Join(dir, "sparql", pat))
		files = append(files, fs...)
	}
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f), func(t *testing.T) {
			if roundTrip(t, string(src), strings.HasSuffix(f, ".ru"), Options{Base: w3c.FileURL(f)}) == nil {
				n++
			}
		})
	}
	if n < 900 {
		t.Errorf("only %d of %d files parsed", n, len(files))
	}
	t.Logf("%d of %d files round-tripped (the rest are negative syntax tests)", n, len(files))
}
