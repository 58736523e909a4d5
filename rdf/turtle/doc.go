// Package turtle reads and writes RDF 1.1 Turtle (https://www.w3.org/TR/turtle/) and, with
// the same engine in TriG mode, RDF 1.1 TriG (https://www.w3.org/TR/trig/); package trig
// exports the TriG mode under the usual NewReader/NewWriter names.
//
// # Basics
//
//   - NewReader / NewTriGReader return a streaming rdf.Reader: a tokenizer over a
//     bufio.Reader feeds a recursive-descent parser that hands out the quads of each
//     statement as soon as the statement is complete. Only one statement is held at a time
//     (in TriG a statement is one triples block inside { ... }, not the whole graph).
//   - NewWriter / NewTriGWriter return an rdf.Writer that pretty-prints (see Caveats).
//   - Blank nodes follow the contract of package rdf: _:x reads as BlankNode("bx"), [] and the
//     nodes of blank node property lists and collections as BlankNode("g<n>").
//
// # Errors
//
// Bad input gives a *rdf.SyntaxError with file:line:col and "expected X, found Y". Such
// errors have Fatal == false: the reader has skipped to the end of the bad statement (past
// the next '.' at statement level, or in TriG past a '}' closing the graph block) and the
// next Read goes on from there, so lenient loaders can collect errors and continue. The
// quads of a statement with an error are dropped whole. An error of the underlying
// io.Reader is returned as is and repeats on every later Read.
//
// # Caveats
//
// The pretty writer buffers the whole dataset until Close, to group subjects, nest blank
// nodes and write lists; set rdf.WriteOptions.Stream for dumps of any size (then only
// consecutive quads with the same subject and graph are grouped, and nothing is nested).
// Relative IRIs in the input need a base (ReadOptions.Base or @base); without one they are
// syntax errors.
package turtle
