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
