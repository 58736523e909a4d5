package algebra

import "github.com/uitwisselingsplatform/uwp/rdf"

// Expr is an algebra expression. The interface is sealed; String prints SSE.
type Expr interface {
	String() string
	isExpr()
}

// ExprVar is a variable.
type ExprVar struct{ Var Var }

// ExprConst is an IRI or literal.
type ExprConst struct{ Term rdf.Term }

// ExprCall is an operator or built-in function. Name is the SSE name: the operator
// ("||", "&&", "=", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "!"; "+" and "-" with one
// argument are unary), "in" / "notin" (first argument is the tested value), or the built-in's
// name in lower case with Jena's capitals (str, lang, langMatches, sameTerm, isIRI, regex,
// bound, coalesce, if, bnode, ...).
type ExprCall struct {
	Name string
	Args []Expr
}

// ExprFunc is a call of a function named by an IRI (including XSD casts).
type ExprFunc struct {
	IRI  rdf.IRI
	Args []Expr
}

// ExprExists is EXISTS (or with Not, NOT EXISTS) of a pattern
// (https://www.w3.org/TR/sparql11-query/#defn_evalExists).
type ExprExists struct {
	Not bool
	Op  Op
}

// ExprAgg is an aggregate (https://www.w3.org/TR/sparql11-query/#aggregates). Name is lower
// case (count, sum, min, max, avg, sample, group_concat). Arg is nil for COUNT(*). Separator
// is nil unless given.
type ExprAgg struct {
	Name      string
	Distinct  bool
	Arg       Expr
	Separator *string
}

func (*ExprVar) isExpr()    {}
func (*ExprConst) isExpr()  {}
func (*ExprCall) isExpr()   {}
func (*ExprFunc) isExpr()   {}
func (*ExprExists) isExpr() {}
func (*ExprAgg) isExpr()    {}

// Conjuncts returns the operands of the nests of && in xs, from left to right (an
// expression that is not a && b stands for itself). A FILTER of a && b keeps the solutions
// both a and b keep (https://www.w3.org/TR/sparql11-query/#evaluation), so the parts may be
// tested apart.
func Conjuncts(xs ...Expr) []Expr {
	var out []Expr
	for _, x := range xs {
		out = appendConjuncts(out, x)
	}
	return out
}

func appendConjuncts(out []Expr, x Expr) []Expr {
	if c, ok := x.(*ExprCall); ok && c.Name == "&&" && len(c.Args) == 2 {
		return appendConjuncts(appendConjuncts(out, c.Args[0]), c.Args[1])
	}
	return append(out, x)
}
