package web

import (
	"encoding/json"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// expandedJSONLD writes statements as expanded JSON-LD
// (https://www.w3.org/TR/json-ld11/#expanded-document-form): one node object per subject, in
// first-seen order, each property an array of value objects. Pages embed it for crawlers; it
// needs no context processing, so it costs a fraction of the compacting JSON-LD writer. "<" is
// written as \u003c so the text cannot close the script element.
func expandedJSONLD(ts []triple) string {
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
