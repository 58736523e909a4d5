package algebra

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

var update = flag.Bool("update", false, "rewrite the golden .sse files under testdata/translate")

const goldenHeader = "# SSE of the algebra of the query in the .rq file of the same name; regenerate with go test ./sparql/algebra -update\n"

// TestTranslate_Golden translates every testdata/translate/*.rq and compares the SSE with the
// .sse file beside it.
func TestTranslate_Golden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "translate", "*.rq"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden queries: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".rq")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			q, err := parser.ParseQuery(string(src), parser.Options{Base: "http://example.org/base/"})
			if err != nil {
				t.Fatal(err)
			}
			op, err := Translate(q)
			if err != nil {
				t.Fatal(err)
			}
			got := goldenHeader + op.String() + "\n"
			golden := strings.TrimSuffix(f, ".rq") + ".sse"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("SSE differs from %s\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}

// TestTranslate_W3C translates the query of every W3C evaluation test and positive syntax
// test, and the WHERE parts of every update: translation must not fail.
func TestTranslate_W3C(t *testing.T) {
	var tests []w3c.Test
	for _, tc := range w3c.Load(t, nil, "sparql/sparql10/manifest.ttl", "sparql/sparql11/manifest-all.ttl") {
		f := tc.Query + tc.Request
		if strings.HasPrefix(tc.Type, "Positive") {
			f = tc.Action
		}
		if f != "" {
			tc.Action = f
			tests = append(tests, tc)
		}
	}
	w3c.Run(t, "sparql translate", tests, nil, func(t *testing.T, tc w3c.Test) error {
		src, err := os.ReadFile(tc.Action)
		if err != nil {
			return err
		}
		opts := parser.Options{Base: w3c.FileURL(tc.Action)}
		if strings.HasSuffix(tc.Action, ".ru") {
			u, err := parser.ParseUpdate(string(src), opts)
			if err != nil {
				return err
			}
			for _, op := range u.Operations {
				if m, ok := op.(*syntax.Modify); ok {
					a, err := TranslatePattern(m.Where)
					if err != nil {
						return err
					}
					_ = a.String()
				}
			}
			return nil
		}
		q, err := parser.ParseQuery(string(src), opts)
		if err != nil {
			return err
		}
		op, err := Translate(q)
		if err != nil {
			return err
		}
		_ = op.String()
		return nil
	})
}

func TestTranslateQuads(t *testing.T) {
	u, err := parser.ParseUpdate(`PREFIX : <http://e/> DELETE WHERE { ?s :p ?o . GRAPH ?g { ?s :q ?o ; :r 1 } ?o :t ?s }`, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := TranslateQuads(u.Operations[0].(*syntax.DeleteWhere).Quads).String()
	want := `(join
  (join
    (bgp
      (triple ?s <http://e/p> ?o))
    (graph ?g
      (bgp
        (triple ?s <http://e/q> ?o)
        (triple ?s <http://e/r> 1))))
  (bgp
    (triple ?o <http://e/t> ?s)))`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if s := TranslateQuads(nil).String(); s != "(bgp)" {
		t.Errorf("empty quads: %s", s)
	}
}

func TestIsInternal(t *testing.T) {
	for v, want := range map[Var]bool{"x": false, "?bx": true, "?g1": true, "?P0": true, ".0": true, "_x": false} {
		if IsInternal(v) != want {
			t.Errorf("IsInternal(%q) = %v", v, !want)
		}
	}
}
