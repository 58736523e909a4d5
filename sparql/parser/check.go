package parser

import (
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// checkSelect runs the static checks of a SELECT (or sub-SELECT) query: projected expression
// variables must be new (https://www.w3.org/TR/sparql11-query/#selectExpressions), and in an
// aggregate query every variable used outside an aggregate must be grouped
// (https://www.w3.org/TR/sparql11-query/#aggregateRestrictions).
func (p *parser) checkSelect(q *syntax.Query) {
	var where map[syntax.Var]bool
	if q.Where != nil {
		where = syntax.InScope(q.Where)
	}
	defined := map[syntax.Var]bool{}
	for _, pr := range q.Projection {
		if pr.Expr == nil {
			continue
		}
		if where[pr.Var] || defined[pr.Var] {
			p.errorAt(pr.Pos, "variable %s in SELECT expression is already in scope", pr.Var)
		}
		defined[pr.Var] = true
	}
	if !q.IsAggregate() {
		return
	}
	if q.Star {
		p.errorAt(q.Pos, "SELECT * is not allowed with GROUP BY or aggregates")
		return
	}
	grouped := map[syntax.Var]bool{}
	for _, g := range q.GroupBy {
		if g.Var != "" {
			grouped[g.Var] = true
		} else if v, ok := g.Expr.(*syntax.VarExpr); ok {
			grouped[v.Var] = true
		}
	}
	for _, pr := range q.Projection {
		if pr.Expr == nil {
			if !grouped[pr.Var] {
				p.errorAt(pr.Pos, "variable %s is not grouped", pr.Var)
			}
			continue
		}
		checkGrouped(p, pr.Expr, grouped)
		grouped[pr.Var] = true
	}
}

// checkGrouped reports variables of e used outside aggregates that are not grouped.
func checkGrouped(p *parser, e syntax.Expr, grouped map[syntax.Var]bool) {
	syntax.WalkExpr(e, func(x syntax.Expr) bool {
		switch x := x.(type) {
		case *syntax.Aggregate:
			return false
		case *syntax.VarExpr:
			if !grouped[x.Var] {
				p.errorAt(x.Pos, "variable %s is not grouped", x.Var)
			}
		}
		return true
	})
}
