package expr

import (
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestOrder_PartialDates covers xsd:gYear, xsd:gYearMonth and xsd:time ordering, which the
// events benchmark's e13 (birth year before 1945) depends on.
func TestOrder_PartialDates(t *testing.T) {
	lit := func(s string, dt rdf.IRI) rdf.Literal { return rdf.NewTypedLiteral(s, dt) }
	cases := []struct {
		a, b       rdf.Literal
		less, eq   bool
		typeErrors bool
	}{
		{a: lit("1944", xsdGYear), b: lit("1945", xsdGYear), less: true},
		{a: lit("1945", xsdGYear), b: lit("1945", xsdGYear), eq: true},
		{a: lit("2001Z", xsdGYear), b: lit("2001+00:00", xsdGYear), eq: true},
		{a: lit("-0044", xsdGYear), b: lit("0001", xsdGYear), less: true},
		{a: lit("1999-12", xsdGYearMonth), b: lit("2000-01", xsdGYearMonth), less: true},
		{a: lit("09:30:00", xsdTime), b: lit("10:00:00.5", xsdTime), less: true},
		{a: lit("10:00:00+02:00", xsdTime), b: lit("09:00:00Z", xsdTime), less: true},
		{a: lit("1945", xsdGYear), b: lit("1945-01-01", rdf.XSDDate), typeErrors: true},
		{a: lit("1945", xsdGYear), b: lit("1945-01", xsdGYearMonth), typeErrors: true},
		{a: lit("19x5", xsdGYear), b: lit("1945", xsdGYear), typeErrors: true},
	}
	for _, c := range cases {
		less, err := Less(c.a, c.b)
		if c.typeErrors {
			if err == nil {
				t.Errorf("%v < %v: want an error, got %v", c.a, c.b, less)
			}
			continue
		}
		if err != nil || less != c.less {
			t.Errorf("%v < %v = %v, %v; want %v", c.a, c.b, less, err, c.less)
		}
		eq, err := Equal(c.a, c.b)
		if err != nil || eq != c.eq {
			t.Errorf("%v = %v = %v, %v; want %v", c.a, c.b, eq, err, c.eq)
		}
	}
}
