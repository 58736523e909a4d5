package memds_test

import (
	"context"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/triplestore/storetest"
)

// store adapts a memds.Dataset to the shared store suite (a test-only dependency: the
// suite speaks rdf terms and imports nothing of the bbolt store).
type store struct{ d *memds.Dataset }

func graphOf(q rdf.Quad) rdf.Quad {
	if q.Graph == storetest.DefaultGraph {
		q.Graph = nil
	}
	return q
}

func (s store) Add(qs ...rdf.Quad) (int, error) {
	n := 0
	for _, q := range qs {
		q = graphOf(q)
		if !s.d.Has(q) {
			n++
		}
		if err := s.d.Add(q); err != nil {
			return n, err
		}
	}
	return n, nil
}

func (s store) Remove(qs ...rdf.Quad) (int, error) {
	n := 0
	for _, q := range qs {
		q = graphOf(q)
		if s.d.Has(q) {
			n++
		}
		if err := s.d.Remove(q); err != nil {
			return n, err
		}
	}
	return n, nil
}

func (s store) Match(sub, p, o, g rdf.Term, fn func(rdf.Quad) bool) error {
	var pat eval.Pattern
	for i, t := range []rdf.Term{sub, p, o, g} {
		if t == nil {
			continue
		}
		if i == 3 && t == storetest.DefaultGraph {
			pat[3] = eval.DefaultGraph
			continue
		}
		id, ok, err := s.d.LookupID(t)
		if err != nil || !ok {
			return err
		}
		pat[i] = id
	}
	it := s.d.Match(context.Background(), pat)
	defer it.Close()
	for it.Next() {
		x := it.Quad()
		var ts [4]rdf.Term
		for i := 0; i < 4; i++ {
			if i == 3 && x[3] == eval.DefaultGraph {
				continue
			}
			t, err := s.d.Term(x[i])
			if err != nil {
				return err
			}
			ts[i] = t
		}
		if !fn(rdf.Quad{Subject: ts[0], Predicate: ts[1], Object: ts[2], Graph: ts[3]}) {
			return nil
		}
	}
	return it.Err()
}

func (s store) Close() error { return nil }

func TestDataset_StoreSuite(t *testing.T) {
	storetest.Run(t, func(testing.TB) storetest.Store { return store{memds.New()} })
}
