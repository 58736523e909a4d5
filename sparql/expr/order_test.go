package expr

import (
	"slices"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestCompare_Order sorts a shuffled list and expects the documented total order.
func TestCompare_Order(t *testing.T) {
	want := []rdf.Term{nil}
	want = append(want, parseTerms(t, `_:a _:b <http://a> <http://b>
		"NaN"^^xsd:double "-1"^^xsd:int -1e0 "01"^^xsd:integer 1 1.0 1.5 "2"^^xsd:float 10
		false true
		"2002-10-10T12:00:00Z"^^xsd:dateTime "2002-10-10T12:00:00.5"^^xsd:dateTime "2002-10-10T13:00:00+00:00"^^xsd:dateTime
		"2002-10-10"^^xsd:date
		"" "A" "B" "a" "é"
		"a"@EN "a"@en "b"@en
		"abc"^^xsd:integer "x"^^<http://example.org/t> "y"^^<http://example.org/a>`)...)
	got := slices.Clone(want)
	// Reverse, then rotate: a deterministic shuffle.
	slices.Reverse(got)
	got = append(got[7:], got[:7]...)
	slices.SortStableFunc(got, Compare)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("position %d: got %s, want %s\nfull order: %v", i, termString(got[i]), termString(want[i]), got)
		}
	}
	// Antisymmetry and reflexivity over every pair.
	for _, a := range want {
		for _, b := range want {
			c1, c2 := Compare(a, b), Compare(b, a)
			if c1 != -c2 || (c1 == 0) != (a == b) {
				t.Errorf("Compare(%s, %s) = %d, reverse %d", termString(a), termString(b), c1, c2)
			}
		}
	}
}

// TestCompare_Transitive checks transitivity over all triples of a mixed set, including
// date/times with and without timezone that the < operator cannot order.
func TestCompare_Transitive(t *testing.T) {
	ts := parseTerms(t, `1 1.0 1e0 "1"^^xsd:float 2 "NaN"^^xsd:float
		"2002-10-10T12:00:00Z"^^xsd:dateTime "2002-10-10T12:00:00"^^xsd:dateTime
		"2002-10-10T05:00:00-07:00"^^xsd:dateTime "2002-10-10T12:00:01"^^xsd:dateTime
		"a" "a"@en _:x <http://a> "abc"^^xsd:integer UNDEF`)
	for _, a := range ts {
		for _, b := range ts {
			for _, c := range ts {
				if Compare(a, b) <= 0 && Compare(b, c) <= 0 && Compare(a, c) > 0 {
					t.Errorf("not transitive: %s <= %s <= %s but %s > %s", termString(a), termString(b), termString(c), termString(a), termString(c))
				}
			}
		}
	}
}
