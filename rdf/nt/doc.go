// Package nt reads and writes RDF 1.1 N-Triples (https://www.w3.org/TR/n-triples/) and
// N-Quads (https://www.w3.org/TR/n-quads/).
//
// # Basics
//
//   - NewReader and NewQuadsReader return an rdf.Reader that streams one statement per line.
//     The N-Triples reader rejects a graph name; the N-Quads reader accepts one.
//   - NewWriter and NewQuadsWriter return an rdf.Writer that emits the canonical form
//     (https://www.w3.org/TR/n-triples/#canonical-ntriples): one space between terms, " ."
//     and LF after each statement, literals with only \" \\ \n \r escaped, IRIs with \uXXXX
//     only for the characters IRIREF cannot hold, xsd:string literals without ^^.
//     The N-Triples writer refuses a quad in a named graph (ErrNamedGraph); both refuse a
//     quad they could write only as a line that no reader accepts (ErrInvalidTerm).
//   - AppendTerm and AppendQuad append the canonical form to a byte slice, for callers that
//     write N-Triples themselves (dumps, the SPARQL results writers) and want no Writer.
//
// # Reading
//
// The reader is built for bulk loading: it runs no goroutines, reuses one buffer (grown to
// the longest line, so lines of any length are read), allocates only the strings of the
// terms, and shares the strings of repeated predicates, datatypes, language tags, graph
// names and a repeated subject. Parallel loaders cut a file at line boundaries and give
// each chunk its own reader with ReadOptions.Line set to the chunk's first line number.
//
// A statement in error gives an *rdf.SyntaxError with File, Line (counted from
// ReadOptions.Line), Col (in characters, from 1) and a message saying what was expected and
// what was found. Syntax errors are never Fatal: the next Read goes on with the next line.
// Errors of the underlying io.Reader come back as they are, on every later Read.
//
// Blank nodes follow the contract of package rdf: _:x is read as BlankNode("bx"), so every
// chunk of one file maps a label to the same node. Lines end at LF, CR LF or a lone CR.
//
// # Caveats
//
// Strictness beyond the grammar, on purpose: relative IRIs are errors (N-Triples has no
// base IRI), so are UCHAR escapes that spell a character IRIREF forbids (\u0020 in an
// IRI), escapes of surrogates or of code points above U+10FFFF, invalid UTF-8 anywhere
// (comments included), a blank node label with a colon (the RDF 1.1 grammar allows it, the
// W3C tests and the errata do not) and "x"^^rdf:langString without a language tag. A UTF-8
// byte order mark at the very start of the input is skipped.
//
// The canonical form writes control characters other than CR and LF raw, unlike
// rdf.Literal.String, which escapes them as \u00XX.
package nt
