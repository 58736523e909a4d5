// Package storetest is the conformance suite every quad store of uwp runs: the bbolt store
// of package triplestore and the in-memory dataset of the SPARQL engine.
//
// # Basics
//
// A backend adapts itself to the small Store interface and calls Run from a test:
//
//	func TestStore_Suite(t *testing.T) {
//		storetest.Run(t, func(t testing.TB) storetest.Store { return openMine(t) })
//	}
//
// Run creates a fresh store per subtest through open and closes it at the end. Stores that
// also implement Checker have their invariants checked after every mutation-heavy subtest.
//
// # Caveats
//
// The suite speaks rdf.Term, not store IDs, so that any backend can run it. The default graph
// is selected with DefaultGraph (Jena's urn:x-arq:DefaultGraph), which a backend must treat
// like a nil Graph both in Add and Remove and as the g argument of Match.
package storetest
