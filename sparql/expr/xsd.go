package expr

import "github.com/uitwisselingsplatform/uwp/rdf"

// XSD datatype IRIs the function library knows, beyond those of package rdf.
const (
	xsd = "http://www.w3.org/2001/XMLSchema#"

	XSDFloat              rdf.IRI = xsd + "float"
	XSDTime               rdf.IRI = xsd + "time"
	XSDDayTimeDuration    rdf.IRI = xsd + "dayTimeDuration"
	XSDInt                rdf.IRI = xsd + "int"
	XSDLong               rdf.IRI = xsd + "long"
	XSDShort              rdf.IRI = xsd + "short"
	XSDByte               rdf.IRI = xsd + "byte"
	XSDNonNegativeInteger rdf.IRI = xsd + "nonNegativeInteger"
	XSDNonPositiveInteger rdf.IRI = xsd + "nonPositiveInteger"
	XSDPositiveInteger    rdf.IRI = xsd + "positiveInteger"
	XSDNegativeInteger    rdf.IRI = xsd + "negativeInteger"
	XSDUnsignedLong       rdf.IRI = xsd + "unsignedLong"
	XSDUnsignedInt        rdf.IRI = xsd + "unsignedInt"
	XSDUnsignedShort      rdf.IRI = xsd + "unsignedShort"
	XSDUnsignedByte       rdf.IRI = xsd + "unsignedByte"
)

// intRange bounds a derived integer type; a nil bound is unbounded. Bounds are in int64
// except for unsignedLong's upper bound, handled by unsignedMax.
type intRange struct {
	min, max    int64
	hasMin      bool
	hasMax      bool
	unsignedMax bool // max is 2^64-1
}

// derivedIntegers are the built-in types derived from xsd:integer (XSD 1.1 Part 2, 3.4).
// Values of these types promote to xsd:integer in arithmetic (XPath 2.0 B.1).
var derivedIntegers = map[rdf.IRI]intRange{
	XSDNonPositiveInteger: {max: 0, hasMax: true},
	XSDNegativeInteger:    {max: -1, hasMax: true},
	XSDLong:               {min: -1 << 63, max: 1<<63 - 1, hasMin: true, hasMax: true},
	XSDInt:                {min: -1 << 31, max: 1<<31 - 1, hasMin: true, hasMax: true},
	XSDShort:              {min: -1 << 15, max: 1<<15 - 1, hasMin: true, hasMax: true},
	XSDByte:               {min: -1 << 7, max: 1<<7 - 1, hasMin: true, hasMax: true},
	XSDNonNegativeInteger: {min: 0, hasMin: true},
	XSDPositiveInteger:    {min: 1, hasMin: true},
	XSDUnsignedLong:       {min: 0, hasMin: true, unsignedMax: true},
	XSDUnsignedInt:        {min: 0, max: 1<<32 - 1, hasMin: true, hasMax: true},
	XSDUnsignedShort:      {min: 0, max: 1<<16 - 1, hasMin: true, hasMax: true},
	XSDUnsignedByte:       {min: 0, max: 1<<8 - 1, hasMin: true, hasMax: true},
}

// IsNumericDatatype reports whether dt is xsd:integer, xsd:decimal, xsd:float, xsd:double
// or a type derived from xsd:integer. It says nothing about whether a lexical form is valid.
func IsNumericDatatype(dt rdf.IRI) bool {
	switch dt {
	case rdf.XSDInteger, rdf.XSDDecimal, XSDFloat, rdf.XSDDouble:
		return true
	}
	_, ok := derivedIntegers[dt]
	return ok
}

// isStringLiteral reports a simple literal or xsd:string (equivalent in RDF 1.1).
func isStringLiteral(l rdf.Literal) bool { return l.Datatype == rdf.XSDString && l.Lang == "" }

// isLangString reports a language-tagged string.
func isLangString(l rdf.Literal) bool { return l.Lang != "" }

// isKnownDatatype reports the datatypes whose value space the operators understand, so that
// two literals of different known types are unequal rather than incomparable.
func isKnownDatatype(l rdf.Literal) bool {
	if l.Lang != "" || l.Datatype == rdf.XSDString {
		return true
	}
	switch l.Datatype {
	case rdf.XSDBoolean:
		_, ok := parseBoolean(l.Lexical)
		return ok
	case rdf.XSDDateTime, rdf.XSDDate:
		_, err := parseDateTimeLit(l)
		return err == nil
	}
	if IsNumericDatatype(l.Datatype) {
		_, err := ParseNumber(l)
		return err == nil
	}
	return false
}

// parseBoolean parses the xsd:boolean lexical space: true, false, 1, 0.
func parseBoolean(s string) (bool, bool) {
	switch s {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

// Boolean literals.
var (
	True  = rdf.Literal{Lexical: "true", Datatype: rdf.XSDBoolean}
	False = rdf.Literal{Lexical: "false", Datatype: rdf.XSDBoolean}
)

// Bool returns the canonical xsd:boolean literal for b.
func Bool(b bool) rdf.Literal {
	if b {
		return True
	}
	return False
}
