package expr

import (
	"cmp"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Compare is the total order of ORDER BY (https://www.w3.org/TR/sparql11-query/#modOrderBy):
// unbound (nil) < blank nodes < IRIs < literals. Literals in one value space are ordered by
// the < operator where it is defined (numbers by value, strings by code point, false <
// true, date/times on the time line); the order SPARQL leaves open is fixed here so that
// sorting is deterministic: numbers < booleans < dateTimes < dates < simple literals <
// language-tagged strings < other literals, NaN before other numbers, date/times without a
// timezone read as UTC, and ties between different terms of equal value broken by lexical
// form, then datatype, then language tag. Compare returns 0 only for identical terms.
func Compare(a, b rdf.Term) int {
	ra, rb := rank(a), rank(b)
	if ra != rb {
		return cmp.Compare(ra, rb)
	}
	switch x := a.(type) {
	case nil:
		return 0
	case rdf.BlankNode:
		return strings.Compare(string(x), string(b.(rdf.BlankNode)))
	case rdf.IRI:
		return strings.Compare(string(x), string(b.(rdf.IRI)))
	case rdf.Literal:
		return compareLiterals(x, b.(rdf.Literal))
	default:
		panic("unreachable: term " + a.String())
	}
}

func rank(t rdf.Term) int {
	if t == nil {
		return 0
	}
	return int(t.Kind()) // KindBlank < KindIRI < KindLiteral
}

func compareLiterals(a, b rdf.Literal) int {
	if a == b {
		return 0
	}
	if a.Datatype == b.Datatype {
		switch a.Datatype {
		case rdf.XSDString:
			return strings.Compare(a.Lexical, b.Lexical)
		case rdf.XSDInteger:
			if x, ok := smallInt(a.Lexical); ok {
				if y, ok := smallInt(b.Lexical); ok {
					if c := cmp.Compare(x, y); c != 0 {
						return c
					}
					return strings.Compare(a.Lexical, b.Lexical)
				}
			}
		}
	}
	if isIntOrDec(a.Datatype) && isIntOrDec(b.Datatype) {
		if c, ok := cmpDecimalLex(a, b); ok {
			if c != 0 {
				return c
			}
			return tieBreak(a, b)
		}
	}
	x, y := classify(a), classify(b)
	if x.cat != y.cat {
		return cmp.Compare(x.cat, y.cat)
	}
	c := 0
	switch x.cat {
	case catNumeric:
		xn, yn := x.num.IsNaN(), y.num.IsNaN()
		switch {
		case xn && yn:
		case xn:
			c = -1
		case yn:
			c = 1
		default:
			c, _ = x.num.Cmp(y.num)
		}
	case catBoolean:
		c = boolCmp(x.b, y.b)
	case catDateTime, catDate:
		c = cmpInstant(x.dt.seconds(), x.dt.Frac, y.dt.seconds(), y.dt.Frac)
	case catString, catLang, catOther:
	}
	if c != 0 {
		return c
	}
	return tieBreak(a, b)
}

// tieBreak orders different literals of equal value: by lexical form, datatype, language.
func tieBreak(a, b rdf.Literal) int {
	if c := strings.Compare(a.Lexical, b.Lexical); c != 0 {
		return c
	}
	if c := strings.Compare(string(a.Datatype), string(b.Datatype)); c != 0 {
		return c
	}
	return strings.Compare(a.Lang, b.Lang)
}
