package algebra

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// Op is an algebra operator. The interface is sealed; String prints SSE.
type Op interface {
	String() string
	isOp()
}

// Var is a variable; see the package doc for the names the translation invents.
type Var = syntax.Var

// Node is a variable or a term in a triple pattern.
type Node = syntax.Node

// Triple is a triple pattern of a BGP.
type Triple struct {
	S, P, O Node
}

// BGP is a basic graph pattern (https://www.w3.org/TR/sparql11-query/#BasicGraphPatterns).
// An empty BGP matches once with no bindings.
type BGP struct {
	Triples []Triple
}

// Path is a property path pattern that is not a plain triple
// (https://www.w3.org/TR/sparql11-query/#sparqlPropertyPaths). Path is one of
// *syntax.PathAlt, *syntax.PathMod, *syntax.PathNegated (forward members only),
// *syntax.PathInverse or *syntax.PathSeq inside such, or *syntax.PathLink inside such.
type Path struct {
	S    Node
	Path syntax.Path
	O    Node
}

// Join implements https://www.w3.org/TR/sparql11-query/#defn_algJoin.
type Join struct {
	Left, Right Op
}

// LeftJoin implements https://www.w3.org/TR/sparql11-query/#defn_algLeftJoin. Expr is nil
// for a plain OPTIONAL (the filter true).
type LeftJoin struct {
	Left, Right Op
	Expr        Expr
}

// Filter implements https://www.w3.org/TR/sparql11-query/#defn_algFilter: the conjunction of
// Exprs.
type Filter struct {
	Exprs []Expr
	Op    Op
}

// Union implements https://www.w3.org/TR/sparql11-query/#defn_algUnion.
type Union struct {
	Left, Right Op
}

// Graph evaluates Op against the named graph Name (an IRI or a variable).
type Graph struct {
	Name Node
	Op   Op
}

// Extend implements https://www.w3.org/TR/sparql11-query/#defn_extend.
type Extend struct {
	Op   Op
	Var  Var
	Expr Expr
}

// Minus implements https://www.w3.org/TR/sparql11-query/#defn_algMinus.
type Minus struct {
	Left, Right Op
}

// Table is inline data (VALUES). Rows hold one term per variable; nil is UNDEF. The join
// identity ("table unit") has no variables and one empty row.
type Table struct {
	Vars []Var
	Rows [][]rdf.Term
}

// Unit returns the join identity: one solution with no bindings.
func Unit() *Table { return &Table{Rows: [][]rdf.Term{{}}} }

// IsUnit reports whether t is the join identity.
func (t *Table) IsUnit() bool { return len(t.Vars) == 0 && len(t.Rows) == 1 }

// Service is SERVICE [SILENT] name { Op } (https://www.w3.org/TR/sparql11-federated-query/).
// Pattern is the group as written, for an evaluator that sends it to the endpoint as text.
type Service struct {
	Name    Node
	Silent  bool
	Op      Op
	Pattern *syntax.Group
}

// GroupKey is one grouping expression: Var is the variable it binds ("" for an expression
// written without AS); a plain GROUP BY ?x has Var x and Expr ?x.
type GroupKey struct {
	Var  Var
	Expr Expr
}

// AggBinding binds the result of an aggregate to a variable (.0, .1, ...).
type AggBinding struct {
	Var Var
	Agg *ExprAgg
}

// Group implements Group and Aggregation
// (https://www.w3.org/TR/sparql11-query/#defn_algGroup, #defn_algAggregation). With no Keys
// the whole input is one group (which exists even when the input is empty).
type Group struct {
	Keys []GroupKey
	Aggs []AggBinding
	Op   Op
}

// OrderCond is one ORDER BY key.
type OrderCond struct {
	Expr Expr
	Desc bool
}

// OrderBy implements https://www.w3.org/TR/sparql11-query/#defn_algOrdered.
type OrderBy struct {
	Conds []OrderCond
	Op    Op
}

// Project implements https://www.w3.org/TR/sparql11-query/#defn_algProjection.
type Project struct {
	Vars []Var
	Op   Op
}

// Distinct implements https://www.w3.org/TR/sparql11-query/#defn_algDistinct.
type Distinct struct{ Op Op }

// Reduced implements https://www.w3.org/TR/sparql11-query/#defn_algReduced.
type Reduced struct{ Op Op }

// Slice implements https://www.w3.org/TR/sparql11-query/#defn_algSlice. Limit is -1 for no
// limit.
type Slice struct {
	Offset, Limit int64
	Op            Op
}

func (*BGP) isOp()      {}
func (*Path) isOp()     {}
func (*Join) isOp()     {}
func (*LeftJoin) isOp() {}
func (*Filter) isOp()   {}
func (*Union) isOp()    {}
func (*Graph) isOp()    {}
func (*Extend) isOp()   {}
func (*Minus) isOp()    {}
func (*Table) isOp()    {}
func (*Service) isOp()  {}
func (*Group) isOp()    {}
func (*OrderBy) isOp()  {}
func (*Project) isOp()  {}
func (*Distinct) isOp() {}
func (*Reduced) isOp()  {}
func (*Slice) isOp()    {}

// IsInternal reports whether v is a variable the translation invented (a pattern blank node,
// a path step or an aggregate result) rather than one the query names. Such variables are
// never projected by SELECT * and must not reach results.
func IsInternal(v Var) bool { return len(v) > 0 && (v[0] == '?' || v[0] == '.') }
