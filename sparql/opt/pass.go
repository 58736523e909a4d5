package opt

import (
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// Pass is one named algebra rewrite. Apply returns the rewritten operator and whether it
// changed anything; when it did not, it returns op itself. Apply never modifies op or any
// operator under it in place (the evaluator and the caller may still hold them).
type Pass interface {
	Name() string
	Apply(op algebra.Op, c *Context) (algebra.Op, bool)
}

// Estimator estimates how many quads match a triple pattern (variables are wildcards) in
// the graphs a query reads. ok is false when there is no estimate. Estimates guide join
// order only; they need not be exact.
type Estimator interface {
	EstimateTriple(t algebra.Triple) (n uint64, ok bool)
}

// Context is what passes may consult. The zero value (or nil) is usable: without an
// Estimator join-order does nothing.
type Context struct {
	Estimator Estimator
}

func (c *Context) estimator() Estimator {
	if c == nil {
		return nil
	}
	return c.Estimator
}

// MaxRounds bounds how often Optimize runs the whole list of passes.
const MaxRounds = 8

// Trace lists the names of the passes that fired, in the order they fired (a pass that
// fires in several rounds is listed once per round).
type Trace []string

// Fired reports whether the named pass fired at least once.
func (t Trace) Fired(name string) bool {
	for _, n := range t {
		if n == name {
			return true
		}
	}
	return false
}

// Default returns the passes Optimize runs, in order.
func Default() []Pass {
	return []Pass{FilterSplit{}, ConstantFolding{}, BGPMerge{}, FilterPlacement{}, JoinOrder{}}
}

// Optimize runs the Default passes over op; see Run.
func Optimize(op algebra.Op, c *Context) (algebra.Op, Trace) {
	return Run(op, c, Default())
}

// Run applies passes in order, round after round, until a round in which none fires or
// MaxRounds rounds. It returns the rewritten operator and the passes that fired. A nil op
// comes back unchanged.
func Run(op algebra.Op, c *Context, passes []Pass) (algebra.Op, Trace) {
	var trace Trace
	if op == nil {
		return nil, nil
	}
	for round := 0; round < MaxRounds; round++ {
		fired := false
		for _, p := range passes {
			if out, ok := p.Apply(op, c); ok {
				op = out
				fired = true
				trace = append(trace, p.Name())
			}
		}
		if !fired {
			break
		}
	}
	return op, trace
}
