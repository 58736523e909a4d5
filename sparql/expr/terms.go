package expr

import (
	"crypto/rand"
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Functions on RDF terms, https://www.w3.org/TR/sparql11-query/#func-rdfTerms.
// A nil argument (unbound) is ErrUnbound throughout.

// IsIRI implements isIRI / isURI.
func IsIRI(t rdf.Term) (rdf.Term, error) {
	if t == nil {
		return nil, ErrUnbound
	}
	return Bool(t.Kind() == rdf.KindIRI), nil
}

// IsBlank implements isBlank.
func IsBlank(t rdf.Term) (rdf.Term, error) {
	if t == nil {
		return nil, ErrUnbound
	}
	return Bool(t.Kind() == rdf.KindBlank), nil
}

// IsLiteral implements isLiteral.
func IsLiteral(t rdf.Term) (rdf.Term, error) {
	if t == nil {
		return nil, ErrUnbound
	}
	return Bool(t.Kind() == rdf.KindLiteral), nil
}

// IsNumeric implements isNumeric: a literal of a numeric datatype with a valid lexical form.
func IsNumeric(t rdf.Term) (rdf.Term, error) {
	if t == nil {
		return nil, ErrUnbound
	}
	_, err := ParseNumber(t)
	return Bool(err == nil), nil
}

// Str implements STR: the lexical form of a literal or the text of an IRI, as a simple
// literal. Blank nodes are ErrTypeError.
func Str(t rdf.Term) (rdf.Term, error) {
	switch x := t.(type) {
	case nil:
		return nil, ErrUnbound
	case rdf.IRI:
		return rdf.NewLiteral(string(x)), nil
	case rdf.Literal:
		return rdf.NewLiteral(x.Lexical), nil
	}
	return nil, ErrTypeError
}

// Lang implements LANG: the language tag of a literal, "" when it has none.
func Lang(t rdf.Term) (rdf.Term, error) {
	switch x := t.(type) {
	case nil:
		return nil, ErrUnbound
	case rdf.Literal:
		return rdf.NewLiteral(x.Lang), nil
	}
	return nil, ErrTypeError
}

// Datatype implements DATATYPE: xsd:string for simple literals, rdf:langString for
// language-tagged strings (RDF 1.1).
func Datatype(t rdf.Term) (rdf.Term, error) {
	switch x := t.(type) {
	case nil:
		return nil, ErrUnbound
	case rdf.Literal:
		if x.Lang != "" {
			return rdf.RDFLangString, nil
		}
		if x.Datatype == "" {
			return rdf.XSDString, nil
		}
		return x.Datatype, nil
	}
	return nil, ErrTypeError
}

// IRI implements IRI / URI: an IRI is returned as is; a simple literal or xsd:string is
// resolved against base (the query's base IRI; nil for none). A relative reference without
// a base is ErrBadArgument.
func IRI(t rdf.Term, base *rdf.Base) (rdf.Term, error) {
	switch x := t.(type) {
	case nil:
		return nil, ErrUnbound
	case rdf.IRI:
		return x, nil
	case rdf.Literal:
		if !isStringLiteral(x) {
			return nil, ErrTypeError
		}
		iri, ok := base.Resolve(x.Lexical)
		if !ok {
			return nil, fmt.Errorf("%w: relative IRI %q without a base", ErrBadArgument, x.Lexical)
		}
		return rdf.IRI(iri), nil
	}
	return nil, ErrTypeError
}

// BNode implements BNODE() without argument: fresh returns a blank node distinct from all
// others in the query's data and results; the evaluator supplies it.
func BNode(fresh func() rdf.BlankNode) rdf.Term { return fresh() }

// BNodeFrom implements BNODE(str): keyed must return the same blank node for the same
// string within one solution and distinct ones across solutions; the evaluator supplies it.
// The argument must be a simple literal or xsd:string.
func BNodeFrom(t rdf.Term, keyed func(string) rdf.BlankNode) (rdf.Term, error) {
	s, err := simpleString(t)
	if err != nil {
		return nil, err
	}
	return keyed(s), nil
}

// StrDT implements STRDT: a literal with lexical form from a simple literal and datatype from
// an IRI. The lexical form is not checked against the datatype.
func StrDT(lex, dt rdf.Term) (rdf.Term, error) {
	s, err := simpleString(lex)
	if err != nil {
		return nil, err
	}
	d, ok := dt.(rdf.IRI)
	if !ok {
		if dt == nil {
			return nil, ErrUnbound
		}
		return nil, ErrTypeError
	}
	if d == rdf.RDFLangString {
		return nil, ErrBadArgument
	}
	return rdf.NewTypedLiteral(s, d), nil
}

// StrLang implements STRLANG: a language-tagged string from a simple literal and a tag
// (which must be a well-formed BCP 47 tag).
func StrLang(lex, lang rdf.Term) (rdf.Term, error) {
	s, err := simpleString(lex)
	if err != nil {
		return nil, err
	}
	tag, err := simpleString(lang)
	if err != nil {
		return nil, err
	}
	if !validLangTag(tag) {
		return nil, fmt.Errorf("%w: language tag %q", ErrBadArgument, tag)
	}
	return rdf.NewLangLiteral(s, tag), nil
}

// validLangTag checks [a-zA-Z]{1,8} ('-' [a-zA-Z0-9]{1,8})*, the LANGTAG production.
func validLangTag(s string) bool {
	n, first := 0, true
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '-' {
			if n < 1 || n > 8 {
				return false
			}
			n, first = 0, false
			continue
		}
		c := s[i] | 0x20
		switch {
		case c >= 'a' && c <= 'z':
		case !first && s[i] >= '0' && s[i] <= '9':
		default:
			return false
		}
		n++
	}
	return true
}

// newUUID returns a random (version 4) UUID in its 36-character form.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// UUID implements UUID: a fresh urn:uuid: IRI (RFC 4122 version 4).
func UUID() rdf.Term { return rdf.IRI("urn:uuid:" + newUUID()) }

// StrUUID implements STRUUID: a fresh UUID as a simple literal.
func StrUUID() rdf.Term { return rdf.NewLiteral(newUUID()) }
