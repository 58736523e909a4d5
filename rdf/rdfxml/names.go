package rdfxml

import (
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Namespaces with a meaning of their own in RDF/XML.
const (
	rdfNS   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
	xmlnsNS = "http://www.w3.org/2000/xmlns/"
)

// IRIs the reader emits for containers, collections and reification.
const (
	rdfLi        = rdfNS + "li"
	rdfStatement = rdf.IRI(rdfNS + "Statement")
	rdfSubject   = rdf.IRI(rdfNS + "subject")
	rdfPredicate = rdf.IRI(rdfNS + "predicate")
	rdfObject    = rdf.IRI(rdfNS + "object")
	rdfDesc      = rdfNS + "Description"
)

// termClass says where an rdf: name may appear, following the name sets of
// https://www.w3.org/TR/rdf-syntax-grammar/#section-grammar-summary (7.2.2-7.2.7).
type termClass uint8

const (
	classOther termClass = iota // any other IRI, including rdf:type, rdf:_1, rdf:Seq ...
	classCore                   // coreSyntaxTerms: RDF ID about parseType resource nodeID datatype
	classDesc                   // rdf:Description
	classLi                     // rdf:li
	classOld                    // oldTerms: aboutEach aboutEachPrefix bagID
)

func classify(iri string) termClass {
	if len(iri) <= len(rdfNS) || iri[:len(rdfNS)] != rdfNS {
		return classOther
	}
	switch iri[len(rdfNS):] {
	case "RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype":
		return classCore
	case "Description":
		return classDesc
	case "li":
		return classLi
	case "aboutEach", "aboutEachPrefix", "bagID":
		return classOld
	}
	return classOther
}

// okNodeElement implements nodeElementURIs (7.2.5): anyURI - (coreSyntaxTerms | rdf:li | oldTerms).
func okNodeElement(c termClass) bool { return c == classOther || c == classDesc }

// isNCName reports whether s matches NCName of Namespaces in XML 1.0
// (https://www.w3.org/TR/xml-names/#NT-NCName): an XML Name without colons.
func isNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == utf8.RuneError {
			return false
		}
		if i == 0 {
			if !isNameStartChar(r) {
				return false
			}
		} else if !isNameChar(r) {
			return false
		}
	}
	return true
}

// isNameStartChar is NameStartChar of XML 1.0 fifth edition without ':'.
func isNameStartChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		return true
	case r < 0xC0:
		return false
	}
	return r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF ||
		r >= 0x370 && r <= 0x37D || r >= 0x37F && r <= 0x1FFF || r >= 0x200C && r <= 0x200D ||
		r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
		r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
}

// isNameChar is NameChar of XML 1.0 fifth edition without ':'.
func isNameChar(r rune) bool {
	switch {
	case isNameStartChar(r), r >= '0' && r <= '9', r == '-', r == '.', r == 0xB7:
		return true
	}
	return r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// isXMLChar reports whether r may appear in an XML 1.0 document (production Char).
func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// isXMLSpace reports whether s holds only XML white space (production S).
func isXMLSpace(s []byte) bool {
	for _, c := range s {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}
