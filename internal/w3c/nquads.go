package w3c

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// ReadAll reads every quad from r up to io.EOF. It stops at the first error and returns the
// quads read before it.
func ReadAll(r rdf.Reader) ([]rdf.Quad, error) {
	var qs []rdf.Quad
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			return qs, nil
		}
		if err != nil {
			return qs, err
		}
		qs = append(qs, q)
	}
}

// CompareResult checks the quads parsed from an evaluation test's action against its
// expected result (tc.Result, read with ReadNQuadsFile): they must be isomorphic
// (https://www.w3.org/TR/rdf11-concepts/#graph-isomorphism). The error shows the difference.
func CompareResult(tc Test, got []rdf.Quad) error {
	want, err := ReadNQuadsFile(tc.Result)
	if err != nil {
		return fmt.Errorf("expected result: %w", err)
	}
	if !rdf.Isomorphic(got, want) {
		return fmt.Errorf("result not isomorphic to %s:\n%s", filepath.Base(tc.Result), rdf.Diff(got, want))
	}
	return nil
}

// ReadNQuadsFile parses an N-Triples or N-Quads file (https://www.w3.org/TR/n-quads/) as
// used for the expected results of W3C evaluation tests. It is a small independent parser
// so that a suite never checks a reader against itself; it is strict enough for the test
// files and not meant for production input. Blank node labels _:x come back as "bx",
// following the reader contract in package rdf.
func ReadNQuadsFile(path string) ([]rdf.Quad, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var qs []rdf.Quad
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		p := &nqLine{s: sc.Text()}
		p.space()
		if p.done() {
			continue
		}
		var terms []rdf.Term
		for !p.done() && p.s[p.i] != '.' {
			t, err := p.term()
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n, err)
			}
			terms = append(terms, t)
			p.space()
		}
		if p.done() || len(terms) < 3 || len(terms) > 4 {
			return nil, fmt.Errorf("%s:%d: malformed statement", path, n)
		}
		q := rdf.Quad{Subject: terms[0], Predicate: terms[1], Object: terms[2]}
		if len(terms) == 4 {
			q.Graph = terms[3]
		}
		qs = append(qs, q)
	}
	return qs, sc.Err()
}

type nqLine struct {
	s string
	i int
}

func (p *nqLine) done() bool { return p.i >= len(p.s) || p.s[p.i] == '#' }

func (p *nqLine) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *nqLine) term() (rdf.Term, error) {
	switch p.s[p.i] {
	case '<':
		s, err := p.until('>')
		return rdf.IRI(s), err
	case '_':
		j := p.i + 2
		for j < len(p.s) && p.s[j] != ' ' && p.s[j] != '\t' {
			j++
		}
		for j > p.i+2 && p.s[j-1] == '.' {
			j-- // a label does not end in '.'
		}
		label := p.s[p.i+2 : j]
		p.i = j
		return rdf.BlankNode("b" + label), nil
	case '"':
		lex, err := p.until('"')
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(p.s[p.i:], "^^<") {
			p.i += 2
			dt, err := p.until('>')
			return rdf.NewTypedLiteral(lex, rdf.IRI(dt)), err
		}
		if p.i < len(p.s) && p.s[p.i] == '@' {
			j := p.i + 1
			for j < len(p.s) && p.s[j] != ' ' && p.s[j] != '\t' && p.s[j] != '.' {
				j++
			}
			lang := p.s[p.i+1 : j]
			p.i = j
			return rdf.NewLangLiteral(lex, lang), nil
		}
		return rdf.NewLiteral(lex), nil
	}
	return nil, fmt.Errorf("unexpected %q", p.s[p.i:])
}

// until reads from the opening delimiter at p.i to the closing one, decoding escapes.
func (p *nqLine) until(end byte) (string, error) {
	var b strings.Builder
	p.i++
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == end:
			p.i++
			return b.String(), nil
		case c == '\\' && p.i+1 < len(p.s):
			e := p.s[p.i+1]
			p.i += 2
			switch e {
			case 't':
				b.WriteByte('\t')
			case 'b':
				b.WriteByte('\b')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 'f':
				b.WriteByte('\f')
			case '"', '\'', '\\':
				b.WriteByte(e)
			case 'u', 'U':
				n := 4
				if e == 'U' {
					n = 8
				}
				if p.i+n > len(p.s) {
					return "", fmt.Errorf("short \\%c escape", e)
				}
				v, err := strconv.ParseUint(p.s[p.i:p.i+n], 16, 32)
				if err != nil || !utf8.ValidRune(rune(v)) {
					return "", fmt.Errorf("bad \\%c escape", e)
				}
				b.WriteRune(rune(v))
				p.i += n
			default:
				return "", fmt.Errorf("bad escape \\%c", e)
			}
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", fmt.Errorf("missing %q", end)
}
