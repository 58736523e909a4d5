package nt

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// FuzzReader checks, for N-Triples and N-Quads alike, that reading never panics, that every
// error is a positioned non-fatal syntax error, and that parse -> write -> parse gives the
// same quads (up to the "b" the reader puts in front of every blank node label).
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		"<http://ex/s> <http://ex/p> <http://ex/o> .\n",
		"_:a <http://ex/p> \"x\\n\\\"y\"@en-GB <http://ex/g> .\r\n",
		"<http://ex/s> <http://ex/p> \"1\"^^<http://ex/dt> _:g .\r# c\r",
		"<http://ex/\\u00E9> <http://ex/p> \"\\U0001F600\\t\" .",
	} {
		f.Add([]byte(s))
	}
	for _, glob := range fuzzSeedGlobs() {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, quads := range []bool{false, true} {
			first := readValid(t, data, quads)
			var out bytes.Buffer
			var w rdf.Writer
			if quads {
				w = NewQuadsWriter(&out, rdf.WriteOptions{})
			} else {
				w = NewWriter(&out, rdf.WriteOptions{})
			}
			for _, q := range first {
				if err := w.Write(q); err != nil {
					t.Fatalf("writing %v that the reader returned: %v", q, err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			second := readValid(t, out.Bytes(), quads)
			if len(second) != len(first) {
				t.Fatalf("read %d quads, %d after writing them:\n%s", len(first), len(second), out.Bytes())
			}
			for i := range first {
				if want := relabel(first[i]); second[i] != want {
					t.Fatalf("quad %d: %v after the round trip, want %v", i, second[i], want)
				}
			}
		}
	})
}

// readValid returns the quads read from data, checking that every error is a proper
// syntax error and that the output of the writer (second pass) has none.
func readValid(t *testing.T, data []byte, quads bool) []rdf.Quad {
	t.Helper()
	var rd rdf.Reader
	if quads {
		rd = NewQuadsReader(bytes.NewReader(data), rdf.ReadOptions{})
	} else {
		rd = NewReader(bytes.NewReader(data), rdf.ReadOptions{})
	}
	var qs []rdf.Quad
	for {
		q, err := rd.Read()
		if err == io.EOF {
			return qs
		}
		if err != nil {
			var se *rdf.SyntaxError
			if !errors.As(err, &se) || se.Fatal || se.Line < 1 || se.Col < 1 {
				t.Fatalf("bad error %#v", err)
			}
			continue
		}
		if q.Subject == nil || q.Predicate == nil || q.Object == nil || (!quads && q.Graph != nil) {
			t.Fatalf("incomplete quad %#v", q)
		}
		qs = append(qs, q)
	}
}

// relabel returns q with its blank nodes as a second reading names them.
func relabel(q rdf.Quad) rdf.Quad {
	f := func(t rdf.Term) rdf.Term {
		if b, ok := t.(rdf.BlankNode); ok {
			return rdf.BlankNode("b" + string(b))
		}
		return t
	}
	q.Subject, q.Object = f(q.Subject), f(q.Object)
	if q.Graph != nil {
		q.Graph = f(q.Graph)
	}
	return q
}

// fuzzSeedGlobs names the golden inputs and, when the shared tree is there, the W3C
// N-Triples and N-Quads files.
func fuzzSeedGlobs() []string {
	globs := []string{"testdata/golden/*.n[tq]"}
	dir := os.Getenv("UWP_W3C_DIR")
	if dir == "" {
		wd, err := os.Getwd()
		for err == nil {
			if _, e := os.Stat(filepath.Join(wd, "go.mod")); e == nil {
				dir = filepath.Join(wd, "..", "shared", "w3c")
				break
			}
			parent := filepath.Dir(wd)
			if parent == wd {
				break
			}
			wd = parent
		}
	}
	if dir != "" {
		globs = append(globs,
			filepath.Join(dir, "rdf/rdf11/rdf-n-triples/*.nt"),
			filepath.Join(dir, "rdf/rdf11/rdf-n-quads/*.nq"))
	}
	return globs
}
