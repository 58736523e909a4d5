package shacl

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

const xsd = "http://www.w3.org/2001/XMLSchema#"

var (
	reInteger  = regexp.MustCompile(`^[+-]?[0-9]+$`)
	reDecimal  = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)
	reDouble   = regexp.MustCompile(`^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$`)
	reTZ       = `(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?`
	reDate     = regexp.MustCompile(`^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])` + reTZ + `$`)
	reTime     = regexp.MustCompile(`^(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)` + reTZ + `$`)
	reDateTime = regexp.MustCompile(`^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)` + reTZ + `$`)
	reGYear    = regexp.MustCompile(`^-?[0-9]{4,}` + reTZ + `$`)
	reGYM      = regexp.MustCompile(`^-?[0-9]{4,}-(0[1-9]|1[0-2])` + reTZ + `$`)
	reDuration = regexp.MustCompile(`^-?P(([0-9]+Y)?([0-9]+M)?([0-9]+D)?)(T([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$`)
	reLang     = regexp.MustCompile(`^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$`)
)

// integerRanges bounds the derived integer types; nil bounds are unbounded.
var integerRanges = map[rdf.IRI][2]*big.Int{
	xsd + "integer":            {nil, nil},
	xsd + "long":               {big.NewInt(-1 << 63), big.NewInt(1<<63 - 1)},
	xsd + "int":                {big.NewInt(-1 << 31), big.NewInt(1<<31 - 1)},
	xsd + "short":              {big.NewInt(-1 << 15), big.NewInt(1<<15 - 1)},
	xsd + "byte":               {big.NewInt(-1 << 7), big.NewInt(1<<7 - 1)},
	xsd + "nonNegativeInteger": {big.NewInt(0), nil},
	xsd + "positiveInteger":    {big.NewInt(1), nil},
	xsd + "nonPositiveInteger": {nil, big.NewInt(0)},
	xsd + "negativeInteger":    {nil, big.NewInt(-1)},
	xsd + "unsignedLong":       {big.NewInt(0), new(big.Int).SetUint64(1<<64 - 1)},
	xsd + "unsignedInt":        {big.NewInt(0), big.NewInt(1<<32 - 1)},
	xsd + "unsignedShort":      {big.NewInt(0), big.NewInt(1<<16 - 1)},
	xsd + "unsignedByte":       {big.NewInt(0), big.NewInt(1<<8 - 1)},
}

// wellFormed reports whether l's lexical form is valid for its datatype, for the datatypes
// this package knows; others count as well-formed
// (https://www.w3.org/TR/shacl/#DatatypeConstraintComponent: ill-typed literals violate).
func wellFormed(l rdf.Literal) bool {
	lex := l.Lexical
	if r, ok := integerRanges[l.Datatype]; ok {
		if !reInteger.MatchString(lex) {
			return false
		}
		n, ok := new(big.Int).SetString(strings.TrimPrefix(lex, "+"), 10)
		if !ok {
			return false
		}
		return (r[0] == nil || n.Cmp(r[0]) >= 0) && (r[1] == nil || n.Cmp(r[1]) <= 0)
	}
	switch l.Datatype {
	case rdf.XSDString:
		return l.Lang == ""
	case rdf.RDFLangString:
		return l.Lang != "" && reLang.MatchString(l.Lang)
	case xsd + "boolean":
		return lex == "true" || lex == "false" || lex == "1" || lex == "0"
	case xsd + "decimal":
		return reDecimal.MatchString(lex)
	case xsd + "double", xsd + "float":
		return reDouble.MatchString(lex)
	case xsd + "date":
		return reDate.MatchString(lex) && validDay(lex)
	case xsd + "time":
		return reTime.MatchString(lex)
	case xsd + "dateTime":
		return reDateTime.MatchString(lex) && validDay(lex)
	case xsd + "dateTimeStamp":
		return reDateTime.MatchString(lex) && validDay(lex) && hasTZ(lex)
	case xsd + "gYear":
		return reGYear.MatchString(lex)
	case xsd + "gYearMonth":
		return reGYM.MatchString(lex)
	case xsd + "duration":
		return reDuration.MatchString(lex) && lex != "P" && lex != "-P" && !strings.HasSuffix(lex, "T")
	case xsd + "anyURI":
		return !strings.ContainsAny(lex, " <>\"{}|\\^`")
	}
	return true
}

// validDay rejects days past the end of their month (2023-02-30).
func validDay(lex string) bool {
	s := strings.TrimPrefix(lex, "-")
	i := strings.IndexByte(s, '-')
	if i < 4 || len(s) < i+6 {
		return false
	}
	y, err := strconv.Atoi(s[:i])
	if err != nil {
		return true // a year beyond int range: leave it to the pattern
	}
	m, _ := strconv.Atoi(s[i+1 : i+3])
	d, _ := strconv.Atoi(s[i+4 : i+6])
	days := [...]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 29
	}
	return d <= days
}

func hasTZ(lex string) bool {
	if strings.HasSuffix(lex, "Z") {
		return true
	}
	return len(lex) > 6 && (lex[len(lex)-6] == '+' || lex[len(lex)-6] == '-') && lex[len(lex)-3] == ':'
}

// valueClass groups datatypes whose values compare with each other.
type valueClass uint8

const (
	vcNone valueClass = iota
	vcNumber
	vcString
	vcBool
	vcDateTime
	vcDate
	vcTime
	vcGYear
)

func classOf(dt rdf.IRI) valueClass {
	if _, ok := integerRanges[dt]; ok {
		return vcNumber
	}
	switch dt {
	case xsd + "decimal", xsd + "double", xsd + "float":
		return vcNumber
	case rdf.XSDString:
		return vcString
	case xsd + "boolean":
		return vcBool
	case xsd + "dateTime", xsd + "dateTimeStamp":
		return vcDateTime
	case xsd + "date":
		return vcDate
	case xsd + "time":
		return vcTime
	case xsd + "gYear":
		return vcGYear
	}
	return vcNone
}

// compare orders two terms as SPARQL's < and = operators would
// (https://www.w3.org/TR/sparql11-query/#OperatorMapping). ok is false when they are not
// comparable: different kinds of value, ill-typed literals, or a date/time with a time zone
// against one without whose order the 14-hour rule leaves open.
func compare(a, b rdf.Term) (c int, ok bool) {
	la, ok1 := a.(rdf.Literal)
	lb, ok2 := b.(rdf.Literal)
	if !ok1 || !ok2 || !wellFormed(la) || !wellFormed(lb) {
		return 0, false
	}
	ca, cb := classOf(la.Datatype), classOf(lb.Datatype)
	if ca != cb || ca == vcNone {
		return 0, false
	}
	switch ca {
	case vcNumber:
		x, ok1 := number(la)
		y, ok2 := number(lb)
		if !ok1 || !ok2 {
			return 0, false
		}
		return x.Cmp(y), true
	case vcString:
		return strings.Compare(la.Lexical, lb.Lexical), true
	case vcBool:
		x, y := la.Lexical == "true" || la.Lexical == "1", lb.Lexical == "true" || lb.Lexical == "1"
		switch {
		case x == y:
			return 0, true
		case !x:
			return -1, true
		default:
			return 1, true
		}
	default:
		x, tzx := instant(la.Lexical, ca)
		y, tzy := instant(lb.Lexical, ca)
		if tzx != tzy {
			// One value without a time zone: comparable only when 14 hours either way agree.
			d := x.Sub(y)
			if d > 14*time.Hour {
				return 1, true
			}
			if d < -14*time.Hour {
				return -1, true
			}
			return 0, false
		}
		return x.Compare(y), true
	}
}

// number parses a numeric literal exactly (INF and NaN as floats).
func number(l rdf.Literal) (*big.Float, bool) {
	lex := strings.TrimPrefix(l.Lexical, "+")
	switch lex {
	case "INF":
		return new(big.Float).SetInf(false), true
	case "-INF":
		return new(big.Float).SetInf(true), true
	case "NaN":
		return nil, false
	}
	f, _, err := big.ParseFloat(lex, 10, 200, big.ToNearestEven)
	return f, err == nil
}

// instant maps a date/time lexical form (already well-formed) to a time; tz reports whether
// the form carried a time zone (values without one are read as UTC).
func instant(lex string, c valueClass) (t time.Time, tz bool) {
	tz = hasTZ(lex)
	body, zone := lex, "Z"
	if tz {
		if strings.HasSuffix(lex, "Z") {
			body = lex[:len(lex)-1]
		} else {
			body, zone = lex[:len(lex)-6], lex[len(lex)-6:]
		}
	}
	var layout string
	switch c {
	case vcDateTime:
		layout = "2006-01-02T15:04:05.999999999"
		body = strings.Replace(body, "T24:00:00", "T23:59:59.999999999", 1)
	case vcDate:
		layout = "2006-01-02"
	case vcTime:
		layout = "15:04:05.999999999"
		if strings.HasPrefix(body, "24:00:00") {
			body = "23:59:59.999999999"
		}
	case vcGYear:
		layout = "2006"
	}
	if zone == "Z" {
		zone = "+00:00"
	}
	t, err := time.Parse(layout+"-07:00", body+zone)
	if err != nil {
		// Years outside 0000-9999 and the like: fall back to an ordering on the text.
		return time.Time{}, tz
	}
	return t, tz
}
