package triplestore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func stringSource(name string, f rdf.Format, text string) LoadSource {
	return LoadSource{Name: name, Format: f, Size: int64(len(text)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(text)), nil
	}}
}

// genNT generates n N-Triples lines with a mix of term kinds, blank nodes included.
func genNT(n, seed int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		s := fmt.Sprintf("<http://example.org/item/%d>", (i*7+seed)%(n/3+1))
		switch i % 6 {
		case 0:
			fmt.Fprintf(&b, "%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Class%d> .\n", s, i%5)
		case 1:
			fmt.Fprintf(&b, "%s <http://example.org/label> \"label number %d\"@en .\n", s, i)
		case 2:
			fmt.Fprintf(&b, "%s <http://example.org/count> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", s, i%1000)
		case 3:
			fmt.Fprintf(&b, "_:b%d <http://example.org/about> %s .\n", i%50, s)
		case 4:
			fmt.Fprintf(&b, "%s <http://example.org/price> \"%d.%02d\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n", s, i%300, i%100)
		default:
			fmt.Fprintf(&b, "%s <http://example.org/link> <http://example.org/item/%d> .\n", s, (i*13)%(n/2+1))
		}
	}
	return b.String()
}

// dump returns every quad of the store as sorted N-Quads lines, with blank node labels
// replaced by a canonical numbering in order of first appearance in the sorted
// non-blank-first listing (good enough for the regular data the tests generate).
func dump(t testing.TB, s *Store) []string {
	t.Helper()
	var out []string
	err := s.View(func(tx *Tx) error {
		it := tx.MatchTerms(nil, nil, nil, nil)
		defer it.Close()
		for it.Next() {
			out = append(out, it.Quad().String())
		}
		return it.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// blankShape replaces blank node labels by "_:?" so stores loaded differently compare.
func blankShape(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		f := strings.Fields(l)
		for j, w := range f {
			if strings.HasPrefix(w, "_:") {
				f[j] = "_:?"
			}
		}
		out[i] = strings.Join(f, " ")
	}
	slices.Sort(out)
	return out
}

func mustLoad(t testing.TB, s *Store, opts LoadOptions, srcs ...LoadSource) LoadStats {
	t.Helper()
	st, err := s.Load(context.Background(), srcs, opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check after Load: %v", err)
	}
	return st
}

func TestLoad_BulkMatchesIncremental(t *testing.T) {
	text := genNT(3000, 1)
	// Bulk path, with tiny chunks and runs so that chunking, spilling and merging all happen.
	bulk := openTemp(t)
	defer bulk.Close()
	v0 := bulk.DataVersion()
	st := mustLoad(t, bulk, LoadOptions{ChunkSize: 4096, RunQuads: 500, TempDir: t.TempDir()}, stringSource("a.nt", rdf.NTriples, text))
	if !st.Bulk || st.Statements != 3000 {
		t.Fatalf("bulk load stats %+v", st)
	}
	if bulk.DataVersion() != v0+1 {
		t.Fatalf("DataVersion after a bulk load = %d, want %d", bulk.DataVersion(), v0+1)
	}
	// Incremental path: make the store non-empty first.
	incr := openTemp(t)
	defer incr.Close()
	seed := rdf.Quad{Subject: rdf.IRI("http://example.org/seed"), Predicate: rdf.IRI("http://example.org/p"), Object: rdf.NewLiteral("x")}
	if err := incr.Update(func(tx *Tx) error { _, err := tx.Add(seed); return err }); err != nil {
		t.Fatal(err)
	}
	v1 := incr.DataVersion()
	st2 := mustLoad(t, incr, LoadOptions{ChunkSize: 4096}, stringSource("a.nt", rdf.NTriples, text))
	if incr.DataVersion() != v1+1 {
		t.Fatalf("DataVersion after an incremental load = %d, want %d", incr.DataVersion(), v1+1)
	}
	if st2.Bulk || st2.Added != st.Added {
		t.Fatalf("incremental stats %+v, bulk %+v", st2, st)
	}
	if _, err := incr.Load(context.Background(), nil, LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := incr.Update(func(tx *Tx) error { _, err := tx.Remove(seed); return err }); err != nil {
		t.Fatal(err)
	}
	a, b := blankShape(dump(t, bulk)), blankShape(dump(t, incr))
	if !slices.Equal(a, b) {
		t.Fatalf("bulk and incremental loads differ: %d vs %d quads", len(a), len(b))
	}
	if uint64(len(a)) != st.Added {
		t.Fatalf("Added = %d, store holds %d", st.Added, len(a))
	}
	// Statistics agree too (Check proved each store's own are right; compare the totals).
	var s1, s2 Stats
	bulk.View(func(tx *Tx) error { s1, _ = tx.Stats(); return nil })
	incr.View(func(tx *Tx) error { s2, _ = tx.Stats(); return nil })
	if s1.Quads != s2.Quads || s1.Subjects != s2.Subjects || s1.Objects != s2.Objects {
		t.Fatalf("stats differ: %+v vs %+v", s1, s2)
	}
}

func TestLoad_BlankNodeScopes(t *testing.T) {
	doc := "_:a <http://example.org/p> _:b .\n_:b <http://example.org/p> _:a .\n"
	for _, nonEmpty := range []bool{false, true} {
		t.Run(fmt.Sprint("nonEmpty=", nonEmpty), func(t *testing.T) {
			s := openTemp(t)
			defer s.Close()
			if nonEmpty {
				mustLoad(t, s, LoadOptions{}, stringSource("seed.nt", rdf.NTriples, "<http://x/s> <http://x/p> <http://x/o> .\n"))
			}
			// Two documents with the same labels, the first one cut into one-line chunks.
			mustLoad(t, s, LoadOptions{ChunkSize: 1}, stringSource("one.nt", rdf.NTriples, doc), stringSource("two.nt", rdf.NTriples, doc))
			blanks := map[rdf.Term]int{}
			s.View(func(tx *Tx) error {
				it := tx.MatchTerms(nil, rdf.IRI("http://example.org/p"), nil, nil)
				defer it.Close()
				for it.Next() {
					blanks[it.Quad().Subject]++
					blanks[it.Quad().Object]++
				}
				return it.Err()
			})
			if len(blanks) != 4 {
				t.Fatalf("two documents with _:a and _:b give %d blank nodes, want 4: %v", len(blanks), blanks)
			}
			for b, n := range blanks {
				if n != 2 {
					t.Fatalf("blank node %v used %d times, want 2 (label not shared within a document)", b, n)
				}
			}
			// A third load must not reuse any label.
			mustLoad(t, s, LoadOptions{}, stringSource("three.nt", rdf.NTriples, doc))
			if n := len(dump(t, s)); n != 6+map[bool]int{true: 1}[nonEmpty] {
				t.Fatalf("after a third document: %d quads", n)
			}
		})
	}
}

func TestLoad_StrictErrorLeavesStoreUnchanged(t *testing.T) {
	good := genNT(400, 2)
	bad := good + "<http://example.org/x> <http://example.org/p> \"unterminated .\n" + genNT(10, 3)
	for _, nonEmpty := range []bool{false, true} {
		t.Run(fmt.Sprint("nonEmpty=", nonEmpty), func(t *testing.T) {
			s := openTemp(t)
			defer s.Close()
			if nonEmpty {
				mustLoad(t, s, LoadOptions{}, stringSource("seed.nt", rdf.NTriples, "<http://x/s> <http://x/p> <http://x/o> .\n"))
			}
			before, v := dump(t, s), s.DataVersion()
			_, err := s.Load(context.Background(), []LoadSource{stringSource("good.nt", rdf.NTriples, good), stringSource("bad.nt", rdf.NTriples, bad)}, LoadOptions{ChunkSize: 2048})
			var se *rdf.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Load of a bad file: %v, want a *rdf.SyntaxError", err)
			}
			if se.File != "bad.nt" || se.Line != 401 {
				t.Fatalf("error at %s:%d, want bad.nt:401 (%v)", se.File, se.Line, err)
			}
			if after := dump(t, s); !slices.Equal(before, after) || s.DataVersion() != v {
				t.Fatalf("failed load changed the store: %d quads before, %d after", len(before), len(after))
			}
			if err := s.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestLoad_Lenient(t *testing.T) {
	text := "<http://x/a> <http://x/p> <http://x/b> .\n" +
		"<http://x/a> <http://x/p> \"bad .\n" +
		"<http://x/a> <http://x/p> <http://x/c> .\n" +
		"not a triple\n" +
		"<http://x/a> <http://x/p> <http://x/d> .\n"
	s := openTemp(t)
	defer s.Close()
	var errs []string
	st := mustLoad(t, s, LoadOptions{Lenient: true, ChunkSize: 64, OnError: func(err error) { errs = append(errs, err.Error()) }},
		stringSource("l.nt", rdf.NTriples, text))
	if st.Statements != 3 || st.Skipped != 2 || len(dump(t, s)) != 3 {
		t.Fatalf("lenient load: %+v, %d quads", st, len(dump(t, s)))
	}
	if len(errs) != 2 || !strings.HasPrefix(errs[0], "l.nt:2:") || !strings.HasPrefix(errs[1], "l.nt:4:") {
		t.Fatalf("errors %q", errs)
	}
}

func TestLoad_NQuadsAndTargetGraph(t *testing.T) {
	nq := "<http://x/s> <http://x/p> <http://x/o> .\n" +
		"<http://x/s> <http://x/p> <http://x/o> <http://x/g1> .\n" +
		"<http://x/s> <http://x/p> \"v\" _:g .\n"
	nt := "<http://x/s> <http://x/p> <http://x/o2> .\n"
	for _, nonEmpty := range []bool{false, true} {
		t.Run(fmt.Sprint("nonEmpty=", nonEmpty), func(t *testing.T) {
			s := openTemp(t)
			defer s.Close()
			if nonEmpty {
				mustLoad(t, s, LoadOptions{}, stringSource("seed.nt", rdf.NTriples, "<http://x/z> <http://x/p> <http://x/o> .\n"))
			}
			src := stringSource("q.nq", rdf.NQuads, nq)
			src.Graph = rdf.IRI("http://x/target")
			src2 := stringSource("t.nt", rdf.NTriples, nt)
			src2.Graph = rdf.BlankNode("l5")
			mustLoad(t, s, LoadOptions{}, src, src2)
			got := dump(t, s)
			want := []string{
				`<http://x/s> <http://x/p> <http://x/o2> _:l5 .`,
				`<http://x/s> <http://x/p> <http://x/o> <http://x/g1> .`,
				`<http://x/s> <http://x/p> <http://x/o> <http://x/target> .`,
			}
			n := 0
			for _, l := range got {
				if slices.Contains(want, l) {
					n++
				}
			}
			if n != 3 || len(got) != 4+map[bool]int{true: 1}[nonEmpty] {
				t.Fatalf("got %q", got)
			}
			// The blank graph of the document is a fresh node, not _:l5 or _:bg.
			s.View(func(tx *Tx) error {
				it := tx.MatchTerms(nil, nil, rdf.NewLiteral("v"), nil)
				defer it.Close()
				for it.Next() {
					if g := it.Quad().Graph; g == nil || g == rdf.BlankNode("l5") || g.Kind() != rdf.KindBlank {
						t.Errorf("document blank graph came back as %v", g)
					}
				}
				return nil
			})
			// Loading again adds no labelled duplicates, but new blank graph nodes.
			st := mustLoad(t, s, LoadOptions{}, src)
			if st.Added != 1 {
				t.Fatalf("reload added %d, want 1 (the quad in a fresh blank graph)", st.Added)
			}
		})
	}
}

// fakeReader serves quads from a slice, for the NewReader path.
type fakeReader struct{ qs []rdf.Quad }

func (f *fakeReader) Read() (rdf.Quad, error) {
	if len(f.qs) == 0 {
		return rdf.Quad{}, io.EOF
	}
	q := f.qs[0]
	f.qs = f.qs[1:]
	return q, nil
}

func TestLoad_InjectedReader(t *testing.T) {
	var qs []rdf.Quad
	for i := 0; i < 20000; i++ {
		qs = append(qs, rdf.Quad{Subject: rdf.IRI(fmt.Sprintf("http://x/s%d", i%100)), Predicate: rdf.IRI("http://x/p"), Object: rdf.NewTypedLiteral(fmt.Sprint(i), rdf.XSDInteger)})
	}
	var gotBase string
	opts := LoadOptions{NewReader: func(f rdf.Format, r io.Reader, ro rdf.ReadOptions) (rdf.Reader, error) {
		if f != rdf.Turtle {
			return nil, rdf.ErrUnsupportedFormat
		}
		gotBase = ro.Base
		return &fakeReader{qs: qs}, nil
	}}
	var progress int
	opts.Progress = func(LoadProgress) { progress++ }
	s := openTemp(t)
	defer s.Close()
	src := stringSource("x.ttl", rdf.Turtle, "")
	src.Base = "http://x/"
	st := mustLoad(t, s, opts, src)
	if st.Added != 20000 || gotBase != "http://x/" || progress == 0 {
		t.Fatalf("stats %+v, base %q, progress calls %d", st, gotBase, progress)
	}
	if _, err := s.Load(context.Background(), []LoadSource{stringSource("x.ttl", rdf.Turtle, "")}, LoadOptions{}); !errors.Is(err, rdf.ErrUnsupportedFormat) {
		t.Fatalf("Turtle without NewReader: %v", err)
	}
}

func TestLoad_Canceled(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.Load(ctx, []LoadSource{stringSource("a.nt", rdf.NTriples, genNT(1000, 1))}, LoadOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled load: %v", err)
	}
	if len(dump(t, s)) != 0 {
		t.Fatal("canceled load left quads")
	}
}

// TestLoad_ConcurrentReaders reads while a bulk load swaps the file in: every read sees
// either the empty store or the whole load.
func TestLoad_ConcurrentReaders(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	text := genNT(2000, 4)
	stop := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		defer close(errc)
		for {
			select {
			case <-stop:
				return
			default:
			}
			var n uint64
			err := s.View(func(tx *Tx) error {
				var err error
				n, err = tx.Count(Pattern{})
				return err
			})
			if err != nil || (n != 0 && n < 1500) {
				errc <- fmt.Errorf("reader saw %d quads, err %v", n, err)
				return
			}
		}
	}()
	mustLoad(t, s, LoadOptions{ChunkSize: 1024}, stringSource("a.nt", rdf.NTriples, text))
	close(stop)
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
}

func TestLoad_BadQuadLenient(t *testing.T) {
	qs := []rdf.Quad{
		{Subject: rdf.IRI("http://x/s"), Predicate: rdf.IRI("http://x/p"), Object: rdf.NewLiteral("ok")},
		{Subject: rdf.NewLiteral("literal subject"), Predicate: rdf.IRI("http://x/p"), Object: rdf.NewLiteral("bad")},
	}
	reader := func(rdf.Format, io.Reader, rdf.ReadOptions) (rdf.Reader, error) {
		return &fakeReader{qs: slices.Clone(qs)}, nil
	}
	for _, nonEmpty := range []bool{false, true} {
		s := openTemp(t)
		if nonEmpty {
			mustLoad(t, s, LoadOptions{}, stringSource("seed.nt", rdf.NTriples, "<http://x/z> <http://x/p> <http://x/o> .\n"))
		}
		if _, err := s.Load(context.Background(), []LoadSource{stringSource("x.jsonld", rdf.JSONLD, "")}, LoadOptions{NewReader: reader}); !errors.Is(err, ErrBadQuad) {
			t.Fatalf("strict load of a literal subject: %v", err)
		}
		var reported int
		st := mustLoad(t, s, LoadOptions{NewReader: reader, Lenient: true, OnError: func(error) { reported++ }}, stringSource("x.jsonld", rdf.JSONLD, ""))
		if st.Statements != 1 || st.Skipped != 1 || reported != 1 {
			t.Fatalf("lenient: %+v, %d reported", st, reported)
		}
		s.Close()
	}
}

// TestLoad_NamedGraphsBulkMatchesIncremental loads N-Quads over many graphs (blank ones
// included) both ways; Check verifies the named indexes and their statistics.
func TestLoad_NamedGraphsBulkMatchesIncremental(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 4000; i++ {
		g := fmt.Sprintf(" <http://example.org/graph/%d>", i%17)
		switch i % 5 {
		case 0:
			g = ""
		case 1:
			g = fmt.Sprintf(" _:g%d", i%3)
		}
		fmt.Fprintf(&b, "<http://example.org/s/%d> <http://example.org/p/%d> \"v%d\"%s .\n", i%300, i%7, i%500, g)
	}
	text := b.String()
	bulk := openTemp(t)
	defer bulk.Close()
	st := mustLoad(t, bulk, LoadOptions{ChunkSize: 8192, RunQuads: 700, TempDir: t.TempDir()}, stringSource("a.nq", rdf.NQuads, text))
	incr := openTemp(t)
	defer incr.Close()
	mustLoad(t, incr, LoadOptions{}, stringSource("seed.nt", rdf.NTriples, "<http://x/z> <http://x/p> <http://x/o> .\n"))
	st2 := mustLoad(t, incr, LoadOptions{ChunkSize: 8192}, stringSource("a.nq", rdf.NQuads, text))
	if !st.Bulk || st2.Bulk || st.Added != st2.Added {
		t.Fatalf("bulk %+v, incremental %+v", st, st2)
	}
	a, c := blankShape(dump(t, bulk)), blankShape(dump(t, incr))
	c = slices.DeleteFunc(c, func(l string) bool { return strings.HasPrefix(l, "<http://x/z>") })
	if !slices.Equal(a, c) {
		t.Fatalf("bulk and incremental N-Quads loads differ: %d vs %d quads", len(a), len(c))
	}
	var gs1, gs2 []TermID
	bulk.View(func(tx *Tx) error { gs1, _ = tx.Graphs(); return nil })
	incr.View(func(tx *Tx) error { gs2, _ = tx.Graphs(); return nil })
	if len(gs1) != 17+3 || len(gs2) != len(gs1) {
		t.Fatalf("graphs: bulk %d, incremental %d, want 20", len(gs1), len(gs2))
	}
}
