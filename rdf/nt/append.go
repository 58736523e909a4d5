package nt

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

const hexDigits = "0123456789ABCDEF"

// AppendTerm appends the canonical N-Triples form of t
// (https://www.w3.org/TR/n-triples/#canonical-ntriples) to dst and returns the extended
// slice: <iri>, _:label, "lexical", "lexical"@lang or "lexical"^^<datatype>.
//
// It does not check the term: a blank node label is written as it is, and an IRI or
// lexical form that is not UTF-8 gives output no reader accepts. Writer checks every quad
// before it appends it. t must not be nil.
func AppendTerm(dst []byte, t rdf.Term) []byte {
	switch t := t.(type) {
	case rdf.IRI:
		return appendIRI(dst, string(t))
	case rdf.BlankNode:
		dst = append(dst, '_', ':')
		return append(dst, t...)
	case rdf.Literal:
		return appendLiteral(dst, t)
	default:
		panic(fmt.Sprintf("unreachable: %T", t))
	}
}

// AppendQuad appends q as one canonical N-Quads line, LF included; a quad in the default
// graph gives an N-Triples line. Like AppendTerm it does not check the terms.
func AppendQuad(dst []byte, q rdf.Quad) []byte {
	dst = AppendTerm(dst, q.Subject)
	dst = append(dst, ' ')
	dst = AppendTerm(dst, q.Predicate)
	dst = append(dst, ' ')
	dst = AppendTerm(dst, q.Object)
	if q.Graph != nil {
		dst = append(dst, ' ')
		dst = AppendTerm(dst, q.Graph)
	}
	return append(dst, ' ', '.', '\n')
}

// appendIRI writes <iri>, escaping as \u00XX (upper-case hex) only the characters IRIREF
// cannot hold; every other character is written as it is.
func appendIRI(dst []byte, s string) []byte {
	dst = append(dst, '<')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || iriPlain[c] {
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '>')
}

// appendLiteral writes the literal with only " \ LF CR escaped (as \" \\ \n \r), as the
// canonical form demands, and ^^<datatype> unless the datatype is xsd:string.
func appendLiteral(dst []byte, l rdf.Literal) []byte {
	dst = append(dst, '"')
	s := l.Lexical
	start := 0
	for i := 0; i < len(s); i++ {
		var e byte
		switch s[i] {
		case '"':
			e = '"'
		case '\\':
			e = '\\'
		case '\n':
			e = 'n'
		case '\r':
			e = 'r'
		default:
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, '\\', e)
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	dst = append(dst, '"')
	switch {
	case l.Lang != "":
		dst = append(dst, '@')
		dst = append(dst, l.Lang...)
	case l.Datatype != rdf.XSDString && l.Datatype != "":
		dst = append(dst, '^', '^')
		dst = appendIRI(dst, string(l.Datatype))
	}
	return dst
}
