package web

import (
	"context"
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// An update request made only of CLEAR and DROP operations (the same on this store, which
// keeps no empty graphs) runs through the store's loader with nothing to load: emptying a
// graph of millions of quads is then written in bounded transactions on a copy of the store,
// like a large upload or a Graph Store DELETE, instead of in one transaction. Everything else
// about it is as in sparql/eval: the request is atomic, and a graph that does not exist
// (at its turn in the request) is an error without SILENT.

// clearOp is one CLEAR or DROP of a request.
type clearOp struct {
	target syntax.GraphRef
	silent bool
}

// clearOnly returns the operations of u when every one is CLEAR or DROP.
func clearOnly(u *syntax.Update) ([]clearOp, bool) {
	var ops []clearOp
	for _, op := range u.Operations {
		switch o := op.(type) {
		case *syntax.Clear:
			ops = append(ops, clearOp{o.Target, o.Silent})
		case *syntax.Drop:
			ops = append(ops, clearOp{o.Target, o.Silent})
		default:
			return nil, false
		}
	}
	return ops, len(ops) > 0
}

// clearGraphs empties the graphs the operations name, in one atomic load.
func (s *Server) clearGraphs(ctx context.Context, ops []clearOp) error {
	opts := triplestore.LoadOptions{TempDir: s.cfg.TempDir, TxQuads: s.cfg.UploadTxQuads}
	seen := map[rdf.Term]bool{}
	for _, op := range ops {
		var g rdf.Term
		switch op.target.Target {
		case syntax.TargetDefault:
			g = triplestore.DefaultGraphIRI
		case syntax.TargetNamed:
			opts.ReplaceNamed = true
		case syntax.TargetAll:
			g, opts.ReplaceNamed = triplestore.DefaultGraphIRI, true
		default:
			g = op.target.IRI
		}
		if g != nil && !seen[g] {
			seen[g] = true
			opts.Replace = append(opts.Replace, g)
		}
	}
	opts.Check = func(tx *triplestore.Tx) error { return checkClears(tx, ops) }
	_, err := s.store.Load(ctx, nil, opts)
	return err
}

// checkClears plays the operations in order against the graphs the store holds: a named
// graph exists until an operation before empties it.
func checkClears(tx *triplestore.Tx, ops []clearOp) error {
	named, err := tx.Graphs()
	if err != nil {
		return err
	}
	exists := map[triplestore.TermID]bool{}
	for _, id := range named {
		exists[id] = true
	}
	for _, op := range ops {
		switch op.target.Target {
		case syntax.TargetNamed, syntax.TargetAll:
			clear(exists)
		case syntax.TargetGraph:
			id, ok, err := tx.LookupID(op.target.IRI)
			if err != nil {
				return err
			}
			if !(ok && exists[id]) && !op.silent {
				return fmt.Errorf("%w: graph <%s> does not exist", eval.ErrUpdate, op.target.IRI)
			}
			if ok {
				delete(exists, id)
			}
		}
	}
	return nil
}
