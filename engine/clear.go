package engine

import (
	"context"
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// An update request made only of CLEAR and DROP operations (the same on this store, which
// keeps no empty graphs) can run through the store's loader with nothing to load:
// emptying a graph of millions of quads is then written in bounded transactions on a copy
// of the store (see triplestore.Store.Load), instead of in one transaction. Everything else
// is as in sparql/eval: the request is atomic, and a graph that does not exist at its turn
// in the request is an error (eval.ErrUpdate) without SILENT.

// ClearOp is one CLEAR or DROP of an update request.
type ClearOp struct {
	Target syntax.GraphRef
	Silent bool
}

// ClearOnly returns the operations of u when every one is CLEAR or DROP.
func ClearOnly(u *syntax.Update) ([]ClearOp, bool) {
	var ops []ClearOp
	for _, op := range u.Operations {
		switch o := op.(type) {
		case *syntax.Clear:
			ops = append(ops, ClearOp{o.Target, o.Silent})
		case *syntax.Drop:
			ops = append(ops, ClearOp{o.Target, o.Silent})
		default:
			return nil, false
		}
	}
	return ops, len(ops) > 0
}

// ClearGraphs empties the graphs ops name in one atomic Store.Load with opts (TempDir and
// TxQuads are the caller's; ClearGraphs sets Replace, ReplaceNamed and Check).
func ClearGraphs(ctx context.Context, st *triplestore.Store, ops []ClearOp, opts triplestore.LoadOptions) (triplestore.LoadStats, error) {
	seen := map[rdf.Term]bool{}
	for _, op := range ops {
		var g rdf.Term
		switch op.Target.Target {
		case syntax.TargetDefault:
			g = triplestore.DefaultGraphIRI
		case syntax.TargetNamed:
			opts.ReplaceNamed = true
		case syntax.TargetAll:
			g, opts.ReplaceNamed = triplestore.DefaultGraphIRI, true
		default:
			g = op.Target.IRI
		}
		if g != nil && !seen[g] {
			seen[g] = true
			opts.Replace = append(opts.Replace, g)
		}
	}
	opts.Check = func(tx *triplestore.Tx) error { return checkClears(tx, ops) }
	return st.Load(ctx, nil, opts)
}

// checkClears plays the operations in order against the graphs the store holds: a named
// graph exists until an operation before empties it.
func checkClears(tx *triplestore.Tx, ops []ClearOp) error {
	named, err := tx.Graphs()
	if err != nil {
		return err
	}
	exists := map[triplestore.TermID]bool{}
	for _, id := range named {
		exists[id] = true
	}
	for _, op := range ops {
		switch op.Target.Target {
		case syntax.TargetNamed, syntax.TargetAll:
			clear(exists)
		case syntax.TargetGraph:
			id, ok, err := tx.LookupID(op.Target.IRI)
			if err != nil {
				return err
			}
			if !(ok && exists[id]) && !op.Silent {
				return fmt.Errorf("%w: graph <%s> does not exist", eval.ErrUpdate, op.Target.IRI)
			}
			if ok {
				delete(exists, id)
			}
		}
	}
	return nil
}
