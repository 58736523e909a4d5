package results

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// tsvSource reads TSV results: a header of ?var (or $var) names, then one row per line,
// fields separated by tabs, each empty (unbound) or one RDF term in Turtle syntax without
// prefixed names: <iri>, _:label, quoted literals ('…', "…", ”'…”', """…""") with @lang
// or ^^<datatype>, numbers and booleans. Lines end in LF or CRLF.
type tsvSource struct {
	r    *bufio.Reader
	line int
	n    int // number of variables
}

func newTSVSource(r io.Reader) *tsvSource { return &tsvSource{r: bufio.NewReader(r)} }

func (s *tsvSource) readLine() (string, error) {
	l, err := s.r.ReadString('\n')
	if err == io.EOF && l != "" {
		err = nil
	}
	if err != nil {
		return "", err
	}
	s.line++
	l = strings.TrimSuffix(l, "\n")
	return strings.TrimSuffix(l, "\r"), nil
}

func (s *tsvSource) fail(col int, format string, args ...any) error {
	return &SyntaxError{Format: TSV, Line: s.line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func (s *tsvSource) head() ([]string, *bool, error) {
	l, err := s.readLine()
	if err == io.EOF {
		return nil, nil, &SyntaxError{Format: TSV, Line: 1, Msg: "no header line"}
	}
	if err != nil {
		return nil, nil, err
	}
	vars := []string{}
	if l != "" {
		col := 1
		for _, f := range strings.Split(l, "\t") {
			if len(f) < 2 || (f[0] != '?' && f[0] != '$') {
				return nil, nil, s.fail(col, "header field %q is not a ?variable", f)
			}
			vars = append(vars, f[1:])
			col += utf8.RuneCountInString(f) + 1
		}
	}
	s.n = len(vars)
	if len(vars) == 1 && vars[0] == askColumn {
		v, err := s.readLine()
		if err == nil && (v == "true" || v == "false") {
			b := v == "true"
			return nil, &b, nil
		}
		return nil, nil, &SyntaxError{Format: TSV, Line: 2, Msg: "ASK result without true or false"}
	}
	return vars, nil, nil
}

func (s *tsvSource) next() ([]rdf.Term, error) {
	l, err := s.readLine()
	if err != nil {
		return nil, err
	}
	if s.n == 0 && l == "" {
		return []rdf.Term{}, nil
	}
	if l == "" {
		// A trailing empty line ends the document; an empty line elsewhere is a row of
		// unbound values only when there is a single variable.
		if s.n > 1 {
			return nil, s.fail(1, "empty line")
		}
		return []rdf.Term{nil}, nil
	}
	fields := strings.Split(l, "\t")
	if len(fields) != s.n {
		return nil, s.fail(1, "%d fields for %d variables", len(fields), s.n)
	}
	row := make([]rdf.Term, s.n)
	col := 1
	for i, f := range fields {
		if f != "" {
			t, err := ParseTerm(f)
			if err != nil {
				return nil, s.fail(col, "%v", err)
			}
			row[i] = t
		}
		col += utf8.RuneCountInString(f) + 1
	}
	return row, nil
}

// ParseTerm reads one RDF term written as the TSV format writes it (see TSVTerm), the
// whole string being the term.
func ParseTerm(s string) (rdf.Term, error) {
	t, rest, err := parseTerm(s)
	if err != nil {
		return nil, err
	}
	if rest != "" {
		return nil, fmt.Errorf("unexpected %q after term", rest)
	}
	return t, nil
}

func parseTerm(s string) (rdf.Term, string, error) {
	switch {
	case s == "":
		return nil, "", fmt.Errorf("empty term")
	case s[0] == '<':
		i := strings.IndexByte(s, '>')
		if i < 0 {
			return nil, "", fmt.Errorf("unterminated IRI")
		}
		iri, err := unescape(s[1:i], false)
		if err != nil {
			return nil, "", err
		}
		return rdf.IRI(iri), s[i+1:], nil
	case strings.HasPrefix(s, "_:"):
		i := 2
		for i < len(s) && s[i] != ' ' && s[i] != '\t' {
			i++
		}
		if i == 2 {
			return nil, "", fmt.Errorf("empty blank node label")
		}
		return rdf.BlankNode(s[2:i]), s[i:], nil
	case s[0] == '"' || s[0] == '\'':
		return parseLiteral(s)
	case s == "true" || s == "false":
		return rdf.NewTypedLiteral(s, rdf.XSDBoolean), "", nil
	}
	switch {
	case isTurtleInteger(s):
		return rdf.NewTypedLiteral(s, rdf.XSDInteger), "", nil
	case isTurtleDecimal(s):
		return rdf.NewTypedLiteral(s, rdf.XSDDecimal), "", nil
	case isTurtleDouble(s):
		return rdf.NewTypedLiteral(s, rdf.XSDDouble), "", nil
	}
	return nil, "", fmt.Errorf("not an RDF term: %q", s)
}

func parseLiteral(s string) (rdf.Term, string, error) {
	q := s[:1]
	if strings.HasPrefix(s, q+q+q) {
		q = q + q + q
	}
	body := s[len(q):]
	end := -1
	for i := 0; i < len(body); i++ {
		if body[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(body[i:], q) {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, "", fmt.Errorf("unterminated literal")
	}
	if len(q) == 1 && strings.ContainsAny(body[:end], "\n\r") {
		return nil, "", fmt.Errorf("line end in a short literal")
	}
	lex, err := unescape(body[:end], true)
	if err != nil {
		return nil, "", err
	}
	rest := body[end+len(q):]
	switch {
	case strings.HasPrefix(rest, "@"):
		i := 1
		for i < len(rest) && (isAlnum(rest[i]) || rest[i] == '-') {
			i++
		}
		if i == 1 {
			return nil, "", fmt.Errorf("empty language tag")
		}
		return rdf.NewLangLiteral(lex, rest[1:i]), rest[i:], nil
	case strings.HasPrefix(rest, "^^"):
		dt, r, err := parseTerm(rest[2:])
		if err != nil {
			return nil, "", err
		}
		iri, ok := dt.(rdf.IRI)
		if !ok {
			return nil, "", fmt.Errorf("datatype is not an IRI")
		}
		return rdf.NewTypedLiteral(lex, iri), r, nil
	}
	return rdf.NewLiteral(lex), rest, nil
}

// echars maps the letter of a Turtle ECHAR escape to its character.
var echars = [256]byte{'t': '\t', 'b': '\b', 'n': '\n', 'r': '\r', 'f': '\f', '"': '"', '\'': '\'', '\\': '\\'}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// unescape resolves UCHAR escapes (\uXXXX, \UXXXXXXXX) and, in strings, ECHAR escapes.
func unescape(s string, echar bool) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			return "", fmt.Errorf("trailing backslash")
		}
		switch e := s[i]; e {
		case 'u', 'U':
			n := 4
			if e == 'U' {
				n = 8
			}
			if i+1+n > len(s) {
				return "", fmt.Errorf("short \\%c escape", e)
			}
			v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(v)) {
				return "", fmt.Errorf("bad \\%c escape", e)
			}
			b.WriteRune(rune(v))
			i += n
		default:
			if !echar {
				return "", fmt.Errorf("bad escape \\%c in IRI", e)
			}
			r := echars[e]
			if r == 0 {
				return "", fmt.Errorf("bad escape \\%c", e)
			}
			b.WriteByte(r)
		}
	}
	return b.String(), nil
}
