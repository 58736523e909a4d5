package triplestore

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// rawQuads reads every quad straight from the SPO and SPOG buckets with decodeBlock,
// independently of scan, as the reference for Match.
func rawQuads(t *testing.T, tx *Tx) [][4]TermID {
	t.Helper()
	var out [][4]TermID
	for _, ix := range []int{ixSPO, ixSPOG} {
		d := &indexDefs[ix]
		c := tx.idx[ix].Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			ts, err := decodeBlock(nil, k, v, d.k)
			if err != nil {
				t.Fatal(err)
			}
			for i := range ts {
				out = append(out, d.toQuad(&ts[i]))
			}
		}
	}
	return out
}

func matches(p Pattern, q [4]TermID) bool {
	for i := 0; i < 3; i++ {
		if p[i] != 0 && p[i] != q[i] {
			return false
		}
	}
	return p[3] == 0 || p[3] == q[3]
}

func sortedQuads(qs [][4]TermID) [][4]TermID {
	slices.SortFunc(qs, func(a, b [4]TermID) int {
		for i := range a {
			if a[i] != b[i] {
				if a[i] < b[i] {
					return -1
				}
				return 1
			}
		}
		return 0
	})
	return qs
}

func collect(t *testing.T, it *Iter) [][4]TermID {
	t.Helper()
	var out [][4]TermID
	for it.Next() {
		out = append(out, it.Quad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMatch_WarmTransaction runs thousands of patterns of every shape in one read
// transaction, in ascending, descending and random order and nested inside each other, so
// probes land in remembered blocks, resume at their marks, skip and cross blocks, and
// compares each answer with a filter over all quads.
func TestMatch_WarmTransaction(t *testing.T) {
	s := openTemp(t)
	text := genNT(12000, 3)
	var nq strings.Builder
	for i, line := range strings.Split(strings.TrimSpace(genNT(3000, 5)), "\n") {
		fmt.Fprintf(&nq, "%s <http://example.org/g%d> .\n", strings.TrimSuffix(line, " ."), i%3)
	}
	mustLoad(t, s, LoadOptions{TempDir: t.TempDir()},
		stringSource("a.nt", rdf.NTriples, text), stringSource("b.nq", rdf.NQuads, nq.String()))

	err := s.View(func(tx *Tx) error {
		all := rawQuads(t, tx)
		if len(all) < 10000 {
			t.Fatalf("only %d quads", len(all))
		}
		rng := rand.New(rand.NewSource(1))
		var pats []Pattern
		for i := 0; i < 700; i++ {
			q := all[rng.Intn(len(all))]
			var p Pattern
			mask := rng.Intn(16)
			for j := 0; j < 4; j++ {
				if mask&(1<<j) != 0 {
					p[j] = q[j]
				}
			}
			if rng.Intn(8) == 0 { // a neighbouring ID that may match nothing
				p[rng.Intn(3)] = q[rng.Intn(3)] + 1
			}
			pats = append(pats, p)
		}
		want := func(p Pattern) [][4]TermID {
			var out [][4]TermID
			for _, q := range all {
				if matches(p, q) {
					out = append(out, q)
				}
			}
			return sortedQuads(out)
		}
		check := func(p Pattern) {
			got := sortedQuads(collect(t, tx.Match(p)))
			if w := want(p); !slices.Equal(got, w) {
				t.Fatalf("Match(%v): %d quads, want %d", p, len(got), len(w))
			}
		}
		asc := slices.Clone(pats)
		slices.SortFunc(asc, func(a, b Pattern) int { return sortedCmp(a, b) })
		desc := slices.Clone(asc)
		slices.Reverse(desc)
		for _, order := range [][]Pattern{asc, desc, pats} {
			for _, p := range order {
				check(p)
			}
		}
		// Nested: an inner probe per outer result while the outer scan is under way.
		for _, p := range pats[:20] {
			it := tx.Match(Pattern{0, p[1], 0, 0})
			n := 0
			for it.Next() && n < 25 {
				q := it.Quad()
				check(Pattern{q[0], 0, 0, 0})
				check(Pattern{0, 0, q[2], 0})
				n++
			}
			it.Close()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func sortedCmp(a, b Pattern) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// TestMatch_CloseMidScan closes iterators in the middle of multi-block scans and checks
// that later matches (which reuse their cursors) still answer correctly.
func TestMatch_CloseMidScan(t *testing.T) {
	s := openTemp(t)
	mustLoad(t, s, LoadOptions{TempDir: t.TempDir()}, stringSource("a.nt", rdf.NTriples, genNT(6000, 1)))
	s.View(func(tx *Tx) error {
		n := len(collect(t, tx.Match(Pattern{})))
		for i := 0; i < 20; i++ {
			it := tx.Match(Pattern{})
			for j := 0; j < i*250 && it.Next(); j++ {
			}
			it.Close()
			it.Close()
			if it.Next() {
				t.Fatal("Next after Close")
			}
		}
		if m := len(collect(t, tx.Match(Pattern{}))); m != n {
			t.Fatalf("%d quads after closed scans, want %d", m, n)
		}
		return nil
	})
}
