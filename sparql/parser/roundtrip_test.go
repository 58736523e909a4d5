package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
)

// roundTrip parses src, prints it, parses the print and prints again: both prints must agree.
// Without strict, the second print need only be a fixed point (print, parse, print gives it
// back): prefixed names may expand to IRIs with dot segments ("/."), which an IRI reference
// written out loses to RFC 3986 resolution.
func roundTrip(t testing.TB, src string, update bool, opts Options, strict bool) error {
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
	s2 := b.String()
	if s1 == s2 {
		return nil
	}
	if strict {
		t.Fatalf("round trip differs:\n%s\n%s", s1, s2)
	}
	c, err := parse(s2, Options{})
	if err != nil {
		t.Fatalf("the second print does not parse: %v\n%s", err, s2)
	}
	if s3 := c.String(); s3 != s2 {
		t.Fatalf("round trip does not settle:\n%s\n%s\n%s", s1, s2, s3)
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
			if roundTrip(t, string(src), strings.HasSuffix(f, ".ru"), Options{Base: w3c.FileURL(f)}, true) == nil {
				n++
			}
		})
	}
	if n < 900 {
		t.Errorf("only %d of %d files parsed", n, len(files))
	}
	t.Logf("%d of %d files round-tripped (the rest are negative syntax tests, and property-path files no manifest uses, written in the draft :p{n,m} syntax)", n, len(files))
}
