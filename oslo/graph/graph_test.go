package graph_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

const ex = "http://example.org/"

func iri(s string) rdf.IRI { return rdf.IRI(ex + s) }

func load(tb testing.TB, g *graph.Graph, src string) {
	tb.Helper()
	src = "@prefix : <http://example.org/> .\n" + src
	if _, err := g.Load(turtle.NewReader(strings.NewReader(src), rdf.ReadOptions{})); err != nil {
		tb.Fatal(err)
	}
}

func TestGraph_AddIsASet(t *testing.T) {
	g := graph.New()
	if !g.Add(iri("s"), iri("p"), iri("o")) || g.Add(iri("s"), iri("p"), iri("o")) {
		t.Error("Add reports newness wrongly")
	}
	if g.Len() != 1 || !g.Has(iri("s"), iri("p"), iri("o")) || g.Has(iri("o"), iri("p"), iri("s")) {
		t.Error("Len/Has")
	}
	if g.AddQuad(rdf.Quad{Subject: iri("s"), Predicate: rdf.BlankNode("x"), Object: iri("o")}) {
		t.Error("a blank predicate was added")
	}
}

func TestGraph_Indexes(t *testing.T) {
	g := graph.New()
	load(t, g, `:a :p :x, :y ; :q "1" . :b :p :x .`)
	if got := g.Objects(iri("a"), iri("p")); len(got) != 2 || got[0] != iri("x") || got[1] != iri("y") {
		t.Errorf("Objects = %v", got)
	}
	if got := g.Subjects(iri("p"), iri("x")); len(got) != 2 || got[0] != iri("a") || got[1] != iri("b") {
		t.Errorf("Subjects = %v", got)
	}
	if got := g.Predicates(iri("a")); len(got) != 2 || got[0] != iri("p") || got[1] != iri("q") {
		t.Errorf("Predicates = %v", got)
	}
	if g.Object(iri("a"), iri("q")) != rdf.NewLiteral("1") || g.Object(iri("a"), iri("zz")) != nil {
		t.Error("Object")
	}
	n := 0
	g.WithPredicate(iri("p"), func(graph.Triple) bool { n++; return true })
	if n != 3 {
		t.Errorf("WithPredicate saw %d", n)
	}
	if s := g.AllSubjects(); len(s) != 2 || !g.IsSubject(iri("b")) || g.IsSubject(iri("x")) || !g.Mentions(iri("x")) {
		t.Errorf("AllSubjects = %v", s)
	}
}

func TestGraph_LoadRenamesBlankNodes(t *testing.T) {
	g := graph.New()
	load(t, g, `_:x :p 1 .`)
	load(t, g, `_:x :p 1 .`)
	if g.Len() != 2 {
		t.Errorf("two documents' _:x merged: %d triples", g.Len())
	}
}

func TestGraph_List(t *testing.T) {
	g := graph.New()
	load(t, g, `:s :l (1 2 3) ; :e () ; :bad [ <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> 1 ] .`)
	l, err := g.List(g.Object(iri("s"), iri("l")))
	if err != nil || len(l) != 3 {
		t.Errorf("List = %v, %v", l, err)
	}
	if l, err := g.List(g.Object(iri("s"), iri("e"))); err != nil || len(l) != 0 {
		t.Errorf("empty list = %v, %v", l, err)
	}
	if _, err := g.List(g.Object(iri("s"), iri("bad"))); !errors.Is(err, graph.ErrBadList) {
		t.Errorf("bad list: %v", err)
	}
	c := graph.New()
	c.Add(iri("c"), rdf.RDFFirst, iri("x"))
	c.Add(iri("c"), rdf.RDFRest, iri("c"))
	if _, err := c.List(iri("c")); !errors.Is(err, graph.ErrBadList) {
		t.Errorf("cyclic list: %v", err)
	}
}
