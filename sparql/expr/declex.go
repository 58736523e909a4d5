package expr

import (
	"cmp"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Comparing xsd:integer and xsd:decimal values straight from their lexical forms, without
// math/big: ORDER BY and FILTER compare such literals all the time.

// isIntOrDec reports xsd:integer or xsd:decimal (not the derived types, whose ranges would
// need checking).
func isIntOrDec(dt rdf.IRI) bool { return dt == rdf.XSDInteger || dt == rdf.XSDDecimal }

// cmpDecimalLex compares two integer or decimal lexical forms by value. ok is false when
// either form is not valid for its datatype.
func cmpDecimalLex(a rdf.Literal, b rdf.Literal) (c int, ok bool) {
	if !validIntOrDec(a) || !validIntOrDec(b) {
		return 0, false
	}
	an, ai, af := splitDecimal(a.Lexical)
	bn, bi, bf := splitDecimal(b.Lexical)
	switch {
	case an && !bn:
		return -1, true
	case !an && bn:
		return 1, true
	}
	c = cmp.Compare(len(ai), len(bi))
	if c == 0 {
		c = strings.Compare(ai, bi)
	}
	if c == 0 {
		c = strings.Compare(af, bf) // trailing zeros are gone, so this is numeric order
	}
	if an {
		c = -c
	}
	return c, true
}

func validIntOrDec(l rdf.Literal) bool {
	if l.Datatype == rdf.XSDInteger {
		return isIntegerLex(l.Lexical)
	}
	return isDecimalLex(l.Lexical)
}

// splitDecimal returns the sign and the integer and fraction digits of a valid lexical
// form without leading (integer part) or trailing (fraction) zeros; zero is not negative.
func splitDecimal(s string) (neg bool, ip, fp string) {
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	ip, fp, _ = strings.Cut(s, ".")
	ip = strings.TrimLeft(ip, "0")
	fp = strings.TrimRight(fp, "0")
	if ip == "" && fp == "" {
		neg = false
	}
	return neg, ip, fp
}
