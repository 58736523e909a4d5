package opt_test

import (
	"testing"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/opt"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

// flipPass always fires: it swaps the sides of the top Join. Run must stop after MaxRounds.
type flipPass struct{ calls *int }

func (flipPass) Name() string { return "flip" }

func (p flipPass) Apply(op algebra.Op, _ *opt.Context) (algebra.Op, bool) {
	*p.calls++
	j, ok := op.(*algebra.Join)
	if !ok {
		return op, false
	}
	return &algebra.Join{Left: j.Right, Right: j.Left}, true
}

func TestRun_Bounded(t *testing.T) {
	calls := 0
	op := &algebra.Join{Left: &algebra.BGP{}, Right: algebra.Unit()}
	_, trace := opt.Run(op, nil, []opt.Pass{flipPass{&calls}})
	if calls != opt.MaxRounds || len(trace) != opt.MaxRounds {
		t.Errorf("a pass that always fires ran %d times (trace %v), want %d", calls, trace, opt.MaxRounds)
	}
}

func TestRun_StopsWhenNothingFires(t *testing.T) {
	calls := 0
	op := &algebra.BGP{}
	out, trace := opt.Run(op, nil, []opt.Pass{flipPass{&calls}})
	if calls != 1 || len(trace) != 0 || out != algebra.Op(op) {
		t.Errorf("calls %d, trace %v, op %v: want one call, no trace and the same operator", calls, trace, out)
	}
}

func TestJoinOrder_NoEstimatorDoesNothing(t *testing.T) {
	q, err := parser.ParseQuery(`SELECT * WHERE { { ?a <p:1000> ?b } UNION { ?a <p:5> ?b } VALUES ?b { 1 } }`, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	op, err := algebra.Translate(q)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := (opt.JoinOrder{}).Apply(op, nil); ok {
		t.Error("join-order fired without an Estimator")
	}
	if _, ok := (opt.JoinOrder{}).Apply(op, &opt.Context{Estimator: fakeEstimator{}}); !ok {
		t.Error("join-order did not fire with an Estimator")
	}
}

func TestDefault_Names(t *testing.T) {
	want := []string{"filter-split", "constant-folding", "bgp-merge", "filter-placement", "join-order"}
	ps := opt.Default()
	if len(ps) != len(want) {
		t.Fatalf("%d default passes, want %d", len(ps), len(want))
	}
	for i, p := range ps {
		if p.Name() != want[i] {
			t.Errorf("pass %d is %q, want %q", i, p.Name(), want[i])
		}
	}
}
