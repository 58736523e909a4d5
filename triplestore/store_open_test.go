package triplestore

import (
	"encoding/binary"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

var update = flag.Bool("update", false, "rewrite testdata fixtures")

// testdata/version0.db is a store file that claims format version 0 (an older layout); it
// is regenerated with -update.
const oldFixture = "testdata/version0.db"

func writeOldFixture(t *testing.T) {
	os.Remove(oldFixture)
	db, err := bolt.Open(oldFixture, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		if err := initBuckets(tx); err != nil {
			return err
		}
		return tx.Bucket(bktMeta).Put(keyVersion, binary.AppendUvarint(nil, 0))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpen_OtherVersion(t *testing.T) {
	if *update {
		writeOldFixture(t)
	}
	// Work on a copy: Open must not change the fixture.
	path := filepath.Join(t.TempDir(), "old.db")
	src, err := os.Open(oldFixture)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	s, err := Open(path, nil)
	if err == nil {
		s.Close()
		t.Fatal("Open of a version 0 file succeeded")
	}
	if !errors.Is(err, ErrVersion) {
		t.Fatalf("Open of a version 0 file: %v, want ErrVersion", err)
	}
}

func TestOpen_ReopenKeepsDataAndVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.DataVersion() != 0 {
		t.Fatalf("fresh store DataVersion = %d", s.DataVersion())
	}
	q := rdf.Quad{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLiteral("a long enough literal")}
	for i := 0; i < 2; i++ {
		if err := s.Update(func(tx *Tx) error { _, err := tx.Add(q); return err }); err != nil {
			t.Fatal(err)
		}
	}
	// The second Update changed nothing: no bump.
	if s.DataVersion() != 1 {
		t.Fatalf("DataVersion = %d, want 1", s.DataVersion())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.DataVersion() != 1 {
		t.Fatalf("after reopen DataVersion = %d, want 1", s.DataVersion())
	}
	if err := s.Update(func(*Tx) error { return nil }); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Update on a read-only store: %v", err)
	}
	err = s.View(func(tx *Tx) error {
		it := tx.MatchTerms(nil, nil, nil, nil)
		defer it.Close()
		n := 0
		for it.Next() {
			if it.Quad() != q {
				t.Fatalf("got %v", it.Quad())
			}
			n++
		}
		if n != 1 {
			t.Fatalf("%d quads after reopen", n)
		}
		return it.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestStore_Stats(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ex := func(x string) rdf.IRI { return rdf.IRI("http://ex/" + x) }
	qs := []rdf.Quad{
		{Subject: ex("a"), Predicate: ex("p"), Object: ex("x")},
		{Subject: ex("a"), Predicate: ex("p"), Object: ex("y")},
		{Subject: ex("b"), Predicate: ex("p"), Object: ex("x")},
		{Subject: ex("b"), Predicate: ex("q"), Object: rdf.NewLiteral("v")},
		{Subject: ex("a"), Predicate: ex("p"), Object: ex("x"), Graph: ex("g")},
		{Subject: ex("c"), Predicate: ex("q"), Object: ex("x"), Graph: ex("g")},
	}
	var st Stats
	var ids [5]TermID
	err := s.Update(func(tx *Tx) error {
		if _, err := tx.AddQuads(qs); err != nil {
			return err
		}
		for i, x := range []string{"p", "q", "g", "a", "x"} {
			ids[i], _, _ = tx.LookupID(ex(x))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.View(func(tx *Tx) error {
		var err error
		if st, err = tx.Stats(); err != nil {
			return err
		}
		p, q, g, a, x := ids[0], ids[1], ids[2], ids[3], ids[4]
		if st.Quads != 6 || st.Subjects != 2+2 || st.Objects != 3+1 {
			t.Errorf("totals %+v", st)
		}
		if got := st.Predicates[p]; got != (PredicateStats{Count: 4, Subjects: 2 + 1, Objects: 2 + 1}) {
			t.Errorf("stats of p = %+v", got)
		}
		if got := st.Predicates[q]; got != (PredicateStats{Count: 2, Subjects: 1 + 1, Objects: 1 + 1}) {
			t.Errorf("stats of q = %+v", got)
		}
		if st.Graphs[DefaultGraph] != 4 || st.Graphs[g] != 2 || len(st.Graphs) != 2 {
			t.Errorf("graphs %v", st.Graphs)
		}
		gs, err := tx.Graphs()
		if err != nil || len(gs) != 1 || gs[0] != g {
			t.Errorf("Graphs() = %v, %v", gs, err)
		}
		for _, c := range []struct {
			p    Pattern
			want uint64
		}{
			{Pattern{}, 6},
			{Pattern{0, p, 0, 0}, 4},
			{Pattern{0, 0, 0, g}, 2},
			{Pattern{a, p, 0, 0}, 1},
			{Pattern{0, p, x, 0}, 1},
			{Pattern{0, a, 0, 0}, 0}, // a is no predicate
		} {
			got, err := tx.Estimate(c.p)
			if err != nil || got != c.want {
				t.Errorf("Estimate(%v) = %d, %v; want %d", c.p, got, err, c.want)
			}
			n, err := tx.Count(c.p)
			if err != nil {
				t.Fatal(err)
			}
			if c.p[0] == 0 && c.p[2] == 0 && n != c.want {
				t.Errorf("Count(%v) = %d, Estimate should be exact: %d", c.p, n, c.want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestTx_ClosedAndReadOnly(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	q := rdf.Quad{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.IRI("http://ex/o")}
	err := s.View(func(tx *Tx) error {
		if _, err := tx.Add(q); !errors.Is(err, ErrReadOnly) {
			t.Errorf("Add in View: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tx, err := s.Begin(true)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Add(q); !errors.Is(err, ErrTxClosed) {
		t.Errorf("Add after Commit: %v", err)
	}
	err = s.Update(func(tx *Tx) error {
		_, err := tx.Add(rdf.Quad{Subject: rdf.NewLiteral("x"), Predicate: q.Predicate, Object: q.Object})
		if !errors.Is(err, ErrBadQuad) {
			t.Errorf("literal subject: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestIter_AfterTransactionEnds(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	q := rdf.Quad{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.IRI("http://ex/o")}
	if err := s.Update(func(tx *Tx) error { _, err := tx.Add(q); return err }); err != nil {
		t.Fatal(err)
	}
	var it *Iter
	var ti *TermIter
	s.View(func(tx *Tx) error {
		it = tx.Match(Pattern{})
		ti = tx.MatchTerms(nil, nil, nil, nil)
		return nil
	})
	if it.Next() || !errors.Is(it.Err(), ErrTxClosed) {
		t.Fatalf("Iter used after its transaction: Next true or Err %v", it.Err())
	}
	if ti.Next() || !errors.Is(ti.Err(), ErrTxClosed) {
		t.Fatalf("TermIter used after its transaction: Err %v", ti.Err())
	}
}
