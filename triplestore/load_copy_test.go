package triplestore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// seeded opens a store holding a few quads, so that loads take the non-empty paths.
func seeded(t *testing.T) *Store {
	t.Helper()
	s := openTemp(t)
	t.Cleanup(func() { s.Close() })
	mustLoad(t, s, LoadOptions{}, stringSource("seed.nt", rdf.NTriples,
		"<http://x/seed> <http://x/p> <http://x/o> .\n<http://x/seed> <http://x/p> \"seed\" .\n"))
	return s
}

func noLeftover(t *testing.T, s *Store) {
	t.Helper()
	if _, err := os.Stat(s.Path() + ".load"); !os.IsNotExist(err) {
		t.Fatalf("the load's copy %s.load is still there (%v)", s.Path(), err)
	}
}

func totals(t *testing.T, s *Store) Stats {
	t.Helper()
	var st Stats
	if err := s.View(func(tx *Tx) error { var err error; st, err = tx.Stats(); return err }); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestLoad_CopyPathMatchesOneTransaction loads the same document into two non-empty stores,
// once in one transaction and once through the copy path in transactions of 100 quads: the
// stores end equal, with equal statistics, and the copy path committed many times.
func TestLoad_CopyPathMatchesOneTransaction(t *testing.T) {
	text := genNT(3000, 5)
	one, cp := seeded(t), seeded(t)
	st1 := mustLoad(t, one, LoadOptions{ChunkSize: 4096}, stringSource("a.nt", rdf.NTriples, text))
	if st1.Copied || st1.Commits != 1 {
		t.Fatalf("a 3000-quad load with the default TxQuads: %+v, want one transaction", st1)
	}
	v := cp.DataVersion()
	st2 := mustLoad(t, cp, LoadOptions{ChunkSize: 4096, TxQuads: 100}, stringSource("a.nt", rdf.NTriples, text))
	if !st2.Copied || st2.Commits < 20 {
		t.Fatalf("a 3000-quad load with TxQuads 100: %+v, want the copy path with >= 20 commits", st2)
	}
	if st2.Added != st1.Added || st2.Statements != 3000 {
		t.Fatalf("copy path added %d of %d statements, one transaction %d", st2.Added, st2.Statements, st1.Added)
	}
	if cp.DataVersion() <= v {
		t.Fatalf("DataVersion went from %d to %d", v, cp.DataVersion())
	}
	noLeftover(t, cp)
	a, b := blankShape(dump(t, one)), blankShape(dump(t, cp))
	if !slices.Equal(a, b) {
		t.Fatalf("the paths differ: %d vs %d quads", len(a), len(b))
	}
	s1, s2 := totals(t, one), totals(t, cp)
	if s1.Quads != s2.Quads || s1.Subjects != s2.Subjects || s1.Objects != s2.Objects || s1.Terms != s2.Terms {
		t.Fatalf("stats differ: %+v vs %+v", s1, s2)
	}
	// The store works on after the swap: writes and a reopen.
	q := rdf.Quad{Subject: rdf.IRI("http://x/after"), Predicate: rdf.IRI("http://x/p"), Object: rdf.NewLiteral("z")}
	if err := cp.Update(func(tx *Tx) error { _, err := tx.Add(q); return err }); err != nil {
		t.Fatal(err)
	}
	path, dv := cp.Path(), cp.DataVersion()
	if err := cp.Close(); err != nil {
		t.Fatal(err)
	}
	re, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	if re.DataVersion() != dv || len(dump(t, re)) != len(b)+1 {
		t.Fatalf("reopened: version %d (want %d), %d quads (want %d)", re.DataVersion(), dv, len(dump(t, re)), len(b)+1)
	}
}

// TestLoad_CopyPathFailureLeavesStoreUnchanged fails a copy-path load at a syntax error
// after several of its transactions were committed into the copy, and by cancellation.
func TestLoad_CopyPathFailureLeavesStoreUnchanged(t *testing.T) {
	good := genNT(2000, 6)
	bad := good + "<http://example.org/x> <http://example.org/p> \"unterminated .\n" + genNT(10, 3)
	t.Run("syntax", func(t *testing.T) {
		s := seeded(t)
		before, v := dump(t, s), s.DataVersion()
		_, err := s.Load(context.Background(), []LoadSource{stringSource("bad.nt", rdf.NTriples, bad)},
			LoadOptions{ChunkSize: 2048, TxQuads: 100})
		var se *rdf.SyntaxError
		if !errors.As(err, &se) || se.File != "bad.nt" || se.Line != 2001 {
			t.Fatalf("Load: %v, want a syntax error at bad.nt:2001", err)
		}
		if after := dump(t, s); !slices.Equal(before, after) || s.DataVersion() != v {
			t.Fatalf("failed load changed the store: %d quads before, %d after", len(before), len(after))
		}
		noLeftover(t, s)
		if err := s.Check(); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("canceled", func(t *testing.T) {
		s := seeded(t)
		before, v := dump(t, s), s.DataVersion()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		// The document cancels the load once half of it has been read.
		src := LoadSource{Name: "slow.nt", Format: rdf.NTriples, Open: func() (io.ReadCloser, error) {
			return io.NopCloser(&cancelAfter{r: strings.NewReader(good), n: int64(len(good) / 2), cancel: cancel}), nil
		}}
		_, err := s.Load(ctx, []LoadSource{src}, LoadOptions{ChunkSize: 2048, TxQuads: 100})
		if !errors.Is(err, context.Canceled) && !errors.Is(err, errCanceled) {
			t.Fatalf("canceled load: %v", err)
		}
		if after := dump(t, s); !slices.Equal(before, after) || s.DataVersion() != v {
			t.Fatalf("canceled load changed the store: %d quads before, %d after", len(before), len(after))
		}
		noLeftover(t, s)
	})
}

type cancelAfter struct {
	r      io.Reader
	n      int64
	cancel func()
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n -= int64(n)
	if c.n <= 0 {
		c.cancel()
	}
	return n, err
}

// TestLoad_Replace empties graphs before loading, in one step, on both paths: a Graph
// Store PUT. Other graphs are untouched; a failed replace changes nothing.
func TestLoad_Replace(t *testing.T) {
	g1, g2 := rdf.IRI("http://x/g1"), rdf.IRI("http://x/g2")
	for _, txQuads := range []int{0, 50} {
		t.Run(fmt.Sprint("TxQuads=", txQuads), func(t *testing.T) {
			s := seeded(t)
			old := stringSource("old.nt", rdf.NTriples, genNT(300, 7))
			old.Graph = g1
			keep := stringSource("keep.nt", rdf.NTriples, genNT(30, 8))
			keep.Graph = g2
			mustLoad(t, s, LoadOptions{}, old, keep)
			count := func(g rdf.Term) int {
				n := 0
				for _, l := range dump(t, s) {
					if strings.HasSuffix(l, " "+g.String()+" .") {
						n++
					}
				}
				return n
			}
			n1, n2, all := count(g1), count(g2), len(dump(t, s))

			doc := "<http://x/new> <http://x/p> \"one\" .\n<http://x/new> <http://x/p> _:b .\n"
			src := stringSource("new.nt", rdf.NTriples, doc)
			src.Graph = g1
			st := mustLoad(t, s, LoadOptions{Replace: []rdf.Term{g1}, TxQuads: txQuads}, src)
			if st.Removed != uint64(n1) || st.Added != 2 || st.Copied != (txQuads > 0) {
				t.Fatalf("replace stats %+v, want %d removed, 2 added", st, n1)
			}
			if count(g1) != 2 || count(g2) != n2 || len(dump(t, s)) != all-n1+2 {
				t.Fatalf("after replace: g1 %d, g2 %d (want 2, %d), %d quads", count(g1), count(g2), n2, len(dump(t, s)))
			}
			// A replace whose document is bad changes nothing.
			before := dump(t, s)
			bad := stringSource("bad.nt", rdf.NTriples, "<http://x/a> <http://x/p> <http://x/b> .\n<http://x/a> <http://x/p> .\n")
			bad.Graph = g1
			if _, err := s.Load(context.Background(), []LoadSource{bad}, LoadOptions{Replace: []rdf.Term{g1}, TxQuads: txQuads}); err == nil {
				t.Fatal("bad document loaded")
			}
			if !slices.Equal(before, dump(t, s)) {
				t.Fatal("a failed replace changed the store")
			}
			// Replacing the default graph leaves the named graphs alone.
			def := stringSource("def.nt", rdf.NTriples, "<http://x/d> <http://x/p> <http://x/o> .\n")
			mustLoad(t, s, LoadOptions{Replace: []rdf.Term{DefaultGraphIRI}, TxQuads: txQuads}, def)
			if count(g1) != 2 || count(g2) != n2 || !slices.Contains(dump(t, s), "<http://x/d> <http://x/p> <http://x/o> .") ||
				slices.Contains(dump(t, s), "<http://x/seed> <http://x/p> <http://x/o> .") {
				t.Fatalf("after replacing the default graph: %q", dump(t, s))
			}
			noLeftover(t, s)
		})
	}
}

// TestLoad_AllInGraph puts every statement of a quad document into the source's graph.
func TestLoad_AllInGraph(t *testing.T) {
	nq := "<http://x/s> <http://x/p> <http://x/o> <http://x/g1> .\n" +
		"<http://x/s> <http://x/p> \"v\" _:g .\n" +
		"<http://x/s> <http://x/p> \"d\" .\n"
	for _, mode := range []string{"empty", "one-tx", "copy"} {
		t.Run(mode, func(t *testing.T) {
			s := openTemp(t)
			defer s.Close()
			opts := LoadOptions{}
			if mode != "empty" {
				mustLoad(t, s, LoadOptions{}, stringSource("seed.nt", rdf.NTriples, "<http://x/z> <http://x/p> <http://x/o> .\n"))
			}
			if mode == "copy" {
				opts.TxQuads = 1
			}
			src := stringSource("q.nq", rdf.NQuads, nq)
			src.Graph, src.AllInGraph = rdf.IRI("http://x/target"), true
			st := mustLoad(t, s, opts, src)
			if st.Copied != (mode == "copy") {
				t.Fatalf("stats %+v", st)
			}
			n := 0
			for _, l := range dump(t, s) {
				if strings.HasSuffix(l, " <http://x/target> .") {
					n++
				} else if l != "<http://x/z> <http://x/p> <http://x/o> ." {
					t.Errorf("quad outside the target graph: %s", l)
				}
			}
			if n != 3 {
				t.Fatalf("%d quads in the target graph, want 3", n)
			}
		})
	}
}

// TestLoad_CopyPathConcurrentReaders reads while a copy-path load runs and swaps the file
// in: every read sees either the store before the load or the whole load.
func TestLoad_CopyPathConcurrentReaders(t *testing.T) {
	s := seeded(t)
	text := genNT(2000, 9)
	var stop atomic.Bool
	var reads atomic.Int64
	errc := make(chan error, 1)
	go func() {
		defer close(errc)
		for !stop.Load() {
			var n uint64
			err := s.View(func(tx *Tx) error {
				var err error
				n, err = tx.Count(Pattern{})
				return err
			})
			if err != nil || (n != 2 && n < 1500) {
				errc <- fmt.Errorf("reader saw %d quads, err %v", n, err)
				return
			}
			reads.Add(1)
		}
	}()
	mustLoad(t, s, LoadOptions{ChunkSize: 1024, TxQuads: 64}, stringSource("a.nt", rdf.NTriples, text))
	stop.Store(true)
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if reads.Load() == 0 {
		t.Fatal("the reader never read")
	}
}

// errReader serves quads, then an error.
type errReader struct {
	qs  []rdf.Quad
	err error
}

func (r *errReader) Read() (rdf.Quad, error) {
	if len(r.qs) == 0 {
		return rdf.Quad{}, r.err
	}
	q := r.qs[0]
	r.qs = r.qs[1:]
	return q, nil
}

func quadsN(n int, tag string) []rdf.Quad {
	qs := make([]rdf.Quad, n)
	for i := range qs {
		qs[i] = rdf.Quad{Subject: rdf.IRI(fmt.Sprintf("http://x/%s%d", tag, i)), Predicate: rdf.IRI("http://x/p"), Object: rdf.BlankNode(fmt.Sprint("b", i%3))}
	}
	return qs
}

// TestLoad_ReaderAndFinish loads quads from a LoadSource.Reader on every path, with a
// Finish that records the load's figures and removes a quad, in the load's atomic step; a
// failing reader or Finish changes nothing.
func TestLoad_ReaderAndFinish(t *testing.T) {
	desc := rdf.IRI("http://x/description")
	seed := rdf.Quad{Subject: rdf.IRI("http://x/seed"), Predicate: rdf.IRI("http://x/p"), Object: rdf.IRI("http://x/o")}
	finish := func(fail bool) func(tx *Tx, st LoadStats) error {
		return func(tx *Tx, st LoadStats) error {
			if fail {
				return errors.New("finish refused")
			}
			if _, err := tx.Remove(seed); err != nil {
				return err
			}
			_, err := tx.Add(rdf.Quad{Subject: desc, Predicate: rdf.IRI("http://x/added"), Object: rdf.NewTypedLiteral(fmt.Sprint(st.Added), rdf.XSDInteger)})
			return err
		}
	}
	for _, c := range []struct {
		name    string
		seeded  bool
		n       int
		txQuads int
	}{
		{"bulk", false, 500, 0},
		{"bulk-nothing", false, 0, 0},
		{"one-tx", true, 500, 0},
		{"copy", true, 500, 64},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t)
			defer s.Close()
			if c.seeded {
				if err := s.Update(func(tx *Tx) error { _, err := tx.Add(seed); return err }); err != nil {
					t.Fatal(err)
				}
			}
			opts := LoadOptions{TxQuads: c.txQuads, Finish: finish(false)}
			// Failures first: a reader error and a refusing Finish leave the store as it was.
			before, v := dump(t, s), s.DataVersion()
			for _, bad := range []struct {
				r    rdf.Reader
				opts LoadOptions
			}{
				{&errReader{qs: quadsN(c.n, "s"), err: errors.New("adapter broke")}, opts},
				{&errReader{qs: quadsN(c.n, "s"), err: io.EOF}, LoadOptions{TxQuads: c.txQuads, Finish: finish(true)}},
			} {
				if _, err := s.Load(context.Background(), []LoadSource{{Name: "adapter", Reader: bad.r}}, bad.opts); err == nil {
					t.Fatal("a failing load succeeded")
				}
				if !slices.Equal(before, dump(t, s)) || s.DataVersion() != v {
					t.Fatal("a failing load changed the store")
				}
				noLeftover(t, s)
			}
			st := mustLoad(t, s, opts, LoadSource{Name: "adapter", Reader: &errReader{qs: quadsN(c.n, "s"), err: io.EOF}})
			if st.Added != uint64(c.n) || st.Copied != (c.txQuads > 0) || st.Bulk != !c.seeded {
				t.Fatalf("stats %+v", st)
			}
			got := dump(t, s)
			want := fmt.Sprintf("<http://x/description> <http://x/added> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer> .", c.n)
			if !slices.Contains(got, want) || slices.Contains(got, seed.String()) || len(got) != c.n+1 {
				t.Fatalf("after the load (%d quads): description %v, seed %v", len(got), slices.Contains(got, want), slices.Contains(got, seed.String()))
			}
			if s.DataVersion() <= v {
				t.Fatalf("DataVersion %d -> %d", v, s.DataVersion())
			}
			// Blank nodes of the reader are scoped to the load: 3 of them.
			blanks := map[string]bool{}
			for _, l := range got {
				if i := strings.Index(l, "_:"); i >= 0 {
					blanks[strings.Fields(l[i:])[0]] = true
				}
			}
			if c.n > 0 && len(blanks) != 3 {
				t.Fatalf("%d blank nodes, want 3", len(blanks))
			}
		})
	}
}

// TestOpen_RemovesAnInterruptedLoad: the copy (or new file) of a load that a crash cut
// short is removed by the next Open that may write.
func TestOpen_RemovesAnInterruptedLoad(t *testing.T) {
	s := seeded(t)
	path := s.Path()
	want := dump(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".load", []byte("half a copy"), 0o644); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(path, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	if _, err := os.Stat(path + ".load"); err != nil {
		t.Fatalf("a read-only Open removed the leftover: %v", err)
	}
	re, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	noLeftover(t, re)
	if !slices.Equal(want, dump(t, re)) {
		t.Fatal("the store changed")
	}
}

// TestLoad_SwapDoesNotWaitForReaders holds a read transaction open across a copy-path load
// and a bulk load: each load finishes without waiting for it, the open transaction goes on
// reading the file it began on, and new transactions see the new file.
func TestLoad_SwapDoesNotWaitForReaders(t *testing.T) {
	for _, seed := range []bool{true, false} {
		t.Run(fmt.Sprint("seeded=", seed), func(t *testing.T) {
			var s *Store
			if seed {
				s = seeded(t)
			} else {
				s = openTemp(t)
				defer s.Close()
			}
			before := uint64(len(dump(t, s)))
			old, err := s.Begin(false)
			if err != nil {
				t.Fatal(err)
			}
			st := mustLoad(t, s, LoadOptions{TxQuads: 100}, stringSource("a.nt", rdf.NTriples, genNT(1000, 11)))
			if st.Copied != seed || st.Bulk == seed {
				t.Fatalf("stats %+v", st)
			}
			n, err := old.Count(Pattern{})
			if err != nil || n != before {
				t.Fatalf("the transaction begun before the load counts %d quads (%v), want %d", n, err, before)
			}
			// Its dictionary still answers for the old file.
			it := old.MatchTerms(nil, nil, nil, nil)
			for it.Next() {
			}
			if err := it.Err(); err != nil {
				t.Fatal(err)
			}
			it.Close()
			if after := uint64(len(dump(t, s))); after != before+st.Added {
				t.Fatalf("a new transaction counts %d quads, want %d", after, before+st.Added)
			}
			old.Rollback()
			// The old file is closed with its last transaction; the store goes on.
			if err := s.Update(func(tx *Tx) error {
				_, err := tx.Add(rdf.Quad{Subject: rdf.IRI("http://x/late"), Predicate: rdf.IRI("http://x/p"), Object: rdf.NewLiteral("l")})
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if err := s.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestLoad_ReplaceNamedAndCheck empties every named graph (SPARQL CLEAR NAMED) on both
// paths, and a failing Check stops a load before anything changes.
func TestLoad_ReplaceNamedAndCheck(t *testing.T) {
	for _, txQuads := range []int{0, 20} {
		t.Run(fmt.Sprint("TxQuads=", txQuads), func(t *testing.T) {
			s := seeded(t)
			g1 := stringSource("g1.nt", rdf.NTriples, genNT(100, 15))
			g1.Graph = rdf.IRI("http://x/g1")
			g2 := stringSource("g2.nt", rdf.NTriples, genNT(50, 16))
			g2.Graph = rdf.IRI("http://x/g2")
			mustLoad(t, s, LoadOptions{}, g1, g2)
			before, v := dump(t, s), s.DataVersion()
			var checked int
			refuse := errors.New("precondition failed")
			_, err := s.Load(context.Background(), nil, LoadOptions{ReplaceNamed: true, TxQuads: txQuads, Check: func(tx *Tx) error {
				gs, err := tx.Graphs()
				checked = len(gs)
				if err != nil {
					return err
				}
				return refuse
			}})
			if !errors.Is(err, refuse) || checked != 2 {
				t.Fatalf("Load with a refusing Check: %v (Check saw %d graphs)", err, checked)
			}
			if !slices.Equal(before, dump(t, s)) || s.DataVersion() != v {
				t.Fatal("a refused load changed the store")
			}
			st := mustLoad(t, s, LoadOptions{ReplaceNamed: true, TxQuads: txQuads, Check: func(*Tx) error { return nil }})
			if st.Copied != (txQuads > 0) || int(st.Removed) != len(before)-2 {
				t.Fatalf("stats %+v, want %d removed", st, len(before)-2)
			}
			if after := dump(t, s); len(after) != 2 || !slices.Contains(after, "<http://x/seed> <http://x/p> <http://x/o> .") {
				t.Fatalf("after emptying the named graphs: %q", after)
			}
			noLeftover(t, s)
		})
	}
}
