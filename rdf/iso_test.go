package rdf

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func bq(s, p, o Term, g Term) Quad { return Quad{Subject: s, Predicate: p, Object: o, Graph: g} }

func TestIsomorphic(t *testing.T) {
	p := IRI("http://ex/p")
	q := IRI("http://ex/q")
	g := IRI("http://ex/g")
	lit := NewLiteral("x")
	cases := []struct {
		name string
		a, b []Quad
		want bool
	}{
		{"empty", nil, nil, true},
		{"ground equal", []Quad{bq(g, p, lit, nil)}, []Quad{bq(g, p, lit, nil)}, true},
		{"ground differ", []Quad{bq(g, p, lit, nil)}, []Quad{bq(g, q, lit, nil)}, false},
		{"graph differs", []Quad{bq(g, p, lit, nil)}, []Quad{bq(g, p, lit, g)}, false},
		{"rename", []Quad{bq(BlankNode("a"), p, lit, nil)}, []Quad{bq(BlankNode("z"), p, lit, nil)}, true},
		{"duplicates count once", []Quad{bq(g, p, lit, nil), bq(g, p, lit, nil)}, []Quad{bq(g, p, lit, nil)}, true},
		{"one vs two blanks",
			[]Quad{bq(BlankNode("a"), p, lit, nil), bq(BlankNode("a"), q, lit, nil)},
			[]Quad{bq(BlankNode("a"), p, lit, nil), bq(BlankNode("b"), q, lit, nil)}, false},
		{"blank graph name shared with subject",
			[]Quad{bq(BlankNode("a"), p, lit, BlankNode("a"))},
			[]Quad{bq(BlankNode("x"), p, lit, BlankNode("x"))}, true},
		{"blank graph name not shared",
			[]Quad{bq(BlankNode("a"), p, lit, BlankNode("a"))},
			[]Quad{bq(BlankNode("x"), p, lit, BlankNode("y"))}, false},
		{"one bijection across graphs",
			[]Quad{bq(BlankNode("a"), p, lit, nil), bq(BlankNode("a"), p, lit, g)},
			[]Quad{bq(BlankNode("a"), p, lit, nil), bq(BlankNode("b"), p, lit, g)}, false},
		// Two 3-cycles versus one 6-cycle: colour refinement alone cannot tell them apart.
		{"cycles", append(cycle("a", 3, p), cycle("b", 3, p)...), cycle("c", 6, p), false},
		{"cycles equal", append(cycle("a", 3, p), cycle("b", 3, p)...),
			append(cycle("x", 3, p), cycle("y", 3, p)...), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Isomorphic(c.a, c.b); got != c.want {
				t.Errorf("Isomorphic = %v, want %v\n%s", got, c.want, Diff(c.a, c.b))
			}
			if got := Isomorphic(c.b, c.a); got != c.want {
				t.Errorf("Isomorphic (swapped) = %v, want %v", got, c.want)
			}
		})
	}
}

// cycle returns a directed cycle of n blank nodes labelled prefix0..prefixN-1.
func cycle(prefix string, n int, p IRI) []Quad {
	var qs []Quad
	for i := 0; i < n; i++ {
		qs = append(qs, bq(BlankNode(fmt.Sprint(prefix, i)), p, BlankNode(fmt.Sprint(prefix, (i+1)%n)), nil))
	}
	return qs
}

func TestDiff(t *testing.T) {
	a := []Quad{bq(IRI("http://ex/s"), IRI("http://ex/p"), NewLiteral("1"), nil)}
	b := []Quad{bq(IRI("http://ex/s"), IRI("http://ex/p"), NewLiteral("2"), nil)}
	want := "- <http://ex/s> <http://ex/p> \"1\" .\n+ <http://ex/s> <http://ex/p> \"2\" ."
	if got := Diff(a, b); got != want {
		t.Errorf("Diff =\n%s\nwant\n%s", got, want)
	}
	if got := Diff(a, a); got != "" {
		t.Errorf("Diff of equal sets = %q", got)
	}
}

// BenchmarkIsomorphic measures a few thousand quads of symmetric blank structure (a long
// chain of lists), the worst realistic case for refinement.
func BenchmarkIsomorphic(b *testing.B) {
	p := IRI("http://ex/p")
	var x, y []Quad
	for i := 0; i < 1000; i++ {
		x = append(x, bq(BlankNode(fmt.Sprint("a", i)), p, BlankNode(fmt.Sprint("a", (i+1)%1000)), nil),
			bq(BlankNode(fmt.Sprint("a", i)), RDFFirst, NewLiteral(fmt.Sprint(i%7)), nil))
		y = append(y, bq(BlankNode(fmt.Sprint("b", 999-i)), p, BlankNode(fmt.Sprint("b", (999-i+1)%1000)), nil),
			bq(BlankNode(fmt.Sprint("b", 999-i)), RDFFirst, NewLiteral(fmt.Sprint((999-i)%7)), nil))
	}
	for b.Loop() {
		if !Isomorphic(x, y) {
			b.Fatal("not isomorphic")
		}
	}
}

// BenchmarkIsomorphic_List is a 2000-item RDF list of one repeated value: refinement needs
// many rounds to tell the cells apart by their distance from the end.
func BenchmarkIsomorphic_List(b *testing.B) {
	list := func(prefix string) []Quad {
		var qs []Quad
		for i := 0; i < 2000; i++ {
			cell := BlankNode(fmt.Sprint(prefix, i))
			var rest Term = RDFNil
			if i < 1999 {
				rest = BlankNode(fmt.Sprint(prefix, i+1))
			}
			qs = append(qs, bq(cell, RDFFirst, NewLiteral("same"), nil), bq(cell, RDFRest, rest, nil))
		}
		return qs
	}
	x, y := list("a"), list("b")
	for b.Loop() {
		if !Isomorphic(x, y) {
			b.Fatal("not isomorphic")
		}
	}
}

// TestIsomorphic_Random relabels and shuffles random graphs with many look-alike blank
// nodes (isomorphic), and moves one edge (usually not isomorphic: checked by brute force).
func TestIsomorphic_Random(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	preds := []IRI{"http://ex/p", "http://ex/q"}
	for iter := 0; iter < 300; iter++ {
		n := 1 + rng.IntN(7)
		var a []Quad
		for i := 0; i < 1+rng.IntN(12); i++ {
			var g Term
			if rng.IntN(4) == 0 {
				g = BlankNode(fmt.Sprint("n", rng.IntN(n)))
			}
			a = append(a, bq(BlankNode(fmt.Sprint("n", rng.IntN(n))), preds[rng.IntN(2)], BlankNode(fmt.Sprint("n", rng.IntN(n))), g))
		}
		perm := rng.Perm(n)
		relabel := func(t Term) Term {
			if b, ok := t.(BlankNode); ok {
				var i int
				fmt.Sscanf(string(b), "n%d", &i)
				return BlankNode(fmt.Sprint("m", perm[i]))
			}
			return t
		}
		var b []Quad
		for _, q := range a {
			b = append(b, Quad{relabel(q.Subject), q.Predicate, relabel(q.Object), relabel(q.Graph)})
		}
		rng.Shuffle(len(b), func(i, j int) { b[i], b[j] = b[j], b[i] })
		if !Isomorphic(a, b) {
			t.Fatalf("relabelled graph not isomorphic:\n%s\n---\n%s", Diff(a, nil), Diff(b, nil))
		}
		c := append([]Quad(nil), b...)
		k := rng.IntN(len(c))
		c[k].Object = BlankNode(fmt.Sprint("m", rng.IntN(n)))
		if got, want := Isomorphic(a, c), bruteIso(a, c); got != want {
			t.Fatalf("Isomorphic = %v, brute force = %v\n%s\n---\n%s", got, want, Diff(a, nil), Diff(c, nil))
		}
	}
}

// bruteIso tries every bijection of blank nodes (small inputs only).
func bruteIso(a, b []Quad) bool {
	x, y := newIsoSide(a), newIsoSide(b)
	if len(x.set) != len(y.set) || len(x.blanks) != len(y.blanks) {
		return false
	}
	n := len(x.blanks)
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	var try func(k int) bool
	try = func(k int) bool {
		if k == n {
			m := map[BlankNode]BlankNode{}
			for i, bn := range x.blanks {
				m[bn] = y.blanks[perm[i]]
			}
			sub := func(t Term) Term {
				if bn, ok := t.(BlankNode); ok {
					return m[bn]
				}
				return t
			}
			for q := range x.set {
				if _, ok := y.set[Quad{sub(q.Subject), q.Predicate, sub(q.Object), sub(q.Graph)}]; !ok {
					return false
				}
			}
			return true
		}
		for i := k; i < n; i++ {
			perm[k], perm[i] = perm[i], perm[k]
			if try(k + 1) {
				return true
			}
			perm[k], perm[i] = perm[i], perm[k]
		}
		return false
	}
	return try(0)
}
