package triplestore

import (
	"fmt"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestRemove_StatsAcrossBlocks removes random thirds of a store big enough for many blocks
// per index; Check recounts every statistic (distinct subjects, objects, per predicate)
// from the indexes after each round, so a prefix wrongly judged gone or surviving shows.
func TestRemove_StatsAcrossBlocks(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	mustLoad(t, s, LoadOptions{}, stringSource("a.nt", rdf.NTriples, genNT(20000, 12)))
	for round := 0; round < 4; round++ {
		var all [][4]TermID
		if err := s.View(func(tx *Tx) error {
			it := tx.Match(Pattern{})
			defer it.Close()
			for it.Next() {
				all = append(all, it.Quad())
			}
			return it.Err()
		}); err != nil {
			t.Fatal(err)
		}
		var gone [][4]TermID
		for i, q := range all {
			if (i*7+round)%3 == 0 {
				gone = append(gone, q)
			}
		}
		if err := s.Update(func(tx *Tx) error {
			n, err := tx.RemoveIDs(gone)
			if err == nil && n != len(gone) {
				err = fmt.Errorf("removed %d of %d", n, len(gone))
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
}

// TestRemoveMatching removes a graph a bounded batch at a time and leaves the rest.
func TestRemoveMatching(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	g := stringSource("g.nt", rdf.NTriples, genNT(1000, 13))
	g.Graph = rdf.IRI("http://x/g")
	mustLoad(t, s, LoadOptions{}, g, stringSource("d.nt", rdf.NTriples, genNT(100, 14)))
	all := len(dump(t, s))
	var inG, batches int
	err := s.Update(func(tx *Tx) error {
		id, ok, err := tx.LookupID(rdf.IRI("http://x/g"))
		if err != nil || !ok {
			return fmt.Errorf("graph not found: %v", err)
		}
		c, err := tx.Count(Pattern{0, 0, 0, id})
		inG = int(c)
		for err == nil {
			var n int
			if n, err = tx.RemoveMatching(Pattern{0, 0, 0, id}, 64); n == 0 {
				break
			}
			if n > 64 {
				return fmt.Errorf("removed %d in one batch of at most 64", n)
			}
			batches++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if inG < 900 || batches != (inG+63)/64 || len(dump(t, s)) != all-inG {
		t.Fatalf("graph of %d quads removed in %d batches; %d of %d quads left", inG, batches, len(dump(t, s)), all)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	if err := s.View(func(tx *Tx) error { _, err := tx.RemoveMatching(Pattern{}, 1); return err }); err == nil {
		t.Fatal("RemoveMatching in a read transaction succeeded")
	}
}
