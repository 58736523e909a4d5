package syntax

import (
	"fmt"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func TestInScope(t *testing.T) {
	inner := &Group{Elements: []Pattern{&Triples{Triples: []TriplePattern{{S: VarNode("a"), P: TermNode(rdf.RDFType), O: VarNode("b")}}}}}
	sub := &Query{Form: Select, Projection: []Projection{{Var: "p"}}, Where: inner, Limit: -1}
	g := &Group{Elements: []Pattern{
		&Triples{Triples: []TriplePattern{{S: VarNode("s"), Path: &PathLink{IRI: "http://x"}, O: TermNode(rdf.BlankNode("b1"))}}},
		&Optional{Group: inner},
		&Minus{Group: &Group{Elements: []Pattern{&Bind{Var: "m", Expr: &VarExpr{Var: "q"}}}}},
		&Filter{Expr: &VarExpr{Var: "f"}},
		&Bind{Var: "x", Expr: &VarExpr{Var: "s"}},
		&Values{Vars: []Var{"v"}},
		&SubSelect{Query: sub},
		&GraphPattern{Name: VarNode("g"), Group: &Group{}},
	}}
	vs := InScope(g)
	got := fmt.Sprint(len(vs), vs["s"], vs["a"], vs["b"], vs["x"], vs["v"], vs["p"], vs["g"], vs["m"], vs["f"], vs["q"])
	if got != "7 true true true true true true true false false false" {
		t.Errorf("InScope = %v", vs)
	}
	sel := &Query{Form: Select, Star: true, Where: g, Limit: -1}
	if got := fmt.Sprint(sel.ProjectedVars()); got != "[?s ?a ?b ?x ?v ?p ?g]" {
		t.Errorf("ProjectedVars = %s", got)
	}
}

func TestFormatTerm(t *testing.T) {
	for _, c := range []struct {
		t    rdf.Term
		want string
	}{
		{rdf.IRI("http://x/a b"), `<http://x/a\u0020b>`},
		{rdf.BlankNode("bx"), "_:x"},
		{rdf.BlankNode("g7"), "_:_g7"},
		{rdf.NewLangLiteral("a\"b", "en"), `"a\"b"@en`},
		{rdf.NewTypedLiteral("1", rdf.XSDInteger), `"1"^^<http://www.w3.org/2001/XMLSchema#integer>`},
		{nil, "UNDEF"},
	} {
		if got := FormatTerm(c.t); got != c.want {
			t.Errorf("FormatTerm(%#v) = %s, want %s", c.t, got, c.want)
		}
	}
}

func TestIsAggregate(t *testing.T) {
	agg := &Aggregate{Name: "COUNT"}
	for _, c := range []struct {
		q    Query
		want bool
	}{
		{Query{}, false},
		{Query{GroupBy: []GroupCondition{{Expr: &VarExpr{Var: "x"}}}}, true},
		{Query{Projection: []Projection{{Var: "c", Expr: &Binary{Op: "+", X: agg, Y: &TermExpr{Term: rdf.NewLiteral("1")}}}}}, true},
		{Query{OrderBy: []OrderCondition{{Expr: &Call{Name: "STR", Args: []Expr{agg}}}}}, true},
		{Query{Projection: []Projection{{Var: "c", Expr: &Exists{Pattern: &Group{}}}}}, false},
	} {
		if got := c.q.IsAggregate(); got != c.want {
			t.Errorf("IsAggregate(%+v) = %v", c.q, got)
		}
	}
}
