package opt

import (
	"fmt"
	"strings"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// varSet is a set of variables.
type varSet map[algebra.Var]bool

func (s varSet) covers(vs varSet) bool {
	for v := range vs {
		if !s[v] {
			return false
		}
	}
	return true
}

func (s varSet) shares(vs varSet) bool {
	for v := range vs {
		if s[v] {
			return true
		}
	}
	return false
}

func addNode(s varSet, n algebra.Node) {
	if n.IsVar() {
		s[n.Var] = true
	}
}

// certain returns the variables every solution of op binds (the "certainly bound" variables
// of https://www.w3.org/TR/sparql11-query/#variableScope, restricted to those that cannot be
// left unbound). It errs on the side of fewer variables.
func certain(op algebra.Op) varSet {
	s := varSet{}
	switch o := op.(type) {
	case *algebra.BGP:
		for _, t := range o.Triples {
			addNode(s, t.S)
			addNode(s, t.P)
			addNode(s, t.O)
		}
	case *algebra.Path:
		addNode(s, o.S)
		addNode(s, o.O)
	case *algebra.Join:
		for v := range certain(o.Left) {
			s[v] = true
		}
		for v := range certain(o.Right) {
			s[v] = true
		}
	case *algebra.LeftJoin:
		return certain(o.Left)
	case *algebra.Minus:
		return certain(o.Left)
	case *algebra.Union:
		r := certain(o.Right)
		for v := range certain(o.Left) {
			if r[v] {
				s[v] = true
			}
		}
	case *algebra.Filter:
		return certain(o.Op)
	case *algebra.Graph:
		s = certain(o.Op)
		addNode(s, o.Name)
	case *algebra.Extend:
		// The new variable stays unbound when the expression fails.
		return certain(o.Op)
	case *algebra.Table:
	cols:
		for i, v := range o.Vars {
			for _, row := range o.Rows {
				if i >= len(row) || row[i] == nil {
					continue cols
				}
			}
			s[v] = true
		}
	case *algebra.Service, *algebra.Group:
		// SERVICE answers are whatever the endpoint says; group keys may be unbound.
	case *algebra.Project:
		in := certain(o.Op)
		for _, v := range o.Vars {
			if in[v] {
				s[v] = true
			}
		}
	case *algebra.OrderBy:
		return certain(o.Op)
	case *algebra.Distinct:
		return certain(o.Op)
	case *algebra.Reduced:
		return certain(o.Op)
	case *algebra.Slice:
		return certain(o.Op)
	default:
		panic(fmt.Sprintf("unreachable: %T", op))
	}
	return s
}

// exprVars returns the variables e mentions and whether e may be moved: false when it holds
// EXISTS (whose pattern sees the whole solution and the active graph), an aggregate, or a
// function whose value changes from call to call.
func exprVars(e algebra.Expr) (varSet, bool) {
	s := varSet{}
	ok := walkExpr(e, s)
	return s, ok
}

func walkExpr(e algebra.Expr, s varSet) bool {
	switch x := e.(type) {
	case *algebra.ExprVar:
		s[x.Var] = true
		return true
	case *algebra.ExprConst:
		return true
	case *algebra.ExprCall:
		if volatile(x.Name) {
			return false
		}
		ok := true
		for _, a := range x.Args {
			if !walkExpr(a, s) {
				ok = false
			}
		}
		return ok
	case *algebra.ExprFunc:
		ok := true
		for _, a := range x.Args {
			if !walkExpr(a, s) {
				ok = false
			}
		}
		return ok
	case *algebra.ExprExists, *algebra.ExprAgg:
		return false
	default:
		panic(fmt.Sprintf("unreachable: %T", e))
	}
}

// volatile reports whether the built-in may return a different value on every call
// (https://www.w3.org/TR/sparql11-query/#func-rand, #func-uuid, #func-bnode) or depends on
// query state the passes do not model.
func volatile(name string) bool {
	switch strings.ToLower(name) {
	case "rand", "uuid", "struuid", "bnode", "now", "iri", "uri":
		return true
	}
	return false
}
