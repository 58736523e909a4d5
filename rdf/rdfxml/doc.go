// Package rdfxml reads and writes RDF/XML (https://www.w3.org/TR/rdf-syntax-grammar/).
//
// # Basics
//
//   - NewReader returns a streaming rdf.Reader built on encoding/xml tokens. It runs no
//     goroutines and holds only the open elements (plus the text of the current literal and the
//     rdf:ID IRIs seen), so memory does not grow with the number of triples. It implements the whole grammar: xml:base and
//     xml:lang, rdf:ID (unique per base IRI) with reification, rdf:nodeID, rdf:about,
//     rdf:resource, typed node elements, property attributes, rdf:li numbering, rdf:datatype,
//     parseType Resource, Collection and Literal (an rdf:XMLLiteral in exclusive XML
//     canonical form), empty property elements and the rules on forbidden rdf: names.
//   - NewWriter returns an rdf.Writer that streams one rdf:Description per run of consecutive
//     triples with the same subject.
//
// # Blank nodes
//
// Following package rdf, rdf:nodeID="x" reads as BlankNode("bx") and a node without a label
// as BlankNode("g<n>"). The writer writes labels that are XML NCNames as they are and
// hex-encodes the others behind an underscore.
//
// # Caveats
//
//   - Every syntax error is fatal (*rdf.SyntaxError with Fatal set): RDF/XML has no statement
//     boundary to resume at. Error positions are where the offending token starts; columns
//     count runes (bytes in ISO-8859-1 documents).
//   - Triples come out as soon as they are known, which for literals is at their end tag;
//     a document cut short therefore yields its first triples and then the error.
//   - Attributes must be namespace-qualified, except the legacy unqualified about, ID,
//     resource, parseType and type, which read as their rdf: forms; any other unqualified
//     attribute is an error. Attributes whose prefix or name starts with "xml" are ignored.
//   - Attribute values are normalized as XML 1.0 section 3.3.3 says (encoding/xml does not).
//   - Only UTF-8, ISO-8859-1 and US-ASCII inputs are read. Internal DTD entities
//     (<!ENTITY rdf "...">) are expanded; external ones are not fetched.
//   - RDF/XML cannot express named graphs: the writer rejects quads with a Graph, and predicates
//     that cannot be split into a namespace and an NCName (ErrNotQName).
package rdfxml
