package rdfxml

import (
	"encoding/xml"
)

// lookup finds the namespace bound to prefix ("" for the default namespace).
func (r *reader) lookup(prefix string) (string, bool) {
	switch prefix {
	case "xml":
		return xmlNS, true
	case "xmlns":
		return xmlnsNS, true
	}
	for i := len(r.ns) - 1; i >= 0; i-- {
		if r.ns[i].prefix == prefix {
			return r.ns[i].uri, true
		}
	}
	return "", prefix == ""
}

// declare pushes the namespace declarations of an element and checks its attributes are unique.
func (r *reader) declare(t xml.StartElement) error {
	for i, a := range t.Attr {
		for _, b := range t.Attr[:i] {
			if a.Name == b.Name {
				return r.errorf("attribute %s appears twice on <%s>", rawName(a.Name), rawName(t.Name))
			}
		}
		switch {
		case a.Name.Space == "xmlns":
			if a.Value == "" {
				return r.errorf("namespace prefix %s bound to the empty string", a.Name.Local)
			}
			if a.Name.Local == "xmlns" || (a.Name.Local == "xml") != (a.Value == xmlNS) || a.Value == xmlnsNS {
				return r.errorf("illegal namespace declaration xmlns:%s=%q", a.Name.Local, a.Value)
			}
			r.ns = append(r.ns, nsBinding{a.Name.Local, a.Value})
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			if a.Value == xmlNS || a.Value == xmlnsNS {
				return r.errorf("illegal default namespace %q", a.Value)
			}
			r.ns = append(r.ns, nsBinding{"", a.Value})
		}
	}
	return nil
}
