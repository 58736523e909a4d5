package expr

import (
	"fmt"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestPartialDateTime_PlainYearFastPath: a gYear without a timezone is read without building
// a date string; it must give what the general path gives, for good and bad forms alike.
func TestPartialDateTime_PlainYearFastPath(t *testing.T) {
	forms := []string{"0000", "0001", "1945", "2006", "9999", "10000", "010000", "-0044", "-12345",
		"123", "12a4", "-", "", "1945Z", "1945+01:00", "123456789012345", "1234567890123456", "+1945", "19 45"}
	for y := 1900; y < 2030; y += 7 {
		forms = append(forms, fmt.Sprint(y))
	}
	for _, f := range forms {
		l := rdf.NewTypedLiteral(f, xsdGYear)
		got, gc, gok := parsePartialDateTime(l)
		want, err := parseDateTime(f+"-01-01", true)
		if i := len(f); f != "" && (f[i-1] == 'Z' || (i > 6 && f[i-6] == '+')) {
			// With a timezone the general path is taken; compare it with itself.
			d := f[:len(f)-1]
			if f[i-1] != 'Z' {
				d = f[:i-6]
			}
			want, err = parseDateTime(d+"-01-01"+f[len(d):], true)
		}
		if gok != (err == nil) || (gok && (got != want || gc != catGYear)) {
			t.Errorf("%q: got %+v %v %v, want %+v (err %v)", f, got, gc, gok, want, err)
		}
	}
}
