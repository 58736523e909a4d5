package eval_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

func runUpdate(t *testing.T, d eval.Updatable, src string, opts eval.Options) error {
	t.Helper()
	u, err := parser.ParseUpdate(src, parser.Options{Base: "http://ex/"})
	if err != nil {
		t.Fatal(err)
	}
	return eval.Update(context.Background(), d, u, opts)
}

func TestUpdate_LoadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data.ttl")
	if err := os.WriteFile(path, []byte("<http://ex/a> <http://ex/p> [ <http://ex/q> 1 ] .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := memds.New()
	iri := w3c.FileURL(path)
	if err := runUpdate(t, d, "LOAD <"+iri+"> INTO GRAPH <http://ex/g> ; LOAD <"+iri+">", eval.Options{}); err != nil {
		t.Fatal(err)
	}
	var blanks = map[rdf.Term]bool{}
	for _, q := range d.Quads() {
		if b, ok := q.Subject.(rdf.BlankNode); ok {
			blanks[b] = true
		}
	}
	if d.Len() != 4 || len(blanks) != 2 {
		t.Fatalf("%d quads, %d blank subjects; want 4 quads and fresh blank nodes per LOAD", d.Len(), len(blanks))
	}
}

func TestUpdate_LoadFailures(t *testing.T) {
	d := memds.New()
	err := runUpdate(t, d, "LOAD <http://example.invalid/x.ttl>", eval.Options{})
	if !errors.Is(err, eval.ErrUpdate) {
		t.Fatalf("LOAD of a remote IRI without a loader: %v, want ErrUpdate", err)
	}
	if err := runUpdate(t, d, "LOAD SILENT <http://example.invalid/x.ttl>", eval.Options{}); err != nil {
		t.Fatalf("LOAD SILENT: %v", err)
	}
	called := ""
	opts := eval.Options{Load: func(_ context.Context, iri string) (rdf.Reader, error) {
		called = iri
		return nil, errors.New("offline")
	}}
	if err := runUpdate(t, d, "LOAD <http://example.org/x.ttl>", opts); err == nil || called != "http://example.org/x.ttl" {
		t.Fatalf("loader called with %q, err %v", called, err)
	}
}

func TestUpdate_GraphManagement(t *testing.T) {
	d := memds.New()
	steps := []struct {
		src     string
		wantErr bool
	}{
		{"CREATE GRAPH <http://ex/g>", false},
		{"CREATE GRAPH <http://ex/g>", true},
		{"CREATE SILENT GRAPH <http://ex/g>", false},
		{"INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> <http://ex/p> 1 } }", false},
		{"COPY <http://ex/g> TO DEFAULT", false},
		{"DROP GRAPH <http://ex/nope>", true},
		{"DROP SILENT GRAPH <http://ex/nope>", false},
		{"MOVE <http://ex/nope> TO <http://ex/h>", true},
		{"ADD DEFAULT TO <http://ex/h>", false},
		{"DROP GRAPH <http://ex/g>", false},
	}
	for _, s := range steps {
		err := runUpdate(t, d, s.src, eval.Options{})
		if (err != nil) != s.wantErr {
			t.Fatalf("%s: err = %v, want error %v", s.src, err, s.wantErr)
		}
	}
	var got []string
	for _, q := range d.Quads() {
		got = append(got, q.String())
	}
	sort.Strings(got)
	want := `<http://ex/a> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .` + "\n" +
		`<http://ex/a> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <http://ex/h> .`
	if strings.Join(got, "\n") != want {
		t.Fatalf("quads:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	gs, _ := d.NamedGraphs()
	if len(gs) != 1 {
		t.Fatalf("named graphs: %v, want only <http://ex/h>", gs)
	}
}

// A request runs against a clone and is swapped in only when it succeeds: the pattern for
// atomic requests over memds.
func TestUpdate_AtomicWithClone(t *testing.T) {
	d := memds.New()
	tx := d.Clone()
	err := runUpdate(t, tx, `INSERT DATA { <http://ex/a> <http://ex/p> 1 } ; CREATE GRAPH <http://ex/g> ; CREATE GRAPH <http://ex/g>`, eval.Options{})
	if err == nil {
		t.Fatal("second CREATE should fail")
	}
	if d.Len() != 0 {
		t.Fatalf("the original changed: %d quads", d.Len())
	}
}

// TestUpdate_ClearLargeGraphInBatches empties graphs larger than one removal batch.
func TestUpdate_ClearLargeGraphInBatches(t *testing.T) {
	n := eval.RemoveAllBatch*2 + 17
	var b strings.Builder
	b.WriteString("INSERT DATA { ")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<http://x/s%d> <http://x/p> %d . GRAPH <http://x/g> { <http://x/s%d> <http://x/p> %d } ", i, i, i, i)
	}
	b.WriteString("}")
	ds := memds.New()
	for _, req := range []string{b.String(), "CLEAR DEFAULT", "DROP GRAPH <http://x/g>"} {
		u, err := parser.ParseUpdate(req, parser.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := eval.Update(context.Background(), ds, u, eval.Options{}); err != nil {
			t.Fatalf("%.40s: %v", req, err)
		}
	}
	it := ds.Match(context.Background(), eval.Pattern{})
	defer it.Close()
	if it.Next() {
		t.Fatalf("a quad is left: %v", it.Quad())
	}
}
