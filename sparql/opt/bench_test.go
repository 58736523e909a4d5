package opt_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/opt"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

// BenchmarkOptimize runs the default passes over the algebra of every golden query (one
// op = all of them): the optimiser's share of a query's start-up cost.
func BenchmarkOptimize(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "passes", "*.rq"))
	var ops []algebra.Op
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		q, err := parser.ParseQuery(string(src), parser.Options{})
		if err != nil {
			b.Fatal(err)
		}
		op, err := algebra.Translate(q)
		if err != nil {
			b.Fatal(err)
		}
		ops = append(ops, op)
	}
	c := &opt.Context{Estimator: fakeEstimator{}}
	b.ReportAllocs()
	for b.Loop() {
		for _, op := range ops {
			opt.Optimize(op, c)
		}
	}
}
