package opt

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/expr"
)

// ConstantFolding ("constant-folding") evaluates the sub-expressions of FILTER, OPTIONAL
// conditions and BIND whose arguments are all constants, with the functions of package expr
// (https://www.w3.org/TR/sparql11-query/#expressions). Only strict built-ins, && / || / !
// and XSD casts are folded, only when they succeed: an expression that raises an error stays
// as written, so the error happens at run time as the spec says. A filter expression whose
// value is a constant with effective boolean value true is removed (a FILTER left with no
// expressions disappears; an OPTIONAL condition becomes true); one that is false or an error
// stays (#defn_algFilter: it keeps no solution).
type ConstantFolding struct{}

// Name implements Pass.
func (ConstantFolding) Name() string { return "constant-folding" }

// Apply implements Pass.
func (ConstantFolding) Apply(op algebra.Op, _ *Context) (algebra.Op, bool) {
	return rewrite(op, func(op algebra.Op) (algebra.Op, bool) {
		switch o := op.(type) {
		case *algebra.Filter:
			changed := false
			var kept []algebra.Expr
			for _, x := range o.Exprs {
				f, ok := fold(x)
				if ok {
					changed = true
				}
				if isTrue(f) {
					changed = true
					continue
				}
				kept = append(kept, f)
			}
			if !changed {
				return op, false
			}
			if len(kept) == 0 {
				return o.Op, true
			}
			return &algebra.Filter{Exprs: kept, Op: o.Op}, true
		case *algebra.LeftJoin:
			if o.Expr == nil {
				return op, false
			}
			f, ok := fold(o.Expr)
			if isTrue(f) {
				f, ok = nil, true
			}
			if !ok {
				return op, false
			}
			return &algebra.LeftJoin{Left: o.Left, Right: o.Right, Expr: f}, true
		case *algebra.Extend:
			if f, ok := fold(o.Expr); ok {
				return &algebra.Extend{Op: o.Op, Var: o.Var, Expr: f}, true
			}
		}
		return op, false
	})
}

// isTrue reports whether e is a constant whose effective boolean value is true.
func isTrue(e algebra.Expr) bool {
	c, ok := e.(*algebra.ExprConst)
	if !ok {
		return false
	}
	b, err := expr.EBV(c.Term)
	return err == nil && b
}

// fold returns e with its constant sub-expressions evaluated, and whether anything changed.
func fold(e algebra.Expr) (algebra.Expr, bool) {
	switch x := e.(type) {
	case *algebra.ExprCall:
		args, changed := foldArgs(x.Args)
		if t, ok := evalCall(x.Name, args); ok {
			return &algebra.ExprConst{Term: t}, true
		}
		if changed {
			return &algebra.ExprCall{Name: x.Name, Args: args}, true
		}
	case *algebra.ExprFunc:
		args, changed := foldArgs(x.Args)
		if len(args) == 1 && expr.CastFunction(x.IRI) {
			if c, ok := args[0].(*algebra.ExprConst); ok {
				if t, err := expr.Cast(c.Term, x.IRI); err == nil && t != nil {
					return &algebra.ExprConst{Term: t}, true
				}
			}
		}
		if changed {
			return &algebra.ExprFunc{IRI: x.IRI, Args: args}, true
		}
	}
	return e, false
}

func foldArgs(args []algebra.Expr) ([]algebra.Expr, bool) {
	var out []algebra.Expr
	for i, a := range args {
		f, ok := fold(a)
		if ok && out == nil {
			out = append([]algebra.Expr(nil), args...)
		}
		if out != nil {
			out[i] = f
		}
	}
	if out == nil {
		return args, false
	}
	return out, true
}

// evalCall evaluates an operator or built-in over constant arguments; ok is false when an
// argument is not constant, the function is not foldable, or it fails.
func evalCall(name string, args []algebra.Expr) (rdf.Term, bool) {
	terms := make([]rdf.Term, len(args))
	for i, a := range args {
		c, ok := a.(*algebra.ExprConst)
		if !ok || c.Term == nil {
			return nil, false
		}
		if _, blank := c.Term.(rdf.BlankNode); blank {
			return nil, false
		}
		terms[i] = c.Term
	}
	if volatile(name) {
		return nil, false
	}
	var t rdf.Term
	var err error
	switch name {
	case "&&", "||":
		if len(terms) != 2 {
			return nil, false
		}
		if name == "&&" {
			t, err = expr.And(terms[0], nil, terms[1], nil)
		} else {
			t, err = expr.Or(terms[0], nil, terms[1], nil)
		}
	case "-", "+":
		switch len(terms) {
		case 1:
			if name == "-" {
				t, err = expr.UnaryMinus(terms[0])
			} else {
				t, err = expr.UnaryPlus(terms[0])
			}
		case 2:
			b, _ := expr.LookupBuiltin(name)
			t, err = b.Call(terms)
		default:
			return nil, false
		}
	default:
		b, ok := expr.LookupBuiltin(name)
		if !ok || len(terms) < b.MinArgs || (b.MaxArgs >= 0 && len(terms) > b.MaxArgs) || len(terms) == 0 {
			return nil, false
		}
		t, err = b.Call(terms)
	}
	if err != nil || t == nil {
		return nil, false
	}
	return t, true
}
