package nt

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const goldenHeader = `# Golden output of TestGolden for %s (regenerate with: go test ./rdf/nt -run TestGolden -update).
# One line per statement read, in order: the quad as the canonical writer writes it (without its LF),
# or "ERROR line:col: message" for a syntax error.
`

// TestGolden reads every testdata/golden/*.nt (as N-Triples) and *.nq (as N-Quads) file,
// writes what it reads with the canonical writer, and compares with NAME.golden.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.n[tq]")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			quads := strings.HasSuffix(name, ".nq")
			got := goldenOutput(t, in, quads)
			golden := strings.TrimSuffix(file, filepath.Ext(file)) + ".golden"
			header := strings.Replace(goldenHeader, "%s", name, 1)
			if *update {
				if err := os.WriteFile(golden, []byte(header+got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(want) != header+got {
				t.Errorf("output differs from %s (run with -update after checking):\n got:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

// goldenOutput reads in and renders each statement with the Writer (so the writer's output
// is checked too) and each error with its position.
func goldenOutput(t *testing.T, in []byte, quads bool) string {
	t.Helper()
	var rd rdf.Reader
	var out bytes.Buffer
	var w rdf.Writer
	if quads {
		rd = NewQuadsReader(bytes.NewReader(in), rdf.ReadOptions{})
		w = NewQuadsWriter(&out, rdf.WriteOptions{})
	} else {
		rd = NewReader(bytes.NewReader(in), rdf.ReadOptions{})
		w = NewWriter(&out, rdf.WriteOptions{})
	}
	for {
		q, err := rd.Read()
		if err == io.EOF {
			break
		}
		var se *rdf.SyntaxError
		switch {
		case errors.As(err, &se):
			if err := w.Close(); err != nil { // flush, keeping the order
				t.Fatal(err)
			}
			out.WriteString("ERROR " + se.Error() + "\n")
		case err != nil:
			t.Fatal(err)
		default:
			if err := w.Write(q); err != nil {
				t.Fatalf("writing %v: %v", q, err)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}
