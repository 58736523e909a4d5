package expr

import (
	"math"
	"math/big"
	"math/rand/v2"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Functions on numerics, https://www.w3.org/TR/sparql11-query/#func-numerics. Each keeps
// the argument's primitive type (derived integer types give xsd:integer).

// Abs implements ABS.
func Abs(t rdf.Term) (rdf.Term, error) {
	n, err := ParseNumber(t)
	if err != nil {
		return nil, err
	}
	if n.Sign() < 0 || (n.kind >= KindFloat && math.Signbit(n.f)) {
		n = n.Neg()
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
