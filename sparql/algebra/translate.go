package algebra

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// Translate turns a parsed query into its algebra expression
// (https://www.w3.org/TR/sparql11-query/#sparqlQuery). SELECT queries end in Project; the
// other forms keep all variables (their template or description is in the syntax.Query).
func Translate(q *syntax.Query) (op Op, err error) {
	t := &translator{}
	defer t.recover(&err)
	return t.query(q), nil
}

// TranslatePattern translates a group graph pattern alone, as the WHERE part of an update
// operation or an EXISTS pattern.
func TranslatePattern(g *syntax.Group) (op Op, err error) {
	t := &translator{}
	defer t.recover(&err)
	return t.group(g), nil
}

type translator struct {
	nvars int // fresh path variables ?P0, ?P1, ...
	naggs int // aggregate variables .0, .1, ...
}

type failure struct{ err error }

func (t *translator) fail(format string, args ...any) {
	panic(failure{fmt.Errorf("%w: "+format, append([]any{ErrTranslate}, args...)...)})
}

func (t *translator) recover(err *error) {
	if r := recover(); r != nil {
		f, ok := r.(failure)
		if !ok {
			panic(r)
		}
		*err = f.err
	}
}

// query implements 18.2.4 and 18.2.5: grouping and aggregation, HAVING, VALUES, SELECT
// expressions, ORDER BY, projection, DISTINCT, REDUCED and slicing.
func (t *translator) query(q *syntax.Query) Op {
	var op Op
	if q.Where != nil {
		op = t.group(q.Where)
	} else {
		op = Unit()
	}
	aggs := &aggRenamer{t: t}
	var having []Expr
	var projExprs []Expr
	var order []OrderCond
	for _, p := range q.Projection {
		if p.Expr != nil {
			projExprs = append(projExprs, aggs.expr(p.Expr))
		} else {
			projExprs = append(projExprs, nil)
		}
	}
	for _, h := range q.Having {
		having = append(having, aggs.expr(h))
	}
	for _, o := range q.OrderBy {
		order = append(order, OrderCond{Expr: aggs.expr(o.Expr), Desc: o.Desc})
	}
	if q.IsAggregate() {
		// https://www.w3.org/TR/sparql11-query/#sparqlGroupAggregate
		g := &Group{Op: op, Aggs: aggs.list}
		for _, k := range q.GroupBy {
			e := t.expr(k.Expr)
			v := k.Var
			if x, ok := e.(*ExprVar); ok && v == "" {
				v = x.Var
			}
			g.Keys = append(g.Keys, GroupKey{Var: v, Expr: e})
		}
		op = g
		if len(having) > 0 {
			op = &Filter{Exprs: having, Op: op}
		}
	}
	if q.Values != nil {
		op = join(op, t.values(q.Values))
	}
	for i, p := range q.Projection {
		if projExprs[i] != nil {
			op = &Extend{Op: op, Var: p.Var, Expr: projExprs[i]}
		}
	}
	if len(order) > 0 {
		op = &OrderBy{Conds: order, Op: op}
	}
	switch q.Form {
	case syntax.Select:
		op = &Project{Vars: q.ProjectedVars(), Op: op}
	case syntax.Describe:
		var vs []Var
		for _, n := range q.Describe {
			if n.IsVar() {
				vs = append(vs, n.Var)
			}
		}
		if len(q.Describe) == 0 {
			vs = q.ProjectedVars()
		}
		op = &Project{Vars: vs, Op: op}
	}
	if q.Distinct {
		op = &Distinct{Op: op}
	} else if q.Reduced {
		op = &Reduced{Op: op}
	}
	if q.Limit >= 0 || q.Offset > 0 {
		op = &Slice{Offset: q.Offset, Limit: q.Limit, Op: op}
	}
	return op
}

// join is Join with the simplification Join(Z, A) = A of 18.2.2.8, where Z (table unit) is
// the empty group.
func join(l, r Op) Op {
	if l == nil {
		return r
	}
	if u, ok := l.(*Table); ok && u.IsUnit() {
		return r
	}
	if u, ok := r.(*Table); ok && u.IsUnit() {
		return l
	}
	return &Join{Left: l, Right: r}
}

// group implements Translate(GroupGraphPattern) of 18.2.2.6, with the filters of the group
// applied to the whole group (18.2.2.7).
func (t *translator) group(g *syntax.Group) Op {
	var filters []Expr
	var op Op
	zero := func() Op {
		if op == nil {
			return Unit()
		}
		return op
	}
	for _, e := range g.Elements {
		switch e := e.(type) {
		case *syntax.Triples:
			op = join(op, t.triples(e.Triples))
		case *syntax.Optional:
			a := t.group(e.Group)
			// Only the group's own filters become the LeftJoin's expression: a filter of a
			// nested group is Join(Z, Filter(..)) before 18.2.2.8 simplifies it, and stays
			// inside (dawg-optional-filter-005-not-simplified).
			if f, ok := a.(*Filter); ok && hasOwnFilter(e.Group) {
				op = &LeftJoin{Left: zero(), Right: f.Op, Expr: conj(f.Exprs)}
			} else {
				op = &LeftJoin{Left: zero(), Right: a}
			}
		case *syntax.Minus:
			op = &Minus{Left: zero(), Right: t.group(e.Group)}
		case *syntax.Bind:
			op = &Extend{Op: zero(), Var: e.Var, Expr: t.expr(e.Expr)}
		case *syntax.Filter:
			filters = append(filters, t.expr(e.Expr))
		case *syntax.Group:
			op = join(op, t.group(e))
		case *syntax.Union:
			var u Op
			for _, g := range e.Groups {
				a := t.group(g)
				if u == nil {
					u = a
				} else {
					u = &Union{Left: u, Right: a}
				}
			}
			op = join(op, u)
		case *syntax.GraphPattern:
			op = join(op, &Graph{Name: e.Name, Op: t.group(e.Group)})
		case *syntax.Service:
			op = join(op, &Service{Name: e.Name, Silent: e.Silent, Op: t.group(e.Group), Pattern: e.Group})
		case *syntax.Values:
			op = join(op, t.values(e))
		case *syntax.SubSelect:
			op = join(op, t.query(e.Query))
		default:
			panic(fmt.Sprintf("unreachable: %T", e))
		}
	}
	op = zero()
	if len(filters) > 0 {
		op = &Filter{Exprs: filters, Op: op}
	}
	return op
}

func hasOwnFilter(g *syntax.Group) bool {
	for _, e := range g.Elements {
		if _, ok := e.(*syntax.Filter); ok {
			return true
		}
	}
	return false
}

func conj(es []Expr) Expr {
	x := es[0]
	for _, e := range es[1:] {
		x = &ExprCall{Name: "&&", Args: []Expr{x, e}}
	}
	return x
}

func (t *translator) values(v *syntax.Values) *Table {
	tb := &Table{Vars: v.Vars}
	for _, r := range v.Rows {
		row := make([]rdf.Term, len(r))
		for i, n := range r {
			row[i] = n.Term
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// node turns a pattern blank node into a variable (blank nodes in patterns behave as
// variables, https://www.w3.org/TR/sparql11-query/#BGPsparqlBNodes).
func node(n Node) Node {
	if b, ok := n.Term.(rdf.BlankNode); ok {
		return syntax.VarNode(Var("?" + string(b)))
	}
	return n
}

// triples translates a triples block: plain triples gather into BGPs, and property paths are
// rewritten as 18.2.2.4 says (sequences and inverses of links become triples with fresh
// variables; the rest become Path operators).
func (t *translator) triples(ts []syntax.TriplePattern) Op {
	var op Op
	var bgp *BGP
	emit := func(s Node, p syntax.Path, o Node) {}
	var add func(s Node, p syntax.Path, o Node)
	add = func(s Node, p syntax.Path, o Node) {
		switch x := p.(type) {
		case *syntax.PathLink:
			if bgp == nil {
				bgp = &BGP{}
				op = join(op, bgp)
			}
			bgp.Triples = append(bgp.Triples, Triple{S: s, P: syntax.TermNode(x.IRI), O: o})
			return
		case *syntax.PathInverse:
			add(o, x.Path, s)
			return
		case *syntax.PathSeq:
			cur := s
			for i, part := range x.Parts {
				next := o
				if i < len(x.Parts)-1 {
					next = syntax.VarNode(Var("?P" + strconv.Itoa(t.nvars)))
					t.nvars++
				}
				add(cur, part, next)
				cur = next
			}
			return
		case *syntax.PathNegated:
			// !(a|^b) = alt(!(a), ^!(b)): https://www.w3.org/TR/sparql11-query/#sparqlTranslatePathExpressions
			if len(x.Inverse) > 0 {
				inv := &syntax.PathInverse{Pos: x.Pos, Path: &syntax.PathNegated{Pos: x.Pos, Forward: x.Inverse}}
				if len(x.Forward) == 0 {
					emit(s, inv, o)
				} else {
					emit(s, &syntax.PathAlt{Pos: x.Pos, Parts: []syntax.Path{&syntax.PathNegated{Pos: x.Pos, Forward: x.Forward}, inv}}, o)
				}
				return
			}
		}
		emit(s, p, o)
	}
	emit = func(s Node, p syntax.Path, o Node) {
		bgp = nil
		op = join(op, &Path{S: s, Path: p, O: o})
	}
	for _, tp := range ts {
		s, o := node(tp.S), node(tp.O)
		if tp.Path == nil {
			if bgp == nil {
				bgp = &BGP{}
				op = join(op, bgp)
			}
			bgp.Triples = append(bgp.Triples, Triple{S: s, P: node(tp.P), O: o})
			continue
		}
		add(s, tp.Path, o)
	}
	if op == nil {
		return &BGP{}
	}
	return op
}

// builtinNames maps parser names to SSE names where they differ from the lower case.
var builtinNames = map[string]string{
	"LANGMATCHES": "langMatches", "SAMETERM": "sameTerm", "ISIRI": "isIRI", "ISURI": "isURI",
	"ISBLANK": "isBlank", "ISLITERAL": "isLiteral", "ISNUMERIC": "isNumeric", "STRLANG": "strlang",
	"STRDT": "strdt",
}

// expr translates an expression; aggregates must have been renamed already (an aggregate here
// is an error the parser should have caught).
func (t *translator) expr(e syntax.Expr) Expr {
	switch e := e.(type) {
	case *syntax.VarExpr:
		return &ExprVar{Var: e.Var}
	case *syntax.TermExpr:
		return &ExprConst{Term: e.Term}
	case *syntax.Exists:
		return &ExprExists{Not: e.Not, Op: t.group(e.Pattern)}
	case *syntax.Aggregate:
		t.fail("%s: aggregate %s outside SELECT, HAVING or ORDER BY", e.Pos, e.Name)
	}
	return t.call(e, t.expr)
}

// call translates an operator, IN, built-in or function call, its arguments with sub.
func (t *translator) call(e syntax.Expr, sub func(syntax.Expr) Expr) Expr {
	subs := func(es []syntax.Expr) []Expr {
		args := make([]Expr, len(es))
		for i, a := range es {
			args[i] = sub(a)
		}
		return args
	}
	switch e := e.(type) {
	case *syntax.Unary:
		return &ExprCall{Name: e.Op, Args: []Expr{sub(e.X)}}
	case *syntax.Binary:
		return &ExprCall{Name: e.Op, Args: []Expr{sub(e.X), sub(e.Y)}}
	case *syntax.In:
		name := "in"
		if e.Not {
			name = "notin"
		}
		return &ExprCall{Name: name, Args: append([]Expr{sub(e.X)}, subs(e.List)...)}
	case *syntax.Call:
		name, ok := builtinNames[e.Name]
		if !ok {
			name = strings.ToLower(e.Name)
		}
		return &ExprCall{Name: name, Args: subs(e.Args)}
	case *syntax.FuncCall:
		return &ExprFunc{IRI: e.IRI, Args: subs(e.Args)}
	}
	panic(fmt.Sprintf("unreachable: %T", e))
}

// aggRenamer replaces aggregates by the variables .0, .1, ... (one per distinct aggregate)
// and collects the bindings for Group.
type aggRenamer struct {
	t    *translator
	list []AggBinding
}

func (r *aggRenamer) expr(e syntax.Expr) Expr {
	if !syntax.HasAggregate(e) {
		return r.t.expr(e)
	}
	switch e := e.(type) {
	case *syntax.Aggregate:
		a := &ExprAgg{Name: strings.ToLower(e.Name), Distinct: e.Distinct, Separator: e.Separator}
		if e.Arg != nil {
			a.Arg = r.t.expr(e.Arg)
		}
		s := a.String()
		for _, b := range r.list {
			if b.Agg.String() == s {
				return &ExprVar{Var: b.Var}
			}
		}
		v := Var("." + strconv.Itoa(r.t.naggs))
		r.t.naggs++
		r.list = append(r.list, AggBinding{Var: v, Agg: a})
		return &ExprVar{Var: v}
	}
	return r.t.call(e, r.expr)
}

// TranslateQuads turns a quad pattern (the pattern of DELETE WHERE, which is also its
// template: https://www.w3.org/TR/sparql11-update/#deleteWhere) into the pattern it matches:
// a BGP for the triples outside GRAPH and a Graph over a BGP for each run of quads in the same
// graph, joined in order.
func TranslateQuads(qs []syntax.Quad) Op {
	var op Op
	var bgp *BGP
	var cur Node
	for i, q := range qs {
		if i == 0 || q.Graph != cur {
			cur = q.Graph
			bgp = &BGP{}
			if q.HasGraph() {
				op = join(op, &Graph{Name: q.Graph, Op: bgp})
			} else {
				op = join(op, bgp)
			}
		}
		bgp.Triples = append(bgp.Triples, Triple{S: node(q.S), P: node(q.P), O: node(q.O)})
	}
	if op == nil {
		return &BGP{}
	}
	return op
}
