package expr

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// parseTerms reads whitespace-separated terms in a Turtle-like shorthand used by the test
// tables: <iri>, _:label, "lex", "lex"@lang, "lex"^^xsd:type, "lex"^^<iri>, bare integers,
// decimals and doubles, true, false, and UNDEF for an unbound (nil) argument.
func parseTerms(tb testing.TB, s string) []rdf.Term {
	tb.Helper()
	var out []rdf.Term
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			return out
		}
		t, rest := parseTerm(tb, s)
		out = append(out, t)
		s = rest
	}
}

func parseTerm(tb testing.TB, s string) (rdf.Term, string) {
	tb.Helper()
	switch {
	case s[0] == '<':
		i := strings.IndexByte(s, '>')
		return rdf.IRI(s[1:i]), s[i+1:]
	case strings.HasPrefix(s, "_:"):
		i := strings.IndexAny(s, " \t\r\n")
		if i < 0 {
			i = len(s)
		}
		return rdf.BlankNode(s[2:i]), s[i:]
	case s[0] == '"':
		i := 1
		for ; i < len(s) && s[i] != '"'; i++ {
			if s[i] == '\\' {
				i++
			}
		}
		lex, err := strconv.Unquote(s[:i+1])
		if err != nil {
			tb.Fatalf("bad string %q: %v", s[:i+1], err)
		}
		rest := s[i+1:]
		switch {
		case strings.HasPrefix(rest, "@"):
			j := strings.IndexAny(rest, " \t\r\n")
			if j < 0 {
				j = len(rest)
			}
			return rdf.NewLangLiteral(lex, rest[1:j]), rest[j:]
		case strings.HasPrefix(rest, "^^"):
			dt, r := parseTerm(tb, expandXSD(rest[2:]))
			return rdf.NewTypedLiteral(lex, dt.(rdf.IRI)), r
		}
		return rdf.NewLiteral(lex), rest
	}
	i := strings.IndexAny(s, " \t\r\n")
	if i < 0 {
		i = len(s)
	}
	w := s[:i]
	switch {
	case w == "UNDEF":
		return nil, s[i:]
	case w == "true" || w == "false":
		return rdf.NewTypedLiteral(w, rdf.XSDBoolean), s[i:]
	case strings.HasPrefix(w, "xsd:"):
		t, _ := parseTerm(tb, expandXSD(w))
		return t, s[i:]
	case strings.ContainsAny(w, "eE"):
		return rdf.NewTypedLiteral(w, rdf.XSDDouble), s[i:]
	case strings.Contains(w, "."):
		return rdf.NewTypedLiteral(w, rdf.XSDDecimal), s[i:]
	case isIntegerLex(w):
		return rdf.NewTypedLiteral(w, rdf.XSDInteger), s[i:]
	}
	tb.Fatalf("cannot read term at %q", s)
	return nil, ""
}

// expandXSD turns a leading xsd:name into <...#name>.
func expandXSD(s string) string {
	if !strings.HasPrefix(s, "xsd:") {
		return s
	}
	i := strings.IndexAny(s, " \t\r\n")
	if i < 0 {
		i = len(s)
	}
	return "<" + xsd + s[4:i] + ">" + s[i:]
}

func mustTerm(tb testing.TB, s string) rdf.Term {
	tb.Helper()
	ts := parseTerms(tb, s)
	if len(ts) != 1 {
		tb.Fatalf("want one term in %q, got %d", s, len(ts))
	}
	return ts[0]
}

// tableLine is one case of a testdata table: the text before "=>" and the expected result.
type tableLine struct {
	line       int
	call, want string
}

// readTable reads a testdata table: '#' starts a comment line, blank lines are skipped,
// and every other line is "<call> => <expected>".
func readTable(tb testing.TB, path string) []tableLine {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []tableLine
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		call, want, ok := strings.Cut(s, "=>")
		if !ok {
			tb.Fatalf("%s:%d: no =>", path, n)
		}
		out = append(out, tableLine{n, strings.TrimSpace(call), strings.TrimSpace(want)})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

func termString(t rdf.Term) string {
	if t == nil {
		return "UNDEF"
	}
	return t.String()
}
