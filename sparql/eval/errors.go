package eval

import "errors"

// Sentinel errors; test with errors.Is.
var (
	// ErrMemoryBudget is returned when an operator that materialises solutions (ORDER BY,
	// GROUP BY, DISTINCT, a hash join's build side, MINUS) needs more memory than
	// Options.MemoryBudget allows.
	ErrMemoryBudget = errors.New("sparql: query exceeds its memory budget")
	// ErrUnsupported is a construct the evaluator does not run (SERVICE when no Service
	// function is configured, an unknown function IRI).
	ErrUnsupported = errors.New("sparql: unsupported")
	// ErrUpdate is a failed update operation (CREATE of an existing graph, DROP or COPY of a
	// missing one, LOAD of an unreadable document) without SILENT.
	ErrUpdate = errors.New("sparql: update failed")
	// ErrService is a failed SERVICE call (the endpoint's error is in the message).
	ErrService = errors.New("sparql: SERVICE failed")
	// ErrInternal is a bug in the evaluator caught before it crossed the API (a recovered
	// panic); the message says what happened.
	ErrInternal = errors.New("sparql: internal error")
)
