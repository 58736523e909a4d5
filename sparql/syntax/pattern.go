package syntax

// Pattern is an element of a group graph pattern
// (https://www.w3.org/TR/sparql11-query/#GraphPattern). The interface is sealed.
type Pattern interface {
	// Position returns the position of the element's first token.
	Position() Pos
	isPattern()
}

// Group is { ... }: its elements in source order.
type Group struct {
	Pos      Pos
	Elements []Pattern
}

// Triples is a block of consecutive triple patterns (a basic graph pattern, possibly with
// property paths). FILTERs between triples do not end a block.
type Triples struct {
	Pos     Pos
	Triples []TriplePattern
}

// Union is G1 UNION G2 UNION ... (at least two groups).
type Union struct {
	Pos    Pos
	Groups []*Group
}

// Optional is OPTIONAL { ... }.
type Optional struct {
	Pos   Pos
	Group *Group
}

// Minus is MINUS { ... }.
type Minus struct {
	Pos   Pos
	Group *Group
}

// GraphPattern is GRAPH VarOrIri { ... }.
type GraphPattern struct {
	Pos   Pos
	Name  Node
	Group *Group
}

// Service is SERVICE [SILENT] VarOrIri { ... }.
type Service struct {
	Pos    Pos
	Silent bool
	Name   Node
	Group  *Group
}

// Filter is FILTER constraint. Its scope is the whole enclosing group.
type Filter struct {
	Pos  Pos
	Expr Expr
}

// Bind is BIND(expr AS ?var).
type Bind struct {
	Pos  Pos
	Expr Expr
	Var  Var
}

// Values is an inline data block (VALUES inside a pattern or after a query). Each row has one
// entry per variable; a nil entry is UNDEF.
type Values struct {
	Pos  Pos
	Vars []Var
	Rows [][]Node
}

// SubSelect is a nested SELECT query; only its Select, Where, modifiers and Values are set.
type SubSelect struct {
	Pos   Pos
	Query *Query
}

func (p *Group) Position() Pos        { return p.Pos }
func (p *Triples) Position() Pos      { return p.Pos }
func (p *Union) Position() Pos        { return p.Pos }
func (p *Optional) Position() Pos     { return p.Pos }
func (p *Minus) Position() Pos        { return p.Pos }
func (p *GraphPattern) Position() Pos { return p.Pos }
func (p *Service) Position() Pos      { return p.Pos }
func (p *Filter) Position() Pos       { return p.Pos }
func (p *Bind) Position() Pos         { return p.Pos }
func (p *Values) Position() Pos       { return p.Pos }
func (p *SubSelect) Position() Pos    { return p.Pos }

func (*Group) isPattern()        {}
func (*Triples) isPattern()      {}
func (*Union) isPattern()        {}
func (*Optional) isPattern()     {}
func (*Minus) isPattern()        {}
func (*GraphPattern) isPattern() {}
func (*Service) isPattern()      {}
func (*Filter) isPattern()       {}
func (*Bind) isPattern()         {}
func (*Values) isPattern()       {}
func (*SubSelect) isPattern()    {}
