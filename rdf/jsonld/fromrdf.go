package jsonld

import (
	"encoding/json"
	"sort"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// fromRDF implements the Serialize RDF as JSON-LD Algorithm
// (https://www.w3.org/TR/json-ld11-api/#serialize-rdf-as-json-ld-algorithm) with
// useNativeTypes, useRdfType false and rdfDirection null. quads must be free of duplicates.
// The result is expanded JSON-LD: nodes sorted by @id, values in the order of quads.
//
// json-gold has this algorithm too, but it panics on list cells that lack rdf:first and
// compares every value with every other to drop duplicates.
func fromRDF(quads []rdf.Quad) []any {
	graphs := map[string]map[string]*fnode{"@default": {}}
	def := graphs["@default"]
	once := map[string]*usage{} // blank node -> its only use; nil once used twice
	seen := map[string]bool{}   // has an entry in once (possibly nil)
	for _, q := range quads {
		name := "@default"
		if q.Graph != nil {
			name = nodeValue(q.Graph)
		}
		g := graphs[name]
		if g == nil {
			g = map[string]*fnode{}
			graphs[name] = g
		}
		if name != "@default" && def[name] == nil {
			def[name] = newFnode(name)
		}
		s := nodeValue(q.Subject)
		n := g[s]
		if n == nil {
			n = newFnode(s)
			g[s] = n
		}
		var o string
		switch x := q.Object.(type) {
		case rdf.IRI, rdf.BlankNode:
			o = nodeValue(x)
			if g[o] == nil {
				g[o] = newFnode(o)
			}
			if q.Predicate == rdf.RDFType {
				n.types = append(n.types, o)
				continue
			}
		}
		p := string(q.Predicate.(rdf.IRI))
		v := rdfToObject(q.Object)
		n.add(p, v)
		switch q.Object.(type) {
		case rdf.IRI, rdf.BlankNode:
		default:
			continue
		}
		switch {
		case o == string(rdf.RDFNil):
			nilNode := g[o]
			nilNode.usages = append(nilNode.usages, &usage{n, p, v})
		case seen[o]:
			once[o] = nil
		default:
			if _, isBlank := q.Object.(rdf.BlankNode); isBlank {
				seen[o] = true
				once[o] = &usage{n, p, v}
			}
		}
	}
	for _, g := range graphs {
		nilNode := g[string(rdf.RDFNil)]
		if nilNode == nil {
			continue
		}
		for _, u := range nilNode.usages {
			n, p, head := u.node, u.property, u.value
			var list []any
			var cells []string
			for p == string(rdf.RDFRest) && isBlankID(n.id) && once[n.id] != nil && n.wellFormedListNode() {
				list = append(list, n.props[string(rdf.RDFFirst)][0])
				cells = append(cells, n.id)
				next := once[n.id]
				n, p, head = next.node, next.property, next.value
				if !isBlankID(n.id) {
					break
				}
			}
			delete(head, "@id")
			for i, j := 0, len(list)-1; i < j; i, j = i+1, j-1 {
				list[i], list[j] = list[j], list[i]
			}
			if list == nil {
				list = []any{}
			}
			head["@list"] = list
			for _, c := range cells {
				delete(g, c)
			}
		}
	}
	var result []any
	for _, id := range sortedIDs(def) {
		n := def[id]
		obj := n.object()
		if g, ok := graphs[id]; ok && id != "@default" {
			var inner []any
			for _, gid := range sortedIDs(g) {
				if gn := g[gid]; !gn.empty() {
					inner = append(inner, gn.object())
				}
			}
			if inner == nil {
				inner = []any{}
			}
			obj["@graph"] = inner
		} else if n.empty() {
			continue
		}
		result = append(result, obj)
	}
	if result == nil {
		result = []any{}
	}
	return result
}

// fnode is an entry of the node map.
type fnode struct {
	id     string
	types  []string
	keys   []string // property IRIs in order of first use
	props  map[string][]any
	usages []*usage // for rdf:nil only
}

type usage struct {
	node     *fnode
	property string
	value    map[string]any
}

func newFnode(id string) *fnode { return &fnode{id: id, props: map[string][]any{}} }

func (n *fnode) add(p string, v any) {
	if _, ok := n.props[p]; !ok {
		n.keys = append(n.keys, p)
	}
	n.props[p] = append(n.props[p], v)
}

func (n *fnode) empty() bool { return len(n.types) == 0 && len(n.props) == 0 }

// wellFormedListNode: exactly one rdf:first, one rdf:rest, and nothing else but an optional
// @type rdf:List.
func (n *fnode) wellFormedListNode() bool {
	if len(n.props) != 2 || len(n.props[string(rdf.RDFFirst)]) != 1 || len(n.props[string(rdf.RDFRest)]) != 1 {
		return false
	}
	switch len(n.types) {
	case 0:
		return true
	case 1:
		return n.types[0] == "http://www.w3.org/1999/02/22-rdf-syntax-ns#List"
	}
	return false
}

func (n *fnode) object() map[string]any {
	obj := map[string]any{"@id": n.id}
	if len(n.types) > 0 {
		ts := make([]any, len(n.types))
		for i, t := range n.types {
			ts[i] = t
		}
		obj["@type"] = ts
	}
	for _, p := range n.keys {
		obj[p] = n.props[p]
	}
	return obj
}

func sortedIDs(g map[string]*fnode) []string {
	ids := make([]string, 0, len(g))
	for id := range g {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func isBlankID(s string) bool { return len(s) >= 2 && s[0] == '_' && s[1] == ':' }

// rdfToObject implements RDF to Object Conversion
// (https://www.w3.org/TR/json-ld11-api/#rdf-to-object-conversion) without native types. An
// rdf:JSON literal becomes an @json value only when its lexical form is already canonical, so
// that reading the output back gives the same literal.
func rdfToObject(t rdf.Term) map[string]any {
	switch x := t.(type) {
	case rdf.IRI, rdf.BlankNode:
		return map[string]any{"@id": nodeValue(x)}
	case rdf.Literal:
		if x.Lang != "" {
			return map[string]any{"@value": x.Lexical, "@language": x.Lang}
		}
		if x.Datatype == rdf.RDFJSON {
			var v any
			if json.Unmarshal([]byte(x.Lexical), &v) == nil {
				if c, err := canonicalJSON(v); err == nil && c == x.Lexical {
					return map[string]any{"@value": v, "@type": "@json"}
				}
			}
		}
		obj := map[string]any{"@value": x.Lexical}
		if x.Datatype != rdf.XSDString && x.Datatype != "" {
			obj["@type"] = string(x.Datatype)
		}
		return obj
	}
	panic("unreachable: " + t.String())
}
