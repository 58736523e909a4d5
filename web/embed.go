package web

import (
	"encoding/json"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// expandedJSONLD writes statements as expanded JSON-LD
// (https://www.w3.org/TR/json-ld11/#expanded-document-form): one node object per subject, in
// first-seen order, each property an array of value objects. Pages embed it for crawlers; it
// needs no context processing, so it costs a fraction of the compacting JSON-LD writer. "<" is
// written as \u003c so the text cannot close the script element.
func expandedJSONLD(ts []triple) string {
	// jv is one value object; typ marks an rdf:type value, written as a bare IRI string.
	type jv struct {
		id, value, lang, dt string
		ref, typ            bool // ref: an IRI or blank node (@id)
	}
	type prop struct {
		p    string
		vals []jv
	}
	type node struct {
		id    string
		props []prop // first-seen order; a page has few predicates, so a scan finds one
	}
	var nodes []*node
	byID := make(map[string]*node, 4)
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
			n = &node{id: id}
			byID[id] = n
			nodes = append(nodes, n)
		}
		p := string(tr.p.(rdf.IRI))
		var v jv
		switch o := tr.o.(type) {
		case rdf.IRI, rdf.BlankNode:
			v.id, v.ref = termID(o), true
			if p == string(rdfType) {
				p, v.typ = "@type", true
			}
		case rdf.Literal:
			v.value = o.Lexical
			if o.Lang != "" {
				v.lang = o.Lang
			} else if o.Datatype != "" && o.Datatype != rdf.XSDString {
				v.dt = string(o.Datatype)
			}
		}
		k := -1
		for i := range n.props {
			if n.props[i].p == p {
				k = i
				break
			}
		}
		if k < 0 {
			k = len(n.props)
			n.props = append(n.props, prop{p: p})
		}
		n.props[k].vals = append(n.props[k].vals, v)
	}
	b := make([]byte, 0, 256*len(ts)+16)
	b = append(b, '[')
	for i, n := range nodes {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n{\"@id\":"...)
		b = appendJSONString(b, n.id)
		for _, p := range n.props {
			b = append(b, ',')
			b = appendJSONString(b, p.p)
			b = append(b, ":["...)
			for k, v := range p.vals {
				if k > 0 {
					b = append(b, ',')
				}
				if v.typ {
					b = appendJSONString(b, v.id)
					continue
				}
				b = append(b, '{')
				if v.ref {
					b = append(b, `"@id":`...)
					b = appendJSONString(b, v.id)
				} else {
					b = append(b, `"@value":`...)
					b = appendJSONString(b, v.value)
					if v.lang != "" {
						b = append(b, `,"@language":`...)
						b = appendJSONString(b, v.lang)
					}
					if v.dt != "" {
						b = append(b, `,"@type":`...)
						b = appendJSONString(b, v.dt)
					}
				}
				b = append(b, '}')
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	b = append(b, "\n]"...)
	return string(b)
}

// appendJSONString appends s as encoding/json writes it with HTML escaping (so "<" is
// \u003c and cannot close the script element): printable ASCII without quotes, backslash,
// <, > and & is copied as is; any other string goes through json.Marshal.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			j, _ := json.Marshal(s)
			return append(b, j...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
