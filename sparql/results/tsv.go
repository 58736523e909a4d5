package results

import (
	"bufio"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// tsvEncoder writes https://www.w3.org/TR/sparql11-results-csv-tsv/#tsv: a header of ?vars,
// then one line per row, terms in N-Triples/Turtle syntax separated by tabs (unbound is an
// empty field). Integers, decimals and doubles whose lexical forms are valid Turtle
// numbers are abbreviated (4, 5.5, 1.0E6), as the specification allows. Tabs and line ends
// inside literals are escaped, so a row is always one line.
type tsvEncoder struct{}

func (tsvEncoder) begin(w *bufio.Writer, vars []string) {
	for i, v := range vars {
		if i > 0 {
			w.WriteByte('\t')
		}
		w.WriteByte('?')
		w.WriteString(v)
	}
	w.WriteByte('\n')
}

func (tsvEncoder) row(w *bufio.Writer, _ []string, row []rdf.Term) {
	for i, t := range row {
		if i > 0 {
			w.WriteByte('\t')
		}
		if t != nil {
			w.WriteString(TSVTerm(t))
		}
	}
	w.WriteByte('\n')
}

func (tsvEncoder) end(*bufio.Writer) {}

// TSVTerm returns t as the TSV format writes it.
func TSVTerm(t rdf.Term) string {
	if l, ok := t.(rdf.Literal); ok && l.Lang == "" {
		switch l.Datatype {
		case rdf.XSDInteger:
			if isTurtleInteger(l.Lexical) {
				return l.Lexical
			}
		case rdf.XSDDecimal:
			if isTurtleDecimal(l.Lexical) {
				return l.Lexical
			}
		case rdf.XSDDouble:
			if isTurtleDouble(l.Lexical) {
				return l.Lexical
			}
		}
	}
	// rdf's N-Triples form escapes ", \, LF, CR and other controls (tab as \u0009).
	return t.String()
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func trimSign(s string) string {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[1:]
	}
	return s
}

// isTurtleInteger matches Turtle's INTEGER: [+-]?[0-9]+.
func isTurtleInteger(s string) bool {
	s = trimSign(s)
	return s != "" && digitsOnly(s)
}

// isTurtleDecimal matches Turtle's DECIMAL: [+-]?[0-9]*\.[0-9]+.
func isTurtleDecimal(s string) bool {
	s = trimSign(s)
	i := strings.IndexByte(s, '.')
	return i >= 0 && i < len(s)-1 && digitsOnly(s[:i]) && digitsOnly(s[i+1:])
}

// isTurtleDouble matches Turtle's DOUBLE: a mantissa with at least one digit and an
// exponent.
func isTurtleDouble(s string) bool {
	s = trimSign(s)
	e := strings.IndexAny(s, "eE")
	if e < 0 {
		return false
	}
	m, x := s[:e], trimSign(s[e+1:])
	if x == "" || !digitsOnly(x) {
		return false
	}
	int_, frac, _ := strings.Cut(m, ".")
	return (int_ != "" || frac != "") && digitsOnly(int_) && digitsOnly(frac)
}
