package expr

import (
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestAggregators runs set functions over value lists, many from sparql11/aggregates
// (agg-numeric.ttl, agg-err-01.ttl, agg-groupconcat-*.ttl).
func TestAggregators(t *testing.T) {
	cases := []struct {
		f        AggFunc
		distinct bool
		sep      string
		values   string // terms; ERR entries below add an evaluation error
		errs     int    // evaluation errors added after the values
		want     string // a term, or ERROR
	}{
		{AggCount, false, "", `1 2 3`, 0, `3`},
		{AggCount, false, "", `1 UNDEF 3`, 2, `2`},
		{AggCount, true, "", `1 1 "1" 1.0`, 0, `3`},
		{AggCount, false, "", ``, 0, `0`},
		{AggSum, false, "", `1 2 3`, 0, `6`},
		{AggSum, false, "", `1.0 2.2 3.5`, 0, `6.7`},
		{AggSum, false, "", `1 2.2`, 0, `3.2`},
		{AggSum, false, "", `1.0E2 2.0E3 3.0E4`, 0, `3.21E4`},
		{AggSum, false, "", ``, 0, `0`},
		{AggSum, false, "", `1 "a"`, 0, `ERROR`},
		{AggSum, false, "", `1 2`, 1, `ERROR`},
		{AggSum, false, "", `1 UNDEF`, 0, `ERROR`},
		{AggSum, true, "", `1 1 2`, 0, `3`},
		{AggSum, false, "", `999999999999999999 999999999999999999 0.5`, 0, `1999999999999999998.5`},
		{AggSum, false, "", `999999999999999999 999999999999999999 1`, 0, `1999999999999999999`},
		{AggSum, false, "", `0.1 0.2 1e0`, 0, `1.3E0`},
		{AggSum, false, "", `1.5 "2"^^xsd:int 0.25`, 0, `3.75`},
		{AggSum, false, "", `0.000000000000000001 1`, 0, `1.000000000000000001`},
		{AggSum, false, "", `0.0000000000000000001 1`, 0, `1.0000000000000000001`},
		{AggAvg, false, "", `0.1 0.2`, 0, `0.15`},
		{AggAvg, false, "", `1 2 3`, 0, `"2"^^xsd:decimal`},
		{AggAvg, false, "", `1 2 3 4`, 0, `2.5`},
		{AggAvg, false, "", `1.0 2.0 3.0 4`, 0, `2.5`},
		{AggAvg, false, "", `1 2.2`, 0, `1.6`},
		{AggAvg, false, "", `2.5E-1 2.25`, 0, `1.25E0`},
		{AggAvg, false, "", `1.0 2.2 3.5`, 0, `2.23333333333333333333`},
		{AggAvg, false, "", `1 _:b2 3 4`, 0, `ERROR`},
		{AggAvg, false, "", ``, 0, `0`},
		{AggAvg, true, "", `1 1 1 4`, 0, `2.5`},
		{AggMin, false, "", `3 1 2`, 0, `1`},
		{AggMin, false, "", `1 _:b2 3 4`, 0, `_:b2`},
		{AggMin, false, "", `"b" <http://a> 5`, 1, `<http://a>`},
		{AggMin, false, "", ``, 0, `ERROR`},
		{AggMax, false, "", `1 _:b2 3 4`, 0, `4`},
		{AggMax, false, "", `1 "a" 3`, 0, `"a"`},
		{AggMax, true, "", `1.0 2.2 3.5`, 0, `3.5`},
		{AggMax, false, "", ``, 0, `ERROR`},
		{AggSample, false, "", `UNDEF 7 8`, 1, `7`},
		{AggSample, false, "", ``, 0, `ERROR`},
		{AggGroupConcat, false, " ", `"1" "22"`, 0, `"1 22"`},
		{AggGroupConcat, false, ",", `"a" "b" "a"`, 1, `"a,b,a"`},
		{AggGroupConcat, true, ",", `"a" "b" "a"`, 0, `"a,b"`},
		{AggGroupConcat, false, "", `"a"@en "b"@en`, 0, `"ab"@en`},
		{AggGroupConcat, false, "", `"a"@en "b"`, 0, `"ab"`},
		{AggGroupConcat, false, "-", `1 <http://a>`, 0, `"1-http://a"`},
		{AggGroupConcat, false, "-", `"a" _:b`, 0, `ERROR`},
		{AggGroupConcat, false, "-", ``, 0, `""`},
	}
	for _, c := range cases {
		a := NewAggregator(c.f, c.distinct, c.sep)
		for _, v := range parseTerms(t, c.values) {
			a.Add(v, nil)
		}
		for range c.errs {
			a.Add(nil, ErrTypeError)
		}
		got, err := a.Result()
		name := c.f.String() + "(" + c.values + ")"
		if c.distinct {
			name = c.f.String() + "(DISTINCT " + c.values + ")"
		}
		if c.want == "ERROR" {
			if err == nil {
				t.Errorf("%s = %s, want an error", name, termString(got))
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if want := mustTerm(t, c.want); got != want {
			t.Errorf("%s = %s, want %s", name, termString(got), termString(want))
		}
	}
}

func TestParseAggFunc(t *testing.T) {
	for f := AggCount; f <= AggGroupConcat; f++ {
		if g, ok := ParseAggFunc(f.String()); !ok || g != f {
			t.Errorf("ParseAggFunc(%q) = %v, %v", f.String(), g, ok)
		}
	}
	if f, ok := ParseAggFunc("group_concat"); !ok || f != AggGroupConcat {
		t.Errorf("case-insensitive lookup failed")
	}
	if _, ok := ParseAggFunc("MEDIAN"); ok {
		t.Error("MEDIAN is not a SPARQL aggregate")
	}
	if got := AggFunc(99).String(); got != "AggFunc(99)" {
		t.Errorf("String of a bad AggFunc = %q", got)
	}
	var _ rdf.Term = True
}
