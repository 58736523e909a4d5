package eval

import (
	"context"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// DefaultMemoryBudget is the memory budget of a query when Options.MemoryBudget is 0.
const DefaultMemoryBudget = 1 << 30

// Options configure one query or update request. The zero value is ready to use.
type Options struct {
	// UnionDefaultGraph makes the default graph of a query the union (set) of all graphs of
	// the dataset instead of the dataset's own default graph. FROM/FROM NAMED override it.
	UnionDefaultGraph bool
	// MemoryBudget bounds, in bytes (approximately), what the operators that materialise
	// solutions may hold at once; exceeding it fails the query with ErrMemoryBudget.
	// 0 means DefaultMemoryBudget; a negative value means no limit.
	MemoryBudget int64
	// Now is the instant NOW() returns; the zero value means time.Now() at the start.
	Now time.Time
	// Base is the base IRI for IRI()/URI() when the query declared none; the parsed query's
	// own base takes precedence.
	Base string
	// Load fetches the document of LOAD iri. Nil means local file: URLs only (read through
	// rdf/formats; other schemes fail, which LOAD SILENT turns into success). The returned
	// reader is closed by the evaluator when it implements io.Closer.
	Load func(ctx context.Context, iri string) (rdf.Reader, error)
	// Service answers SERVICE patterns: it sends query (SELECT * WHERE { pattern }) to the
	// endpoint and returns the variables and rows of the answer (nil terms are unbound). Nil
	// means SERVICE is not evaluated (ErrUnsupported; SERVICE SILENT gives one empty solution).
	Service func(ctx context.Context, endpoint, query string) (vars []string, rows [][]rdf.Term, err error)
	// Profile, when set, records per operator how often it ran and how many solutions it
	// produced (see Profile.Explain). It costs a little per solution.
	Profile *Profile
	// NoOptimize skips the algebra rewrites of package opt (the evaluator's own run-time
	// choices stay). For differential tests and for comparing plans.
	NoOptimize bool
}

func (o *Options) budget() int64 {
	switch {
	case o.MemoryBudget == 0:
		return DefaultMemoryBudget
	case o.MemoryBudget < 0:
		return 1<<63 - 1
	}
	return o.MemoryBudget
}
