package parser

import (
	"strconv"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// query reads QueryUnit.
func (p *parser) query() *syntax.Query {
	p.prologueDecls()
	q := &syntax.Query{Pos: p.here(), Limit: -1}
	switch {
	case p.isKw("SELECT"):
		p.selectClause(q)
		p.datasetClauses(q)
		p.whereClause(q)
		p.solutionModifier(q)
		p.checkSelect(q)
	case p.isKw("CONSTRUCT"):
		p.constructQuery(q)
	case p.isKw("DESCRIBE"):
		p.next()
		q.Form = syntax.Describe
		if !p.acceptPunct("*") {
			for p.tok.kind == tVar || p.isIRI() {
				q.Describe = append(q.Describe, p.varOrIRI())
			}
			if len(q.Describe) == 0 {
				p.expected("variable, IRI or '*' after DESCRIBE")
			}
		}
		p.datasetClauses(q)
		if p.isKw("WHERE") || p.isPunct("{") {
			p.whereClause(q)
		}
		p.solutionModifier(q)
	case p.isKw("ASK"):
		p.next()
		q.Form = syntax.Ask
		p.datasetClauses(q)
		p.whereClause(q)
		p.solutionModifier(q)
	default:
		p.expected("SELECT, CONSTRUCT, DESCRIBE or ASK")
	}
	q.Values = p.valuesClause()
	p.checkBadEnd("end of query")
	q.Prologue = p.prologue
	return q
}

// selectClause reads SelectClause.
func (p *parser) selectClause(q *syntax.Query) {
	p.expectKw("SELECT")
	q.Form = syntax.Select
	if p.acceptKw("DISTINCT") {
		q.Distinct = true
	} else if p.acceptKw("REDUCED") {
		q.Reduced = true
	}
	if p.acceptPunct("*") {
		q.Star = true
		return
	}
	for {
		pos := p.here()
		switch {
		case p.tok.kind == tVar:
			q.Projection = append(q.Projection, syntax.Projection{Pos: pos, Var: syntax.Var(p.tok.text)})
			p.next()
			continue
		case p.isPunct("("):
			p.next()
			e := p.exprAggOK(true)
			p.expectKw("AS")
			v := p.variable()
			p.expectPunct(")")
			q.Projection = append(q.Projection, syntax.Projection{Pos: pos, Var: v, Expr: e})
			continue
		}
		break
	}
	if len(q.Projection) == 0 {
		p.expected("variable, '(' or '*' in SELECT")
	}
}

func (p *parser) exprAggOK(ok bool) syntax.Expr {
	save := p.aggOK
	p.aggOK = ok
	e := p.expression()
	p.aggOK = save
	return e
}

func (p *parser) variable() syntax.Var {
	if p.tok.kind != tVar {
		p.expected("variable")
	}
	v := syntax.Var(p.tok.text)
	p.next()
	return v
}

func (p *parser) varOrIRI() syntax.Node {
	if p.tok.kind == tVar {
		return syntax.VarNode(p.variable())
	}
	return syntax.TermNode(p.iri())
}

func (p *parser) datasetClauses(q *syntax.Query) {
	for p.isKw("FROM") {
		pos := p.here()
		p.next()
		named := p.acceptKw("NAMED")
		q.Dataset = append(q.Dataset, syntax.Dataset{Pos: pos, Named: named, IRI: p.iri()})
	}
}

func (p *parser) whereClause(q *syntax.Query) {
	p.acceptKw("WHERE")
	if !p.isPunct("{") {
		p.expected("'{' of the WHERE clause")
	}
	q.Where = p.groupGraphPattern()
}

func (p *parser) constructQuery(q *syntax.Query) {
	p.next()
	q.Form = syntax.Construct
	if p.isPunct("{") {
		p.next()
		p.template = true
		q.Template = p.triplesTemplate(nil)
		p.template = false
		p.expectPunct("}")
		p.datasetClauses(q)
		p.whereClause(q)
	} else {
		// CONSTRUCT WHERE { TriplesTemplate }: the template is the pattern.
		p.datasetClauses(q)
		p.expectKw("WHERE")
		pos := p.expectPunct("{")
		prev := p.openBGP()
		ts := p.triplesTemplate(nil)
		p.closeBGP(prev)
		p.expectPunct("}")
		q.Template = ts
		q.Where = &syntax.Group{Pos: pos}
		if len(ts) > 0 {
			q.Where.Elements = []syntax.Pattern{&syntax.Triples{Pos: ts[0].Pos, Triples: ts}}
		}
	}
	p.solutionModifier(q)
}

// solutionModifier reads GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET.
func (p *parser) solutionModifier(q *syntax.Query) {
	if p.isKw("GROUP") {
		p.next()
		p.expectKw("BY")
		for {
			pos := p.here()
			var c syntax.GroupCondition
			switch {
			case p.tok.kind == tVar:
				c = syntax.GroupCondition{Pos: pos, Expr: &syntax.VarExpr{Pos: pos, Var: p.variable()}}
			case p.isPunct("("):
				p.next()
				c = syntax.GroupCondition{Pos: pos, Expr: p.exprAggOK(false)}
				if p.acceptKw("AS") {
					c.Var = p.variable()
				}
				p.expectPunct(")")
			case p.isIRI():
				c = syntax.GroupCondition{Pos: pos, Expr: p.iriOrFunction(true)}
			case p.tok.kind == tKeyword && isBuiltin(p.tok.text):
				save := p.aggOK
				p.aggOK = false
				c = syntax.GroupCondition{Pos: pos, Expr: p.builtinCall()}
				p.aggOK = save
			default:
				if len(q.GroupBy) == 0 {
					p.expected("GROUP BY condition")
				}
			}
			if c.Expr == nil {
				break
			}
			q.GroupBy = append(q.GroupBy, c)
		}
	}
	if p.acceptKw("HAVING") {
		for {
			e := p.constraint(true)
			if e == nil {
				if len(q.Having) == 0 {
					p.expected("HAVING condition")
				}
				break
			}
			q.Having = append(q.Having, e)
		}
	}
	if p.isKw("ORDER") {
		p.next()
		p.expectKw("BY")
		for {
			pos := p.here()
			var c syntax.OrderCondition
			switch {
			case p.isKw("ASC") || p.isKw("DESC"):
				c.Desc = p.isKw("DESC")
				p.next()
				if !p.isPunct("(") {
					p.expected("'(' after ASC or DESC")
				}
				c.Expr = p.bracketted(true)
			case p.tok.kind == tVar:
				c.Expr = &syntax.VarExpr{Pos: pos, Var: p.variable()}
			default:
				c.Expr = p.constraint(true)
			}
			if c.Expr == nil {
				if len(q.OrderBy) == 0 {
					p.expected("ORDER BY condition")
				}
				break
			}
			c.Pos = pos
			q.OrderBy = append(q.OrderBy, c)
		}
	}
	limit, offset := false, false
	for {
		switch {
		case !limit && p.isKw("LIMIT"):
			p.next()
			q.Limit = p.integer()
			limit = true
			continue
		case !offset && p.isKw("OFFSET"):
			p.next()
			q.Offset = p.integer()
			offset = true
			continue
		}
		break
	}
}

func (p *parser) integer() int64 {
	if p.tok.kind != tInteger || p.tok.signed {
		p.expected("integer")
	}
	n, err := strconv.ParseInt(p.tok.text, 10, 64)
	if err != nil {
		p.fail("integer %s out of range", p.tok.text)
	}
	p.next()
	return n
}

// valuesClause reads an optional trailing VALUES DataBlock.
func (p *parser) valuesClause() *syntax.Values {
	if !p.isKw("VALUES") {
		return nil
	}
	pos := p.here()
	p.next()
	return p.dataBlock(pos)
}

// dataBlock reads DataBlock (after VALUES).
func (p *parser) dataBlock(pos syntax.Pos) *syntax.Values {
	v := &syntax.Values{Pos: pos}
	if p.tok.kind == tVar {
		v.Vars = []syntax.Var{p.variable()}
		p.expectPunct("{")
		for !p.isPunct("}") {
			v.Rows = append(v.Rows, []syntax.Node{p.dataBlockValue()})
		}
		p.next()
		return v
	}
	if p.tok.kind == tNil {
		p.next()
	} else {
		p.expectPunct("(")
		for p.tok.kind == tVar {
			v.Vars = append(v.Vars, p.variable())
		}
		p.expectPunct(")")
	}
	p.expectPunct("{")
	for !p.isPunct("}") {
		rpos := p.here()
		var row []syntax.Node
		if p.tok.kind == tNil {
			p.next()
		} else {
			p.expectPunct("(")
			for !p.isPunct(")") {
				row = append(row, p.dataBlockValue())
			}
			p.next()
		}
		if len(row) != len(v.Vars) {
			p.errorAt(rpos, "VALUES row has %d values for %d variables", len(row), len(v.Vars))
		}
		if row == nil {
			row = []syntax.Node{}
		}
		v.Rows = append(v.Rows, row)
	}
	p.next()
	return v
}

// dataBlockValue reads iri | RDFLiteral | NumericLiteral | BooleanLiteral | UNDEF; UNDEF is
// the zero Node.
func (p *parser) dataBlockValue() syntax.Node {
	if p.acceptKw("UNDEF") {
		return syntax.Node{}
	}
	if p.isIRI() {
		return syntax.TermNode(p.iri())
	}
	if t, ok := p.literal(); ok {
		return syntax.TermNode(t)
	}
	p.expected("IRI, literal or UNDEF in VALUES")
	return syntax.Node{}
}

// literal reads RDFLiteral | NumericLiteral | BooleanLiteral if one is next.
func (p *parser) literal() (rdf.Literal, bool) {
	switch p.tok.kind {
	case tString:
		lex := p.tok.text
		p.next()
		if p.tok.kind == tLang {
			l := rdf.NewLangLiteral(lex, p.tok.text)
			p.next()
			return l, true
		}
		if p.acceptPunct("^^") {
			return rdf.NewTypedLiteral(lex, p.iri()), true
		}
		return rdf.NewLiteral(lex), true
	case tInteger, tDecimal, tDouble:
		dt := rdf.XSDInteger
		if p.tok.kind == tDecimal {
			dt = rdf.XSDDecimal
		} else if p.tok.kind == tDouble {
			dt = rdf.XSDDouble
		}
		l := rdf.NewTypedLiteral(p.tok.text, dt)
		p.next()
		return l, true
	case tKeyword:
		if p.isKw("true") || p.isKw("false") {
			l := rdf.NewTypedLiteral(lowerASCII(p.tok.text), rdf.XSDBoolean)
			p.next()
			return l, true
		}
	}
	return rdf.Literal{}, false
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// subSelect reads SubSelect; the current token is SELECT.
func (p *parser) subSelect() *syntax.SubSelect {
	pos := p.here()
	q := &syntax.Query{Pos: pos, Limit: -1}
	p.selectClause(q)
	p.whereClause(q)
	p.solutionModifier(q)
	q.Values = p.valuesClause()
	p.checkSelect(q)
	return &syntax.SubSelect{Pos: pos, Query: q}
}
