package eval

import (
	"context"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// ID identifies a term inside one Dataset. The store's triplestore.TermID values pass through
// unchanged. 0 means unbound in a Binding and "any" in a Pattern; it is never the ID of a
// term. IDs of terms in a Dataset stay below 1<<63: the evaluator gives the values it computes
// (BIND, CONCAT, aggregates, ...) transient IDs with the high bit set, in a per-query overlay
// that never touches the dataset's dictionary.
type ID uint64

// DefaultGraph is the ID naming the default graph in the G slot of a Pattern and of the quads
// a Dataset returns (the same value as triplestore.DefaultGraph).
const DefaultGraph ID = 1

// overlayBit marks IDs minted by the evaluator for computed terms.
const overlayBit ID = 1 << 63

// Quad is a quad of IDs: S, P, O, G.
type Quad [4]ID

// Pattern selects quads by S, P, O and G; 0 in a slot matches anything. In the G slot, 0
// matches the default graph and every named graph, DefaultGraph only the default graph, and
// any other ID that named graph.
type Pattern = Quad

// QuadIter streams the quads matching a Pattern.
//
//	it := ds.Match(ctx, p)
//	defer it.Close()
//	for it.Next() { q := it.Quad() ... }
//	if err := it.Err(); err != nil { ... }
//
// Quad is valid after Next returned true, until the next call of Next. Close may be called
// at any time, more than once.
type QuadIter interface {
	Next() bool
	Quad() Quad
	Err() error
	Close() error
}

// Dataset is what the evaluator needs from a store, in the manner of Oxigraph's
// QueryableDataset. Terms and IDs correspond one to one: two different terms never share an
// ID and a term has at most one ID (so joins compare IDs). A Dataset is used by one query
// at a time and only for that query's lifetime (for the bbolt store: inside one read
// transaction).
type Dataset interface {
	// Match streams the quads matching p, with G set to DefaultGraph for default-graph quads.
	// Errors are reported by the iterator's Err.
	Match(ctx context.Context, p Pattern) QuadIter
	// LookupID returns the ID of t; ok is false when t is not in the dataset (then no quad
	// mentions it).
	LookupID(t rdf.Term) (id ID, ok bool, err error)
	// Term returns the term with the given ID (never DefaultGraph or 0).
	Term(id ID) (rdf.Term, error)
	// NamedGraphs returns the IDs of the named graphs (not DefaultGraph), in any order.
	NamedGraphs() ([]ID, error)
	// Estimate returns a cheap estimate of how many quads match p. It guides join ordering
	// only; it need not be exact.
	Estimate(p Pattern) (uint64, error)
}

// Updatable is a Dataset an update request can change: an open write transaction. The
// evaluator applies all the changes of a request to it and returns; the caller commits (or,
// on an error, rolls back), so each request is atomic. Quads with Graph == nil are in the
// default graph.
type Updatable interface {
	Dataset
	// Add adds q; adding a quad that is present is not an error.
	Add(q rdf.Quad) error
	// Remove removes q; removing an absent quad is not an error.
	Remove(q rdf.Quad) error
	// CreateGraph records an empty named graph (a no-op when the graph exists). Stores that do
	// not record empty graphs may do nothing.
	CreateGraph(g rdf.IRI) error
	// DropGraph removes the named graph g and its quads.
	DropGraph(g rdf.IRI) error
}
