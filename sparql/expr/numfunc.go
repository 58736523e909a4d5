package expr

import (
	"math"
	"math/big"
	"math/rand/v2"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Functions on numerics, https://www.w3.org/TR/sparql11-query/#func-numerics. Each keeps
// the argument's primitive type (derived integer types give xsd:integer).
//
// Where XPath returns the argument's value unchanged (fn:abs of a non-negative number,
// fn:ceiling, fn:floor and fn:round of a whole number, NaN or an infinity) the argument
// term itself comes back, lexical form included, as Jena ARQ does: ABS("01"^^xsd:integer)
// is "01"^^xsd:integer. Only a computed value gets the canonical form (Number.Canonical).

// unchanged returns t itself when the result of a numeric function equals its argument in
// value and type: t must be a literal of a primitive numeric datatype (a derived type such
// as xsd:int gives an xsd:integer result, so its literal cannot stand for the result).
func unchanged(t rdf.Term) (rdf.Term, bool) {
	l, ok := t.(rdf.Literal)
	if !ok {
		return nil, false
	}
	switch l.Datatype {
	case rdf.XSDInteger, rdf.XSDDecimal, XSDFloat, rdf.XSDDouble:
		return l, true
	}
	return nil, false
}

// Abs implements ABS (fn:abs).
func Abs(t rdf.Term) (rdf.Term, error) {
	n, err := ParseNumber(t)
	if err != nil {
		return nil, err
	}
	if n.Sign() < 0 || (n.kind >= KindFloat && math.Signbit(n.f)) {
		n = n.Neg()
	} else if r, ok := unchanged(t); ok {
		return r, nil
	}
	return n.Literal(), nil
}

// Round implements ROUND (fn:round): the nearest whole number, halves rounded towards
// positive infinity.
func Round(t rdf.Term) (rdf.Term, error) { return roundWith(t, roundHalfUp) }

// Ceil implements CEIL.
func Ceil(t rdf.Term) (rdf.Term, error) { return roundWith(t, roundCeil) }

// Floor implements FLOOR.
func Floor(t rdf.Term) (rdf.Term, error) { return roundWith(t, roundFloor) }

type roundMode uint8

const (
	roundHalfUp roundMode = iota
	roundCeil
	roundFloor
)

func roundWith(t rdf.Term, mode roundMode) (rdf.Term, error) {
	n, err := ParseNumber(t)
	if err != nil {
		return nil, err
	}
	if whole(n) {
		if r, ok := unchanged(t); ok {
			return r, nil
		}
	}
	switch n.kind {
	case KindInteger:
		return n.Literal(), nil
	case KindDecimal:
		return Number{kind: KindDecimal, dec: new(big.Rat).SetInt(ratRound(n.dec, mode))}.Literal(), nil
	default:
		f := n.f
		switch mode {
		case roundHalfUp:
			if !math.IsNaN(f) && !math.IsInf(f, 0) && f != 0 {
				r := math.Floor(f + 0.5)
				if r == 0 && f < 0 {
					r = math.Copysign(0, -1) // fn:round(-0.4) is -0
				}
				f = r
			}
		case roundCeil:
			f = math.Ceil(f)
		case roundFloor:
			f = math.Floor(f)
		}
		return Number{kind: n.kind, f: f}.Literal(), nil
	}
}

// whole reports a number that rounding leaves as it is: an integer, a decimal without
// fractional part, or a float or double that is whole, infinite or NaN.
func whole(n Number) bool {
	switch n.kind {
	case KindInteger:
		return true
	case KindDecimal:
		return n.dec.IsInt()
	default:
		return math.IsNaN(n.f) || math.IsInf(n.f, 0) || n.f == math.Trunc(n.f)
	}
}

// ratRound rounds a rational to a whole number.
func ratRound(r *big.Rat, mode roundMode) *big.Int {
	num, den := r.Num(), r.Denom()
	switch mode {
	case roundHalfUp:
		// floor(x + 1/2) = floor((2num + den) / 2den)
		n := new(big.Int).Lsh(num, 1)
		n.Add(n, den)
		return floorDiv(n, new(big.Int).Lsh(den, 1))
	case roundCeil:
		f := floorDiv(new(big.Int).Neg(num), den)
		return f.Neg(f)
	default:
		return floorDiv(new(big.Int).Set(num), den)
	}
}

// floorDiv returns floor(a/b) for b > 0 (big.Int.Div is Euclidean, which is floor then).
func floorDiv(a, b *big.Int) *big.Int { return new(big.Int).Div(a, b) }

// Rand implements RAND: a pseudo-random xsd:double in [0, 1).
func Rand() rdf.Term { return Double(rand.Float64()).Literal() }
