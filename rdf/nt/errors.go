package nt

import "errors"

// ErrNamedGraph is returned by the N-Triples writer for a quad outside the default graph.
var ErrNamedGraph = errors.New("nt: N-Triples cannot hold a quad in a named graph (use N-Quads)")

// ErrInvalidTerm is wrapped by writer errors for a quad that no N-Triples or N-Quads line can
// express: a missing term, a term in a position it may not take, a relative IRI or one
// holding a character IRIs cannot hold (space, controls, <>"{}|^`\), a bad blank node label
// or language tag, an rdf:langString without a tag, or invalid UTF-8.
var ErrInvalidTerm = errors.New("nt: term cannot be written")
