// Package trig reads and writes RDF 1.1 TriG (https://www.w3.org/TR/trig/). It is a thin
// wrapper: the engine is package turtle in TriG mode, which documents the details (streaming,
// blank nodes, error recovery, pretty-printing).
//
// # Basics
//
//   - NewReader streams quads; Graph is nil for the default graph, else the block's name
//     (an IRI or a blank node).
//   - NewWriter writes the default graph first, then one block per named graph.
package trig
