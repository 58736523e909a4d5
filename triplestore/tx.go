package triplestore

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// Tx is a read or write transaction. It is not safe for concurrent use; byte slices and
// iterators obtained from it are valid only until it ends.
type Tx struct {
	s   *Store
	h   *dbHandle // the file the transaction runs on
	btx *bolt.Tx

	idx                          [numIndexes]*bolt.Bucket
	meta, i2t, t2i, ns, nsid, st *bolt.Bucket

	nsNew    map[string]uint64 // namespaces created by this write transaction
	nsNewID  map[uint64]string
	delta    *statsDelta
	blankSeq uint64 // next free inline blank number, when loaded (write tx)
	blankSet bool
	changed  bool
	// noWriteMu: the transaction was begun by Load, which holds writeMu itself.
	noWriteMu bool

	pendT2I map[string]TermID // term->id entries to write at Commit (see encID)
	i2tCur  *bolt.Cursor
	t2iCur  *bolt.Cursor
	t2iBuf  []byte

	keyBuf, encBuf, idBuf []byte

	bc *blockCache // index blocks and cursors of Match (blockcache.go)
	tc *termCache  // id->term blocks and decoded terms of Term (termcache.go)
}

func newTx(s *Store, h *dbHandle, btx *bolt.Tx) *Tx {
	tx := &Tx{s: s, h: h, btx: btx}
	for i := range indexDefs {
		tx.idx[i] = btx.Bucket([]byte(indexDefs[i].name))
	}
	tx.meta = btx.Bucket(bktMeta)
	tx.i2t = btx.Bucket(bktI2T)
	tx.t2i = btx.Bucket(bktT2I)
	tx.ns = btx.Bucket(bktNS)
	tx.nsid = btx.Bucket(bktNSID)
	tx.st = btx.Bucket(bktStats)
	if btx.Writable() {
		tx.delta = newStatsDelta()
		// Fill pages further before splitting where inserts are mostly appends: i2t keys
		// come from a sequence, and new quads usually carry new (larger) IDs, so they land
		// at the end of the indexes. bbolt's default (0.5) suits random inserts only.
		tx.i2t.FillPercent = 1.0
		for i := range tx.idx {
			tx.idx[i].FillPercent = 0.9
		}
		tx.t2i.FillPercent = 0.7
	}
	return tx
}

// Writable reports whether the transaction may write.
func (tx *Tx) Writable() bool { return tx.btx != nil && tx.btx.Writable() }

// Commit ends a write transaction, making its changes durable (unless Options.NoSync) and
// bumping DataVersion when anything changed. On a read transaction it is Rollback.
func (tx *Tx) Commit() error {
	if tx.btx == nil {
		return ErrTxClosed
	}
	if !tx.btx.Writable() {
		return tx.Rollback()
	}
	var dv uint64
	err := func() error {
		if !tx.changed {
			return nil
		}
		if err := tx.flushT2I(); err != nil {
			return err
		}
		if err := tx.flushNamespaces(); err != nil {
			return err
		}
		if err := tx.delta.flush(tx.st); err != nil {
			return err
		}
		if tx.blankSet {
			if err := tx.meta.Put(keyBlankSeq, binary.AppendUvarint(nil, tx.blankSeq)); err != nil {
				return err
			}
		}
		dv, _ = binary.Uvarint(tx.meta.Get(keyDataVersion))
		dv++
		return tx.meta.Put(keyDataVersion, binary.AppendUvarint(nil, dv))
	}()
	if err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.btx.Commit(); err != nil {
		tx.end()
		return err
	}
	if tx.changed {
		tx.s.dataVersion.Store(dv)
	}
	for name, id := range tx.nsNew {
		tx.h.nsRemember(name, id)
	}
	tx.end()
	return nil
}

// Rollback ends the transaction, discarding any changes. It is safe to call after Commit
// (it then returns ErrTxClosed and does nothing).
func (tx *Tx) Rollback() error {
	if tx.btx == nil {
		return ErrTxClosed
	}
	err := tx.btx.Rollback()
	tx.end()
	return err
}

func (tx *Tx) end() {
	writable := tx.btx.Writable()
	tx.btx = nil
	tx.s.release(tx.h)
	if writable && !tx.noWriteMu {
		tx.s.writeMu.Unlock()
	}
}

func (tx *Tx) check(write bool) error {
	if tx.btx == nil {
		return ErrTxClosed
	}
	if write && !tx.btx.Writable() {
		return ErrReadOnly
	}
	return nil
}

// nextBlank returns a fresh inline blank node ID (label "l<n>").
func (tx *Tx) nextBlank() TermID {
	tx.loadBlankSeq()
	n := tx.blankSeq
	tx.blankSeq++
	tx.blankSet = true
	return mkID(tagBlankN, n)
}

func (tx *Tx) loadBlankSeq() {
	if !tx.blankSet {
		tx.blankSeq, _ = binary.Uvarint(tx.meta.Get(keyBlankSeq))
		tx.blankSet = true
	}
}

// noteBlank keeps the loader's blank sequence ahead of an explicitly written label "l<n>".
func (tx *Tx) noteBlank(id TermID) {
	tx.loadBlankSeq()
	if n := id.payload(); n >= tx.blankSeq {
		tx.blankSeq = n + 1
	}
}
