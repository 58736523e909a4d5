package triplestore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// FormatVersion is the on-disk format version written into the meta bucket. Open refuses
// any other version with ErrVersion.
const FormatVersion = 3

var (
	bktMeta  = []byte("meta")
	bktI2T   = []byte("i2t")
	bktT2I   = []byte("t2i")
	bktNS    = []byte("ns")
	bktNSID  = []byte("nsid")
	bktStats = []byte("stats")

	keyVersion     = []byte("version")
	keyDataVersion = []byte("dataversion")
	keyBlankSeq    = []byte("blankseq")
)

// Options configure Open. The zero value (or nil) is fine.
type Options struct {
	// NoSync skips fsync on commit: faster, but a crash may lose recent commits. For tests,
	// benchmarks and throw-away stores.
	NoSync bool
	// ReadOnly opens the file read-only (shared lock); Update and Load then fail.
	ReadOnly bool
	// Timeout bounds the wait for the file lock; 0 waits forever.
	Timeout time.Duration
}

// Store is a quad store in one bbolt file. It is safe for concurrent use: any number of read
// transactions run alongside one write transaction.
type Store struct {
	path string
	opts Options

	writeMu sync.Mutex // serialises writers, held by Load for its whole run
	dbMu    sync.Mutex // guards cur and the handles' transaction counts
	cur     *dbHandle  // the open file new transactions begin on; nil when closed

	dataVersion atomic.Uint64
}

// dbHandle is one open bbolt file. A load that builds or copies a new file swaps it in as
// the store's current handle without waiting for readers: transactions begun on the old
// file finish there (its pages stay mapped after the rename), and the old file is closed
// when its last transaction ends. The namespace cache belongs to the file, since a new
// file built by a bulk load numbers its namespaces afresh.
type dbHandle struct {
	db      *bolt.DB
	txs     int  // open transactions, under Store.dbMu
	retired bool // no longer current: closed when txs reaches 0

	nsMu     sync.RWMutex
	nsByName map[string]uint64
	nsByID   map[uint64]string
}

func newHandle(db *bolt.DB) *dbHandle {
	return &dbHandle{db: db, nsByName: map[string]uint64{}, nsByID: map[uint64]string{}}
}

// acquire counts a transaction about to begin on the current handle.
func (s *Store) acquire() (*dbHandle, error) {
	s.dbMu.Lock()
	defer s.dbMu.Unlock()
	if s.cur == nil {
		return nil, errClosed
	}
	s.cur.txs++
	return s.cur, nil
}

// release counts a transaction of h as ended and closes h when it was the last one of a
// retired handle.
func (s *Store) release(h *dbHandle) {
	s.dbMu.Lock()
	h.txs--
	last := h.retired && h.txs == 0
	s.dbMu.Unlock()
	if last {
		h.db.Close()
	}
}

// retire makes next the current handle (nil: the store is closed) and closes the old one
// now if no transaction uses it, else when its last one ends.
func (s *Store) retire(next *dbHandle) error {
	s.dbMu.Lock()
	old := s.cur
	s.cur = next
	idle := false
	if old != nil {
		old.retired = true
		idle = old.txs == 0
	}
	s.dbMu.Unlock()
	if idle {
		return old.db.Close()
	}
	return nil
}

// Open opens the store at path, creating it when missing.
func Open(path string, opts *Options) (*Store, error) {
	s := &Store{path: path}
	if opts != nil {
		s.opts = *opts
	}
	db, dv, err := s.openDB(path)
	if err != nil {
		return nil, err
	}
	s.cur = newHandle(db)
	s.dataVersion.Store(dv)
	if !s.opts.ReadOnly {
		// A load that a crash interrupted may have left its new file or copy behind. The
		// store's file lock is ours now, so no load of another process is writing it.
		os.Remove(path + ".load")
	}
	return s, nil
}

// openDB opens and checks a store file; it returns the file's data version.
func (s *Store) openDB(path string) (*bolt.DB, uint64, error) {
	db, err := bolt.Open(path, 0o644, &bolt.Options{
		Timeout:        s.opts.Timeout,
		NoSync:         s.opts.NoSync,
		ReadOnly:       s.opts.ReadOnly,
		NoFreelistSync: true,
		FreelistType:   bolt.FreelistMapType,
	})
	if err != nil {
		return nil, 0, fmt.Errorf("triplestore: open %s: %w", path, err)
	}
	var dv uint64
	if s.opts.ReadOnly {
		err = db.View(func(tx *bolt.Tx) error {
			var e error
			dv, e = checkMeta(tx)
			return e
		})
	} else {
		err = db.Update(func(tx *bolt.Tx) error {
			if err := initBuckets(tx); err != nil {
				return err
			}
			var e error
			dv, e = checkMeta(tx)
			return e
		})
	}
	if err != nil {
		db.Close()
		return nil, 0, fmt.Errorf("triplestore: open %s: %w", path, err)
	}
	return db, dv, nil
}

func initBuckets(tx *bolt.Tx) error {
	meta := tx.Bucket(bktMeta)
	if meta == nil {
		var err error
		if meta, err = tx.CreateBucket(bktMeta); err != nil {
			return err
		}
		if err := meta.Put(keyVersion, binary.AppendUvarint(nil, FormatVersion)); err != nil {
			return err
		}
	}
	for _, name := range allBuckets() {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

func allBuckets() [][]byte {
	names := [][]byte{bktI2T, bktT2I, bktNS, bktNSID, bktStats}
	for i := range indexDefs {
		names = append(names, []byte(indexDefs[i].name))
	}
	return names
}

func checkMeta(tx *bolt.Tx) (uint64, error) {
	meta := tx.Bucket(bktMeta)
	if meta == nil {
		return 0, fmt.Errorf("%w: no meta bucket (not a uwp store?)", ErrVersion)
	}
	v, n := binary.Uvarint(meta.Get(keyVersion))
	if n <= 0 || v != FormatVersion {
		return 0, fmt.Errorf("%w: file has version %d, this build reads %d", ErrVersion, v, FormatVersion)
	}
	for _, name := range allBuckets() {
		if tx.Bucket(name) == nil {
			return 0, fmt.Errorf("%w: missing bucket %q", ErrCorrupt, name)
		}
	}
	dv, _ := binary.Uvarint(meta.Get(keyDataVersion))
	return dv, nil
}

// Close closes the file. Transactions should be finished first: the file is closed when
// the last one ends, and none can begin after Close.
func (s *Store) Close() error {
	return s.retire(nil)
}

// Path returns the file name the store was opened with.
func (s *Store) Path() string { return s.path }

// DataVersion is a counter bumped by every commit that changed the data (Update, Load). It
// survives reopening. The web layer derives ETags from it.
func (s *Store) DataVersion() uint64 { return s.dataVersion.Load() }

// Begin starts a transaction. A writable one waits for the current writer (and Load) to
// finish. Every transaction must end with Commit or Rollback; read transactions only with
// Rollback (Commit on them is a Rollback).
func (s *Store) Begin(writable bool) (*Tx, error) {
	if writable {
		if s.opts.ReadOnly {
			return nil, ErrReadOnly
		}
		s.writeMu.Lock()
	}
	h, err := s.acquire()
	if err != nil {
		if writable {
			s.writeMu.Unlock()
		}
		return nil, bolt.ErrDatabaseNotOpen
	}
	btx, err := h.db.Begin(writable)
	if err != nil {
		s.release(h)
		if writable {
			s.writeMu.Unlock()
		}
		return nil, err
	}
	return newTx(s, h, btx), nil
}

// View runs fn in a read transaction.
func (s *Store) View(fn func(tx *Tx) error) error {
	tx, err := s.Begin(false)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// Update runs fn in a write transaction and commits it when fn returns nil; otherwise (and
// on a panic) it rolls back and returns fn's error.
func (s *Store) Update(fn func(tx *Tx) error) (err error) {
	tx, err := s.Begin(true)
	if err != nil {
		return err
	}
	defer func() {
		if tx.btx != nil {
			tx.Rollback()
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Size returns the size of the store file in bytes.
func (s *Store) Size() (int64, error) {
	fi, err := os.Stat(s.path)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

func (h *dbHandle) nsName(id uint64) (string, bool) {
	h.nsMu.RLock()
	defer h.nsMu.RUnlock()
	n, ok := h.nsByID[id]
	return n, ok
}

func (h *dbHandle) nsID(name string) (uint64, bool) {
	h.nsMu.RLock()
	defer h.nsMu.RUnlock()
	id, ok := h.nsByName[name]
	return id, ok
}

func (h *dbHandle) nsRemember(name string, id uint64) {
	h.nsMu.Lock()
	h.nsByName[name] = id
	h.nsByID[id] = name
	h.nsMu.Unlock()
}

var errClosed = errors.New("triplestore: store closed")
