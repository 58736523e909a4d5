package triplestore

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func emptyLeafQuads(n int, tag string, g rdf.Term) []rdf.Quad {
	qs := make([]rdf.Quad, n)
	for i := range qs {
		qs[i] = rdf.Quad{Subject: rdf.IRI(fmt.Sprintf("https://x/s%d", i/10)), Predicate: rdf.IRI(fmt.Sprintf("https://x/p%d", i%10)),
			Object: rdf.NewLiteral(fmt.Sprintf("%s%d", tag, i)), Graph: g}
	}
	return qs
}

// within fails the test when fn has not returned after d: the bug this file guards against
// made bbolt's cursor spin for ever.
func within(t *testing.T, d time.Duration, fn func() error) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(d):
		t.Fatalf("still running after %v: a cursor is looping over empty leaf pages", d)
	}
}

// TestUpdate_RemoveThenAddInOneTransaction replaces thousands of quads inside one write
// transaction (as a data product's re-ingest and a Graph Store PUT do). The removals leave
// empty leaf pages that bbolt rebalances only at commit; seeks in the same transaction must
// step over them (bbolt's Cursor.Last spins when every leaf is empty, and Cursor.Prev stops at
// an empty leaf as if at the beginning).
func TestUpdate_RemoveThenAddInOneTransaction(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int
		keep bool // a quad outside the replaced ones keeps the buckets non-empty
		g    rdf.Term
	}{
		{"default graph emptied", 5000, false, nil},
		{"named graph emptied", 5000, false, rdf.IRI("https://x/g")},
		{"named graph replaced beside other data", 5000, true, rdf.IRI("https://x/g")},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(filepath.Join(t.TempDir(), "uwp.db"), &Options{NoSync: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if c.keep {
				keep := []rdf.Quad{
					{Subject: rdf.IRI("https://x/a"), Predicate: rdf.IRI("https://x/a"), Object: rdf.IRI("https://x/a"), Graph: c.g},
					{Subject: rdf.IRI("https://x/zzz"), Predicate: rdf.IRI("https://x/zzz"), Object: rdf.IRI("https://x/zzz"), Graph: c.g},
				}
				if err := s.Update(func(tx *Tx) error { _, err := tx.AddQuads(keep); return err }); err != nil {
					t.Fatal(err)
				}
			}
			old := emptyLeafQuads(c.n, "v", c.g)
			if err := s.Update(func(tx *Tx) error { _, err := tx.AddQuads(old); return err }); err != nil {
				t.Fatal(err)
			}
			repl := emptyLeafQuads(c.n, "w", c.g)
			within(t, 30*time.Second, func() error {
				return s.Update(func(tx *Tx) error {
					if n, err := tx.RemoveQuads(old); err != nil || n != c.n {
						return fmt.Errorf("removed %d of %d: %v", n, c.n, err)
					}
					// Lookups between the removal and the additions must not spin either.
					if n, err := tx.Count(Pattern{}); err != nil || (n != 0) != c.keep {
						return fmt.Errorf("count after removal %d: %v", n, err)
					}
					if n, err := tx.AddQuads(repl); err != nil || n != c.n {
						return fmt.Errorf("added %d of %d: %v", n, c.n, err)
					}
					return nil
				})
			})
			want := uint64(c.n)
			if c.keep {
				want += 2
			}
			err = s.View(func(tx *Tx) error {
				n, err := tx.Count(Pattern{})
				if err == nil && n != want {
					err = fmt.Errorf("%d quads after the replacement, want %d", n, want)
				}
				for _, q := range []rdf.Quad{old[0], old[c.n-1]} {
					if it := tx.MatchTerms(q.Subject, q.Predicate, q.Object, q.Graph); it.Next() {
						err = fmt.Errorf("removed quad %v still there", q)
					}
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
