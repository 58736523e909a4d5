package jsonld

import (
	"math"
	"testing"
)

func TestCanonicalDouble(t *testing.T) {
	for f, want := range map[float64]string{
		1.1: "1.1E0", 0: "0.0E0", 1e21: "1.0E21", -5e-5: "-5.0E-5", 123456.789: "1.23456789E5",
		2: "2.0E0", 0.1: "1.0E-1", 1.7976931348623157e308: "1.7976931348623157E308",
	} {
		if got := canonicalDouble(f); got != want {
			t.Errorf("%v: got %s, want %s", f, got, want)
		}
	}
}

func TestCanonicalInteger(t *testing.T) {
	for f, want := range map[float64]string{5: "5", -3: "-3", math.Copysign(0, -1): "0", 1e20: "100000000000000000000", 9007199254740993: "9007199254740992"} {
		if got := canonicalInteger(f); got != want {
			t.Errorf("%v: got %s, want %s", f, got, want)
		}
	}
}

// TestES6Number uses examples of RFC 8785 Appendix B.
func TestES6Number(t *testing.T) {
	for f, want := range map[float64]string{
		0: "0", math.Copysign(0, -1): "0", 1: "1", -1: "-1", 1.5: "1.5", 1e21: "1e+21", 1e20: "100000000000000000000",
		1e-7: "1e-7", 0.000001: "0.000001", 123e-20: "1.23e-18", 9007199254740992: "9007199254740992",
		295147905179352830000: "295147905179352830000", 5e-324: "5e-324", -1.7976931348623157e308: "-1.7976931348623157e+308",
		333333333.3333332: "333333333.3333332", 1e23: "1e+23",
	} {
		if got := es6Number(f); got != want {
			t.Errorf("%v: got %s, want %s", f, got, want)
		}
	}
}

func TestCanonicalJSON(t *testing.T) {
	v := map[string]any{"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew", "1": "One",
		"\U0001f600": "Emoji", "\u0080": "Control\u007f", "\u00f6": "Latin"}
	want := `{"\r":"Carriage Return","1":"One","` + "\u0080" + `":"Control` + "\u007f" + `","ö":"Latin","€":"Euro Sign","` + "\U0001f600" + `":"Emoji","` + "\ufb33" + `":"Hebrew"}`
	got, err := canonicalJSON(v)
	if err != nil || got != want {
		t.Errorf("got %s, want %s (%v)", got, want, err)
	}
	got, _ = canonicalJSON([]any{nil, true, "\u0001\t<>&\u2028", 1.0})
	if want := "[null,true,\"\\u0001\\t<>&\u2028\",1]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestWellFormedLang(t *testing.T) {
	for tag, want := range map[string]bool{"en": true, "en-US": true, "zh-Hant-TW": true, "de-1996": true, "x-private": true,
		"": false, "not a tag": false, "en-": false, "toolongtag": false, "1en": false, "en_US": false} {
		if got := wellFormedLang(tag); got != want {
			t.Errorf("%q: got %v", tag, got)
		}
	}
}

func TestValidLabel(t *testing.T) {
	for label, want := range map[string]bool{"x": true, "a.b": true, "a.": false, "has space": false, "é": true, "-1": true, "a:b": false, "": true} {
		if got := validLabel(label); got != want {
			t.Errorf("%q: got %v", label, got)
		}
	}
}
