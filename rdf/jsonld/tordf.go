package jsonld

import (
	"fmt"
	"math"
	"sort"

	"github.com/piprate/json-gold/ld"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// toRDF turns expanded JSON-LD into quads. It implements the Deserialize JSON-LD to RDF
// Algorithm (https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm)
// directly on the expanded tree instead of on a node map: the node map only merges node
// objects, which for a set of quads changes nothing but duplicates, removed here with seen.
// Walking the tree ourselves lets blank node labels follow rdf/doc.go (json-gold's own toRdf
// relabels every blank node).
type toRDF struct {
	quads  []rdf.Quad
	seen   map[rdf.Quad]struct{}
	labels map[string]rdf.BlankNode // JSON-LD labels that are not valid N-Triples labels
	next   int                      // last generated g<n>
	langs  map[string]string        // lower-cased language tag -> spelling in the document
	err    error                    // the first JSON-LD error found; conversion goes on
}

// graph is the graph being filled; bad marks a graph name that is not a well-formed IRI or
// blank node, whose statements are dropped.
type graph struct {
	name rdf.Term // nil: default graph
	bad  bool
}

func newToRDF(langs map[string]string) *toRDF {
	return &toRDF{seen: map[rdf.Quad]struct{}{}, labels: map[string]rdf.BlankNode{}, langs: langs}
}

// document converts the result of the Expansion Algorithm (an array of node objects).
func (c *toRDF) document(expanded []any) {
	for _, item := range expanded {
		if m, ok := item.(map[string]any); ok && isNode(m) {
			c.node(m, graph{})
		}
	}
}

func (c *toRDF) emit(s, p, o rdf.Term, g graph) {
	if s == nil || p == nil || o == nil || g.bad {
		return
	}
	q := rdf.Quad{Subject: s, Predicate: p, Object: o, Graph: g.name}
	if _, dup := c.seen[q]; dup {
		return
	}
	c.seen[q] = struct{}{}
	c.quads = append(c.quads, q)
}

func (c *toRDF) fail(code ld.ErrorCode, msg string) {
	if c.err == nil {
		c.err = ld.NewJsonLdError(code, msg)
	}
}

func (c *toRDF) fresh() rdf.BlankNode {
	c.next++
	return rdf.BlankNode(fmt.Sprintf("g%d", c.next))
}

// id converts an @id, @type or property IRI of the expanded form: nil when it is neither a
// blank node identifier nor a well-formed absolute IRI.
func (c *toRDF) id(s string) rdf.Term {
	if len(s) >= 2 && s[0] == '_' && s[1] == ':' {
		label := s[2:]
		if validLabel(label) {
			return rdf.BlankNode("b" + label)
		}
		b, ok := c.labels[label]
		if !ok {
			b = c.fresh()
			c.labels[label] = b
		}
		return b
	}
	if wellFormedIRI(s) {
		return rdf.IRI(s)
	}
	return nil
}

// node emits the statements of a node object into g and returns its subject (nil when its
// @id is not well-formed; embedded nodes are still converted, as the node map would).
func (c *toRDF) node(n map[string]any, g graph) rdf.Term {
	var subj rdf.Term
	if id, ok := n["@id"].(string); ok {
		subj = c.id(id)
	} else {
		subj = c.fresh()
	}
	for _, t := range array(n["@type"]) {
		if s, ok := t.(string); ok {
			c.emit(subj, rdf.RDFType, c.id(s), g)
		}
	}
	for _, key := range sortedKeys(n) {
		v := n[key]
		switch key {
		case "@id", "@type", "@index", "@context":
		case "@graph":
			inner := graph{name: subj, bad: subj == nil}
			for _, item := range array(v) {
				if m, ok := item.(map[string]any); ok && isNode(m) {
					c.node(m, inner)
				}
			}
		case "@included":
			for _, item := range array(v) {
				if m, ok := item.(map[string]any); ok && isNode(m) {
					c.node(m, g)
				}
			}
		case "@reverse":
			rev, _ := v.(map[string]any)
			for _, prop := range sortedKeys(rev) {
				pred := c.predicate(prop)
				for _, item := range array(rev[prop]) {
					if m, ok := item.(map[string]any); ok && isNode(m) {
						c.emit(c.node(m, g), pred, subj, g)
					}
				}
			}
		default:
			if len(key) > 0 && key[0] == '@' {
				continue // keywords the toRdf algorithm ignores (@nest never survives expansion)
			}
			pred := c.predicate(key)
			live := subj != nil && pred != nil && !g.bad
			for _, item := range array(v) {
				c.emit(subj, pred, c.object(item, g, live), g)
			}
		}
	}
	return subj
}

// predicate is id without blank nodes: a blank node predicate is generalized RDF, dropped.
func (c *toRDF) predicate(key string) rdf.Term {
	if t, ok := c.id(key).(rdf.IRI); ok {
		return t
	}
	return nil
}

// object converts a property value. live is false when the statement it belongs to will be
// dropped anyway: the list then makes no cells, but nodes inside it are still converted.
func (c *toRDF) object(v any, g graph, live bool) rdf.Term {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	if _, isValue := m["@value"]; isValue {
		if t, has := m["@type"]; has {
			dt, ok := t.(string)
			if !ok || dt != "@json" && !wellFormedIRI(dt) {
				// Expansion step 15 of JSON-LD 1.1; json-gold does not check it.
				c.fail(ld.InvalidTypedValue, fmt.Sprintf("value object @type %v is not an IRI", t))
				return nil
			}
		}
		if lit, ok := literal(m); ok {
			if lang, ok := c.langs[lit.Lang]; ok {
				lit.Lang = lang
			}
			return lit
		}
		return nil
	}
	if items, isList := m["@list"]; isList {
		return c.list(array(items), g, live)
	}
	return c.node(m, g)
}

// list implements the List Conversion algorithm
// (https://www.w3.org/TR/json-ld11-api/#list-conversion).
func (c *toRDF) list(items []any, g graph, live bool) rdf.Term {
	if !live {
		for _, item := range items {
			c.object(item, g, false)
		}
		return nil
	}
	if len(items) == 0 {
		return rdf.RDFNil
	}
	head := c.fresh()
	cell := head
	for i, item := range items {
		c.emit(cell, rdf.RDFFirst, c.object(item, g, true), g)
		var rest rdf.Term = rdf.RDFNil
		if i < len(items)-1 {
			rest = c.fresh()
		}
		c.emit(cell, rdf.RDFRest, rest, g)
		cell, _ = rest.(rdf.BlankNode)
	}
	return head
}

// literal implements the value object part of Object to RDF Conversion
// (https://www.w3.org/TR/json-ld11-api/#object-to-rdf-conversion) with rdfDirection null.
func literal(m map[string]any) (rdf.Literal, bool) {
	v := m["@value"]
	dt, _ := m["@type"].(string)
	if dt == "@json" {
		s, err := canonicalJSON(v)
		if err != nil {
			return rdf.Literal{}, false
		}
		return rdf.Literal{Lexical: s, Datatype: rdf.RDFJSON}, true
	}
	if dt != "" && !wellFormedIRI(dt) {
		return rdf.Literal{}, false
	}
	var lex string
	switch x := v.(type) {
	case bool:
		lex = "false"
		if x {
			lex = "true"
		}
		if dt == "" {
			dt = string(rdf.XSDBoolean)
		}
	case float64:
		if x != math.Trunc(x) || math.Abs(x) >= 1e21 || dt == string(rdf.XSDDouble) {
			lex = canonicalDouble(x)
			if dt == "" {
				dt = string(rdf.XSDDouble)
			}
		} else {
			lex = canonicalInteger(x)
			if dt == "" {
				dt = string(rdf.XSDInteger)
			}
		}
	case string:
		lex = x
		if lang, ok := m["@language"].(string); ok && dt == "" {
			if !wellFormedLang(lang) {
				return rdf.Literal{}, false
			}
			return rdf.NewLangLiteral(lex, lang), true
		}
	default:
		return rdf.Literal{}, false
	}
	return rdf.NewTypedLiteral(lex, rdf.IRI(dt)), true
}

// isNode tells node objects (graph objects included) from value and list objects.
func isNode(m map[string]any) bool {
	if _, ok := m["@value"]; ok {
		return false
	}
	_, ok := m["@list"]
	return !ok
}

func array(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	default:
		return []any{x}
	}
}

// sortedKeys makes generated blank node numbers independent of Go's map order.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
