package parser

import (
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// groupGraphPattern reads GroupGraphPattern: '{' ( SubSelect | GroupGraphPatternSub ) '}'.
func (p *parser) groupGraphPattern() *syntax.Group {
	p.enter()
	defer p.leave()
	pos := p.expectPunct("{")
	g := &syntax.Group{Pos: pos}
	if p.isKw("SELECT") {
		g.Elements = []syntax.Pattern{p.subSelect()}
		p.expectPunct("}")
		return g
	}
	prevBGP := p.bgp
	defer func() { p.bgp = prevBGP }()
	var cur *syntax.Triples // the open triples block; FILTER does not close it
	needDot := false        // a triple was just read without its closing '.'
	for {
		if p.isPunct("}") {
			p.next()
			return g
		}
		epos := p.here()
		if p.startsTriples() {
			if needDot {
				p.expected("'.' or '}'")
			}
			if cur == nil {
				cur = &syntax.Triples{Pos: epos}
				g.Elements = append(g.Elements, cur)
				p.openBGP()
			}
			p.triplesSameSubject(&cur.Triples, true)
			needDot = !p.acceptPunct(".")
			continue
		}
		var e syntax.Pattern
		switch {
		case p.isPunct("{"):
			e = p.groupOrUnion()
		case p.isKw("OPTIONAL"):
			p.next()
			e = &syntax.Optional{Pos: epos, Group: p.groupGraphPattern()}
		case p.isKw("MINUS"):
			p.next()
			e = &syntax.Minus{Pos: epos, Group: p.groupGraphPattern()}
		case p.isKw("GRAPH"):
			p.next()
			name := p.varOrIRI()
			e = &syntax.GraphPattern{Pos: epos, Name: name, Group: p.groupGraphPattern()}
		case p.isKw("SERVICE"):
			p.next()
			silent := p.acceptKw("SILENT")
			name := p.varOrIRI()
			e = &syntax.Service{Pos: epos, Silent: silent, Name: name, Group: p.groupGraphPattern()}
		case p.isKw("FILTER"):
			p.next()
			c := p.constraint(false)
			if c == nil {
				p.expected("constraint after FILTER")
			}
			e = &syntax.Filter{Pos: epos, Expr: c}
		case p.isKw("BIND"):
			p.next()
			p.expectPunct("(")
			x := p.exprAggOK(false)
			p.expectKw("AS")
			vpos := p.here()
			v := p.variable()
			p.expectPunct(")")
			if inScope(g.Elements)[v] {
				p.errorAt(vpos, "BIND variable %s is already in scope", v)
			}
			e = &syntax.Bind{Pos: epos, Expr: x, Var: v}
		case p.isKw("VALUES"):
			p.next()
			e = p.dataBlock(epos)
		default:
			if needDot {
				p.expected("'.' or '}'")
			}
			p.expected("triple pattern, graph pattern or '}'")
		}
		needDot = false
		g.Elements = append(g.Elements, e)
		if _, ok := e.(*syntax.Filter); !ok {
			cur = nil
			p.bgp = prevBGP
		}
		p.acceptPunct(".")
	}
}

// groupOrUnion reads GroupOrUnionGraphPattern.
func (p *parser) groupOrUnion() syntax.Pattern {
	pos := p.here()
	g := p.groupGraphPattern()
	if !p.isKw("UNION") {
		return g
	}
	u := &syntax.Union{Pos: pos, Groups: []*syntax.Group{g}}
	for p.acceptKw("UNION") {
		u.Groups = append(u.Groups, p.groupGraphPattern())
	}
	return u
}

// startsTriples reports whether the current token can start TriplesSameSubject(Path).
func (p *parser) startsTriples() bool {
	switch p.tok.kind {
	case tVar, tIRI, tPName, tBlank, tString, tInteger, tDecimal, tDouble, tNil, tAnon:
		return true
	case tPunct:
		return p.tok.text == "(" || p.tok.text == "["
	case tKeyword:
		return p.isKw("true") || p.isKw("false")
	}
	return false
}

// inScope returns the variables in scope after the given group elements
// (https://www.w3.org/TR/sparql11-query/#variableScope).
func inScope(elems []syntax.Pattern) map[syntax.Var]bool {
	vs := map[syntax.Var]bool{}
	for _, e := range elems {
		syntax.AddInScope(vs, e)
	}
	return vs
}
