package rdfxml

import (
	"encoding/xml"
	"regexp"
)

// entityDecl matches an internal general entity declaration in a DOCTYPE's internal subset.
var entityDecl = regexp.MustCompile(`<!ENTITY\s+([^\s%"'<>]+)\s+(?:"([^"]*)"|'([^']*)')\s*>`)

// directive picks internal entity declarations out of <!DOCTYPE ...>. RDF/XML documents often
// declare <!ENTITY rdf "http://www.w3.org/1999/02/22-rdf-syntax-ns#"> to shorten IRIs in
// attribute values; encoding/xml expands entities it finds in Decoder.Entity. External
// entities and parameter entities are not read.
func (r *reader) directive(d xml.Directive) {
	for _, m := range entityDecl.FindAllSubmatch(d, -1) {
		if r.dec.Entity == nil {
			r.dec.Entity = map[string]string{}
		}
		v := string(m[2])
		if m[3] != nil && m[2] == nil {
			v = string(m[3])
		}
		r.dec.Entity[string(m[1])] = v
	}
}
