package eval_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

func TestW3C_SPARQL11_UpdateEvaluation(t *testing.T) {
	var ms []string
	for _, d := range updateDirs {
		ms = append(ms, "sparql/sparql11/"+d+"/manifest.ttl")
	}
	tests := w3c.Load(t, func(tc w3c.Test) bool { return tc.Type == "UpdateEvaluationTest" }, ms...)
	expected, err := w3c.LoadExpected("testdata/w3c-update-expected-failures.txt")
	if err != nil {
		t.Fatal(err)
	}
	w3c.Run(t, "sparql11 update evaluation", tests, expected, func(t *testing.T, tc w3c.Test) error {
		return runUpdateTest(tc)
	})
}

// loadStore builds a dataset from ut:data (the default graph) and ut:graphData (named graphs
// called by their rdfs:label).
func loadStore(data []string, gs []w3c.Graph) (*memds.Dataset, error) {
	d := memds.New()
	for _, f := range data {
		if err := loadInto(d, f, nil); err != nil {
			return nil, err
		}
	}
	for _, g := range gs {
		name := g.Label
		if name == "" {
			name = g.IRI
		}
		if err := loadInto(d, g.Path, rdf.IRI(name)); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func runUpdateTest(tc w3c.Test) error {
	d, err := loadStore(tc.Data, tc.GraphData)
	if err != nil {
		return err
	}
	src, err := os.ReadFile(tc.Request)
	if err != nil {
		return err
	}
	u, err := parser.ParseUpdate(string(src), parser.Options{Base: w3c.FileURL(tc.Request)})
	if err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := eval.Update(ctx, d, u, eval.Options{}); err != nil {
		return fmt.Errorf("update: %w", err)
	}
	want, err := loadStore(tc.ResultData, tc.ResultGraphData)
	if err != nil {
		return err
	}
	if got, w := d.Quads(), want.Quads(); !rdf.Isomorphic(got, w) {
		return fmt.Errorf("datasets differ:\n%s", rdf.Diff(got, w))
	}
	return nil
}
