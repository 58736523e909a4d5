package nt

import (
	"fmt"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// parseLine parses r.ln, one logical line:
//
//	statement ::= subject predicate object graphLabel? '.'   (graphLabel only in N-Quads)
//
// with optional spaces and tabs around the terms and an optional comment at the end
// (https://www.w3.org/TR/n-quads/#sec-grammar). ok is false for a blank or comment line.
func (r *Reader) parseLine() (q rdf.Quad, ok bool, err error) {
	s := r.ln
	i := skipWS(s, 0)
	if i == len(s) {
		return q, false, nil
	}
	if s[i] == '#' {
		return q, false, r.comment(i)
	}

	switch s[i] {
	case '<':
		q.Subject, i, err = r.subjectIRI(i)
	case '_':
		q.Subject, i, err = r.subjectBlank(i)
	default:
		err = r.expected(i, "subject (IRI or blank node)")
	}
	if err != nil {
		return q, false, err
	}

	i = skipWS(s, i)
	if i < len(s) && s[i] == '<' {
		q.Predicate, i, err = r.internedIRI(i)
	} else {
		err = r.expected(i, "predicate (IRI)")
	}
	if err != nil {
		return q, false, err
	}

	i = skipWS(s, i)
	if i < len(s) {
		switch s[i] {
		case '<':
			q.Object, i, err = r.iriTerm(i)
		case '_':
			q.Object, i, err = r.blank(i)
		case '"':
			q.Object, i, err = r.literal(i)
		default:
			err = r.expected(i, "object (IRI, blank node or literal)")
		}
	} else {
		err = r.expected(i, "object (IRI, blank node or literal)")
	}
	if err != nil {
		return q, false, err
	}

	i = skipWS(s, i)
	if i < len(s) && (s[i] == '<' || s[i] == '_') {
		if !r.quads {
			return q, false, r.errorf(i, "expected '.', found a graph name: N-Triples has no named graphs (read the input as N-Quads)")
		}
		if s[i] == '<' {
			q.Graph, i, err = r.internedIRI(i)
		} else {
			q.Graph, i, err = r.blank(i)
		}
		if err != nil {
			return q, false, err
		}
		i = skipWS(s, i)
	}

	if i >= len(s) || s[i] != '.' {
		if r.quads && q.Graph == nil {
			return q, false, r.expected(i, "graph name or '.'")
		}
		return q, false, r.expected(i, "'.'")
	}
	i = skipWS(s, i+1)
	if i < len(s) {
		if s[i] != '#' {
			return q, false, r.expected(i, "end of line or comment after '.'")
		}
		if err := r.comment(i); err != nil {
			return q, false, err
		}
	}
	return q, true, nil
}

func skipWS(s []byte, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// comment checks that the comment from s[i] to the end of the line is UTF-8.
func (r *Reader) comment(i int) error {
	s := r.ln[i:]
	for j := 0; j < len(s); j++ {
		if s[j] >= 0x80 {
			if !utf8.Valid(s[j:]) {
				for k := j; k < len(s); {
					c, n := utf8.DecodeRune(s[k:])
					if c == utf8.RuneError && n == 1 {
						return r.errorf(i+k, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in comment", r.ln[i+k])
					}
					k += n
				}
			}
			break
		}
	}
	return nil
}

// iriRef scans IRIREF at s[i] == '<' and returns its value, unescaped, and the index after '>'.
// The value aliases r.ln or r.scratch: it is valid until the next call.
func (r *Reader) iriRef(i int) ([]byte, int, error) {
	s := r.ln
	j := i + 1
	for j < len(s) {
		c := s[j]
		if iriPlain[c] {
			j++
			continue
		}
		if c >= 0x80 {
			if c, n := utf8.DecodeRune(s[j:]); c == utf8.RuneError && n == 1 {
				return nil, 0, r.errorf(j, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in IRI", r.ln[j])
			} else {
				j += n
			}
			continue
		}
		break
	}
	var v []byte
	if j < len(s) && s[j] == '>' {
		v = s[i+1 : j]
		j++
	} else {
		var err error
		if v, j, err = r.iriRefSlow(i, j); err != nil {
			return nil, 0, err
		}
	}
	if !hasScheme(v) {
		return nil, 0, r.errorf(i, "expected an absolute IRI, found relative IRI <%s> (N-Triples and N-Quads have no base IRI)", v)
	}
	return v, j, nil
}

// iriRefSlow goes on from s[j], the first byte the fast path of iriRef could not take.
func (r *Reader) iriRefSlow(i, j int) ([]byte, int, error) {
	s := r.ln
	b := append(r.scratch[:0], s[i+1:j]...)
	defer func() { r.scratch = b[:0] }()
	for {
		if j >= len(s) {
			return nil, 0, r.errorf(i, "expected '>' to end the IRI, found end of line")
		}
		c := s[j]
		switch {
		case c == '>':
			return b, j + 1, nil
		case c == '\\':
			u, n, err := r.uchar(j)
			if err != nil {
				return nil, 0, err
			}
			if iriForbidden(u) {
				return nil, 0, r.errorf(j, "expected a character an IRI may contain, found escape %s of %U", s[j:j+n], u)
			}
			b = utf8.AppendRune(b, u)
			j += n
		case c >= 0x80:
			u, n := utf8.DecodeRune(s[j:])
			if u == utf8.RuneError && n == 1 {
				return nil, 0, r.errorf(j, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in IRI", r.ln[j])
			}
			b = append(b, s[j:j+n]...)
			j += n
		case iriPlain[c]:
			b = append(b, c)
			j++
		default:
			return nil, 0, r.errorf(j, "expected '>' to end the IRI, found %s (not allowed in an IRI; escape it as %%%02X)", describe(s, j), c)
		}
	}
}

// uchar decodes UCHAR at s[j] == '\\' and returns the code point and the escape's length.
func (r *Reader) uchar(j int) (rune, int, error) {
	s := r.ln
	if j+1 >= len(s) || (s[j+1] != 'u' && s[j+1] != 'U') {
		return 0, 0, r.errorf(j, "expected \\u or \\U escape, found %s", describe(s, j))
	}
	n := 4
	if s[j+1] == 'U' {
		n = 8
	}
	var v uint32 // not rune: eight hex digits overflow an int32
	for k := 0; k < n; k++ {
		p := j + 2 + k
		if p >= len(s) {
			return 0, 0, r.errorf(j, "expected %d hex digits after \\%c, found end of line", n, s[j+1])
		}
		var d byte
		switch c := s[p]; {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, 0, r.errorf(p, "expected hex digit in \\%c escape, found %s", s[j+1], describe(s, p))
		}
		v = v<<4 | uint32(d)
	}
	if v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
		return 0, 0, r.errorf(j, "expected a Unicode character, found escape %s", s[j:j+2+n])
	}
	return rune(v), 2 + n, nil
}

// subjectIRI reads an IRI subject, sharing the term with the previous line's subject when
// the bytes are the same (consecutive lines about one subject are the rule in dumps).
func (r *Reader) subjectIRI(i int) (rdf.Term, int, error) {
	v, j, err := r.iriRef(i)
	if err != nil {
		return nil, 0, err
	}
	if len(r.lastSubj) == len(v)+1 && r.lastSubj[0] == '<' && string(r.lastSubj[1:]) == string(v) {
		return r.lastSubjTerm, j, nil
	}
	t := rdf.Term(rdf.IRI(v))
	r.lastSubj = append(append(r.lastSubj[:0], '<'), v...)
	r.lastSubjTerm = t
	return t, j, nil
}

// subjectBlank reads a blank node subject, shared like subjectIRI's.
func (r *Reader) subjectBlank(i int) (rdf.Term, int, error) {
	j, err := r.blankLabel(i)
	if err != nil {
		return nil, 0, err
	}
	// r.label is "b" + label; lastSubj keeps "_" + label.
	if len(r.lastSubj) == len(r.label) && r.lastSubj[0] == '_' && string(r.lastSubj[1:]) == string(r.label[1:]) {
		return r.lastSubjTerm, j, nil
	}
	t := rdf.Term(rdf.BlankNode(r.label))
	r.lastSubj = append(append(r.lastSubj[:0], '_'), r.label[1:]...)
	r.lastSubjTerm = t
	return t, j, nil
}

// iriTerm reads an IRI object.
func (r *Reader) iriTerm(i int) (rdf.Term, int, error) {
	v, j, err := r.iriRef(i)
	if err != nil {
		return nil, 0, err
	}
	return rdf.IRI(v), j, nil
}

// internedIRI reads an IRI that is likely to repeat (predicate, datatype, graph name) and
// returns a shared term for it.
func (r *Reader) internedIRI(i int) (rdf.Term, int, error) {
	v, j, err := r.iriRef(i)
	if err != nil {
		return nil, 0, err
	}
	h := internHash(v) & (internSize - 1)
	if r.iriKeys[h] == string(v) && r.iriTerms[h] != nil {
		return r.iriTerms[h], j, nil
	}
	iri := rdf.IRI(v)
	t := rdf.Term(iri)
	r.iriKeys[h], r.iriTerms[h] = string(iri), t
	return t, j, nil
}

// internHash is a cheap hash for the term caches: IRIs of one vocabulary share long
// prefixes, so it mixes the length with bytes from the end.
func internHash(v []byte) int {
	n := len(v)
	h := uint(n) * 0x9E3779B1
	for i := max(0, n-8); i < n; i++ {
		h = (h ^ uint(v[i])) * 0x01000193
	}
	return int(h ^ h>>15)
}

// blank reads BLANK_NODE_LABEL at s[i] == '_':
//
//	BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
//
// with PN_CHARS_U without ':' (see the package doc).
func (r *Reader) blank(i int) (rdf.Term, int, error) {
	j, err := r.blankLabel(i)
	if err != nil {
		return nil, 0, err
	}
	return rdf.BlankNode(r.label), j, nil
}

// blankLabel scans the blank node label at s[i] == '_' into r.label as "b" + label and
// returns the index after it.
func (r *Reader) blankLabel(i int) (int, error) {
	s := r.ln
	if i+1 >= len(s) || s[i+1] != ':' {
		return 0, r.errorf(i, "expected '_:' to start a blank node label, found %s", describe(s, i))
	}
	start := i + 2
	j := start
	if j >= len(s) {
		return 0, r.expected(j, "blank node label after '_:'")
	}
	if c := s[j]; c < 0x80 {
		if !labelFirst[c] {
			return 0, r.expected(j, "blank node label after '_:'")
		}
		j++
	} else {
		u, n := utf8.DecodeRune(s[j:])
		if u == utf8.RuneError && n == 1 {
			return 0, r.errorf(j, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in blank node label", r.ln[j])
		}
		if !isPNCharsBase(u) {
			return 0, r.expected(j, "blank node label after '_:'")
		}
		j += n
	}
	end := j // end of the label without trailing dots
	for j < len(s) {
		c := s[j]
		if c < 0x80 {
			if labelChar[c] {
				j++
				end = j
				continue
			}
			if c == '.' {
				j++
				continue
			}
			break
		}
		u, n := utf8.DecodeRune(s[j:])
		if u == utf8.RuneError && n == 1 {
			return 0, r.errorf(j, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in blank node label", r.ln[j])
		}
		if !isPNChars(u) {
			break
		}
		j += n
		end = j
	}
	r.label = append(append(r.label[:0], 'b'), s[start:end]...)
	return end, nil
}

// literal reads
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

// expected returns "expected what, found ...".
func (r *Reader) expected(i int, what string) error {
	return r.errorf(i, "expected %s, found %s", what, describe(r.ln, i))
}

// errorf returns a syntax error at byte offset i of the line.
func (r *Reader) errorf(i int, format string, args ...any) error {
	if i > len(r.ln) {
		i = len(r.ln)
	}
	return &rdf.SyntaxError{
		File: r.file,
		Line: r.lineNo,
		Col:  utf8.RuneCount(r.ln[:i]) + 1,
		Msg:  fmt.Sprintf(format, args...),
	}
}

// describe names what is at s[i] for an error message: "end of line", or the token quoted.
func describe(s []byte, i int) string {
	if i >= len(s) {
		return "end of line"
	}
	switch s[i] {
	case '#':
		return "comment"
	case ' ':
		return "space"
	case '\t':
		return "tab"
	}
	if c, n := utf8.DecodeRune(s[i:]); c == utf8.RuneError && n == 1 {
		return fmt.Sprintf("byte 0x%02X (invalid UTF-8)", s[i])
	}
	j, n := i, 0
	for j < len(s) && n < 20 {
		c, size := utf8.DecodeRune(s[j:])
		if n > 0 && (c == ' ' || c == '\t') {
			break
		}
		j += size
		n++
	}
	tok := string(s[i:j])
	if j < len(s) && n == 20 {
		tok += "..."
	}
	return fmt.Sprintf("%q", tok)
}
