// Package memds is an in-memory eval.Dataset and eval.Updatable: a dictionary of terms and
// four sorted quad indexes (SPOG, POSG, OSPG, GSPO). It serves the W3C conformance tests, the
// differential tests and the benchmarks of sparql/eval, and small embedded uses.
//
// # Basics
//
//   - New returns an empty dataset; Add/Remove change it; Load reads an rdf.Reader into a
//     graph. Term IDs are assigned from 2 upwards (1 is eval.DefaultGraph) and never reused.
//   - Named graphs exist while they hold a quad or after CreateGraph, until DropGraph.
//   - Indexes are rebuilt lazily on the first Match after a change, so a burst of updates
//     costs one sort.
//
// # Caveats
//
// A Dataset is safe for concurrent reads; changes must not run concurrently with anything
// else. Iterators opened before a change keep seeing the data as it was. There are no
// transactions: Clone gives a copy to apply a request to and swap in.
package memds
