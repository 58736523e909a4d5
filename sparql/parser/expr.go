package parser

import (
	"strings"

	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// builtins maps the upper-case name of each built-in function
// (https://www.w3.org/TR/sparql11-query/#rBuiltInCall) to its argument count range; max -1
// means any number (an ExpressionList).
var builtins = map[string][2]int{
	"STR": {1, 1}, "LANG": {1, 1}, "LANGMATCHES": {2, 2}, "DATATYPE": {1, 1}, "BOUND": {1, 1},
	"IRI": {1, 1}, "URI": {1, 1}, "BNODE": {0, 1}, "RAND": {0, 0}, "ABS": {1, 1}, "CEIL": {1, 1},
	"FLOOR": {1, 1}, "ROUND": {1, 1}, "CONCAT": {0, -1}, "SUBSTR": {2, 3}, "STRLEN": {1, 1},
	"REPLACE": {3, 4}, "UCASE": {1, 1}, "LCASE": {1, 1}, "ENCODE_FOR_URI": {1, 1},
	"CONTAINS": {2, 2}, "STRSTARTS": {2, 2}, "STRENDS": {2, 2}, "STRBEFORE": {2, 2},
	"STRAFTER": {2, 2}, "YEAR": {1, 1}, "MONTH": {1, 1}, "DAY": {1, 1}, "HOURS": {1, 1},
	"MINUTES": {1, 1}, "SECONDS": {1, 1}, "TIMEZONE": {1, 1}, "TZ": {1, 1}, "NOW": {0, 0},
	"UUID": {0, 0}, "STRUUID": {0, 0}, "MD5": {1, 1}, "SHA1": {1, 1}, "SHA256": {1, 1},
	"SHA384": {1, 1}, "SHA512": {1, 1}, "COALESCE": {0, -1}, "IF": {3, 3}, "STRLANG": {2, 2},
	"STRDT": {2, 2}, "SAMETERM": {2, 2}, "ISIRI": {1, 1}, "ISURI": {1, 1}, "ISBLANK": {1, 1},
	"ISLITERAL": {1, 1}, "ISNUMERIC": {1, 1}, "REGEX": {2, 3},
}

var aggregates = map[string]bool{
	"COUNT": true, "SUM": true, "MIN": true, "MAX": true, "AVG": true, "SAMPLE": true, "GROUP_CONCAT": true,
}

func isBuiltin(word string) bool {
	u := strings.ToUpper(word)
	_, ok := builtins[u]
	return ok || aggregates[u] || u == "EXISTS" || u == "NOT"
}

// constraint reads Constraint (BrackettedExpression | BuiltInCall | FunctionCall), or returns
// nil when none starts here.
func (p *parser) constraint(aggOK bool) syntax.Expr {
	save := p.aggOK
	p.aggOK = aggOK
	defer func() { p.aggOK = save }()
	switch {
	case p.isPunct("("):
		return p.bracketted(aggOK)
	case p.isIRI():
		return p.iriOrFunction(true)
	case p.tok.kind == tKeyword && isBuiltin(p.tok.text):
		if p.isKw("NOT") && !strings.EqualFold(p.peek().text, "EXISTS") {
			return nil
		}
		return p.builtinCall()
	}
	return nil
}

func (p *parser) bracketted(aggOK bool) syntax.Expr {
	p.expectPunct("(")
	e := p.exprAggOK(aggOK)
	p.expectPunct(")")
	return e
}

// expression reads Expression.
func (p *parser) expression() syntax.Expr {
	p.enter()
	defer p.leave()
	return p.leftAssoc("||", p.andExpr)
}

func (p *parser) andExpr() syntax.Expr { return p.leftAssoc("&&", p.relational) }

// leftAssoc reads operand (op operand)* as left-associative binary op expressions.
func (p *parser) leftAssoc(op string, operand func() syntax.Expr) syntax.Expr {
	pos := p.here()
	x := operand()
	for p.acceptPunct(op) {
		x = &syntax.Binary{Pos: pos, Op: op, X: x, Y: operand()}
	}
	return x
}

func (p *parser) relational() syntax.Expr {
	pos := p.here()
	x := p.additive()
	if p.tok.kind == tPunct {
		switch op := p.tok.text; op {
		case "=", "!=", "<", ">", "<=", ">=":
			p.next()
			return &syntax.Binary{Pos: pos, Op: op, X: x, Y: p.additive()}
		}
	}
	not := false
	if p.isKw("NOT") {
		p.next()
		if !p.isKw("IN") {
			p.expected("IN after NOT")
		}
		not = true
	}
	if p.acceptKw("IN") {
		return &syntax.In{Pos: pos, Not: not, X: x, List: p.exprList()}
	}
	return x
}

// exprList reads ExpressionList: NIL | '(' Expression ( ',' Expression )* ')'.
func (p *parser) exprList() []syntax.Expr {
	if p.tok.kind == tNil {
		p.next()
		return []syntax.Expr{}
	}
	p.expectPunct("(")
	var list []syntax.Expr
	for {
		list = append(list, p.expression())
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
	return list
}

func (p *parser) additive() syntax.Expr {
	pos := p.here()
	x := p.multiplicative()
	for {
		switch {
		case p.isPunct("+") || p.isPunct("-"):
			op := p.tok.text
			p.next()
			x = &syntax.Binary{Pos: pos, Op: op, X: x, Y: p.multiplicative()}
		case p.tok.signed && (p.tok.kind == tInteger || p.tok.kind == tDecimal || p.tok.kind == tDouble):
			// "?x -1": the sign of the literal is the operator (grammar note on AdditiveExpression).
			op := p.tok.text[:1]
			lpos := p.pos(p.tok.pos + 1)
			lit, _ := p.literal()
			lit.Lexical = lit.Lexical[1:]
			var y syntax.Expr = &syntax.TermExpr{Pos: lpos, Term: lit}
			for p.isPunct("*") || p.isPunct("/") {
				mop := p.tok.text
				p.next()
				y = &syntax.Binary{Pos: lpos, Op: mop, X: y, Y: p.unary()}
			}
			x = &syntax.Binary{Pos: pos, Op: op, X: x, Y: y}
		default:
			return x
		}
	}
}

func (p *parser) multiplicative() syntax.Expr {
	pos := p.here()
	x := p.unary()
	for p.isPunct("*") || p.isPunct("/") {
		op := p.tok.text
		p.next()
		x = &syntax.Binary{Pos: pos, Op: op, X: x, Y: p.unary()}
	}
	return x
}

func (p *parser) unary() syntax.Expr {
	pos := p.here()
	if p.tok.kind == tPunct {
		switch op := p.tok.text; op {
		case "!", "+", "-":
			p.next()
			return &syntax.Unary{Pos: pos, Op: op, X: p.primary()}
		}
	}
	return p.primary()
}

// primary reads PrimaryExpression.
func (p *parser) primary() syntax.Expr {
	pos := p.here()
	switch p.tok.kind {
	case tPunct:
		if p.isPunct("(") {
			return p.bracketted(p.aggOK)
		}
	case tVar:
		return &syntax.VarExpr{Pos: pos, Var: p.variable()}
	case tIRI, tPName:
		return p.iriOrFunction(false)
	case tKeyword:
		if p.isKw("true") || p.isKw("false") {
			l, _ := p.literal()
			return &syntax.TermExpr{Pos: pos, Term: l}
		}
		if isBuiltin(p.tok.text) {
			return p.builtinCall()
		}
	}
	if l, ok := p.literal(); ok {
		return &syntax.TermExpr{Pos: pos, Term: l}
	}
	p.expected("expression")
	return nil
}

// iriOrFunction reads iriOrFunction, or FunctionCall when call is set.
func (p *parser) iriOrFunction(call bool) syntax.Expr {
	pos := p.here()
	iri := p.iri()
	if !p.isPunct("(") && p.tok.kind != tNil {
		if call {
			p.expected("'(' of a function call")
		}
		return &syntax.TermExpr{Pos: pos, Term: iri}
	}
	f := &syntax.FuncCall{Pos: pos, IRI: iri}
	if p.tok.kind == tNil {
		p.next()
		return f
	}
	p.next()
	if p.acceptKw("DISTINCT") {
		f.Distinct = true
	}
	for {
		f.Args = append(f.Args, p.expression())
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
	return f
}

// builtinCall reads BuiltInCall (including Aggregate, EXISTS and NOT EXISTS).
func (p *parser) builtinCall() syntax.Expr {
	pos := p.here()
	name := strings.ToUpper(p.tok.text)
	p.next()
	switch {
	case name == "EXISTS" || name == "NOT":
		if name == "NOT" {
			p.expectKw("EXISTS")
		}
		saveAgg, saveIn := p.aggOK, p.inAgg
		p.aggOK, p.inAgg = false, false
		g := p.groupGraphPattern()
		p.aggOK, p.inAgg = saveAgg, saveIn
		return &syntax.Exists{Pos: pos, Not: name == "NOT", Pattern: g}
	case aggregates[name]:
		return p.aggregate(pos, name)
	}
	arity := builtins[name]
	var args []syntax.Expr
	if p.tok.kind == tNil {
		p.next()
	} else {
		if arity[1] == 0 {
			p.expected("'()' after " + name)
		}
		p.expectPunct("(")
		for {
			if name == "BOUND" && p.tok.kind != tVar {
				p.expected("variable in BOUND")
			}
			args = append(args, p.expression())
			if !p.acceptPunct(",") {
				break
			}
		}
		p.expectPunct(")")
	}
	if len(args) < arity[0] || arity[1] >= 0 && len(args) > arity[1] {
		p.failAt(pos, "wrong number of arguments for %s: %d", name, len(args))
	}
	return &syntax.Call{Pos: pos, Name: name, Args: args}
}

func (p *parser) aggregate(pos syntax.Pos, name string) syntax.Expr {
	if !p.aggOK {
		p.errorAt(pos, "aggregate %s is not allowed here", name)
	}
	if p.inAgg {
		p.errorAt(pos, "aggregate %s inside another aggregate", name)
	}
	a := &syntax.Aggregate{Pos: pos, Name: name}
	p.expectPunct("(")
	a.Distinct = p.acceptKw("DISTINCT")
	if name == "COUNT" && p.acceptPunct("*") {
		p.expectPunct(")")
		return a
	}
	p.inAgg = true
	a.Arg = p.expression()
	p.inAgg = false
	if name == "GROUP_CONCAT" && p.acceptPunct(";") {
		p.expectKw("SEPARATOR")
		p.expectPunct("=")
		if p.tok.kind != tString {
			p.expected("string after SEPARATOR=")
		}
		s := p.tok.text
		a.Separator = &s
		p.next()
	}
	p.expectPunct(")")
	return a
}
