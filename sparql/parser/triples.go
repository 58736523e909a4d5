package parser

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// triplesTemplate reads TriplesTemplate? (no paths) up to a token that cannot continue it.
// The triples are appended to ts.
func (p *parser) triplesTemplate(ts []syntax.TriplePattern) []syntax.TriplePattern {
	for p.startsTriples() {
		p.triplesSameSubject(&ts, false)
		if !p.acceptPunct(".") {
			break
		}
	}
	return ts
}

// triplesSameSubject reads TriplesSameSubject, or TriplesSameSubjectPath when paths is set.
func (p *parser) triplesSameSubject(out *[]syntax.TriplePattern, paths bool) {
	pos := p.here()
	if (p.isPunct("[") || p.isPunct("(")) && p.tok.kind == tPunct {
		s := p.triplesNode(out, paths)
		// PropertyList is optional after a TriplesNode.
		if p.startsVerb(paths) {
			p.propertyListNotEmpty(pos, s, out, paths)
		}
		return
	}
	s := p.varOrTerm()
	p.propertyListNotEmpty(pos, s, out, paths)
}

func (p *parser) startsVerb(paths bool) bool {
	switch p.tok.kind {
	case tVar, tIRI, tPName:
		return true
	case tKeyword:
		return p.tok.text == "a"
	case tPunct:
		return paths && (p.tok.text == "^" || p.tok.text == "(" || p.tok.text == "!")
	}
	return false
}

// propertyListNotEmpty reads PropertyListNotEmpty / PropertyListPathNotEmpty for subject s.
// The triples carry pos, the position of their subject.
func (p *parser) propertyListNotEmpty(pos syntax.Pos, s syntax.Node, out *[]syntax.TriplePattern, paths bool) {
	if !p.startsVerb(paths) {
		p.expected("predicate")
	}
	for {
		var pred syntax.Node
		var path syntax.Path
		switch {
		case p.tok.kind == tVar:
			pred = syntax.VarNode(p.variable())
		case paths:
			path = p.path()
			if l, ok := path.(*syntax.PathLink); ok {
				pred, path = syntax.TermNode(l.IRI), nil
			}
		case p.tok.kind == tKeyword && p.tok.text == "a":
			p.next()
			pred = syntax.TermNode(rdf.RDFType)
		default:
			pred = syntax.TermNode(p.iri())
		}
		for {
			// The triple comes before those of a nested blank node or collection, as written.
			var nested []syntax.TriplePattern
			o := p.graphNode(&nested, paths)
			*out = append(*out, syntax.TriplePattern{Pos: pos, S: s, P: pred, Path: path, O: o})
			*out = append(*out, nested...)
			if !p.acceptPunct(",") {
				break
			}
		}
		if !p.isPunct(";") {
			return
		}
		for p.acceptPunct(";") {
		}
		if !p.startsVerb(paths) {
			return
		}
	}
}

// triplesNode reads Collection | BlankNodePropertyList (or their Path forms) and returns the
// node that stands for it.
func (p *parser) triplesNode(out *[]syntax.TriplePattern, paths bool) syntax.Node {
	p.enter()
	defer p.leave()
	pos := p.here()
	if p.acceptPunct("[") {
		if p.noBlank {
			p.failAt(pos, "blank nodes are not allowed here")
		}
		b := syntax.TermNode(p.freshBlank())
		p.propertyListNotEmpty(pos, b, out, paths)
		p.expectPunct("]")
		return b
	}
	p.expectPunct("(")
	if p.noBlank {
		p.failAt(pos, "blank nodes are not allowed here")
	}
	var items []syntax.Node
	for !p.isPunct(")") {
		items = append(items, p.graphNode(out, paths))
	}
	p.next()
	// https://www.w3.org/TR/sparql11-query/#collections
	head := syntax.TermNode(p.freshBlank())
	cell := head
	for i, it := range items {
		*out = append(*out, syntax.TriplePattern{Pos: pos, S: cell, P: syntax.TermNode(rdf.RDFFirst), O: it})
		next := syntax.TermNode(rdf.RDFNil)
		if i+1 < len(items) {
			next = syntax.TermNode(p.freshBlank())
		}
		*out = append(*out, syntax.TriplePattern{Pos: pos, S: cell, P: syntax.TermNode(rdf.RDFRest), O: next})
		cell = next
	}
	return head
}

// graphNode reads GraphNode / GraphNodePath.
func (p *parser) graphNode(out *[]syntax.TriplePattern, paths bool) syntax.Node {
	if p.tok.kind == tPunct && (p.tok.text == "[" || p.tok.text == "(") {
		return p.triplesNode(out, paths)
	}
	return p.varOrTerm()
}

// varOrTerm reads VarOrTerm.
func (p *parser) varOrTerm() syntax.Node {
	pos := p.here()
	switch p.tok.kind {
	case tVar:
		return syntax.VarNode(p.variable())
	case tIRI, tPName:
		return syntax.TermNode(p.iri())
	case tBlank:
		label := p.tok.text
		p.next()
		return syntax.TermNode(p.blankLabel(label, pos))
	case tAnon:
		if p.noBlank {
			p.fail("blank nodes are not allowed here")
		}
		p.next()
		return syntax.TermNode(p.freshBlank())
	case tNil:
		p.next()
		return syntax.TermNode(rdf.RDFNil)
	}
	if l, ok := p.literal(); ok {
		return syntax.TermNode(l)
	}
	p.expected("variable or RDF term")
	return syntax.Node{}
}

// path reads Path (PathAlternative).
func (p *parser) path() syntax.Path {
	p.enter()
	defer p.leave()
	return p.pathList("|", p.pathSequence, func(pos syntax.Pos, parts []syntax.Path) syntax.Path {
		return &syntax.PathAlt{Pos: pos, Parts: parts}
	})
}

func (p *parser) pathSequence() syntax.Path {
	return p.pathList("/", p.pathEltOrInverse, func(pos syntax.Pos, parts []syntax.Path) syntax.Path {
		return &syntax.PathSeq{Pos: pos, Parts: parts}
	})
}

// pathList reads part (sep part)*: the part when there is one, else list of the parts.
func (p *parser) pathList(sep string, part func() syntax.Path, list func(syntax.Pos, []syntax.Path) syntax.Path) syntax.Path {
	pos := p.here()
	first := part()
	if !p.isPunct(sep) {
		return first
	}
	parts := []syntax.Path{first}
	for p.acceptPunct(sep) {
		parts = append(parts, part())
	}
	return list(pos, parts)
}

func (p *parser) pathEltOrInverse() syntax.Path {
	pos := p.here()
	if p.acceptPunct("^") {
		return &syntax.PathInverse{Pos: pos, Path: p.pathElt()}
	}
	return p.pathElt()
}

func (p *parser) pathElt() syntax.Path {
	pos := p.here()
	prim := p.pathPrimary()
	if p.tok.kind == tPunct {
		switch p.tok.text {
		case "*", "+", "?":
			m := syntax.PathModifier(p.tok.text[0])
			p.next()
			return &syntax.PathMod{Pos: pos, Path: prim, Mod: m}
		}
	}
	return prim
}

func (p *parser) pathPrimary() syntax.Path {
	pos := p.here()
	switch {
	case p.isIRI():
		return &syntax.PathLink{Pos: pos, IRI: p.iri()}
	case p.tok.kind == tKeyword && p.tok.text == "a":
		p.next()
		return &syntax.PathLink{Pos: pos, IRI: rdf.RDFType}
	case p.acceptPunct("!"):
		neg := &syntax.PathNegated{Pos: pos}
		if p.tok.kind == tNil {
			p.next()
			return neg
		}
		if p.acceptPunct("(") {
			for {
				p.pathOneInPropertySet(neg)
				if !p.acceptPunct("|") {
					break
				}
			}
			p.expectPunct(")")
			return neg
		}
		p.pathOneInPropertySet(neg)
		return neg
	case p.acceptPunct("("):
		x := p.path()
		p.expectPunct(")")
		return x
	}
	p.expected("property path")
	return nil
}

func (p *parser) pathOneInPropertySet(neg *syntax.PathNegated) {
	inv := p.acceptPunct("^")
	var iri rdf.IRI
	if p.tok.kind == tKeyword && p.tok.text == "a" {
		p.next()
		iri = rdf.RDFType
	} else {
		iri = p.iri()
	}
	if inv {
		neg.Inverse = append(neg.Inverse, iri)
	} else {
		neg.Forward = append(neg.Forward, iri)
	}
}
