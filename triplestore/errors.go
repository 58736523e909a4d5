package triplestore

import "errors"

var (
	// ErrVersion is returned by Open for a file written in another format version.
	ErrVersion = errors.New("triplestore: unsupported store format version")
	// ErrCorrupt is wrapped by errors about data that breaks the store's invariants
	// (malformed blocks, dangling IDs, indexes that disagree). Check reports these.
	ErrCorrupt = errors.New("triplestore: store is corrupt")
	// ErrHashCollision is returned when two different long terms hash to the same
	// term->id key. It is astronomically unlikely (128-bit SHA-256 prefix) but never ignored.
	ErrHashCollision = errors.New("triplestore: term hash collision")
	// ErrUnknownTerm is returned by Tx.Term for an ID that names no term.
	ErrUnknownTerm = errors.New("triplestore: unknown term ID")
	// ErrTxClosed is returned when a transaction is used after Commit or Rollback.
	ErrTxClosed = errors.New("triplestore: transaction closed")
	// ErrReadOnly is returned by writes on a read-only transaction.
	ErrReadOnly = errors.New("triplestore: read-only transaction")
	// ErrBadQuad is returned for a quad whose terms cannot stand in their positions
	// (a literal subject, a non-IRI predicate, a literal graph name, a nil term).
	ErrBadQuad = errors.New("triplestore: invalid quad")
)
