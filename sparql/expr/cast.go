package expr

import (
	"fmt"
	"math"
	"math/big"
	"strconv"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Cast implements the XSD constructor functions of
// https://www.w3.org/TR/sparql11-query/#FunctionMapping (xsd:string(?x), xsd:integer(?x), ...)
// following the cast table of 17.5 and XPath's casting rules:
//
//   - from a string (or any literal of another datatype, or a language-tagged string) the
//     lexical form must be valid for the target exactly as written: " 1" and "1.0" are not
//     integers, "1E0" is not a decimal;
//   - numbers cast among themselves (truncating towards zero to xsd:integer; NaN and INF
//     do not cast to xsd:integer or xsd:decimal), to xsd:boolean (zero and NaN are false),
//     and to xsd:string in XPath's form ("1" for 1.0, "1.0E7" for 1e7 as a double);
//   - booleans cast to numbers (1 or 0) and to strings ("true", "false");
//   - xsd:dateTime casts to xsd:string, xsd:dateTime and xsd:date;
//   - an IRI casts to xsd:string only; blank nodes cast to nothing.
//
// Targets are xsd:string, xsd:boolean, xsd:integer, xsd:decimal, xsd:float, xsd:double,
// xsd:dateTime, xsd:date and the types derived from xsd:integer (range-checked). Results are
// in canonical lexical form. An impossible cast is ErrTypeError, a bad lexical form or value
// ErrInvalidLexical; an unsupported target is ErrBadArgument.
func Cast(t rdf.Term, target rdf.IRI) (rdf.Term, error) {
	var l rdf.Literal
	switch x := t.(type) {
	case nil:
		return nil, ErrUnbound
	case rdf.IRI:
		if target == rdf.XSDString {
			return rdf.NewLiteral(string(x)), nil
		}
		return nil, ErrTypeError
	case rdf.BlankNode:
		return nil, ErrTypeError
	case rdf.Literal:
		l = x
	}
	v := classify(l)
	switch target {
	case rdf.XSDString:
		return rdf.NewLiteral(castString(v)), nil
	case rdf.XSDBoolean:
		switch v.cat {
		case catBoolean:
			return Bool(v.b), nil
		case catNumeric:
			return Bool(v.num.Sign() != 0), nil
		case catString, catLang, catOther:
			b, ok := parseBoolean(l.Lexical)
			if !ok {
				return nil, ErrInvalidLexical
			}
			return Bool(b), nil
		}
		return nil, ErrTypeError
	case rdf.XSDInteger, rdf.XSDDecimal, XSDFloat, rdf.XSDDouble:
		n, err := castNumber(v, target)
		if err != nil {
			return nil, err
		}
		return n.Literal(), nil
	case rdf.XSDDateTime, rdf.XSDDate:
		var d DateTime
		switch v.cat {
		case catDateTime, catDate:
			d = v.dt
			if v.cat == catDate && target == rdf.XSDDateTime {
				d.IsDate = false // midnight of that day
			}
		case catString, catLang, catOther:
			var err error
			if d, err = parseDateTime(l.Lexical, target == rdf.XSDDate); err != nil {
				return nil, err
			}
		default:
			return nil, ErrTypeError
		}
		if target == rdf.XSDDate {
			d.IsDate, d.Hour, d.Minute, d.Second, d.Frac = true, 0, 0, 0, ""
		}
		return d.Literal(), nil
	}
	if r, ok := derivedIntegers[target]; ok {
		n, err := castNumber(v, rdf.XSDInteger)
		if err != nil {
			return nil, err
		}
		if !r.contains(n) {
			return nil, fmt.Errorf("%w: %s out of range for %s", ErrInvalidLexical, n.Canonical(), target)
		}
		return rdf.Literal{Lexical: n.Canonical(), Datatype: target}, nil
	}
	return nil, fmt.Errorf("%w: no cast to %s", ErrBadArgument, target)
}

func castString(v value) string {
	switch v.cat {
	case catNumeric:
		return v.num.XSDString()
	case catBoolean:
		return strconv.FormatBool(v.b)
	case catDateTime, catDate:
		return v.dt.String()
	}
	return v.lit.Lexical
}

func castNumber(v value, target rdf.IRI) (Number, error) {
	var n Number
	switch v.cat {
	case catNumeric:
		n = v.num
	case catBoolean:
		n = Int(0)
		if v.b {
			n = Int(1)
		}
	case catString, catLang, catOther:
		var err error
		switch s := v.lit.Lexical; target {
		case rdf.XSDInteger:
			return parseInteger(s)
		case rdf.XSDDecimal:
			return parseDecimal(s)
		case XSDFloat:
			f, ok := parseFloatLex(s, 32)
			if !ok {
				return n, ErrInvalidLexical
			}
			return Number{kind: KindFloat, f: f}, nil
		default:
			f, ok := parseFloatLex(s, 64)
			if !ok {
				return n, ErrInvalidLexical
			}
			return Double(f), err
		}
	default:
		return n, ErrTypeError
	}
	switch target {
	case rdf.XSDInteger:
		switch n.kind {
		case KindInteger:
			return n, nil
		case KindDecimal:
			return normInt(new(big.Int).Quo(n.dec.Num(), n.dec.Denom())), nil
		}
		if math.IsNaN(n.f) || math.IsInf(n.f, 0) {
			return Number{}, ErrInvalidLexical
		}
		b, _ := big.NewFloat(math.Trunc(n.f)).Int(nil)
		return normInt(b), nil
	case rdf.XSDDecimal:
		if n.kind <= KindDecimal {
			return n.promote(KindDecimal), nil
		}
		if math.IsNaN(n.f) || math.IsInf(n.f, 0) {
			return Number{}, ErrInvalidLexical
		}
		bits := 64
		if n.kind == KindFloat {
			bits = 32
		}
		// The shortest decimal that reads back as the same float: 0.1f casts to 0.1.
		return parseDecimal(strconv.FormatFloat(n.f, 'f', -1, bits))
	case XSDFloat:
		return Number{kind: KindFloat, f: float64(float32(n.Float64()))}, nil
	default:
		return Double(n.Float64()), nil
	}
}
