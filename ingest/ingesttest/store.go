package ingesttest

import (
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// OpenStore opens a new store in the test's temporary directory, closed at cleanup.
func OpenStore(t testing.TB) *triplestore.Store {
	t.Helper()
	st, err := triplestore.Open(filepath.Join(t.TempDir(), "uwp.db"), &triplestore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Quads returns the quads of graph g in st (nil: every graph).
func Quads(t testing.TB, st *triplestore.Store, g rdf.Term) []rdf.Quad {
	t.Helper()
	var qs []rdf.Quad
	err := st.View(func(tx *triplestore.Tx) error {
		it := tx.MatchTerms(nil, nil, nil, g)
		defer it.Close()
		for it.Next() {
			qs = append(qs, it.Quad())
		}
		return it.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return qs
}
