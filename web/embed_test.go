package web

import (
	"regexp"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func toTriples(qs []rdf.Quad) []triple {
	out := make([]triple, len(qs))
	for i, q := range qs {
		out[i] = triple{q.Subject, q.Predicate, q.Object}
	}
	return out
}

func TestExpandedJSONLD_RoundTrip(t *testing.T) {
	src := `@prefix ex: <http://ex.org/> .
ex:a a ex:C, ex:D ; ex:p "plain", "tagged"@nl-BE, "1"^^<http://www.w3.org/2001/XMLSchema#integer>, "</script><b>"@en ;
  ex:q [ ex:r "nested" ; ex:s ex:a ] , ex:b .
ex:b ex:p "line\nbreak \"quoted\" \\ back \u00e9 \U0001F600" .
`
	qs := parseRDF(t, rdf.Turtle, src)
	out := expandedJSONLD(toTriples(qs))
	if strings.Contains(out, "</script") || strings.Contains(out, "<") {
		t.Errorf("raw < in the embedded JSON-LD:\n%s", out)
	}
	back := parseRDF(t, rdf.JSONLD, out)
	if !rdf.Isomorphic(qs, back) {
		t.Errorf("JSON-LD reads back differently:\n%s\n%s", rdf.Diff(qs, back), out)
	}
}

// langTag is BCP 47's shape as RDF 1.1 restricts it.
var langTag = regexp.MustCompile(`^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$`)

func FuzzExpandedJSONLD(f *testing.F) {
	f.Add("http://ex.org/s", "http://ex.org/p", "value", "", "")
	f.Add("http://ex.org/s", "http://ex.org/p", "</script>", "en", "")
	f.Add("http://ex.org/s", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "", "", "http://ex.org/C")
	f.Add("http://ex.org/s", "http://ex.org/p", "12", "", "http://www.w3.org/2001/XMLSchema#integer")
	f.Fuzz(func(t *testing.T, s, p, lex, lang, dt string) {
		if !rdf.IsAbsoluteIRI(s) || !rdf.IsAbsoluteIRI(p) || strings.ContainsAny(s+p+dt, "<>\"{}|^`\\") {
			return
		}
		for _, r := range s + p + dt { // IRIs have no controls or spaces (RFC 3987)
			if r <= ' ' || r == 0x7f {
				return
			}
		}
		var o rdf.Term
		switch {
		case dt != "" && lex == "" && lang == "":
			if !rdf.IsAbsoluteIRI(dt) {
				return
			}
			o = rdf.IRI(dt)
		case lang != "":
			if !langTag.MatchString(lang) {
				return
			}
			o = rdf.NewLangLiteral(lex, lang)
		case dt != "":
			if !rdf.IsAbsoluteIRI(dt) {
				return
			}
			o = rdf.NewTypedLiteral(lex, rdf.IRI(dt))
		default:
			o = rdf.NewLiteral(lex)
		}
		if !utf8Valid(s + p + lex + lang + dt) {
			return
		}
		qs := []rdf.Quad{{Subject: rdf.IRI(s), Predicate: rdf.IRI(p), Object: o}}
		out := expandedJSONLD(toTriples(qs))
		if strings.Contains(out, "<") {
			t.Fatalf("raw < in %s", out)
		}
		back := parseRDF(t, rdf.JSONLD, out)
		if !rdf.Isomorphic(qs, back) {
			t.Fatalf("%v reads back as %v from\n%s", qs, back, out)
		}
	})
}
