package expr

import (
	"fmt"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// AggFunc names a set function of https://www.w3.org/TR/sparql11-query/#aggregateAlgebra.
type AggFunc uint8

// The SPARQL 1.1 set functions.
const (
	AggCount AggFunc = iota + 1
	AggSum
	AggAvg
	AggMin
	AggMax
	AggSample
	AggGroupConcat
)

var aggNames = [...]string{AggCount: "COUNT", AggSum: "SUM", AggAvg: "AVG", AggMin: "MIN",
	AggMax: "MAX", AggSample: "SAMPLE", AggGroupConcat: "GROUP_CONCAT"}

func (f AggFunc) String() string {
	if f < AggCount || f > AggGroupConcat {
		return fmt.Sprintf("AggFunc(%d)", uint8(f))
	}
	return aggNames[f]
}

// ParseAggFunc returns the set function with the given (case-insensitive) name.
func ParseAggFunc(name string) (AggFunc, bool) {
	for f := AggCount; f <= AggGroupConcat; f++ {
		if strings.EqualFold(aggNames[f], name) {
			return f, true
		}
	}
	return 0, false
}

// Aggregator folds the values of one aggregate expression over one group. It holds only
// the running result (and, for DISTINCT, the set of values seen).
type Aggregator interface {
	// Add feeds the value of the aggregate's expression for one solution of the group:
	// t is the value, or err the evaluation error (an unbound value is t == nil). For
	// COUNT(*) pass any non-nil term per solution; COUNT(DISTINCT *) needs a term that
	// identifies the whole solution.
	Add(t rdf.Term, err error)
	// Result returns the aggregate's value; an error means the aggregate is unbound
	// (SUM over a non-number, MIN of an empty group, ...).
	Result() (rdf.Term, error)
}

// NewAggregator returns an Aggregator following 18.5.1:
//
//   - COUNT counts the bound values evaluated without error;
//   - SUM adds with op:numeric-add (0 for an empty group); an error or non-numeric value
//     makes the result an error;
//   - AVG is SUM divided by COUNT (0 for an empty group), with the same errors;
//   - MIN and MAX use the ORDER BY order (Compare) and skip errors; empty is unbound;
//   - SAMPLE returns the first bound value; empty is unbound;
//   - GROUP_CONCAT joins the string forms (STR) of the values with separator, skipping
//     errors and unbound values; a blank node is an error. The result keeps a language
//     tag shared by every value and is a simple literal otherwise.
//
// With distinct set, each value (as an RDF term) counts once. separator is used only by
// GROUP_CONCAT (the SPARQL default is " ").
func NewAggregator(f AggFunc, distinct bool, separator string) Aggregator {
	var a Aggregator
	switch f {
	case AggCount:
		a = &countAgg{}
	case AggSum:
		a = newSumAgg(false)
	case AggAvg:
		a = newSumAgg(true)
	case AggMin:
		a = &extremeAgg{sign: -1}
	case AggMax:
		a = &extremeAgg{sign: 1}
	case AggSample:
		a = &sampleAgg{}
	case AggGroupConcat:
		a = &concatAgg{sep: separator}
	default:
		panic(fmt.Sprintf("unreachable: %v", f))
	}
	if distinct {
		return &distinctAgg{inner: a, seen: make(map[rdf.Term]struct{})}
	}
	return a
}

type distinctAgg struct {
	inner Aggregator
	seen  map[rdf.Term]struct{}
}

func (d *distinctAgg) Add(t rdf.Term, err error) {
	if err == nil && t != nil {
		if _, ok := d.seen[t]; ok {
			return
		}
		d.seen[t] = struct{}{}
	}
	d.inner.Add(t, err)
}

func (d *distinctAgg) Result() (rdf.Term, error) { return d.inner.Result() }

type countAgg struct{ n int64 }

func (c *countAgg) Add(t rdf.Term, err error) {
	if err == nil && t != nil {
		c.n++
	}
}

func (c *countAgg) Result() (rdf.Term, error) { return Int(c.n).Literal(), nil }

type sumAgg struct {
	// While every value is an xsd:integer or xsd:decimal that fits, the sum runs in fx
	// (int64 fixed point); after that in sum (math/big or float).
	fast   bool
	fx     fixed
	anyDec bool
	sum    Number
	n      int64
	err    error
	avg    bool
}

func newSumAgg(avg bool) *sumAgg { return &sumAgg{fast: true, avg: avg} }

func (s *sumAgg) Add(t rdf.Term, err error) {
	if s.err != nil {
		return
	}
	if err == nil && t == nil {
		err = ErrUnbound
	}
	if err != nil {
		s.err = err
		return
	}
	if s.fast {
		if l, ok := t.(rdf.Literal); ok && isIntOrDec(l.Datatype) {
			if f, ok := parseFixed(l); ok {
				if r, ok := s.fx.add(f); ok {
					s.fx = r
					s.anyDec = s.anyDec || l.Datatype == rdf.XSDDecimal
					s.n++
					return
				}
			}
		}
		s.sum, s.fast = s.fixedNumber(), false
	}
	v, err := ParseNumber(t)
	if err == nil {
		v, err = s.sum.Add(v)
	}
	if err != nil {
		s.err = err
		return
	}
	s.sum = v
	s.n++
}

// fixedNumber converts the fixed-point running sum to a Number.
func (s *sumAgg) fixedNumber() Number {
	if !s.anyDec {
		return Int(s.fx.u) // only integers: scale 0
	}
	n, _ := parseDecimal(s.fx.String())
	return n
}

func (s *sumAgg) Result() (rdf.Term, error) {
	if s.err != nil {
		return nil, s.err
	}
	sum := s.sum
	if s.fast {
		sum = s.fixedNumber()
	}
	if !s.avg {
		return sum.Literal(), nil
	}
	if s.n == 0 {
		return Int(0).Literal(), nil
	}
	q, err := sum.Div(Int(s.n))
	if err != nil {
		return nil, err
	}
	return q.Literal(), nil
}

type extremeAgg struct {
	best rdf.Term
	sign int
}

func (e *extremeAgg) Add(t rdf.Term, err error) {
	if err != nil || t == nil {
		return
	}
	if e.best == nil || Compare(t, e.best)*e.sign > 0 {
		e.best = t
	}
}

func (e *extremeAgg) Result() (rdf.Term, error) {
	if e.best == nil {
		return nil, ErrUnbound
	}
	return e.best, nil
}

type sampleAgg struct{ v rdf.Term }

func (s *sampleAgg) Add(t rdf.Term, err error) {
	if err == nil && s.v == nil {
		s.v = t
	}
}

func (s *sampleAgg) Result() (rdf.Term, error) {
	if s.v == nil {
		return nil, ErrUnbound
	}
	return s.v, nil
}

type concatAgg struct {
	b     strings.Builder
	sep   string
	n     int
	lang  string
	mixed bool
	err   error
}

func (c *concatAgg) Add(t rdf.Term, err error) {
	if err != nil || t == nil || c.err != nil {
		return
	}
	var s, lang string
	switch x := t.(type) {
	case rdf.Literal:
		s, lang = x.Lexical, x.Lang
	case rdf.IRI:
		s = string(x)
	default:
		c.err = ErrTypeError
		return
	}
	if c.n > 0 {
		c.b.WriteString(c.sep)
		if lang != c.lang {
			c.mixed = true
		}
	} else {
		c.lang = lang
	}
	c.n++
	c.b.WriteString(s)
}

func (c *concatAgg) Result() (rdf.Term, error) {
	if c.err != nil {
		return nil, c.err
	}
	if c.n > 0 && !c.mixed && c.lang != "" {
		return rdf.NewLangLiteral(c.b.String(), c.lang), nil
	}
	return rdf.NewLiteral(c.b.String()), nil
}
