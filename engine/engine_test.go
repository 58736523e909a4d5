package engine

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

func openStore(t testing.TB) *triplestore.Store {
	t.Helper()
	s, err := triplestore.Open(filepath.Join(t.TempDir(), "uwp.db"), &triplestore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fill adds n triples <s_i> <p> i for each predicate.
func fill(t testing.TB, s *triplestore.Store, n int, preds ...string) {
	t.Helper()
	qs := make([]rdf.Quad, 0, n*len(preds))
	for _, p := range preds {
		for i := 0; i < n; i++ {
			qs = append(qs, rdf.Quad{Subject: rdf.IRI(fmt.Sprintf("http://ex.org/%s/%d", p, i)),
				Predicate: rdf.IRI("http://ex.org/" + p), Object: rdf.NewTypedLiteral(fmt.Sprint(i), rdf.XSDInteger)})
		}
	}
	if err := s.Update(func(tx *triplestore.Tx) error { _, err := tx.AddQuads(qs); return err }); err != nil {
		t.Fatal(err)
	}
}

func TestDataset_QueryAndUpdate(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	err := s.Update(func(tx *triplestore.Tx) error {
		return sparql.Update(ctx, New(tx), `PREFIX ex: <http://ex.org/>
			INSERT DATA { ex:a ex:p 1 . ex:b ex:p 2 . GRAPH ex:g { ex:a ex:q "x"@nl } }`, sparql.Options{})
	})
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]rdf.Term
	err = s.View(func(tx *triplestore.Tx) error {
		res, err := sparql.Query(ctx, New(tx), `PREFIX ex: <http://ex.org/>
			SELECT ?s ?o ?l WHERE { ?s ex:p ?o OPTIONAL { GRAPH ?g { ?s ex:q ?l } } } ORDER BY ?o`, sparql.Options{})
		if err != nil {
			return err
		}
		defer res.Close()
		for res.Solutions.Next() {
			rows = append(rows, append([]rdf.Term(nil), res.Solutions.Row()...))
		}
		return res.Solutions.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0][0] != rdf.IRI("http://ex.org/a") || rows[0][2] != rdf.NewLangLiteral("x", "nl") || rows[1][2] != nil {
		t.Fatalf("got %v", rows)
	}
	// DROP GRAPH removes the graph's quads only.
	err = s.Update(func(tx *triplestore.Tx) error {
		return sparql.Update(ctx, New(tx), `DROP GRAPH <http://ex.org/g>`, sparql.Options{})
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.View(func(tx *triplestore.Tx) error {
		st, err := tx.Stats()
		if err == nil && st.Quads != 2 {
			err = fmt.Errorf("%d quads after DROP, want 2", st.Quads)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestDataset_DeadlineStopsCrossProduct: a cross product of two 20K-row patterns (4e8
// solutions) over the bbolt store stops within 100 ms of its deadline.
func TestDataset_DeadlineStopsCrossProduct(t *testing.T) {
	s := openStore(t)
	fill(t, s, 20000, "p1", "p2")
	const deadline = 200 * time.Millisecond
	// The best of three runs, so that a scheduling hiccup on a busy machine is not taken for
	// a slow look at the context.
	best, n := time.Hour, 0
	for i := 0; i < 3; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		start := time.Now()
		n = 0
		err := s.View(func(tx *triplestore.Tx) error {
			res, err := sparql.Query(ctx, New(tx), `SELECT * WHERE { ?a <http://ex.org/p1> ?b . ?c <http://ex.org/p2> ?d }`, sparql.Options{})
			if err != nil {
				return err
			}
			defer res.Close()
			for res.Solutions.Next() {
				n++
			}
			return res.Solutions.Err()
		})
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("want a deadline error after %d rows, got %v", n, err)
		}
		best = min(best, time.Since(start)-deadline)
	}
	if best > 100*time.Millisecond {
		t.Fatalf("stopped %v after the deadline (%d rows)", best, n)
	}
	t.Logf("stopped %v after the deadline, %d rows streamed", best, n)
}
