package expr

import (
	"cmp"
	"strconv"
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

// fixed is a decimal value u × 10^-scale held in an int64: the fast path of decimal
// addition, subtraction and multiplication. Anything that does not fit takes math/big.
type fixed struct {
	u     int64
	scale int
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// parseFixed reads a valid integer or decimal lexical form with at most 18 significant
// digits.
func parseFixed(l rdf.Literal) (fixed, bool) {
	if !validIntOrDec(l) {
		return fixed{}, false
	}
	neg, ip, fp := splitDecimal(l.Lexical)
	if len(ip)+len(fp) > 18 {
		return fixed{}, false
	}
	var u int64
	for i := 0; i < len(ip); i++ {
		u = u*10 + int64(ip[i]-'0')
	}
	for i := 0; i < len(fp); i++ {
		u = u*10 + int64(fp[i]-'0')
	}
	if neg {
		u = -u
	}
	return fixed{u, len(fp)}, true
}

// align brings a and b to the same scale; ok is false on overflow.
func align(a, b fixed) (fixed, fixed, bool) {
	for a.scale < b.scale {
		if a.u > 1e17 || a.u < -1e17 {
			return a, b, false
		}
		a.u *= 10
		a.scale++
	}
	for b.scale < a.scale {
		if b.u > 1e17 || b.u < -1e17 {
			return a, b, false
		}
		b.u *= 10
		b.scale++
	}
	return a, b, true
}

func (a fixed) add(b fixed) (fixed, bool) {
	a, b, ok := align(a, b)
	if !ok {
		return a, false
	}
	s := a.u + b.u
	if s > 1e18 || s < -1e18 {
		return a, false
	}
	return fixed{s, a.scale}, true
}

func (a fixed) mul(b fixed) (fixed, bool) {
	p, ok := mul64(a.u, b.u)
	if !ok || p > 1e18 || p < -1e18 || a.scale+b.scale > 18 {
		return a, false
	}
	return fixed{p, a.scale + b.scale}, true
}

// String returns the xsd:decimal canonical form of XSD 1.1 ("2", "-0.25"); see
// Number.Canonical.
func (a fixed) String() string {
	u, scale := a.u, a.scale
	for scale > 0 && u%10 == 0 {
		u /= 10
		scale--
	}
	neg := u < 0
	if neg {
		u = -u
	}
	digits := strconv.FormatInt(u, 10)
	if len(digits) <= scale {
		digits = strings.Repeat("0", scale-len(digits)+1) + digits
	}
	ip, fp := digits[:len(digits)-scale], digits[len(digits)-scale:]
	if fp != "" {
		ip += "." + fp
	}
	if neg {
		return "-" + ip
	}
	return ip
}
