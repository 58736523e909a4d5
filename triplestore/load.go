package triplestore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// LoadSource is one document to load.
type LoadSource struct {
	// Name names the document in error positions and progress reports.
	Name string
	// Open opens the document; Load closes it.
	Open func() (io.ReadCloser, error)
	// Format is the document's syntax.
	Format rdf.Format
	// Base is the base IRI for relative references (ignored by N-Triples and N-Quads).
	Base string
	// Graph, when non-nil, receives the document's default-graph statements (named-graph
	// statements of N-Quads, TriG and JSON-LD stay in their graphs).
	Graph rdf.Term
	// Size is the document's size in bytes if known (for progress), else 0.
	Size int64
	// AllInGraph puts every statement into Graph (nil: the default graph), whatever graph
	// the document's syntax gives it: a Graph Store upload of N-Quads or TriG.
	AllInGraph bool
	// Reader, when set, supplies the statements instead of a document (Open and Format are
	// then unused): for callers that produce quads, such as the ingest adapters. Its errors
	// are treated like a document reader's: *rdf.SyntaxError that is not Fatal is skipped by
	// a lenient load, anything else fails the load.
	Reader rdf.Reader
}

// LoadOptions configure Load. The zero value loads strictly with default settings.
type LoadOptions struct {
	// Lenient skips statements with non-fatal syntax errors (reporting each to OnError)
	// instead of failing. Fatal syntax errors and I/O errors fail the load either way.
	Lenient bool
	// OnError receives the skipped errors of a lenient load, in document order.
	OnError func(error)
	// Progress, when set, is called about every 0.5 s and once at the end, from a goroutine
	// of its own.
	Progress func(LoadProgress)
	// TempDir holds sorted runs spilled by a load into an empty store; "" means os.TempDir().
	TempDir string
	// NewReader makes readers for the formats other than N-Triples and N-Quads (which this
	// package reads itself, in parallel). The CLI passes the rdf/formats registry.
	NewReader func(rdf.Format, io.Reader, rdf.ReadOptions) (rdf.Reader, error)
	// Workers is the number of parallel parsers; 0 means GOMAXPROCS.
	Workers int
	// ChunkSize is the size of the pieces N-Triples and N-Quads are cut into; 0 means 4 MiB.
	// Pieces end at a line feed, so a document that ends its lines with CR alone is read as
	// one piece (and its error positions count CR-terminated lines as the reader does).
	ChunkSize int
	// RunQuads is how many quads an empty-store load sorts in memory before spilling a run;
	// 0 means 1<<18.
	RunQuads int
	// Replace lists graphs (DefaultGraphIRI for the default graph) that the load empties
	// before it adds anything, in the same atomic step: a Graph Store PUT.
	Replace []rdf.Term
	// ReplaceNamed empties every named graph too, like Replace (SPARQL CLEAR NAMED).
	ReplaceNamed bool
	// Check, when set, runs first, in a read transaction of the store taken under the load's
	// write lock (no write can come between it and the load): an error from it stops the
	// load before anything changes. For preconditions such as SPARQL DROP's "the graph
	// exists".
	Check func(tx *Tx) error
	// TxQuads bounds the quads written per transaction into a non-empty store, and so its
	// memory; a load (with the quads of its Replace graphs) larger than this takes the copy
	// path. 0 means 1<<18.
	TxQuads int
	// Finish, when set, runs in the load's last write transaction, after every statement is
	// added and before the load commits, with the load's figures so far: changes it makes
	// (say, a description of what was loaded) are part of the load's atomic step, and an
	// error from it fails the load. On the copy and bulk paths tx belongs to the new file.
	Finish func(tx *Tx, st LoadStats) error
}

// LoadProgress is a progress report.
type LoadProgress struct {
	Statements uint64 // statements read so far
	Bytes      int64  // bytes read so far
	Elapsed    time.Duration
	Source     string // the document being read
}

// LoadStats summarise a finished load.
type LoadStats struct {
	Statements uint64 // statements read (skipped bad ones not counted)
	Added      uint64 // quads that were new to the store
	Skipped    uint64 // statements skipped by a lenient load
	Bytes      int64
	Elapsed    time.Duration
	Removed    uint64 // quads removed from the Replace graphs
	Bulk       bool   // true when the store was empty and the bulk path built a new file
	Copied     bool   // true when a load into a non-empty store took the copy path
	Commits    int    // transactions committed into a non-empty store (or its copy)
	// Phases of a bulk load: reading, parsing, encoding and sorting runs; merging the runs
	// and writing the new file; syncing and swapping it in.
	ReadPhase, WritePhase, SwapPhase time.Duration
}

// Load reads the sources into the store, atomically: either everything loads (skipping
// only what a lenient load reports to OnError) or, on any error or cancellation of ctx, the
// store is left exactly as it was.
//
// Two paths:
//
//   - Empty store (no quads): the dictionary is built in memory, ID tuples are sorted in
//     runs (spilled to TempDir), merged per index and appended in key order into a NEW
//     file next to the store, written in several bbolt transactions. Only when it is
//     complete is it synced and renamed over the store's file. Readers do not wait: a
//     transaction begun before the swap finishes on the old file, later ones see the new.
//   - A non-empty store and a small load (at most TxQuads statements, counting the quads
//     of the Replace graphs): one write transaction; quads are encoded through the
//     dictionary and added in sorted batches. Duplicates are ignored.
//   - A non-empty store and a larger load: the copy path. The store's file is copied (a
//     consistent snapshot), the load is written into the copy in transactions of TxQuads
//     quads, and the copy is synced and renamed over the store's file like a bulk load's
//     new file. DataVersion ends higher than before either way.
//
// N-Triples and N-Quads are cut into chunks at line boundaries and parsed in parallel, each
// chunk with its own reader that numbers lines from the chunk's first line. Blank nodes get
// fresh store labels per document (see the package doc).
//
// Memory: the bulk path keeps the dictionary's lookup tables in memory (about 40-60 bytes
// per distinct term) and everything else bounded (10M BSBM triples peak at about 0.9 GB RSS).
// Loads into a non-empty store hold at most TxQuads statements in memory and in one
// transaction, however large the load; the copy path costs a copy of the store's file
// (sequential I/O, about a second per 500 MB).
//
// Load holds the store's write lock throughout: OnError and Progress may read the store
// but must not write to it.
func (s *Store) Load(ctx context.Context, srcs []LoadSource, opts LoadOptions) (LoadStats, error) {
	if s.opts.ReadOnly {
		return LoadStats{}, ErrReadOnly
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.ChunkSize <= 0 {
		opts.ChunkSize = 4 << 20
	}
	if opts.RunQuads <= 0 {
		opts.RunQuads = 1 << 18
	}
	if opts.TxQuads <= 0 {
		opts.TxQuads = 1 << 18
	}
	for _, g := range opts.Replace {
		if g != nil && g.Kind() == rdf.KindLiteral {
			return LoadStats{}, fmt.Errorf("%w: literal graph name in Replace", ErrBadQuad)
		}
	}
	if opts.TempDir == "" {
		opts.TempDir = os.TempDir()
	}
	for i, src := range srcs {
		if src.Reader != nil {
			continue
		}
		if src.Open == nil {
			return LoadStats{}, fmt.Errorf("triplestore: load source %d (%s) has no Open", i, src.Name)
		}
		if src.Format != rdf.NTriples && src.Format != rdf.NQuads && opts.NewReader == nil {
			return LoadStats{}, fmt.Errorf("%w: %s for %s (LoadOptions.NewReader is nil)", rdf.ErrUnsupportedFormat, src.Format, src.Name)
		}
		if src.Graph != nil && src.Graph.Kind() == rdf.KindLiteral {
			return LoadStats{}, fmt.Errorf("%w: literal graph name for %s", ErrBadQuad, src.Name)
		}
	}

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if opts.Check != nil {
		tx, err := s.beginLocked(false)
		if err != nil {
			return LoadStats{}, err
		}
		err = opts.Check(tx)
		tx.Rollback()
		if err != nil {
			return LoadStats{}, err
		}
	}

	start := time.Now()
	var prog loadCounters
	stopProgress := startProgress(&prog, opts.Progress, start)
	defer stopProgress()

	ctx, cancel := context.WithCancel(ctx)
	batches := parseSources(ctx, srcs, opts, &prog)
	defer func() { cancel(); drain(batches) }()

	empty, err := s.isEmpty()
	if err != nil {
		return LoadStats{}, err
	}
	var st LoadStats
	if empty {
		st, err = s.bulkLoad(ctx, batches, srcs, opts)
		st.Bulk = true
	} else {
		st, err = s.incrementalLoad(ctx, batches, srcs, opts)
	}
	st.Bytes = prog.bytes.Load()
	st.Elapsed = time.Since(start)
	if err != nil {
		return st, err
	}
	return st, nil
}

func (s *Store) isEmpty() (bool, error) {
	tx, err := s.beginLocked(false)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	st, err := readStats(tx.st)
	if err != nil {
		return false, err
	}
	return st.Quads == 0, nil
}

// beginLocked begins a transaction for a caller that already holds writeMu (Load).
func (s *Store) beginLocked(writable bool) (*Tx, error) {
	h, err := s.acquire()
	if err != nil {
		return nil, err
	}
	btx, err := h.db.Begin(writable)
	if err != nil {
		s.release(h)
		return nil, err
	}
	tx := newTx(s, h, btx)
	tx.noWriteMu = true
	return tx, nil
}

type loadCounters struct {
	statements atomic.Uint64
	bytes      atomic.Int64
	source     atomic.Value // string
}

func startProgress(c *loadCounters, fn func(LoadProgress), start time.Time) func() {
	if fn == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	report := func() {
		name, _ := c.source.Load().(string)
		fn(LoadProgress{Statements: c.statements.Load(), Bytes: c.bytes.Load(), Elapsed: time.Since(start), Source: name})
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				report()
			case <-done:
				report()
				return
			}
		}
	}()
	return func() { close(done); <-finished }
}

// errCanceled is what parsers report when the load's context ends.
var errCanceled = errors.New("triplestore: load canceled")
