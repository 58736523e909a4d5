package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// Options configure parsing.
type Options struct {
	// Base is the base IRI for relative IRI references; empty means none (a relative
	// reference is then an error unless the text declares BASE).
	Base string
}

// Error is the error type the parser returns: the list of syntax errors, sorted by position.
// It matches ErrSyntax with errors.Is.
type Error struct {
	List rdf.ErrorList
}

func (e *Error) Error() string        { return e.List.Error() }
func (e *Error) Is(target error) bool { return target == ErrSyntax }
func (e *Error) Unwrap() error        { return e.List }

// bailout is panicked with to abandon parsing after the first grammar error.
type bailout struct{}

type parser struct {
	src  string
	lx   lexer
	tok  token
	errs rdf.ErrorList

	last syntax.Pos // the position pos computed last

	base     *rdf.Base
	prefixes map[string]string
	prologue syntax.Prologue

	fresh int // counter for fresh blank nodes

	// Blank node labels: the basic graph pattern (or template) each label was first used in.
	labels map[string]int
	bgp    int // id of the current basic graph pattern; 0 means "none open"
	nbgp   int

	depth int // nesting of expressions, groups, paths and triples nodes

	aggOK   bool // aggregates allowed in the expression being parsed
	inAgg   bool // parsing an aggregate's argument
	noBlank bool // blank nodes forbidden (DELETE forms)
	// template is set inside CONSTRUCT and DELETE/INSERT templates, whose blank node labels
	// stand for fresh nodes per solution and so are not scoped to the request.
	template bool
}

func newParser(src string, opts Options) *parser {
	p := &parser{src: src, lx: lexer{src: src}, prefixes: map[string]string{}, labels: map[string]int{}}
	p.base = rdf.NewBase(opts.Base)
	p.prologue.Base = opts.Base
	return p
}

// ParseQuery parses a SPARQL 1.1 query (QueryUnit). On bad input it returns a nil query and
// an *Error (errors.Is(err, ErrSyntax)); it never panics.
func ParseQuery(src string, opts Options) (q *syntax.Query, err error) {
	p := newParser(src, opts)
	defer p.recover(&err)
	p.next()
	q = p.query()
	if len(p.errs) > 0 {
		return nil, p.err()
	}
	return q, nil
}

// ParseUpdate parses a SPARQL 1.1 update request (UpdateUnit); the empty request is valid
// and has no operations. On bad input it returns a nil update and an *Error.
func ParseUpdate(src string, opts Options) (u *syntax.Update, err error) {
	p := newParser(src, opts)
	defer p.recover(&err)
	p.next()
	u = p.update()
	if len(p.errs) > 0 {
		return nil, p.err()
	}
	return u, nil
}

func (p *parser) err() error {
	p.errs.Sort()
	return &Error{List: p.errs}
}

func (p *parser) recover(err *error) {
	if r := recover(); r != nil {
		if _, ok := r.(bailout); !ok {
			panic(r)
		}
		*err = p.err()
	}
}

// pos converts a byte offset into a position. Parsing asks for offsets mostly in increasing
// order, so the last answer is kept and counting resumes from it.
func (p *parser) pos(off int) syntax.Pos {
	if off > len(p.src) {
		off = len(p.src)
	}
	if p.last.Line == 0 || off < p.last.Offset {
		p.last = syntax.Pos{Offset: 0, Line: 1, Col: 1}
	}
	line, col := p.last.Line, p.last.Col
	for i := p.last.Offset; i < off; {
		c := p.src[i]
		switch {
		case c == '\n' || c == '\r' && (i+1 >= len(p.src) || p.src[i+1] != '\n'):
			line, col = line+1, 1
			i++
		case c < utf8.RuneSelf:
			if c != '\r' {
				col++
			}
			i++
		default:
			_, n := utf8.DecodeRuneInString(p.src[i:])
			col++
			i += n
		}
	}
	p.last = syntax.Pos{Offset: off, Line: line, Col: col}
	return p.last
}

func (p *parser) here() syntax.Pos { return p.pos(p.tok.pos) }

// errorAt records an error without stopping.
func (p *parser) errorAt(pos syntax.Pos, format string, args ...any) {
	p.errs.Add(&rdf.SyntaxError{Line: pos.Line, Col: pos.Col, Msg: fmt.Sprintf(format, args...), Fatal: true})
}

// fail records an error at the current token and abandons parsing.
func (p *parser) fail(format string, args ...any) {
	p.errorAt(p.here(), format, args...)
	panic(bailout{})
}

func (p *parser) failAt(pos syntax.Pos, format string, args ...any) {
	p.errorAt(pos, format, args...)
	panic(bailout{})
}

func (p *parser) expected(what string) {
	p.fail("expected %s, found %s", what, describe(p.tok))
}

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of input"
	case tError:
		return t.text
	case tKeyword, tPunct:
		return fmt.Sprintf("%q", t.text)
	case tVar:
		return "variable ?" + t.text
	case tIRI:
		return "IRI <" + t.text + ">"
	case tPName:
		return "prefixed name " + t.prefix + ":" + t.text
	case tBlank:
		return "blank node _:" + t.text
	case tString:
		return "string literal"
	case tInteger, tDecimal, tDouble:
		return "number " + t.text
	}
	return kindNames[t.kind]
}

func (p *parser) next() {
	p.tok = p.lx.next()
	if p.tok.kind == tError {
		p.fail("%s", p.tok.text)
	}
}

// isKw reports whether the current token is the keyword kw (case-insensitive).
func (p *parser) isKw(kw string) bool {
	return p.tok.kind == tKeyword && strings.EqualFold(p.tok.text, kw)
}

func (p *parser) acceptKw(kw string) bool {
	if p.isKw(kw) {
		p.next()
		return true
	}
	return false
}

func (p *parser) expectKw(kw string) syntax.Pos {
	pos := p.here()
	if !p.isKw(kw) {
		p.expected(kw)
	}
	p.next()
	return pos
}

func (p *parser) isPunct(s string) bool { return p.tok.kind == tPunct && p.tok.text == s }

func (p *parser) acceptPunct(s string) bool {
	if p.isPunct(s) {
		p.next()
		return true
	}
	return false
}

func (p *parser) expectPunct(s string) syntax.Pos {
	pos := p.here()
	if !p.isPunct(s) {
		p.expected(fmt.Sprintf("%q", s))
	}
	p.next()
	return pos
}

// peek returns the token after the current one without consuming anything.
func (p *parser) peek() token {
	save := p.lx
	t := p.lx.next()
	p.lx = save
	return t
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 500

// enter counts one level of nesting; the caller defers p.leave().
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.fail("nesting deeper than %d levels", maxDepth)
	}
}

func (p *parser) leave() { p.depth-- }

func (p *parser) freshBlank() rdf.BlankNode {
	p.fresh++
	return rdf.BlankNode(fmt.Sprintf("g%d", p.fresh))
}

// openBGP starts a new basic graph pattern for blank node label scoping and returns the id of
// the previous one, for closeBGP.
func (p *parser) openBGP() int {
	prev := p.bgp
	p.nbgp++
	p.bgp = p.nbgp
	return prev
}

func (p *parser) closeBGP(prev int) { p.bgp = prev }

// blankLabel turns _:label into a term, checking the label's scope.
func (p *parser) blankLabel(label string, pos syntax.Pos) rdf.BlankNode {
	if p.noBlank {
		p.failAt(pos, "blank nodes are not allowed here")
	}
	if p.template {
		return rdf.BlankNode("b" + label)
	}
	if id, ok := p.labels[label]; ok && id != p.bgp {
		p.errorAt(pos, "blank node label _:%s is used in more than one basic graph pattern", label)
	} else if !ok {
		p.labels[label] = p.bgp
	}
	return rdf.BlankNode("b" + label)
}

// ---- prologue and IRIs ----

func (p *parser) prologueDecls() {
	for {
		switch {
		case p.isKw("BASE"):
			p.next()
			if p.tok.kind != tIRI {
				p.expected("IRI after BASE")
			}
			iri := p.resolve(p.tok.text)
			p.base = rdf.NewBase(iri)
			p.prologue.Base = iri
			p.next()
		case p.isKw("PREFIX"):
			pos := p.here()
			p.next()
			if p.tok.kind != tPName || p.tok.text != "" {
				p.expected("prefix name ending in ':'")
			}
			prefix := p.tok.prefix
			p.next()
			if p.tok.kind != tIRI {
				p.expected("IRI after PREFIX " + prefix + ":")
			}
			iri := p.resolve(p.tok.text)
			p.prefixes[prefix] = iri
			p.prologue.Prefixes = append(p.prologue.Prefixes, syntax.Prefix{Pos: pos, Prefix: prefix, IRI: rdf.IRI(iri)})
			p.next()
		default:
			return
		}
	}
}

func (p *parser) resolve(ref string) string {
	iri, ok := p.base.Resolve(ref)
	if !ok {
		p.fail("relative IRI <%s> without a base IRI", ref)
	}
	return iri
}

func (p *parser) isIRI() bool { return p.tok.kind == tIRI || p.tok.kind == tPName }

// iri reads iri ::= IRIREF | PrefixedName.
func (p *parser) iri() rdf.IRI {
	switch p.tok.kind {
	case tIRI:
		s := p.resolve(p.tok.text)
		p.next()
		return rdf.IRI(s)
	case tPName:
		ns, ok := p.prefixes[p.tok.prefix]
		if !ok {
			p.fail("undefined prefix %q", p.tok.prefix+":")
		}
		s := ns + p.tok.text
		p.next()
		return rdf.IRI(s)
	}
	p.expected("IRI")
	return ""
}

func (p *parser) checkBadEnd(what string) {
	if p.tok.kind != tEOF {
		p.expected(what)
	}
}
