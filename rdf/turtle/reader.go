package turtle

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// NewReader returns a streaming Turtle reader (https://www.w3.org/TR/turtle/). Quads come out
// in the default graph as each statement completes; see the package doc for blank nodes,
// errors and recovery.
func NewReader(r io.Reader, opts rdf.ReadOptions) rdf.Reader { return newParser(r, opts, false) }

// NewTriGReader returns a streaming TriG reader (https://www.w3.org/TR/trig/). Package trig
// exports it as trig.NewReader.
func NewTriGReader(r io.Reader, opts rdf.ReadOptions) rdf.Reader { return newParser(r, opts, true) }

const xsd = "http://www.w3.org/2001/XMLSchema#"

// bailout carries a syntax error up through the recursive descent to statement().
type bailout struct{ err error }

type parser struct {
	lx       *lexer
	trig     bool
	base     *rdf.Base
	prefixes map[string]string

	tok    token
	tokErr error
	peeked bool

	out    []rdf.Quad // quads of the last completed statement
	outPos int

	inBlock bool     // inside a TriG { ... }
	graph   rdf.Term // graph of the current block; nil for the default graph
	anon    int      // counter for unlabelled blank nodes
	scratch []byte

	iriCache map[string]rdf.Term            // raw IRIREF -> resolved IRI, for the current base
	pnCache  map[string]map[string]rdf.Term // prefix -> local name -> IRI
	fatal    error
	done     bool
}

func newParser(r io.Reader, opts rdf.ReadOptions, trig bool) *parser {
	return &parser{
		lx:       newLexer(r, opts.File, opts.Line),
		trig:     trig,
		base:     rdf.NewBase(opts.Base),
		prefixes: map[string]string{},
	}
}

// Read implements rdf.Reader.
func (p *parser) Read() (rdf.Quad, error) {
	for p.outPos >= len(p.out) {
		if p.fatal != nil {
			return rdf.Quad{}, p.fatal
		}
		if p.done {
			return rdf.Quad{}, io.EOF
		}
		p.out, p.outPos = p.out[:0], 0
		if err := p.statement(); err != nil {
			p.out = p.out[:0]
			if e := p.lx.ioErr; e != nil && e != io.EOF {
				// The input broke off mid-token: report the I/O error, not the truncation.
				err = e
			}
			var se *rdf.SyntaxError
			if errors.As(err, &se) && !se.Fatal {
				p.resync()
				if p.fatal != nil {
					return rdf.Quad{}, p.fatal
				}
				return rdf.Quad{}, err
			}
			p.fatal = err
			return rdf.Quad{}, err
		}
	}
	q := p.out[p.outPos]
	p.outPos++
	return q, nil
}

// statement parses one directive, one triples statement, or (TriG) the opening or closing of
// a graph block, appending its quads to p.out.
func (p *parser) statement() (err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = b.err
		}
	}()
	t := p.peek()
	switch {
	case t.kind == tEOF:
		if p.inBlock {
			p.inBlock = false // report the missing '}' once; the next Read ends
			p.fail(t, "expected '}', found end of input")
		}
		p.done = true
		return nil
	case t.kind == tLang && (t.val == "prefix" || t.val == "base"):
		if p.inBlock {
			p.fail(t, "directives are not allowed inside a graph block")
		}
		p.next()
		p.directive(t.val == "prefix")
		p.expect(tDot, "'.' after directive")
		return nil
	case t.kind == tWord && (strings.EqualFold(t.val, "PREFIX") || strings.EqualFold(t.val, "BASE")):
		if p.inBlock {
			p.fail(t, "directives are not allowed inside a graph block")
		}
		p.next()
		p.directive(strings.EqualFold(t.val, "PREFIX"))
		return nil
	}
	if !p.trig {
		p.triples()
		p.expect(tDot, "'.'")
		return nil
	}
	if p.inBlock {
		if t.kind == tRBrace {
			p.next()
			p.inBlock, p.graph = false, nil
			return nil
		}
		p.triples()
		// triplesBlock ::= triples ('.' triplesBlock?)? : the last '.' is optional.
		if p.peek().kind == tRBrace {
			return nil
		}
		p.expect(tDot, "'.' or '}'")
		return nil
	}
	// block ::= triplesOrGraph | wrappedGraph | triples2 | "GRAPH" labelOrSubject wrappedGraph
	switch {
	case t.kind == tLBrace:
		p.next()
		p.inBlock, p.graph = true, nil
		return nil
	case t.kind == tWord && strings.EqualFold(t.val, "GRAPH"):
		p.next()
		g := p.labelOrSubject()
		p.expect(tLBrace, "'{'")
		p.inBlock, p.graph = true, g
		return nil
	case t.kind == tIRI || t.kind == tPName || t.kind == tBlank || t.kind == tLBracket:
		var s rdf.Term
		anon := true
		if t.kind == tLBracket {
			s, anon = p.bracket()
		} else {
			s = p.labelOrSubject()
		}
		if !anon {
			// triples2 ::= blankNodePropertyList predicateObjectList? '.'
			if p.peek().kind != tDot {
				p.predicateObjectList(s)
			}
			p.expect(tDot, "'.'")
			return nil
		}
		if p.peek().kind == tLBrace {
			p.next()
			p.inBlock, p.graph = true, s
			return nil
		}
		p.predicateObjectList(s)
		p.expect(tDot, "'.'")
		return nil
	}
	p.triples()
	p.expect(tDot, "'.'")
	return nil
}

// resync skips to the end of the bad statement: past the next '.', or in TriG past a '}'
// that closes the current block. A '{ ... }' met on the way (the bad statement was a graph
// block header) is skipped whole, so its triples do not land in the wrong graph.
func (p *parser) resync() {
	depth := 0
	for {
		t, err := p.peekErr()
		p.peeked = false
		if err != nil {
			var se *rdf.SyntaxError
			if !errors.As(err, &se) {
				p.fatal = err
				return
			}
			continue
		}
		switch t.kind {
		case tEOF:
			p.peeked = true // leave EOF for statement()
			return
		case tDot:
			if depth == 0 {
				return
			}
		case tLBrace:
			if p.trig && !p.inBlock {
				depth++
			}
		case tRBrace:
			if depth > 0 {
				depth--
				if depth == 0 {
					return
				}
			} else if p.trig {
				p.inBlock, p.graph = false, nil
				return
			}
		}
	}
}

func (p *parser) peekErr() (token, error) {
	if !p.peeked {
		p.tok, p.tokErr = p.lx.token()
		p.peeked = true
	}
	return p.tok, p.tokErr
}

func (p *parser) peek() token {
	t, err := p.peekErr()
	if err != nil {
		p.peeked = false
		panic(bailout{err})
	}
	return t
}

func (p *parser) next() token {
	t := p.peek()
	p.peeked = false
	return t
}

func (p *parser) fail(t token, msg string) {
	panic(bailout{&rdf.SyntaxError{File: p.lx.file, Line: t.line, Col: t.col, Msg: msg}})
}

func (p *parser) expect(k tokKind, what string) token {
	t := p.peek()
	if t.kind != k {
		p.fail(t, "expected "+what+", found "+t.String())
	}
	p.peeked = false
	return t
}

func (p *parser) emit(s, pr, o rdf.Term) {
	p.out = append(p.out, rdf.Quad{Subject: s, Predicate: pr, Object: o, Graph: p.graph})
}

func (p *parser) fresh() rdf.BlankNode {
	p.anon++
	p.scratch = strconv.AppendInt(append(p.scratch[:0], 'g'), int64(p.anon), 10)
	return rdf.BlankNode(p.scratch)
}

// directive parses the rest of @prefix/PREFIX (PNAME_NS IRIREF) or @base/BASE (IRIREF).
func (p *parser) directive(prefix bool) {
	if prefix {
		t := p.peek()
		if t.kind != tPName || t.val != "" {
			p.fail(t, "expected prefix name ending in ':', found "+t.String())
		}
		p.next()
		p.prefixes[t.pfx] = string(p.resolve(p.expect(tIRI, "IRI")))
		delete(p.pnCache, t.pfx)
		return
	}
	p.base = rdf.NewBase(string(p.resolve(p.expect(tIRI, "IRI"))))
	p.iriCache = nil // relative references now resolve differently
}

func (p *parser) resolve(t token) rdf.IRI {
	s, ok := p.base.Resolve(t.val)
	if !ok {
		p.fail(t, "relative IRI <"+t.val+"> without a base IRI")
	}
	return rdf.IRI(s)
}

// iriTok turns an IRIREF or PrefixedName token into an IRI. Terms are cached per raw
// reference and per prefixed name, so that a repeated predicate costs a map lookup instead
// of a resolution, a concatenation and an allocation.
func (p *parser) iriTok(t token) rdf.Term {
	switch t.kind {
	case tIRI:
		if term, ok := p.iriCache[t.val]; ok {
			return term
		}
		term := rdf.Term(p.resolve(t))
		p.cache(&p.iriCache, t.val, term)
		return term
	case tPName:
		m := p.pnCache[t.pfx]
		if term, ok := m[t.val]; ok {
			return term
		}
		ns, ok := p.prefixes[t.pfx]
		if !ok {
			p.fail(t, "undeclared prefix "+strconv.Quote(t.pfx))
		}
		term := rdf.Term(rdf.IRI(ns + t.val))
		if m == nil || len(m) >= maxCache {
			m = map[string]rdf.Term{}
			if p.pnCache == nil {
				p.pnCache = map[string]map[string]rdf.Term{}
			}
			p.pnCache[t.pfx] = m
		}
		m[t.val] = term
		return term
	}
	p.fail(t, "expected IRI, found "+t.String())
	return nil
}

// maxCache bounds each term cache; a full cache starts again empty.
const maxCache = 4096

func (p *parser) cache(m *map[string]rdf.Term, key string, t rdf.Term) {
	if *m == nil || len(*m) >= maxCache {
		*m = make(map[string]rdf.Term, 64)
	}
	(*m)[key] = t
}

// labelOrSubject parses iri | BlankNode (BLANK_NODE_LABEL or ANON).
func (p *parser) labelOrSubject() rdf.Term {
	t := p.next()
	switch t.kind {
	case tBlank:
		return rdf.BlankNode(t.val)
	case tLBracket:
		p.expect(tRBracket, "']'")
		return p.fresh()
	}
	return p.iriTok(t)
}

// bracket parses what follows a '[' that was peeked: either ANON ("[ ]", anon == true) or
// a blankNodePropertyList, whose triples it emits.
func (p *parser) bracket() (node rdf.BlankNode, anon bool) {
	p.next()
	node = p.fresh()
	if p.peek().kind == tRBracket {
		p.next()
		return node, true
	}
	p.predicateObjectList(node)
	p.expect(tRBracket, "']'")
	return node, false
}

// triples parses
//
//	triples ::= subject predicateObjectList | blankNodePropertyList predicateObjectList?
func (p *parser) triples() {
	t := p.peek()
	var s rdf.Term
	switch t.kind {
	case tLBracket:
		node, anon := p.bracket()
		if !anon {
			if k := p.peek().kind; k == tDot || p.inBlock && k == tRBrace {
				return
			}
		}
		s = node
	case tLParen:
		s = p.collection()
	case tBlank:
		p.next()
		s = rdf.BlankNode(t.val)
	case tIRI, tPName:
		p.next()
		s = p.iriTok(t)
	default:
		p.fail(t, "expected subject, found "+t.String())
	}
	p.predicateObjectList(s)
}

// predicateObjectList parses verb objectList (';' (verb objectList)?)*.
func (p *parser) predicateObjectList(s rdf.Term) {
	for {
		pr := p.verb()
		p.objectList(s, pr)
		if p.peek().kind != tSemi {
			return
		}
		for p.peek().kind == tSemi {
			p.next()
		}
		switch t := p.peek(); t.kind {
		case tIRI, tPName:
		case tWord:
			if t.val != "a" {
				return
			}
		default:
			return
		}
	}
}

func (p *parser) verb() rdf.Term {
	t := p.next()
	if t.kind == tWord && t.val == "a" {
		return rdf.RDFType
	}
	if t.kind != tIRI && t.kind != tPName {
		p.fail(t, "expected predicate, found "+t.String())
	}
	return p.iriTok(t)
}

func (p *parser) objectList(s, pr rdf.Term) {
	for {
		p.emit(s, pr, p.object())
		if p.peek().kind != tComma {
			return
		}
		p.next()
	}
}

// object parses iri | BlankNode | collection | blankNodePropertyList | literal.
func (p *parser) object() rdf.Term {
	t := p.peek()
	switch t.kind {
	case tIRI, tPName:
		p.next()
		return p.iriTok(t)
	case tBlank:
		p.next()
		return rdf.BlankNode(t.val)
	case tLBracket:
		node, _ := p.bracket()
		return node
	case tLParen:
		return p.collection()
	case tString:
		p.next()
		switch n := p.peek(); n.kind {
		case tLang:
			p.next()
			return rdf.NewLangLiteral(t.val, n.val)
		case tHatHat:
			p.next()
			dt := p.next()
			if dt.kind != tIRI && dt.kind != tPName {
				p.fail(dt, "expected datatype IRI, found "+dt.String())
			}
			return rdf.NewTypedLiteral(t.val, p.iriTok(dt).(rdf.IRI))
		}
		return rdf.NewLiteral(t.val)
	case tInteger:
		p.next()
		return rdf.NewTypedLiteral(t.val, xsd+"integer")
	case tDecimal:
		p.next()
		return rdf.NewTypedLiteral(t.val, xsd+"decimal")
	case tDouble:
		p.next()
		return rdf.NewTypedLiteral(t.val, xsd+"double")
	case tWord:
		if t.val == "true" || t.val == "false" {
			p.next()
			return rdf.NewTypedLiteral(t.val, xsd+"boolean")
		}
	}
	p.fail(t, "expected object, found "+t.String())
	return nil
}

// collection parses '(' object* ')' into an RDF list and returns its head (rdf:nil if empty).
func (p *parser) collection() rdf.Term {
	p.expect(tLParen, "'('")
	var head, last rdf.Term = rdf.RDFNil, nil
	for p.peek().kind != tRParen {
		cell := p.fresh()
		if last == nil {
			head = cell
		} else {
			p.emit(last, rdf.RDFRest, cell)
		}
		p.emit(cell, rdf.RDFFirst, p.object())
		last = cell
	}
	p.next()
	if last != nil {
		p.emit(last, rdf.RDFRest, rdf.RDFNil)
	}
	return head
}
