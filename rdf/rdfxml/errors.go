package rdfxml

import "errors"

// Errors the writer returns for quads RDF/XML cannot express. They are wrapped with the term
// at fault.
var (
	// ErrNotQName: a predicate cannot be written as an XML element name, because no suffix
	// of it is an NCName or because it is an rdf: name the grammar reserves.
	ErrNotQName = errors.New("rdfxml: predicate cannot be written as a QName")
	// ErrNamedGraph: RDF/XML holds a single graph.
	ErrNamedGraph = errors.New("rdfxml: RDF/XML cannot express named graphs")
	// ErrBadTerm: a term has the wrong kind for its position or holds characters XML 1.0
	// cannot carry (most control characters).
	ErrBadTerm = errors.New("rdfxml: term cannot be written")
	// ErrClosed: Write after Close.
	ErrClosed = errors.New("rdfxml: writer is closed")
)
