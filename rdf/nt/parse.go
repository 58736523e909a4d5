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
	if utf8.Valid(s) {
		return nil
	}
	for k := 0; ; {
		c, n := utf8.DecodeRune(s[k:])
		if c == utf8.RuneError && n == 1 {
			return r.errorf(i+k, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in comment", s[k])
		}
		k += n
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
