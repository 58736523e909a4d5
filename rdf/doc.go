// Package rdf is the RDF 1.1 data model of uwp: terms, quads, IRI resolution and the
// interfaces that every syntax package (nt, turtle, trig, rdfxml, jsonld) implements.
//
// # Basics
//
//   - Term is a sealed interface with three implementations: IRI, BlankNode and Literal.
//     All three are comparable values, so == on two Terms compares them as RDF terms
//     (lexical forms are kept: "01"^^xsd:integer and "1"^^xsd:integer are different terms).
//   - Quad is a statement; Graph == nil means the default graph.
//   - Reader streams quads out of a document, Writer streams them into one.
//     Every syntax package offers NewReader(io.Reader, ReadOptions) and
//     NewWriter(io.Writer, WriteOptions).
//   - Resolve implements RFC 3986 reference resolution; Base caches a parsed base IRI.
//
// # Blank nodes
//
// Readers scope blank node labels to the document: a label written as _:x comes back as
// BlankNode("bx"), and a node the syntax leaves unlabelled ([] in Turtle, a nested
// rdf:Description in RDF/XML) as BlankNode("g<n>"). The two families never collide, and both
// are valid N-Triples labels. Anything that merges documents (the store's loader) must map
// labels per document to fresh nodes.
//
// # Caveats
//
// Language tags are kept as written; compare them with strings.EqualFold where RDF says
// they are case-insensitive. Literal.Datatype is never empty: simple literals carry
// xsd:string and language-tagged ones rdf:langString.
package rdf
