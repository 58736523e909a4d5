package nt

import (
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// literal reads (https://www.w3.org/TR/n-triples/#grammar-production-literal)
//
//	literal ::= STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?
//
// at s[i] == '"'.
func (r *Reader) literal(i int) (rdf.Term, int, error) {
	s := r.ln
	j := i + 1
	for j < len(s) {
		c := s[j]
		if strPlain[c] {
			j++
			continue
		}
		if c >= 0x80 {
			if c, n := utf8.DecodeRune(s[j:]); c == utf8.RuneError && n == 1 {
				return nil, 0, r.errorf(j, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in literal", r.ln[j])
			} else {
				j += n
			}
			continue
		}
		break
	}
	var lex []byte
	if j < len(s) && s[j] == '"' {
		lex = s[i+1 : j]
		j++
	} else {
		var err error
		if lex, j, err = r.literalSlow(i, j); err != nil {
			return nil, 0, err
		}
	}

	if j < len(s) && s[j] == '@' {
		k := j + 1
		for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z') {
			k++
		}
		if k == j+1 {
			return nil, 0, r.expected(k, "language tag after '@'")
		}
		for k < len(s) && s[k] == '-' {
			m := k + 1
			for m < len(s) && (s[m] >= 'a' && s[m] <= 'z' || s[m] >= 'A' && s[m] <= 'Z' || s[m] >= '0' && s[m] <= '9') {
				m++
			}
			if m == k+1 {
				return nil, 0, r.expected(m, "letters or digits after '-' in the language tag")
			}
			k = m
		}
		tag := s[j+1 : k]
		h := internHash(tag) & (len(r.langs) - 1)
		lang := r.langs[h]
		if lang != string(tag) {
			lang = string(tag)
			r.langs[h] = lang
		}
		return rdf.Literal{Lexical: string(lex), Datatype: rdf.RDFLangString, Lang: lang}, k, nil
	}
	if j < len(s) && s[j] == '^' {
		if j+1 >= len(s) || s[j+1] != '^' {
			return nil, 0, r.expected(j, "'^^' before the datatype")
		}
		if j+2 >= len(s) || s[j+2] != '<' {
			return nil, 0, r.expected(j+2, "datatype IRI after '^^'")
		}
		lexStr := string(lex) // lex may alias r.scratch, which internedIRI reuses
		dt, k, err := r.internedIRI(j + 2)
		if err != nil {
			return nil, 0, err
		}
		iri := dt.(rdf.IRI)
		if iri == rdf.RDFLangString {
			return nil, 0, r.errorf(j+2, "expected a datatype other than rdf:langString (write \"...\"@tag for a language-tagged string), found rdf:langString")
		}
		return rdf.Literal{Lexical: lexStr, Datatype: iri}, k, nil
	}
	return rdf.Literal{Lexical: string(lex), Datatype: rdf.XSDString}, j, nil
}

// literalSlow goes on from s[j], the first byte the fast path of literal could not take.
func (r *Reader) literalSlow(i, j int) ([]byte, int, error) {
	s := r.ln
	b := append(r.scratch[:0], s[i+1:j]...)
	defer func() { r.scratch = b[:0] }()
	for {
		if j >= len(s) {
			return nil, 0, r.errorf(i, "expected '\"' to end the literal, found end of line")
		}
		c := s[j]
		switch {
		case c == '"':
			return b, j + 1, nil
		case c == '\\':
			if j+1 >= len(s) {
				return nil, 0, r.errorf(j, "expected escape sequence after '\\', found end of line")
			}
			var e byte
			switch s[j+1] {
			case 't':
				e = '\t'
			case 'b':
				e = '\b'
			case 'n':
				e = '\n'
			case 'r':
				e = '\r'
			case 'f':
				e = '\f'
			case '"', '\'', '\\':
				e = s[j+1]
			case 'u', 'U':
				u, n, err := r.uchar(j)
				if err != nil {
					return nil, 0, err
				}
				b = utf8.AppendRune(b, u)
				j += n
				continue
			default:
				return nil, 0, r.errorf(j, "expected escape sequence (\\t \\b \\n \\r \\f \\\" \\' \\\\ \\u \\U), found %s", describe(s, j))
			}
			b = append(b, e)
			j += 2
		case c >= 0x80:
			u, n := utf8.DecodeRune(s[j:])
			if u == utf8.RuneError && n == 1 {
				return nil, 0, r.errorf(j, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in literal", r.ln[j])
			}
			b = append(b, s[j:j+n]...)
			j += n
		default: // strPlain: CR and LF never reach here, they end the line
			b = append(b, c)
			j++
		}
	}
}
