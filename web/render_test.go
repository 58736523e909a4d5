package web

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"html"
	"html/template"
	"strings"
	"testing"
)

// TestResourcePage_MatchesTemplate holds writeResourcePage to templates/resource.html: the
// same view, hostile strings included (quotes, +, NUL, non-ASCII, bad schemes, escapes),
// gives the same bytes.
func TestResourcePage_MatchesTemplate(t *testing.T) {
	nasty := []string{
		"", "plain", `a"b'c&d<e>f+g`, "nul\x00x", "Gent – Sint-Pieters é ü 日本", "bad\xffutf8",
		"javascript:alert(1)", "JavaScript:x", "mailto:a@b", "HTTPS://x/y z?q=1&r=2#f", "/doc/x%20y%zz%4",
		"/a/b:c", "data:text/html,<b>", "/page?uri=http%3A%2F%2Fex.org%2F%C3%A9&format=", "%41%", "{}|\\^`[]",
	}
	link := func(i int) linkView {
		return linkView{Href: nasty[i%len(nasty)], Label: nasty[(i+1)%len(nasty)], IRI: nasty[(i+2)%len(nasty)]}
	}
	var views []*pageView
	for k := range nasty {
		s := func(d int) string { return nasty[(k+d)%len(nasty)] }
		rv := func(d int) *resourceView {
			return &resourceView{
				IRI: s(d), Label: s(d + 1), LabelLang: s(d + 2), Description: s(d + 3), Frag: s(d + 4),
				Types:     []linkView{link(k + d), link(k + d + 5)}[:k%3*(k%2)],
				Images:    []string{s(d + 6), s(d + 7)}[:k%3],
				Coords:    []coordView{{Lat: s(d + 8), Lon: s(d + 9), Map: s(d + 10)}}[:k%2],
				PropsHTML: template.HTML("<table>" + s(d+11) + "</table>"),
			}
		}
		v := &pageView{
			Service: s(0), Lang: s(1), Main: rv(2),
			Formats: []linkView{link(k), link(k + 3), link(k + 7)},
			JSONLD:  template.JS(`[{"@id":"` + s(5) + `"}]`),
			Query:   "DESCRIBE <" + s(6) + ">",
		}
		for h := 0; h < k%3; h++ {
			v.Hash = append(v.Hash, rv(h+3))
		}
		for i := 0; i < k%4; i++ {
			in := incomingView{Pred: link(k + i), Count: uint64(k * 1000 * i), Approx: i%2 == 1, Page: i + 1}
			if i > 0 {
				in.Prev = s(i + 2)
			}
			if i%3 != 2 {
				in.Next = s(i + 4)
			}
			for j := 0; j < i+k%5; j++ {
				l := link(k + i + j)
				if j%3 == 1 {
					l.Href = ""
				}
				in.Items = append(in.Items, l)
			}
			v.Incoming = append(v.Incoming, in)
		}
		views = append(views, v)
	}
	for i, v := range views {
		var want, got bytes.Buffer
		if err := pages.ExecuteTemplate(&want, "resource.html", v); err != nil {
			t.Fatal(err)
		}
		writeResourcePage(&got, v)
		if got.String() != want.String() {
			t.Errorf("view %d differs from the template:\n--- template\n%s\n--- writeResourcePage\n%s", i, want.String(), got.String())
		}
	}
}

// TestHTMLEscape_SameAsStdlib: propsHTML's escaper writes what html.EscapeString returns.
func TestHTMLEscape_SameAsStdlib(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">'&amp;'</a>`, "é<\x00>日本&", "&&&", `"`} {
		var b strings.Builder
		htmlEscape(&b, s)
		if b.String() != html.EscapeString(s) {
			t.Errorf("htmlEscape(%q) = %q, html.EscapeString %q", s, b.String(), html.EscapeString(s))
		}
	}
}

// TestEtag_SameAsFNV: the inline FNV-1a gives the validators hash/fnv and fmt gave.
func TestEtag_SameAsFNV(t *testing.T) {
	for _, c := range []struct {
		v       uint64
		variant string
	}{{0, ""}, {1, "ld|https://data.example.org/id/x|.html||nl"}, {1 << 40, "é|\x00|sparql"}} {
		h := fnv.New64a()
		h.Write([]byte(c.variant))
		if got, want := etag(c.v, c.variant), fmt.Sprintf(`W/"%x-%x"`, c.v, h.Sum64()); got != want {
			t.Errorf("etag(%d, %q) = %s, want %s", c.v, c.variant, got, want)
		}
	}
}

// FuzzResourcePage_MatchesTemplate: for any strings in any place, writeResourcePage writes
// what templates/resource.html does.
func FuzzResourcePage_MatchesTemplate(f *testing.F) {
	f.Add("Gent", "/doc/gent", "https://data.example.org/id/gent", "nl", "DESCRIBE <x>")
	f.Add(`a"b'c&d<e>f+g`, "javascript:alert(1)", "%zz%4%41 é", "\x00", "{}|\\^`")
	f.Fuzz(func(t *testing.T, label, href, iri, lang, query string) {
		l := linkView{Href: href, Label: label, IRI: iri}
		rv := &resourceView{IRI: iri, Label: label, LabelLang: lang, Description: query, Frag: lang,
			Types: []linkView{l}, Images: []string{href}, Coords: []coordView{{Lat: label, Lon: lang, Map: href}}}
		v := &pageView{Service: label, Lang: lang, Main: rv, Hash: []*resourceView{rv},
			Incoming: []incomingView{{Pred: l, Count: 3, Items: []linkView{l, {Label: label}}, Page: 2, Prev: href, Next: iri}},
			Formats:  []linkView{l, l}, Query: query}
		var want, got bytes.Buffer
		if err := pages.ExecuteTemplate(&want, "resource.html", v); err != nil {
			t.Skip(err) // html/template refuses some inputs outright; nothing to compare
		}
		writeResourcePage(&got, v)
		if got.String() != want.String() {
			t.Errorf("differs from the template:\n--- template\n%s\n--- writeResourcePage\n%s", want.String(), got.String())
		}
	})
}
