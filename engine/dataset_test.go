package engine_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/engine"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

func openStore(tb testing.TB, quads []rdf.Quad) *triplestore.Store {
	tb.Helper()
	s, err := triplestore.Open(filepath.Join(tb.TempDir(), "uwp.db"), nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := s.Update(func(tx *triplestore.Tx) error {
		for _, q := range quads {
			if _, err := tx.Add(q); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return s
}

func testQuads(named bool) []rdf.Quad {
	var qs []rdf.Quad
	for i := 0; i < 50; i++ {
		s := rdf.IRI(fmt.Sprintf("http://ex/s%d", i))
		qs = append(qs, rdf.Quad{Subject: s, Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLiteral(fmt.Sprint(i))})
		if i%3 == 0 {
			qs = append(qs, rdf.Quad{Subject: s, Predicate: rdf.IRI("http://ex/q"), Object: s})
		}
		if named && i%5 == 0 {
			qs = append(qs, rdf.Quad{Subject: s, Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLiteral("g"), Graph: rdf.IRI("http://ex/g")})
		}
	}
	return qs
}

// count runs src (one solution binding ?n) against s.
func count(tb testing.TB, s *triplestore.Store, src string, opts eval.Options) string {
	tb.Helper()
	var out string
	if err := s.View(func(tx *triplestore.Tx) error {
		res, err := sparql.Query(context.Background(), engine.New(tx), src, sparql.Options{Eval: opts})
		if err != nil {
			return err
		}
		defer res.Close()
		for res.Solutions.Next() {
			out += fmt.Sprint(res.Solutions.Row()[0])
		}
		return res.Solutions.Err()
	}); err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestDataset_CountFromStatistics compares COUNT(*) over one triple pattern (answered from the
// store's statistics where they are exact) with counting the solutions of the same pattern
// joined to a pattern that always matches (which the statistics cannot answer).
func TestDataset_CountFromStatistics(t *testing.T) {
	for _, named := range []bool{false, true} {
		s := openStore(t, testQuads(named))
		for _, pat := range []string{"?s ?p ?o", "?s <http://ex/p> ?o", "?s <http://ex/q> ?o", "?s <http://ex/none> ?o", "?s ?p ?s", "<http://ex/s3> ?p ?o"} {
			for _, union := range []bool{false, true} {
				opts := eval.Options{UnionDefaultGraph: union}
				fast := count(t, s, "SELECT (COUNT(*) AS ?n) WHERE { "+pat+" }", opts)
				slow := count(t, s, "SELECT (COUNT(*) AS ?n) WHERE { "+pat+" FILTER(true) }", opts)
				if fast != slow || fast == "" {
					t.Errorf("named=%v union=%v { %s }: COUNT %q, counted by filtering %q", named, union, pat, fast, slow)
				}
			}
			fast := count(t, s, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://ex/g> { "+pat+" } }", eval.Options{})
			slow := count(t, s, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://ex/g> { "+pat+" FILTER(true) } }", eval.Options{})
			if fast != slow {
				t.Errorf("named=%v GRAPH { %s }: COUNT %q, counted by filtering %q", named, pat, fast, slow)
			}
		}
	}
}

// TestDataset_CountInWriteTransaction: the statistics count the transaction's own writes.
func TestDataset_CountInWriteTransaction(t *testing.T) {
	s := openStore(t, testQuads(true))
	err := s.Update(func(tx *triplestore.Tx) error {
		for i := 0; i < 10; i++ {
			q := rdf.Quad{Subject: rdf.IRI(fmt.Sprintf("http://ex/n%d", i)), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLiteral("new")}
			if _, err := tx.Add(q); err != nil {
				return err
			}
		}
		if _, err := tx.Remove(rdf.Quad{Subject: rdf.IRI("http://ex/s0"), Predicate: rdf.IRI("http://ex/q"), Object: rdf.IRI("http://ex/s0")}); err != nil {
			return err
		}
		for _, pat := range []string{"?s ?p ?o", "?s <http://ex/p> ?o", "?s <http://ex/q> ?o"} {
			counts := make([]string, 2)
			for i, src := range []string{
				"SELECT (COUNT(*) AS ?n) WHERE { " + pat + " }",
				"SELECT (COUNT(*) AS ?n) WHERE { " + pat + " FILTER(true) }",
			} {
				res, err := sparql.Query(context.Background(), engine.New(tx), src, sparql.Options{})
				if err != nil {
					return err
				}
				for res.Solutions.Next() {
					counts[i] = fmt.Sprint(res.Solutions.Row()[0])
				}
				if err := res.Solutions.Err(); err != nil {
					return err
				}
				res.Close()
			}
			if counts[0] != counts[1] || counts[0] == "" {
				t.Errorf("{ %s } in a write transaction: COUNT %q, counted by filtering %q", pat, counts[0], counts[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
