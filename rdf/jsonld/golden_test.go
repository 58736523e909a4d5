package jsonld

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// testBase is the base IRI every golden fixture is read with.
const testBase = "http://example.org/base/doc.jsonld"

// testContexts are the remote contexts the fixtures may use.
var testContexts = map[string][]byte{
	"http://example.org/context.jsonld": []byte(`{"@context": {"name": "http://schema.org/name"}}`),
}

func readAll(tb testing.TB, r rdf.Reader) ([]rdf.Quad, error) {
	tb.Helper()
	var out []rdf.Quad
	for {
		q, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, q)
	}
}

func readFile(tb testing.TB, path string) ([]rdf.Quad, error) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	r := NewReaderWithContexts(bytes.NewReader(data), rdf.ReadOptions{Base: testBase, File: filepath.Base(path)}, testContexts)
	return readAll(tb, r)
}

// nquads renders quads as sorted N-Quads lines.
func nquads(qs []rdf.Quad) string {
	lines := make([]string, len(qs))
	for i, q := range qs {
		lines[i] = q.String() + "\n"
	}
	sort.Strings(lines)
	return strings.Join(lines, "")
}

// golden compares got with the file at path, whose first line is a comment, or rewrites it
// under -update.
func golden(t *testing.T, path, comment, got string) {
	t.Helper()
	got = comment + "\n" + got
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output:\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

func TestReader_Golden(t *testing.T) {
	files, _ := filepath.Glob("testdata/read/*.jsonld")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".jsonld")
		t.Run(name, func(t *testing.T) {
			qs, err := readFile(t, f)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, strings.TrimSuffix(f, ".jsonld")+".nq",
				"# Sorted N-Quads of "+name+".jsonld read with base <"+testBase+">; go test -update rewrites this file.", nquads(qs))
		})
	}
}

func TestReader_Errors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.jsonld")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".jsonld")
		t.Run(name, func(t *testing.T) {
			_, err := readFile(t, f)
			if err == nil {
				t.Fatal("no error")
			}
			var se *rdf.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("%v (%T) is not an *rdf.SyntaxError", err, err)
			}
			if !se.Fatal || se.File != filepath.Base(f) {
				t.Errorf("Fatal=%v File=%q", se.Fatal, se.File)
			}
			got := err.Error() + "\n"
			var je *Error
			if errors.As(err, &je) {
				got += "pointer: " + je.Pointer + "\ncode: " + je.Code + "\n"
			}
			golden(t, strings.TrimSuffix(f, ".jsonld")+".err",
				"# Error reading "+name+".jsonld (then pointer and code for JSON-LD errors); go test -update rewrites this file.", got)
		})
	}
}
