package parser

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// update reads Update: Prologue ( Update1 ( ';' Update )? )?.
func (p *parser) update() *syntax.Update {
	u := &syntax.Update{}
	for {
		p.prologueDecls()
		if p.tok.kind == tEOF {
			break
		}
		u.Prologues = append(u.Prologues, p.prologue)
		u.Operations = append(u.Operations, p.update1())
		if !p.acceptPunct(";") {
			break
		}
	}
	u.Prologues = append(u.Prologues, p.prologue)
	p.checkBadEnd("';' or end of update")
	return u
}

func (p *parser) update1() syntax.Operation {
	pos := p.here()
	switch {
	case p.isKw("LOAD"):
		p.next()
		op := &syntax.Load{Pos: pos, Silent: p.acceptKw("SILENT"), Source: p.iri()}
		if p.acceptKw("INTO") {
			op.Into = p.graphRef()
		}
		return op
	case p.isKw("CLEAR"):
		p.next()
		return &syntax.Clear{Pos: pos, Silent: p.acceptKw("SILENT"), Target: p.graphRefAll()}
	case p.isKw("DROP"):
		p.next()
		return &syntax.Drop{Pos: pos, Silent: p.acceptKw("SILENT"), Target: p.graphRefAll()}
	case p.isKw("CREATE"):
		p.next()
		return &syntax.Create{Pos: pos, Silent: p.acceptKw("SILENT"), Graph: p.graphRef()}
	case p.isKw("ADD") || p.isKw("MOVE") || p.isKw("COPY"):
		kind := map[string]syntax.TransferKind{"ADD": syntax.Add, "MOVE": syntax.Move, "COPY": syntax.Copy}[upper(p.tok.text)]
		p.next()
		op := &syntax.Transfer{Pos: pos, Kind: kind, Silent: p.acceptKw("SILENT")}
		op.From = p.graphOrDefault()
		p.expectKw("TO")
		op.To = p.graphOrDefault()
		return op
	case p.isKw("INSERT") && isKwTok(p.peek(), "DATA"):
		p.next()
		p.next()
		qs := p.quadBlock(false, "INSERT DATA")
		return &syntax.InsertData{Pos: pos, Quads: qs}
	case p.isKw("DELETE") && isKwTok(p.peek(), "DATA"):
		p.next()
		p.next()
		qs := p.quadBlock(true, "DELETE DATA")
		return &syntax.DeleteData{Pos: pos, Quads: qs}
	case p.isKw("DELETE") && isKwTok(p.peek(), "WHERE"):
		p.next()
		p.next()
		qs := p.quadBlock(true, "")
		return &syntax.DeleteWhere{Pos: pos, Quads: qs}
	case p.isKw("WITH") || p.isKw("DELETE") || p.isKw("INSERT"):
		return p.modify(pos)
	}
	p.expected("update operation")
	return nil
}

func isKwTok(t token, kw string) bool { return t.kind == tKeyword && upper(t.text) == kw }

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

func (p *parser) modify(pos syntax.Pos) *syntax.Modify {
	op := &syntax.Modify{Pos: pos}
	if p.acceptKw("WITH") {
		op.With = p.iri()
	}
	if p.acceptKw("DELETE") {
		op.HasDelete = true
		p.template = true
		op.Delete = p.quadBlock(true, "")
		p.template = false
	}
	if p.acceptKw("INSERT") {
		op.HasInsert = true
		p.template = true
		op.Insert = p.quadBlock(false, "")
		p.template = false
	}
	if !op.HasDelete && !op.HasInsert {
		p.expected("DELETE or INSERT")
	}
	for p.isKw("USING") {
		upos := p.here()
		p.next()
		named := p.acceptKw("NAMED")
		op.Using = append(op.Using, syntax.Dataset{Pos: upos, Named: named, IRI: p.iri()})
	}
	p.expectKw("WHERE")
	op.Where = p.groupGraphPattern()
	return op
}

// quadBlock reads QuadPattern / QuadData: '{' Quads '}'. noBlank forbids blank nodes; data
// (a non-empty name) forbids variables.
func (p *parser) quadBlock(noBlank bool, data string) []syntax.Quad {
	p.expectPunct("{")
	save := p.noBlank
	p.noBlank = noBlank
	defer func() { p.noBlank = save }()
	prev := p.openBGP()
	defer p.closeBGP(prev)
	var qs []syntax.Quad
	add := func(ts []syntax.TriplePattern, g syntax.Node) {
		for _, t := range ts {
			if data != "" {
				for _, n := range []syntax.Node{t.S, t.P, t.O} {
					if n.IsVar() {
						p.errorAt(t.Pos, "variables are not allowed in %s", data)
					}
				}
			}
			qs = append(qs, syntax.Quad{TriplePattern: t, Graph: g})
		}
	}
	add(p.triplesTemplate(nil), syntax.Node{})
	for p.isKw("GRAPH") {
		gpos := p.here()
		p.next()
		g := p.varOrIRI()
		if data != "" && g.IsVar() {
			p.errorAt(gpos, "variables are not allowed in %s", data)
		}
		p.expectPunct("{")
		add(p.triplesTemplate(nil), g)
		p.expectPunct("}")
		p.acceptPunct(".")
		add(p.triplesTemplate(nil), syntax.Node{})
	}
	p.expectPunct("}")
	return qs
}

func (p *parser) graphRef() rdf.IRI {
	p.expectKw("GRAPH")
	return p.iri()
}

func (p *parser) graphRefAll() syntax.GraphRef {
	switch {
	case p.acceptKw("DEFAULT"):
		return syntax.GraphRef{Target: syntax.TargetDefault}
	case p.acceptKw("NAMED"):
		return syntax.GraphRef{Target: syntax.TargetNamed}
	case p.acceptKw("ALL"):
		return syntax.GraphRef{Target: syntax.TargetAll}
	}
	return syntax.GraphRef{Target: syntax.TargetGraph, IRI: p.graphRef()}
}

func (p *parser) graphOrDefault() syntax.GraphRef {
	if p.acceptKw("DEFAULT") {
		return syntax.GraphRef{Target: syntax.TargetDefault}
	}
	p.acceptKw("GRAPH")
	return syntax.GraphRef{Target: syntax.TargetGraph, IRI: p.iri()}
}
