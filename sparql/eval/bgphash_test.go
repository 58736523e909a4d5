package eval_test

import (
	"context"
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
