package jsonld

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// FuzzRoundtrip reads any input; what reads without error must write, and what is written
// must read back to an isomorphic dataset, with and without a compaction context.
func FuzzRoundtrip(f *testing.F) {
	for _, pattern := range []string{"testdata/read/*.jsonld", "testdata/errors/*.jsonld"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	rich, err := os.ReadFile("testdata/roundtrip-context.jsonld")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReaderWithContexts(bytes.NewReader(data), rdf.ReadOptions{Base: testBase}, testContexts)
		qs, err := readAll(t, r)
		if err != nil {
			if _, again := r.Read(); again != err {
				t.Fatalf("a fatal error must repeat: %v, then %v", err, again)
			}
			return
		}
		for _, opts := range []rdf.WriteOptions{{}, {Prefixes: roundtripPrefixes, Base: testBase}, {Context: rich}} {
			var buf bytes.Buffer
			w := NewWriter(&buf, opts)
			for _, q := range qs {
				if err := w.Write(q); err != nil {
					t.Fatalf("Write(%v): %v", q, err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			back, err := readAll(t, NewReader(bytes.NewReader(buf.Bytes()), rdf.ReadOptions{}))
			if err != nil {
				t.Fatalf("reading the output: %v\n%s", err, buf.Bytes())
			}
			if !rdf.Isomorphic(qs, back) {
				t.Fatalf("round trip changed the data:\n%s\n%s", rdf.Diff(qs, back), buf.Bytes())
			}
		}
	})
}
