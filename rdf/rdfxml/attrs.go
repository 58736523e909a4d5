package rdfxml

import (
	"encoding/xml"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// attrs are the attributes of an element sorted into RDF/XML's roles.
type attrs struct {
	has                                        uint8
	id, nodeID, about, resource, dt, parseType string
	props                                      []propAttr
}

const (
	hasID uint8 = 1 << iota
	hasNodeID
	hasAbout
	hasResource
	hasDatatype
	hasParseType
)

// elementName resolves the name of an element, to a string and to a boxed rdf.IRI. Names are
// interned: documents repeat a few element names many times.
func (r *reader) elementName(n xml.Name) (string, rdf.Term, error) {
	uri, ok := r.lookup(n.Space)
	if !ok {
		return "", nil, r.errorf("undeclared namespace prefix %q on <%s>", n.Space, rawName(n))
	}
	key := nameKey{uri, n.Local}
	if in, ok := r.names[key]; ok {
		return in.iri, in.term, nil
	}
	if uri == "" {
		return "", nil, r.errorf("element <%s> is in no namespace", rawName(n))
	}
	if !rdf.IsAbsoluteIRI(uri) {
		return "", nil, r.errorf("element <%s> is in namespace %q, which is not an absolute IRI", rawName(n), uri)
	}
	iri := uri + n.Local
	in := interned{iri, rdf.IRI(iri)}
	if len(r.names) < maxInterned {
		r.names[key] = in
	}
	return in.iri, in.term, nil
}

type nameKey struct{ uri, local string }

type interned struct {
	iri  string
	term rdf.Term
}

// maxInterned bounds the element names remembered, for documents that never repeat one.
const maxInterned = 4096

// sortAttrs resolves and sorts the attributes of an element (6.1.4 of the RDF/XML
// specification); it also applies xml:base and xml:lang to base and lang.
func (r *reader) sortAttrs(t xml.StartElement, base *rdf.Base, lang string) (attrs, *rdf.Base, string, error) {
	var as attrs
	for _, a := range t.Attr {
		var iri string
		switch p := a.Name.Space; {
		case p == "xmlns" || p == "" && a.Name.Local == "xmlns":
			continue
		case p == "xml":
			switch a.Name.Local {
			case "base":
				ref := a.Value
				if i := strings.IndexByte(ref, '#'); i >= 0 {
					ref = ref[:i]
				}
				iri, ok := base.Resolve(ref)
				if !ok {
					return as, nil, "", r.errorf("xml:base %q is relative and there is no base IRI", a.Value)
				}
				base = rdf.NewBase(iri)
			case "lang":
				lang = a.Value
			}
			continue
		case hasXMLPrefix(p):
			continue // reserved for XML: ignored
		case p == "":
			switch l := a.Name.Local; l {
			case "ID", "about", "resource", "parseType", "type":
				// Unqualified forms that 6.1.4 maps into the rdf: namespace.
				iri = rdfNS + l
			default:
				if hasXMLPrefix(l) {
					continue
				}
				return as, nil, "", r.errorf("attribute %s on <%s> is in no namespace", l, rawName(t.Name))
			}
		default:
			uri, ok := r.lookup(p)
			if !ok {
				return as, nil, "", r.errorf("undeclared namespace prefix %q on attribute %s", p, rawName(a.Name))
			}
			if !rdf.IsAbsoluteIRI(uri) {
				return as, nil, "", r.errorf("attribute %s is in namespace %q, which is not an absolute IRI", rawName(a.Name), uri)
			}
			iri = uri + a.Name.Local
		}
		// propertyAttributeURIs (7.2.7): anyURI - (coreSyntaxTerms | rdf:Description | rdf:li |
		// oldTerms); the core terms sort into their roles.
		switch classify(iri) {
		case classCore:
			var bit uint8
			switch iri[len(rdfNS):] {
			case "ID":
				bit, as.id = hasID, a.Value
			case "nodeID":
				bit, as.nodeID = hasNodeID, a.Value
			case "about":
				bit, as.about = hasAbout, a.Value
			case "resource":
				bit, as.resource = hasResource, a.Value
			case "datatype":
				bit, as.dt = hasDatatype, a.Value
			case "parseType":
				bit, as.parseType = hasParseType, a.Value
			default:
				return as, nil, "", r.errorf("rdf:%s is not allowed as an attribute", iri[len(rdfNS):])
			}
			if as.has&bit != 0 {
				return as, nil, "", r.errorf("attribute rdf:%s given twice", iri[len(rdfNS):])
			}
			as.has |= bit
		case classOther:
			as.props = append(as.props, propAttr{rdf.IRI(iri), a.Value})
		default:
			return as, nil, "", r.errorf("rdf:%s is not allowed as an attribute", iri[len(rdfNS):])
		}
	}
	return as, base, lang, nil
}

// hasXMLPrefix reports whether a name starts with "xml" in any case; such names are reserved.
func hasXMLPrefix(s string) bool { return len(s) >= 3 && strings.EqualFold(s[:3], "xml") }
