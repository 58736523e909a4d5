package syntax

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Pos is a position in the source text. Line and Col count from 1; Col counts runes.
// Offset is the byte offset. The zero Pos means "no position" (nodes made by expansion
// carry the position of the construct they came from).
type Pos struct {
	Offset    int
	Line, Col int
}

// String returns line:col.
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// IsValid reports whether the position was set.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Var is a query variable, named without its leading ? or $.
type Var string

// String returns ?name.
func (v Var) String() string { return "?" + string(v) }

// Node is one position of a triple pattern or template: a variable (Term == nil) or an RDF
// term. Node is comparable.
type Node struct {
	Var  Var
	Term rdf.Term
}

// VarNode returns the Node of a variable.
func VarNode(v Var) Node { return Node{Var: v} }

// TermNode returns the Node of a term.
func TermNode(t rdf.Term) Node { return Node{Term: t} }

// IsVar reports whether n is a variable.
func (n Node) IsVar() bool { return n.Term == nil }

// IsBlank reports whether n is a blank node.
func (n Node) IsBlank() bool {
	_, ok := n.Term.(rdf.BlankNode)
	return ok
}

// String returns ?v or the SPARQL form of the term.
func (n Node) String() string {
	if n.Term == nil {
		return n.Var.String()
	}
	return FormatTerm(n.Term)
}

// TriplePattern is one triple of a pattern or template. When Path is non-nil the predicate
// is a property path that is not a single IRI and P is the zero Node; otherwise P is the
// predicate (an IRI or a variable).
type TriplePattern struct {
	Pos     Pos
	S, P, O Node
	Path    Path
}

// Quad is a triple of a template or data block with its graph: Graph is the zero Node for the
// default graph (or the graph named by WITH).
type Quad struct {
	TriplePattern
	Graph Node
}

// HasGraph reports whether the quad sits inside GRAPH.
func (q Quad) HasGraph() bool { return q.Graph != Node{} }
