package rdf

import (
	"fmt"
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
