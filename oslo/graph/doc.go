// Package graph is a small in-memory RDF graph for validation: a set of triples indexed by
// subject and by object, so that SHACL paths walk forwards and backwards in constant time per
// step. It depends on no store.
//
// # Basics
//
//   - Graph is a set: Add reports whether the triple was new. Triples keep the order in which
//     they were first added, and every accessor answers in that order, so callers that
//     iterate produce deterministic output.
//   - Load reads an rdf.Reader into the graph, ignoring graph names, and renames blank nodes
//     per call so that two documents never share a node by accident.
//   - List reads an RDF collection (rdf:first/rdf:rest).
//
// # Caveats
//
// A Graph is not safe for concurrent writes; concurrent reads without writes are fine.
// Slices returned by accessors belong to the graph: do not modify them.
package graph
