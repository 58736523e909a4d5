package expr

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// NumKind is a numeric type in the order of XPath type promotion
// (https://www.w3.org/TR/xpath20/#promotion): integer < decimal < float < double.
type NumKind uint8

// The four primitive numeric kinds. Derived integer types parse as KindInteger.
const (
	KindInteger NumKind = iota + 1
	KindDecimal
	KindFloat
	KindDouble
)

// Datatype returns the XSD datatype of the kind.
func (k NumKind) Datatype() rdf.IRI {
	switch k {
	case KindInteger:
		return rdf.XSDInteger
	case KindDecimal:
		return rdf.XSDDecimal
	case KindFloat:
		return XSDFloat
	case KindDouble:
		return rdf.XSDDouble
	default:
		panic("unreachable: NumKind " + strconv.Itoa(int(k)))
	}
}

// Number is a numeric value. The zero Number is not valid; make one with ParseNumber,
// Int, Decimal, Double or Float. Numbers are immutable: operations return new values.
type Number struct {
	kind  NumKind
	small int64    // integer value when big == nil
	big   *big.Int // integer value beyond int64
	dec   *big.Rat // decimal value: always a finite decimal fraction
	f     float64  // double value, or float value already rounded to float32
}

// Int returns the xsd:integer n.
func Int(n int64) Number { return Number{kind: KindInteger, small: n} }

// BigInt returns the xsd:integer n; n is not retained.
func BigInt(n *big.Int) Number { return normInt(new(big.Int).Set(n)) }

// Decimal returns the xsd:decimal r, which must be a finite decimal fraction (its
// denominator a product of 2s and 5s); r is not retained.
func Decimal(r *big.Rat) Number { return Number{kind: KindDecimal, dec: new(big.Rat).Set(r)} }

// Double returns the xsd:double f.
func Double(f float64) Number { return Number{kind: KindDouble, f: f} }

// Float returns the xsd:float f (rounded to single precision).
func Float(f float32) Number { return Number{kind: KindFloat, f: float64(f)} }

func normInt(b *big.Int) Number {
	if b.IsInt64() {
		return Number{kind: KindInteger, small: b.Int64()}
	}
	return Number{kind: KindInteger, big: b}
}

// Kind returns the numeric kind.
func (n Number) Kind() NumKind { return n.kind }

// ParseNumber reads a numeric literal. It returns ErrTypeError for a term that is not a
// literal of a numeric datatype and ErrInvalidLexical for an ill-formed lexical form
// (including leading or trailing whitespace, and values outside a derived type's range).
func ParseNumber(t rdf.Term) (Number, error) {
	l, ok := t.(rdf.Literal)
	if !ok {
		if t == nil {
			return Number{}, ErrUnbound
		}
		return Number{}, ErrTypeError
	}
	switch l.Datatype {
	case rdf.XSDInteger:
		return parseInteger(l.Lexical)
	case rdf.XSDDecimal:
		return parseDecimal(l.Lexical)
	case rdf.XSDDouble:
		f, ok := parseFloatLex(l.Lexical, 64)
		if !ok {
			return Number{}, ErrInvalidLexical
		}
		return Double(f), nil
	case XSDFloat:
		f, ok := parseFloatLex(l.Lexical, 32)
		if !ok {
			return Number{}, ErrInvalidLexical
		}
		return Number{kind: KindFloat, f: f}, nil
	}
	r, ok := derivedIntegers[l.Datatype]
	if !ok {
		return Number{}, ErrTypeError
	}
	n, err := parseInteger(l.Lexical)
	if err != nil {
		return n, err
	}
	if !r.contains(n) {
		return Number{}, ErrInvalidLexical
	}
	return n, nil
}

func (r intRange) contains(n Number) bool {
	if n.big != nil {
		s := n.big.Sign()
		if s < 0 {
			return !r.hasMin
		}
		if r.unsignedMax {
			return n.big.BitLen() <= 64
		}
		return !r.hasMax
	}
	if r.hasMin && n.small < r.min {
		return false
	}
	if r.hasMax && n.small > r.max {
		return false
	}
	return true
}

// isIntegerLex matches [+-]?[0-9]+.
func isIntegerLex(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isDecimalLex matches [+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+).
func isDecimalLex(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	digits, dots := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}

// isDoubleLex matches the xsd:double lexical space: a decimal mantissa with an optional
// exponent, or INF, +INF, -INF, NaN.
func isDoubleLex(s string) bool {
	switch s {
	case "INF", "+INF", "-INF", "NaN":
		return true
	}
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		return isDecimalLex(s[:i]) && isIntegerLex(s[i+1:])
	}
	return isDecimalLex(s)
}

func parseInteger(s string) (Number, error) {
	if !isIntegerLex(s) {
		return Number{}, ErrInvalidLexical
	}
	if len(s) < 19 {
		v, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			return Int(v), nil
		}
	}
	b, ok := new(big.Int).SetString(strings.TrimPrefix(s, "+"), 10)
	if !ok {
		return Number{}, ErrInvalidLexical
	}
	return normInt(b), nil
}

func parseDecimal(s string) (Number, error) {
	if !isDecimalLex(s) {
		return Number{}, ErrInvalidLexical
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Number{}, ErrInvalidLexical
	}
	return Number{kind: KindDecimal, dec: r}, nil
}

func parseFloatLex(s string, bits int) (float64, bool) {
	if !isDoubleLex(s) {
		return 0, false
	}
	switch s {
	case "INF", "+INF":
		return math.Inf(1), true
	case "-INF":
		return math.Inf(-1), true
	case "NaN":
		return math.NaN(), true
	}
	f, err := strconv.ParseFloat(s, bits)
	if err != nil {
		// ErrRange: XSD rounds values beyond the range to ±INF or ±0, as ParseFloat does.
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, false
		}
	}
	return f, true
}

// Literal returns the number as a literal in canonical lexical form.
func (n Number) Literal() rdf.Literal {
	return rdf.Literal{Lexical: n.Canonical(), Datatype: n.kind.Datatype()}
}

// Canonical returns the canonical lexical form: "12", "-1.5", "2" (decimal), "1.0E1", "INF".
// Decimals follow decimalCanonicalMap of XSD 1.1 Part 2 section 3.3.3.2
// (https://www.w3.org/TR/xmlschema11-2/#f-decimalCanmap): an integral value has no decimal
// point ("2", not the "2.0" of XSD 1.0), which is also what the XPath cast of an xs:decimal
// to xs:string gives; floats and doubles keep the mantissa-and-exponent form ("1.0E1").
func (n Number) Canonical() string {
	switch n.kind {
	case KindInteger:
		if n.big != nil {
			return n.big.String()
		}
		return strconv.FormatInt(n.small, 10)
	case KindDecimal:
		return decimalString(n.dec)
	case KindFloat:
		return canonicalFloat(n.f, 32)
	case KindDouble:
		return canonicalFloat(n.f, 64)
	default:
		panic("unreachable: invalid Number")
	}
}

// decimalScale returns the number of fractional digits a finite decimal fraction needs,
// or -1 when r is not a finite decimal.
func decimalScale(r *big.Rat) int {
	d := r.Denom()
	if d.IsInt64() && d.Int64() == 1 {
		return 0
	}
	twos := int(d.TrailingZeroBits())
	q := new(big.Int).Rsh(d, uint(twos))
	fives := 0
	five := big.NewInt(5)
	m := new(big.Int)
	for q.Cmp(big.NewInt(1)) != 0 {
		q.QuoRem(q, five, m)
		if m.Sign() != 0 {
			return -1
		}
		fives++
	}
	return max(twos, fives)
}

// decimalString formats a finite decimal in the XSD 1.1 canonical form: whole values
// without decimal point ("2"), others with the fewest fractional digits ("-1.5"); a value
// without finite decimal expansion is cut at DecimalDivisionDigits digits.
func decimalString(r *big.Rat) string {
	scale := decimalScale(r)
	if scale < 0 {
		scale = DecimalDivisionDigits
	}
	if scale == 0 {
		return r.Num().String()
	}
	s := strings.TrimRight(r.FloatString(scale), "0")
	return strings.TrimSuffix(s, ".")
}

// canonicalFloat formats f in the XSD canonical form of xsd:double (bits 64) or xsd:float
// (bits 32): mantissa with one non-zero digit before the point and at least one after it,
// then E and the exponent without plus sign or leading zeros.
func canonicalFloat(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0E0"
		}
		return "0.0E0"
	}
	s := strconv.FormatFloat(f, 'E', -1, bits)
	i := strings.IndexByte(s, 'E')
	mant, exp := s[:i], s[i+1:]
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

// IsNaN reports a float or double NaN.
func (n Number) IsNaN() bool {
	return (n.kind == KindFloat || n.kind == KindDouble) && math.IsNaN(n.f)
}

// Sign returns -1, 0 or +1 (0 for NaN).
func (n Number) Sign() int {
	switch n.kind {
	case KindInteger:
		if n.big != nil {
			return n.big.Sign()
		}
		switch {
		case n.small < 0:
			return -1
		case n.small > 0:
			return 1
		}
		return 0
	case KindDecimal:
		return n.dec.Sign()
	default:
		switch {
		case n.f < 0:
			return -1
		case n.f > 0:
			return 1
		}
		return 0
	}
}

// Float64 returns the value as a double (rounded for large integers and decimals).
func (n Number) Float64() float64 {
	switch n.kind {
	case KindInteger:
		if n.big != nil {
			f, _ := new(big.Float).SetInt(n.big).Float64()
			return f
		}
		return float64(n.small)
	case KindDecimal:
		f, _ := n.dec.Float64()
		return f
	default:
		return n.f
	}
}

// rat returns an integer or decimal as a big.Rat (a fresh value the caller may modify).
func (n Number) rat() *big.Rat {
	switch n.kind {
	case KindInteger:
		if n.big != nil {
			return new(big.Rat).SetInt(n.big)
		}
		return new(big.Rat).SetInt64(n.small)
	case KindDecimal:
		return new(big.Rat).Set(n.dec)
	}
	panic("unreachable: rat of a float")
}

// bigInt returns an integer as a big.Int (a fresh value).
func (n Number) bigInt() *big.Int {
	if n.big != nil {
		return new(big.Int).Set(n.big)
	}
	return big.NewInt(n.small)
}

// promote converts n to kind k >= n.kind.
func (n Number) promote(k NumKind) Number {
	if n.kind == k {
		return n
	}
	switch k {
	case KindDecimal:
		return Number{kind: KindDecimal, dec: n.rat()}
	case KindFloat:
		return Number{kind: KindFloat, f: float64(float32(n.Float64()))}
	case KindDouble:
		return Number{kind: KindDouble, f: n.Float64()}
	}
	panic("unreachable: promote to " + strconv.Itoa(int(k)))
}

// XSDString returns the XPath cast of the number to xsd:string
// (https://www.w3.org/TR/xpath-functions/#casting-to-string): integers and decimals
// without exponent ("1" for 1.0), doubles and floats in [1e-6, 1e6) as decimals, others in
// canonical scientific form.
func (n Number) XSDString() string {
	switch n.kind {
	case KindInteger:
		return n.Canonical()
	case KindDecimal:
		return decimalString(n.dec)
	}
	a := math.Abs(n.f)
	if a == 0 {
		if math.Signbit(n.f) {
			return "-0"
		}
		return "0"
	}
	if a >= 1e-6 && a < 1e6 {
		bits := 64
		if n.kind == KindFloat {
			bits = 32
		}
		return strconv.FormatFloat(n.f, 'f', -1, bits)
	}
	return n.Canonical()
}
