package expr

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// category is the value space a literal falls in for the operators of 17.3.
type category uint8

const (
	catNumeric category = iota + 1
	catBoolean
	catDateTime
	catDate
	catGYear
	catGYearMonth
	catTime
	catString
	catLang
	catOther // unknown datatype, or ill-formed lexical form of a known one
)

// value is a literal classified and, where the operators need it, parsed.
type value struct {
	cat category
	lit rdf.Literal
	num Number
	b   bool
	dt  DateTime
}

func classify(l rdf.Literal) value {
	v := value{lit: l, cat: catOther}
	switch {
	case l.Lang != "":
		v.cat = catLang
	case l.Datatype == rdf.XSDString:
		v.cat = catString
	case l.Datatype == rdf.XSDBoolean:
		if b, ok := parseBoolean(l.Lexical); ok {
			v.cat, v.b = catBoolean, b
		}
	case l.Datatype == rdf.XSDDateTime || l.Datatype == rdf.XSDDate:
		if d, err := parseDateTimeLit(l); err == nil {
			v.cat, v.dt = catDateTime, d
			if d.IsDate {
				v.cat = catDate
			}
		}
	case l.Datatype == xsdGYear || l.Datatype == xsdGYearMonth || l.Datatype == xsdTime:
		if d, c, ok := parsePartialDateTime(l); ok {
			v.cat, v.dt = c, d
		}
	default:
		if n, err := ParseNumber(l); err == nil {
			v.cat, v.num = catNumeric, n
		}
	}
	return v
}

const (
	xsdGYear      rdf.IRI = "http://www.w3.org/2001/XMLSchema#gYear"
	xsdGYearMonth rdf.IRI = "http://www.w3.org/2001/XMLSchema#gYearMonth"
	xsdTime       rdf.IRI = "http://www.w3.org/2001/XMLSchema#time"
)

// parsePartialDateTime reads xsd:gYear, xsd:gYearMonth and xsd:time as the instants XSD 1.1
// orders them by (Part 2, D.2.1 and 3.3.8-3.3.10: the seven-property model with the missing
// fields at their least values; a time of day on the reference date 1972-12-31). Each type is
// ordered only against itself, as XPath's op:gYear-equal and friends compare like with like;
// the order operators extend that to < and >, as Jena and Oxigraph do.
func parsePartialDateTime(l rdf.Literal) (DateTime, category, bool) {
	s := l.Lexical
	switch l.Datatype {
	case xsdTime:
		d, err := parseDateTime("1972-12-31T"+s, false)
		return d, catTime, err == nil
	case xsdGYear, xsdGYearMonth:
		i := 0
		if strings.HasPrefix(s, "-") {
			i = 1
		}
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		c := catGYear
		if l.Datatype == xsdGYearMonth {
			if i+3 > len(s) || s[i] != '-' {
				return DateTime{}, 0, false
			}
			i += 3
			c = catGYearMonth
			d, err := parseDateTime(s[:i]+"-01"+s[i:], true)
			return d, c, err == nil
		}
		if i == len(s) {
			// A year without a timezone, the common case: no string to build.
			if y, ok := plainYear(s); ok {
				return DateTime{Year: y, Month: 1, Day: 1, IsDate: true}, c, true
			}
		}
		d, err := parseDateTime(s[:i]+"-01-01"+s[i:], true)
		return d, c, err == nil
	}
	return DateTime{}, 0, false
}

// plainYear reads an xsd:gYear lexical form without a timezone ("-"? digits) as
// parseDateTime reads the year of a date: at least four digits, no leading zero beyond four.
func plainYear(s string) (int64, bool) {
	digitsPart := strings.TrimPrefix(s, "-")
	n := len(digitsPart)
	if n < 4 || n > 15 || (n > 4 && digitsPart[0] == '0') {
		return 0, false
	}
	var y int64
	for i := 0; i < n; i++ {
		c := digitsPart[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + int64(c-'0')
	}
	if len(digitsPart) != len(s) {
		y = -y
	}
	return y, true
}

// Equal implements A = B (https://www.w3.org/TR/sparql11-query/#OperatorMapping):
// op:numeric-equal for numbers (NaN equals nothing), string equality for simple literals
// and xsd:string, op:boolean-equal, op:dateTime-equal (ErrTypeError when one has a
// timezone and the other has none and they are too close to tell), and RDFterm-equal for
// the rest: identical terms are equal; two literals of different known value spaces are
// unequal (a language-tagged string is unequal to every literal without a tag); a literal of
// an unknown datatype (or an ill-formed one) differing from the other term is ErrTypeError,
// since the values might be equal.
func Equal(a, b rdf.Term) (bool, error) {
	if a == nil || b == nil {
		return false, ErrUnbound
	}
	la, aok := a.(rdf.Literal)
	lb, bok := b.(rdf.Literal)
	if !aok || !bok {
		return a == b, nil
	}
	// Fast paths for the common cases; NaN must not take the identity path.
	if isIntOrDec(la.Datatype) && isIntOrDec(lb.Datatype) {
		if c, ok := cmpDecimalLex(la, lb); ok {
			return c == 0, nil
		}
	}
	if la.Datatype == lb.Datatype && la.Lang == "" && lb.Lang == "" {
		switch la.Datatype {
		case rdf.XSDString:
			return la.Lexical == lb.Lexical, nil
		case rdf.XSDInteger:
			if x, ok := smallInt(la.Lexical); ok {
				if y, ok := smallInt(lb.Lexical); ok {
					return x == y, nil
				}
			}
		}
	}
	return literalEqual(classify(la), classify(lb))
}

func literalEqual(x, y value) (bool, error) {
	if (x.cat == catLang) != (y.cat == catLang) {
		// rdf:langString is a known datatype whose values (string, tag) belong to no other
		// datatype, so a tagged string differs from every other literal, even one of an
		// unknown datatype (W3C open-eq-08, -10, -11).
		return false, nil
	}
	if x.cat == catOther || y.cat == catOther {
		if x.lit == y.lit {
			return true, nil
		}
		return false, ErrTypeError
	}
	if x.cat != y.cat {
		return false, nil
	}
	switch x.cat {
	case catNumeric:
		c, ok := x.num.Cmp(y.num)
		return ok && c == 0, nil
	case catBoolean:
		return x.b == y.b, nil
	case catDateTime, catDate, catGYear, catGYearMonth, catTime:
		c, ok := x.dt.Compare(y.dt)
		if !ok {
			return false, ErrTypeError
		}
		return c == 0, nil
	case catString:
		return x.lit.Lexical == y.lit.Lexical, nil
	case catLang:
		return x.lit.Lexical == y.lit.Lexical && strings.EqualFold(x.lit.Lang, y.lit.Lang), nil
	default:
		panic("unreachable: category")
	}
}

// NotEqual implements A != B: the negation of Equal, with the same errors.
func NotEqual(a, b rdf.Term) (bool, error) {
	eq, err := Equal(a, b)
	if err != nil {
		return false, err
	}
	if !eq {
		// NaN != NaN is true, and so is everything Equal found false.
		return true, nil
	}
	return false, nil
}

// order compares a and b for <, <=, >, >=: numbers, simple literals / xsd:string
// (by code point), booleans (false < true) and date/times. unordered is true when a NaN
// takes part (every comparison is then false). Other pairs are ErrTypeError.
func order(a, b rdf.Term) (c int, unordered bool, err error) {
	if a == nil || b == nil {
		return 0, false, ErrUnbound
	}
	la, aok := a.(rdf.Literal)
	lb, bok := b.(rdf.Literal)
	if !aok || !bok {
		return 0, false, ErrTypeError
	}
	if la.Datatype == lb.Datatype {
		switch la.Datatype {
		case rdf.XSDString:
			return strings.Compare(la.Lexical, lb.Lexical), false, nil
		case rdf.XSDInteger:
			if x, ok := smallInt(la.Lexical); ok {
				if y, ok := smallInt(lb.Lexical); ok {
					return cmp.Compare(x, y), false, nil
				}
			}
		}
	}
	if isIntOrDec(la.Datatype) && isIntOrDec(lb.Datatype) {
		if c, ok := cmpDecimalLex(la, lb); ok {
			return c, false, nil
		}
	}
	x, y := classify(la), classify(lb)
	if x.cat != y.cat {
		return 0, false, ErrTypeError
	}
	switch x.cat {
	case catNumeric:
		c, ok := x.num.Cmp(y.num)
		return c, !ok, nil
	case catBoolean:
		return boolCmp(x.b, y.b), false, nil
	case catDateTime, catDate, catGYear, catGYearMonth, catTime:
		c, ok := x.dt.Compare(y.dt)
		if !ok {
			return 0, false, ErrTypeError
		}
		return c, false, nil
	}
	return 0, false, ErrTypeError
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// Less implements A < B.
func Less(a, b rdf.Term) (bool, error) {
	c, u, err := order(a, b)
	return err == nil && !u && c < 0, err
}

// LessEq implements A <= B.
func LessEq(a, b rdf.Term) (bool, error) {
	c, u, err := order(a, b)
	return err == nil && !u && c <= 0, err
}

// Greater implements A > B.
func Greater(a, b rdf.Term) (bool, error) {
	c, u, err := order(a, b)
	return err == nil && !u && c > 0, err
}

// GreaterEq implements A >= B.
func GreaterEq(a, b rdf.Term) (bool, error) {
	c, u, err := order(a, b)
	return err == nil && !u && c >= 0, err
}

// SameTerm implements sameTerm (https://www.w3.org/TR/sparql11-query/#func-sameTerm):
// the same RDF term, language tags compared case-insensitively.
func SameTerm(a, b rdf.Term) (bool, error) {
	if a == nil || b == nil {
		return false, ErrUnbound
	}
	if a == b {
		return true, nil
	}
	la, aok := a.(rdf.Literal)
	lb, bok := b.(rdf.Literal)
	return aok && bok && la.Lang != "" && la.Lexical == lb.Lexical && strings.EqualFold(la.Lang, lb.Lang), nil
}

// smallInt parses an xsd:integer lexical form that fits in an int64, the fast path of
// comparisons; ok is false for anything else (which then takes the general path).
func smallInt(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && !(i == 0 && (c == '-' || c == '+') && len(s) > 1) {
			return 0, false
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}
