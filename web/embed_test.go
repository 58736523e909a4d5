package web

import (
	"encoding/json"
	"os"
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

// TestExpandedJSONLD_SameAsReference compares expandedJSONLD with the straightforward
// map-based writer it replaced (kept here as the reference) on the golden data and on
// hostile literals: the embedded JSON-LD of every page must stay byte for byte the same.
func TestExpandedJSONLD_SameAsReference(t *testing.T) {
	golden, err := os.ReadFile("testdata/golden/data.ttl")
	if err != nil {
		t.Fatal(err)
	}
	src := `@prefix ex: <http://ex.org/> .
ex:a a ex:C, ex:D ; ex:p "plain", "", "tagged"@nl-BE, "1"^^<http://www.w3.org/2001/XMLSchema#integer>, "</script><b>&amp;"@en ;
  ex:q [ ex:r "nested" ; ex:s ex:a ] , ex:b ; a "literal type" ; ex:p "again" .
ex:b ex:p "line\nbreak \"quoted\" \\ back \u00e9 \U0001F600 \u2028 \t" ; a ex:C .
`
	for _, qs := range [][]rdf.Quad{parseRDF(t, rdf.Turtle, string(golden)), parseRDF(t, rdf.Turtle, src)} {
		ts := toTriples(qs)
		if got, want := expandedJSONLD(ts), expandedJSONLDRef(ts); got != want {
			t.Errorf("expandedJSONLD differs from the reference:\n%s\n---\n%s", got, want)
		}
	}
}

func expandedJSONLDRef(ts []triple) string {
	type node struct {
		id    string
		props map[string][]map[string]string
		order []string
	}
	var nodes []*node
	byID := map[string]*node{}
	termID := func(t rdf.Term) string {
		if b, ok := t.(rdf.BlankNode); ok {
			return "_:" + string(b)
		}
		return string(t.(rdf.IRI))
	}
	for _, tr := range ts {
		id := termID(tr.s)
		n := byID[id]
		if n == nil {
			n = &node{id: id, props: map[string][]map[string]string{}}
			byID[id] = n
			nodes = append(nodes, n)
		}
		p := string(tr.p.(rdf.IRI))
		var v map[string]string
		switch o := tr.o.(type) {
		case rdf.IRI, rdf.BlankNode:
			v = map[string]string{"@id": termID(o)}
		case rdf.Literal:
			v = map[string]string{"@value": o.Lexical}
			if o.Lang != "" {
				v["@language"] = o.Lang
			} else if o.Datatype != "" && o.Datatype != rdf.XSDString {
				v["@type"] = string(o.Datatype)
			}
		}
		if p == string(rdfType) {
			if id, ok := v["@id"]; ok {
				p, v = "@type", map[string]string{"": id}
			}
		}
		if _, ok := n.props[p]; !ok {
			n.order = append(n.order, p)
		}
		n.props[p] = append(n.props[p], v)
	}
	var b strings.Builder
	str := func(s string) {
		j, _ := json.Marshal(s)
		b.WriteString(strings.ReplaceAll(string(j), "<", `\u003c`))
	}
	b.WriteString("[")
	for i, n := range nodes {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n{\"@id\":")
		str(n.id)
		for _, p := range n.order {
			b.WriteString(",")
			str(p)
			b.WriteString(":[")
			for k, v := range n.props[p] {
				if k > 0 {
					b.WriteString(",")
				}
				if p == "@type" {
					str(v[""])
					continue
				}
				b.WriteString("{")
				first := true
				for _, key := range []string{"@id", "@value", "@language", "@type"} {
					if val, ok := v[key]; ok {
						if !first {
							b.WriteString(",")
						}
						first = false
						str(key)
						b.WriteString(":")
						str(val)
					}
				}
				b.WriteString("}")
			}
			b.WriteString("]")
		}
		b.WriteString("}")
	}
	b.WriteString("\n]")
	return b.String()
}
