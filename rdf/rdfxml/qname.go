package rdfxml

import (
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// splitQName splits an IRI into a namespace and the longest suffix that is an NCName, as an
// RDF/XML property element name needs (https://www.w3.org/TR/rdf-syntax-grammar/#section-Serialising).
// ok is false when no non-empty suffix is an NCName or nothing is left for the namespace.
func splitQName(iri string) (ns, local string, ok bool) {
	// Walk back over NameChars, then forward to the first NameStartChar.
	i := len(iri)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(iri[:i])
		if r == utf8.RuneError || !isNameChar(r) {
			break
		}
		i -= size
	}
	for i < len(iri) {
		r, size := utf8.DecodeRuneInString(iri[i:])
		if isNameStartChar(r) {
			break
		}
		i += size
	}
	if i == 0 || i == len(iri) {
		return "", "", false
	}
	return iri[:i], iri[i:], true
}

// nodeIDOf turns a blank node label into an rdf:nodeID value. Labels that are NCNames not
// starting with "_" are kept; the rest become "_" and the label's bytes in hex, so the map is
// one-to-one and the result always an NCName.
func nodeIDOf(label string) string {
	if isNCName(label) && label[0] != '_' {
		return label
	}
	return "_" + hex.EncodeToString([]byte(label))
}

// validXML reports whether s is valid UTF-8 made only of characters XML 1.0 can carry.
func validXML(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || !isXMLChar(r) {
			return false
		}
		i += size
	}
	return true
}

// validPrefix reports whether p can be declared as a namespace prefix.
func validPrefix(p string) bool {
	return p == "" || isNCName(p) && !strings.HasPrefix(strings.ToLower(p), "xml")
}
