package syntax

import "github.com/uitwisselingsplatform/uwp/rdf"

// Expr is an expression (https://www.w3.org/TR/sparql11-query/#expressions). The interface is
// sealed: *VarExpr, *TermExpr, *Unary, *Binary, *In, *Call, *FuncCall, *Aggregate, *Exists.
type Expr interface {
	// Position returns the position of the expression's first token.
	Position() Pos
	// String prints the expression in SPARQL syntax.
	String() string
	isExpr()
}

// VarExpr is a variable used as an expression.
type VarExpr struct {
	Pos Pos
	Var Var
}

// TermExpr is an IRI or literal constant.
type TermExpr struct {
	Pos  Pos
	Term rdf.Term
}

// Unary is !X, +X or -X; Op is "!", "+" or "-".
type Unary struct {
	Pos Pos
	Op  string
	X   Expr
}

// Binary is X op Y with Op one of || && = != < > <= >= + - * /.
type Binary struct {
	Pos  Pos
	Op   string
	X, Y Expr
}

// In is X IN (list) or, with Not, X NOT IN (list).
type In struct {
	Pos  Pos
	Not  bool
	X    Expr
	List []Expr
}

// Call is a built-in function call. Name is the upper-case keyword (STR, REGEX, BOUND,
// COALESCE, IF, ...). BNODE() and the other nullary forms have no Args.
type Call struct {
	Pos  Pos
	Name string
	Args []Expr
}

// FuncCall is a call of a function named by an IRI (an extension function or an XSD cast such
// as xsd:integer(?x)). Distinct is set for custom aggregates written with DISTINCT.
type FuncCall struct {
	Pos      Pos
	IRI      rdf.IRI
	Distinct bool
	Args     []Expr
}

// Aggregate is COUNT, SUM, MIN, MAX, AVG, SAMPLE or GROUP_CONCAT (Name, upper case). Arg is
// nil for COUNT(*). Separator is set only for GROUP_CONCAT with an explicit SEPARATOR.
type Aggregate struct {
	Pos       Pos
	Name      string
	Distinct  bool
	Arg       Expr
	Separator *string
}

// Exists is EXISTS { ... } or, with Not, NOT EXISTS { ... }.
type Exists struct {
	Pos     Pos
	Not     bool
	Pattern *Group
}

func (e *VarExpr) Position() Pos   { return e.Pos }
func (e *TermExpr) Position() Pos  { return e.Pos }
func (e *Unary) Position() Pos     { return e.Pos }
func (e *Binary) Position() Pos    { return e.Pos }
func (e *In) Position() Pos        { return e.Pos }
func (e *Call) Position() Pos      { return e.Pos }
func (e *FuncCall) Position() Pos  { return e.Pos }
func (e *Aggregate) Position() Pos { return e.Pos }
func (e *Exists) Position() Pos    { return e.Pos }

func (*VarExpr) isExpr()   {}
func (*TermExpr) isExpr()  {}
func (*Unary) isExpr()     {}
func (*Binary) isExpr()    {}
func (*In) isExpr()        {}
func (*Call) isExpr()      {}
func (*FuncCall) isExpr()  {}
func (*Aggregate) isExpr() {}
func (*Exists) isExpr()    {}
