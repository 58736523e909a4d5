package expr

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// DecimalDivisionDigits is the number of fractional digits kept when an xsd:decimal
// quotient has no finite decimal expansion. XPath (op:numeric-divide) leaves the precision
// to the implementation but requires at least 18 digits.
const DecimalDivisionDigits = 20

// Arithmetic operators on terms, https://www.w3.org/TR/sparql11-query/#OperatorMapping
// (op:numeric-add, -subtract, -multiply, -divide). Both arguments must be numeric literals;
// the result has the promoted type of the two, except that integer division gives a decimal.

// Add implements A + B.
func Add(a, b rdf.Term) (rdf.Term, error) {
	if r, ok := fixedOp(a, b, fixed.add, false); ok {
		return r, nil
	}
	return binary(a, b, Number.Add)
}

// Subtract implements A - B.
func Subtract(a, b rdf.Term) (rdf.Term, error) {
	if r, ok := fixedOp(a, b, fixed.add, true); ok {
		return r, nil
	}
	return binary(a, b, Number.Sub)
}

// Multiply implements A * B.
func Multiply(a, b rdf.Term) (rdf.Term, error) {
	if r, ok := fixedOp(a, b, fixed.mul, false); ok {
		return r, nil
	}
	return binary(a, b, Number.Mul)
}

// fixedOp is the int64 fast path for decimal arithmetic: it applies when one operand is an
// xsd:decimal, the other an xsd:decimal or xsd:integer, and the values and the result fit
// in 18 digits. negB negates the second operand (subtraction).
func fixedOp(a, b rdf.Term, op func(fixed, fixed) (fixed, bool), negB bool) (rdf.Term, bool) {
	la, ok := a.(rdf.Literal)
	if !ok {
		return nil, false
	}
	lb, ok := b.(rdf.Literal)
	if !ok || !isIntOrDec(la.Datatype) || !isIntOrDec(lb.Datatype) ||
		(la.Datatype == rdf.XSDInteger && lb.Datatype == rdf.XSDInteger) {
		return nil, false
	}
	x, ok := parseFixed(la)
	if !ok {
		return nil, false
	}
	y, ok := parseFixed(lb)
	if !ok {
		return nil, false
	}
	if negB {
		y.u = -y.u
	}
	r, ok := op(x, y)
	if !ok {
		return nil, false
	}
	return rdf.Literal{Lexical: r.String(), Datatype: rdf.XSDDecimal}, true
}

// Divide implements A / B; integer and decimal division by zero is ErrDivideByZero.
func Divide(a, b rdf.Term) (rdf.Term, error) { return binary(a, b, Number.Div) }

// UnaryMinus implements -A (op:numeric-unary-minus).
func UnaryMinus(a rdf.Term) (rdf.Term, error) {
	n, err := ParseNumber(a)
	if err != nil {
		return nil, err
	}
	return n.Neg().Literal(), nil
}

// UnaryPlus implements +A (op:numeric-unary-plus, which "returns its operand with the sign
// unchanged"): a literal of a primitive numeric type comes back as it is, lexical form
// included; a derived type gives its value in the canonical form of the primitive type.
func UnaryPlus(a rdf.Term) (rdf.Term, error) {
	n, err := ParseNumber(a)
	if err != nil {
		return nil, err
	}
	if r, ok := unchanged(a); ok {
		return r, nil
	}
	return n.Literal(), nil
}

func binary(a, b rdf.Term, op func(Number, Number) (Number, error)) (rdf.Term, error) {
	x, err := ParseNumber(a)
	if err != nil {
		return nil, err
	}
	y, err := ParseNumber(b)
	if err != nil {
		return nil, err
	}
	r, err := op(x, y)
	if err != nil {
		return nil, err
	}
	return r.Literal(), nil
}

func promote2(a, b Number) (Number, Number) {
	k := max(a.kind, b.kind)
	return a.promote(k), b.promote(k)
}

// Add returns a + b.
func (a Number) Add(b Number) (Number, error) {
	a, b = promote2(a, b)
	switch a.kind {
	case KindInteger:
		if a.big == nil && b.big == nil {
			s := a.small + b.small
			if (s > a.small) == (b.small > 0) {
				return Int(s), nil
			}
		}
		return normInt(new(big.Int).Add(a.bigInt(), b.bigInt())), nil
	case KindDecimal:
		return Number{kind: KindDecimal, dec: new(big.Rat).Add(a.dec, b.dec)}, nil
	case KindFloat:
		return Number{kind: KindFloat, f: float64(float32(a.f) + float32(b.f))}, nil
	default:
		return Double(a.f + b.f), nil
	}
}

// Sub returns a - b.
func (a Number) Sub(b Number) (Number, error) { return a.Add(b.Neg()) }

// Neg returns -a.
func (a Number) Neg() Number {
	switch a.kind {
	case KindInteger:
		if a.big == nil && a.small != math.MinInt64 {
			return Int(-a.small)
		}
		return normInt(new(big.Int).Neg(a.bigInt()))
	case KindDecimal:
		return Number{kind: KindDecimal, dec: new(big.Rat).Neg(a.dec)}
	default:
		return Number{kind: a.kind, f: -a.f}
	}
}

// Mul returns a × b.
func (a Number) Mul(b Number) (Number, error) {
	a, b = promote2(a, b)
	switch a.kind {
	case KindInteger:
		if a.big == nil && b.big == nil {
			if p, ok := mul64(a.small, b.small); ok {
				return Int(p), nil
			}
		}
		return normInt(new(big.Int).Mul(a.bigInt(), b.bigInt())), nil
	case KindDecimal:
		return Number{kind: KindDecimal, dec: new(big.Rat).Mul(a.dec, b.dec)}, nil
	case KindFloat:
		return Number{kind: KindFloat, f: float64(float32(a.f) * float32(b.f))}, nil
	default:
		return Double(a.f * b.f), nil
	}
}

func mul64(x, y int64) (int64, bool) {
	neg := (x < 0) != (y < 0)
	ux, uy := uint64(x), uint64(y)
	if x < 0 {
		ux = -ux
	}
	if y < 0 {
		uy = -uy
	}
	hi, lo := bits.Mul64(ux, uy)
	if hi != 0 {
		return 0, false
	}
	if neg {
		if lo > 1<<63 {
			return 0, false
		}
		return int64(-lo), true
	}
	if lo > math.MaxInt64 {
		return 0, false
	}
	return int64(lo), true
}

// Div returns a ÷ b. Two integers divide as decimals (XPath op:numeric-divide); a decimal
// quotient without a finite expansion is rounded half away from zero to
// DecimalDivisionDigits fractional digits. Integer or decimal division by zero is
// ErrDivideByZero; float and double follow IEEE 754 (INF, NaN).
func (a Number) Div(b Number) (Number, error) {
	a, b = promote2(a, b)
	switch a.kind {
	case KindInteger, KindDecimal:
		if b.Sign() == 0 {
			return Number{}, ErrDivideByZero
		}
		if a.kind == KindInteger && a.big == nil && b.big == nil && a.small%b.small == 0 &&
			!(a.small == math.MinInt64 && b.small == -1) {
			return Number{kind: KindDecimal, dec: new(big.Rat).SetInt64(a.small / b.small)}, nil
		}
		q := new(big.Rat).Quo(a.rat(), b.rat())
		if decimalScale(q) < 0 {
			q = roundRat(q, DecimalDivisionDigits)
		}
		return Number{kind: KindDecimal, dec: q}, nil
	case KindFloat:
		return Number{kind: KindFloat, f: float64(float32(a.f) / float32(b.f))}, nil
	default:
		return Double(a.f / b.f), nil
	}
}

var divisionScale = new(big.Int).Exp(big.NewInt(10), big.NewInt(DecimalDivisionDigits), nil)

// roundRat rounds r half away from zero to digits fractional digits.
func roundRat(r *big.Rat, digits int) *big.Rat {
	scale := divisionScale
	if digits != DecimalDivisionDigits {
		scale = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
	}
	num := new(big.Int).Mul(r.Num(), scale)
	num.Mul(num, big.NewInt(2))
	num.Add(num, new(big.Int).Mul(r.Denom(), big.NewInt(int64(r.Sign()))))
	den := new(big.Int).Mul(r.Denom(), big.NewInt(2))
	num.Quo(num, den) // truncates toward zero
	return new(big.Rat).SetFrac(num, scale)
}

// Cmp compares two numbers after promotion (op:numeric-less-than / -equal). ok is false
// when either is NaN: NaN is unordered and unequal to everything.
func (a Number) Cmp(b Number) (c int, ok bool) {
	a, b = promote2(a, b)
	switch a.kind {
	case KindInteger:
		if a.big == nil && b.big == nil {
			switch {
			case a.small < b.small:
				return -1, true
			case a.small > b.small:
				return 1, true
			}
			return 0, true
		}
		return a.bigInt().Cmp(b.bigInt()), true
	case KindDecimal:
		return a.dec.Cmp(b.dec), true
	default:
		switch {
		case math.IsNaN(a.f) || math.IsNaN(b.f):
			return 0, false
		case a.f < b.f:
			return -1, true
		case a.f > b.f:
			return 1, true
		}
		return 0, true
	}
}
