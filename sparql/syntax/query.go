package syntax

import "github.com/uitwisselingsplatform/uwp/rdf"

// Form is the query form.
type Form uint8

// The query forms.
const (
	Select Form = iota + 1
	Construct
	Ask
	Describe
)

func (f Form) String() string {
	switch f {
	case Select:
		return "SELECT"
	case Construct:
		return "CONSTRUCT"
	case Ask:
		return "ASK"
	case Describe:
		return "DESCRIBE"
	}
	return "Form(?)"
}

// Prefix is one PREFIX declaration.
type Prefix struct {
	Pos    Pos
	Prefix string // without the colon
	IRI    rdf.IRI
}

// Prologue is the BASE and PREFIX declarations. Base is the base IRI in effect at the end
// of the prologue (the one given in parser.Options when there is no BASE).
type Prologue struct {
	Base     string
	Prefixes []Prefix
}

// Projection is one item of a SELECT clause: a variable, or (Expr AS Var) when Expr != nil.
type Projection struct {
	Pos  Pos
	Var  Var
	Expr Expr
}

// Dataset is one FROM or FROM NAMED clause.
type Dataset struct {
	Pos   Pos
	Named bool
	IRI   rdf.IRI
}

// GroupCondition is one GROUP BY item: Expr, optionally renamed with AS Var (Var == "" when
// not). A plain variable is a *VarExpr.
type GroupCondition struct {
	Pos  Pos
	Expr Expr
	Var  Var
}

// OrderCondition is one ORDER BY item.
type OrderCondition struct {
	Pos  Pos
	Desc bool
	Expr Expr
}

// Query is a parsed SPARQL query (or, for a SubSelect, the nested SELECT).
type Query struct {
	Pos Pos
	Prologue
	Form Form

	// SELECT: Distinct/Reduced, Star for SELECT *, otherwise Projection.
	Distinct, Reduced bool
	Star              bool
	Projection        []Projection

	// CONSTRUCT: the template; for CONSTRUCT WHERE { T } the template is T.
	Template []TriplePattern
	// DESCRIBE: the resources (variables or IRIs); Star for DESCRIBE *.
	Describe []Node

	Dataset []Dataset
	// Where is the WHERE pattern; nil only for a DESCRIBE without WHERE.
	Where *Group

	GroupBy []GroupCondition
	Having  []Expr
	OrderBy []OrderCondition
	// Limit is -1 when absent; Offset is 0 when absent.
	Limit, Offset int64

	// Values is the trailing VALUES block, or nil.
	Values *Values
}

// IsAggregate reports whether the query groups: it has GROUP BY, HAVING, or an aggregate in its
// SELECT, HAVING or ORDER BY expressions.
func (q *Query) IsAggregate() bool {
	if len(q.GroupBy) > 0 || len(q.Having) > 0 {
		return true
	}
	for _, p := range q.Projection {
		if p.Expr != nil && HasAggregate(p.Expr) {
			return true
		}
	}
	for _, o := range q.OrderBy {
		if HasAggregate(o.Expr) {
			return true
		}
	}
	return false
}

// HasAggregate reports whether e contains an aggregate (not looking inside EXISTS).
func HasAggregate(e Expr) bool {
	found := false
	WalkExpr(e, func(x Expr) bool {
		if _, ok := x.(*Aggregate); ok {
			found = true
		}
		return !found
	})
	return found
}

// WalkExpr calls f on e and then, while f returns true, on its sub-expressions in order. It
// does not enter EXISTS patterns.
func WalkExpr(e Expr, f func(Expr) bool) {
	if e == nil || !f(e) {
		return
	}
	switch e := e.(type) {
	case *VarExpr, *TermExpr, *Exists:
	case *Unary:
		WalkExpr(e.X, f)
	case *Binary:
		WalkExpr(e.X, f)
		WalkExpr(e.Y, f)
	case *In:
		WalkExpr(e.X, f)
		for _, a := range e.List {
			WalkExpr(a, f)
		}
	case *Call:
		for _, a := range e.Args {
			WalkExpr(a, f)
		}
	case *FuncCall:
		for _, a := range e.Args {
			WalkExpr(a, f)
		}
	case *Aggregate:
		WalkExpr(e.Arg, f)
	default:
		panic("unreachable: " + e.String())
	}
}

// InScope returns the variables in scope of a group pattern as section 18.2.1 defines them
// (https://www.w3.org/TR/sparql11-query/#variableScope).
func InScope(g *Group) map[Var]bool {
	vs := map[Var]bool{}
	AddInScope(vs, g)
	return vs
}

// AddInScope adds to vs the variables in scope of the pattern p.
func AddInScope(vs map[Var]bool, p Pattern) { addInScope(vs, nil, p) }

// addInScope adds to vs the variables in scope of p and, when order is not nil, appends
// those not in vs before to *order, in order of first appearance.
func addInScope(vs map[Var]bool, order *[]Var, p Pattern) {
	add := func(v Var) {
		if !vs[v] {
			vs[v] = true
			if order != nil {
				*order = append(*order, v)
			}
		}
	}
	node := func(n Node) {
		if n.IsVar() && n.Var != "" {
			add(n.Var)
		}
	}
	switch p := p.(type) {
	case *Group:
		for _, e := range p.Elements {
			addInScope(vs, order, e)
		}
	case *Triples:
		for _, t := range p.Triples {
			node(t.S)
			if t.Path == nil {
				node(t.P)
			}
			node(t.O)
		}
	case *Union:
		for _, g := range p.Groups {
			addInScope(vs, order, g)
		}
	case *Optional:
		addInScope(vs, order, p.Group)
	case *Minus, *Filter:
	case *GraphPattern:
		node(p.Name)
		addInScope(vs, order, p.Group)
	case *Service:
		node(p.Name)
		addInScope(vs, order, p.Group)
	case *Bind:
		add(p.Var)
	case *Values:
		for _, v := range p.Vars {
			add(v)
		}
	case *SubSelect:
		for _, v := range p.Query.ProjectedVars() {
			add(v)
		}
	default:
		panic("unreachable: pattern type")
	}
}

// ProjectedVars returns the variables a SELECT query returns, in order: the projection, or for
// SELECT * the variables in scope of the WHERE pattern in order of first appearance.
func (q *Query) ProjectedVars() []Var {
	if !q.Star {
		vs := make([]Var, len(q.Projection))
		for i, p := range q.Projection {
			vs[i] = p.Var
		}
		return vs
	}
	var order []Var
	seen := map[Var]bool{}
	if q.Where != nil {
		addInScope(seen, &order, q.Where)
	}
	if q.Values != nil {
		for _, v := range q.Values.Vars {
			if !seen[v] {
				seen[v] = true
				order = append(order, v)
			}
		}
	}
	return order
}
