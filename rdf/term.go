package rdf

import (
	"fmt"
	"strings"
)

// Well-known datatype IRIs used by the term model itself.
const (
	XSDString     IRI = "http://www.w3.org/2001/XMLSchema#string"
	XSDBoolean    IRI = "http://www.w3.org/2001/XMLSchema#boolean"
	XSDInteger    IRI = "http://www.w3.org/2001/XMLSchema#integer"
	XSDDecimal    IRI = "http://www.w3.org/2001/XMLSchema#decimal"
	XSDDouble     IRI = "http://www.w3.org/2001/XMLSchema#double"
	XSDDateTime   IRI = "http://www.w3.org/2001/XMLSchema#dateTime"
	XSDDate       IRI = "http://www.w3.org/2001/XMLSchema#date"
	RDFLangString IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
	RDFType       IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	RDFFirst      IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
	RDFRest       IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
	RDFNil        IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
	RDFXMLLiteral IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral"
	RDFJSON       IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
)

// Kind tells the three kinds of term apart without a type switch.
type Kind uint8

// The kinds of term, in the order SPARQL sorts them (blank nodes, IRIs, literals).
const (
	KindBlank Kind = iota + 1
	KindIRI
	KindLiteral
)

func (k Kind) String() string {
	switch k {
	case KindBlank:
		return "blank node"
	case KindIRI:
		return "IRI"
	case KindLiteral:
		return "literal"
	default:
		return fmt.Sprintf("Kind(%d)", uint8(k))
	}
}

// Term is an RDF term: IRI, BlankNode or Literal. The interface is sealed.
// Terms are comparable: a == b holds exactly when they are the same RDF term.
type Term interface {
	// Kind reports which of the three kinds the term is.
	Kind() Kind
	// String returns the N-Triples form of the term (<iri>, _:label, "lex"@lang, "lex"^^<dt>).
	String() string
	isTerm()
}

// IRI is an absolute IRI, kept exactly as resolved (no normalisation beyond RFC 3986 resolution).
type IRI string

// BlankNode is a blank node, identified by its label within one document or store.
type BlankNode string

// Literal is an RDF literal. Lexical is always kept as written. Datatype is never empty:
// xsd:string for simple literals, rdf:langString when Lang is set.
type Literal struct {
	Lexical  string
	Datatype IRI
	Lang     string
}

func (IRI) Kind() Kind       { return KindIRI }
func (BlankNode) Kind() Kind { return KindBlank }
func (Literal) Kind() Kind   { return KindLiteral }
func (IRI) isTerm()          {}
func (BlankNode) isTerm()    {}
func (Literal) isTerm()      {}

// String returns <iri> with the characters N-Triples forbids escaped as \uXXXX.
func (i IRI) String() string {
	var b strings.Builder
	b.Grow(len(i) + 2)
	b.WriteByte('<')
	WriteIRIEscaped(&b, string(i))
	b.WriteByte('>')
	return b.String()
}

// String returns _:label.
func (b BlankNode) String() string { return "_:" + string(b) }

// String returns the canonical N-Triples form of the literal.
func (l Literal) String() string {
	var b strings.Builder
	b.Grow(len(l.Lexical) + 2 + len(l.Lang) + len(l.Datatype))
	b.WriteByte('"')
	WriteStringEscaped(&b, l.Lexical)
	b.WriteByte('"')
	switch {
	case l.Lang != "":
		b.WriteByte('@')
		b.WriteString(l.Lang)
	case l.Datatype != XSDString && l.Datatype != "":
		b.WriteString("^^")
		b.WriteString(l.Datatype.String())
	}
	return b.String()
}

// NewLiteral returns a simple literal (datatype xsd:string).
func NewLiteral(lexical string) Literal { return Literal{Lexical: lexical, Datatype: XSDString} }

// NewLangLiteral returns a language-tagged string (datatype rdf:langString).
func NewLangLiteral(lexical, lang string) Literal {
	return Literal{Lexical: lexical, Datatype: RDFLangString, Lang: lang}
}

// NewTypedLiteral returns a literal of the given datatype. An empty datatype means xsd:string;
// rdf:langString without a tag is not a valid literal and is not checked here.
func NewTypedLiteral(lexical string, datatype IRI) Literal {
	if datatype == "" {
		datatype = XSDString
	}
	return Literal{Lexical: lexical, Datatype: datatype}
}

// Quad is one RDF statement. Graph == nil means the default graph.
type Quad struct {
	Subject   Term // IRI or BlankNode
	Predicate Term // IRI
	Object    Term
	Graph     Term // nil, IRI or BlankNode
}

// String returns the N-Quads line of the quad, without the newline.
func (q Quad) String() string {
	s := q.Subject.String() + " " + q.Predicate.String() + " " + q.Object.String()
	if q.Graph != nil {
		s += " " + q.Graph.String()
	}
	return s + " ."
}

// Triple returns the quad moved to the default graph.
func (q Quad) Triple() Quad { q.Graph = nil; return q }

// WriteStringEscaped writes s as the body of an N-Triples STRING_LITERAL_QUOTE in the
// canonical form of RDF 1.1 N-Triples: only ", \, LF and CR are escaped (as \" \\ \n \r);
// other control characters are written as \u00XX since RDF 1.1 canonical form forbids
// nothing else but most tools choke on raw controls.
func WriteStringEscaped(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var esc string
		switch c {
		case '"':
			esc = `\"`
		case '\\':
			esc = `\\`
		case '\n':
			esc = `\n`
		case '\r':
			esc = `\r`
		default:
			if c < 0x20 || c == 0x7f {
				esc = fmt.Sprintf(`\u%04X`, c)
			} else {
				continue
			}
		}
		b.WriteString(s[start:i])
		b.WriteString(esc)
		start = i + 1
	}
	b.WriteString(s[start:])
}

// WriteIRIEscaped writes s for use between < and > in N-Triples, escaping as \uXXXX the
// characters IRIREF excludes (controls, space, <>"{}|^`\).
func WriteIRIEscaped(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > 0x20 && c != '<' && c != '>' && c != '"' && c != '{' && c != '}' && c != '|' && c != '^' && c != '`' && c != '\\' {
			continue
		}
		b.WriteString(s[start:i])
		fmt.Fprintf(b, `\u%04X`, c)
		start = i + 1
	}
	b.WriteString(s[start:])
}
