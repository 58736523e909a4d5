package triplestore

import (
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore/storetest"
)

// suiteStore adapts *Store to storetest.Store.
type suiteStore struct{ *Store }

func (s suiteStore) Add(qs ...rdf.Quad) (n int, err error) {
	err = s.Update(func(tx *Tx) error { n, err = tx.AddQuads(qs); return err })
	return n, err
}

func (s suiteStore) Remove(qs ...rdf.Quad) (n int, err error) {
	err = s.Update(func(tx *Tx) error { n, err = tx.RemoveQuads(qs); return err })
	return n, err
}

func (s suiteStore) Match(a, b, c, g rdf.Term, fn func(rdf.Quad) bool) error {
	return s.View(func(tx *Tx) error {
		it := tx.MatchTerms(a, b, c, g)
		defer it.Close()
		for it.Next() {
			if !fn(it.Quad()) {
				return nil
			}
		}
		return it.Err()
	})
}

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "store.db"), &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore_Suite(t *testing.T) {
	storetest.Run(t, func(t testing.TB) storetest.Store { return suiteStore{openTemp(t)} })
}
