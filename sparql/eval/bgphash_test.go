package eval_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/uitwisselingsplatform/uwp/sparql/eval"
)

// TestProfile_ExplainHashedLevels: Explain marks the BGP levels served by a hashed scan,
// and the answers are those of the index nested loops.
func TestProfile_ExplainHashedLevels(t *testing.T) {
	d := chain(20)
	src := `SELECT ?a ?v { ?a <http://ex/p> ?b . ?b <http://ex/v> ?v FILTER(?v > 5) } ORDER BY ?a`
	want, err := run(t, context.Background(), d, src, eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer eval.SetEagerHashing()()
	prof := &eval.Profile{}
	got, err := run(t, context.Background(), d, src, eval.Options{Profile: prof})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("%d rows hashed, %d with lookups", len(got), len(want))
	}
	for i := range got {
		if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
			t.Errorf("row %d: %v hashed, %v with lookups", i, got[i], want[i])
		}
	}
	explain := prof.Explain()
	wantExplain := `(project (?a ?v) rows=8 calls=1
  (order 1 keys rows=8 calls=1
    (filter (> ?v 5) rows=8 calls=1 pushed
      (bgp rows=8 calls=1
        (triple ?a <http://ex/p> ?b) est=20
        (triple ?b <http://ex/v> ?v) est=20 hashed
`
	if explain != wantExplain {
		t.Errorf("Explain:\n%s\nwant:\n%s", explain, wantExplain)
	}
}

// TestQuery_HashedLevelsWithinBudget: with a memory budget too small to keep the hashed
// tables for the query, a pattern evaluated per solution (EXISTS, OPTIONAL) still answers as
// the index nested loops do, and a table larger than the whole budget fails with
// ErrMemoryBudget.
func TestQuery_HashedLevelsWithinBudget(t *testing.T) {
	d := chain(300)
	for _, src := range []string{
		`SELECT ?a { ?a <http://ex/p> ?b FILTER EXISTS { ?b <http://ex/v> 3 } } ORDER BY ?a`,
		`SELECT ?a ?w { ?a <http://ex/p> ?b OPTIONAL { ?b <http://ex/v> ?w FILTER(?w > 4) } } ORDER BY ?a`,
	} {
		want, err := run(t, context.Background(), d, src, eval.Options{})
		if err != nil {
			t.Fatal(err)
		}
		func() {
			defer eval.SetEagerHashing()()
			// 300 solutions sorted (~100 bytes each) fit; a quarter of the budget does not
			// hold a table of 300 triples (48 bytes each), so tables are not kept.
			got, err := run(t, context.Background(), d, src, eval.Options{MemoryBudget: 60000})
			if err != nil {
				t.Fatalf("%s: %v", src, err)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s:\nhashed %v\nlookups %v", src, got, want)
			}
		}()
	}
	// A hashed table of 300 triples exceeds 5000 bytes, not 1 MB.
	src := `SELECT ?a ?w { ?a <http://ex/p> ?b OPTIONAL { ?b <http://ex/v> ?w } }`
	defer eval.SetEagerHashing()()
	if rows, err := run(t, context.Background(), d, src, eval.Options{MemoryBudget: 1 << 20}); err != nil || len(rows) != 300 {
		t.Fatalf("hashed within 1 MB: %d rows, %v", len(rows), err)
	}
	if _, err := run(t, context.Background(), d, src, eval.Options{MemoryBudget: 5000}); !errors.Is(err, eval.ErrMemoryBudget) {
		t.Errorf("hashed with a budget below one table: %v, want ErrMemoryBudget", err)
	}
}
