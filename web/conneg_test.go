package web

import (
	"testing"
	"unicode/utf8"
)

func utf8Valid(s string) bool { return utf8.ValidString(s) }

func TestNegotiate(t *testing.T) {
	offers := []string{"text/html", "text/turtle", "application/ld+json"}
	for _, c := range []struct {
		accept string
		want   int
	}{
		{"", 0},
		{"*/*", 0},
		{"text/turtle", 1},
		{"text/*;q=0.5, application/ld+json", 2},
		{"text/*", 0},
		{"application/ld+json;q=0.4, text/turtle;q=0.6", 1},
		{"text/html;q=0, */*;q=0.1", 1},
		{"image/png", -1},
		{"text/turtle;q=0", -1},
		{"garbage;;;, text/turtle", 1},
	} {
		if got := negotiate(c.accept, offers); got != c.want {
			t.Errorf("negotiate(%q) = %d, want %d", c.accept, got, c.want)
		}
	}
}

func TestLangPrefs(t *testing.T) {
	got := langPrefs("fr;q=0.5, nl-BE, en;q=0.8, *;q=0.1, de;q=0")
	want := []string{"nl-be", "en", "fr"}
	if len(got) != len(want) {
		t.Fatalf("%v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%v, want %v", got, want)
		}
	}
	prefs := []string{"nl-be", "en"}
	if !(langScore("nl-BE", prefs) < langScore("nl", prefs) && langScore("nl", prefs) < langScore("en", prefs) &&
		langScore("en", prefs) < langScore("", prefs) && langScore("", prefs) < langScore("fr", prefs)) {
		t.Error("language ranking out of order")
	}
}

func TestParseWKTPoint(t *testing.T) {
	for in, want := range map[string]string{
		"POINT(3.72 51.05)": "51.05,3.72",
		"<http://www.opengis.net/def/crs/OGC/1.3/CRS84> Point (4.4 50.8)": "50.8,4.4",
		"LINESTRING(0 0, 1 1)": "",
		"POINT()":              "",
	} {
		c, ok := parseWKTPoint(in)
		got := ""
		if ok {
			got = c.Lat + "," + c.Lon
		}
		if got != want {
			t.Errorf("parseWKTPoint(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"", "*/*", "text/turtle;q=0.5, */*;q=0.1", "a/b;q=x", ",,,;", "text/*;q=1.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, accept string) {
		offers, _ := rdfOffers(false)
		if i := negotiate(accept, offers); i < -1 || i >= len(offers) {
			t.Fatalf("negotiate(%q) = %d", accept, i)
		}
		for _, l := range langPrefs(accept) {
			_ = langScore(l, nil)
		}
	})
}
