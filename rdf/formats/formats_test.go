package formats

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func TestDetect(t *testing.T) {
	cases := []struct {
		name string
		f    rdf.Format
		c    Compression
		ok   bool
	}{
		{"a.nt", rdf.NTriples, None, true},
		{"dir/a.NQ", rdf.NQuads, None, true},
		{"a.ttl.gz", rdf.Turtle, Gzip, true},
		{"a.trig", rdf.TriG, None, true},
		{"a.rdf.bz2", rdf.RDFXML, Bzip2, true},
		{"a.owl", rdf.RDFXML, None, true},
		{"a.jsonld", rdf.JSONLD, None, true},
		{"a.txt", 0, None, false},
		{"a.gz", 0, Gzip, false},
	}
	for _, c := range cases {
		f, comp, ok := Detect(c.name)
		if f != c.f || comp != c.c || ok != c.ok {
			t.Errorf("Detect(%q) = %v %v %v; want %v %v %v", c.name, f, comp, ok, c.f, c.c, c.ok)
		}
	}
}

func TestOpen_SniffsGzip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "data.nt") // gzip content under a plain name
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("<a:s> <a:p> <a:o> .\n"))
	zw.Close()
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := io.ReadAll(f)
	if err != nil || string(got) != "<a:s> <a:p> <a:o> .\n" {
		t.Fatalf("got %q, %v", got, err)
	}
	if f.Size() != int64(buf.Len()) {
		t.Fatalf("size %d, want %d", f.Size(), buf.Len())
	}
}

func TestFileURL(t *testing.T) {
	if got := FileURL("/tmp/a b#.ttl"); got != "file:///tmp/a%20b%23.ttl" {
		t.Fatalf("got %q", got)
	}
}

func TestParseFormat_Names(t *testing.T) {
	for _, f := range rdf.Formats {
		for _, s := range []string{f.String(), f.Ext(), f.MediaType()} {
			if g, ok := rdf.ParseFormat(s); !ok || g != f {
				t.Errorf("ParseFormat(%q) = %v, %v; want %v", s, g, ok, f)
			}
		}
	}
}
