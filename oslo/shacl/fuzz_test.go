package shacl_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/oslo/shacl"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// FuzzValidate reads arbitrary Turtle as shapes and data graph in one: Compile either refuses
// it with ErrBadShape or the validation terminates without panicking, its report is
// consistent (Conforms exactly when there are no results) and its RDF form has one sh:result
// per result.
func FuzzValidate(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.ttl")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		g := graph.New()
		if _, err := g.Load(turtle.NewReader(strings.NewReader(src), rdf.ReadOptions{Base: "http://example.org/"})); err != nil {
			return
		}
		shapes, err := shacl.Compile(g)
		if err != nil {
			return
		}
		rep := shapes.Validate(g, shacl.Options{MaxResults: 1000})
		if rep.Conforms != (len(rep.Results) == 0) {
			t.Fatalf("Conforms %v with %d results", rep.Conforms, len(rep.Results))
		}
		out := graph.New()
		for _, q := range rep.Quads() {
			out.AddQuad(q)
		}
		if n := len(out.Objects(rdf.BlankNode("report"), sh.Result)); n != len(rep.Results) {
			t.Fatalf("%d sh:result for %d results", n, len(rep.Results))
		}
	})
}
