package triplestore

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// The term->id bucket is cut into blocks of sorted entries, like the indexes, which saves
// most of bbolt's per-key overhead (16 bytes) and lets long runs of keys share prefixes:
//
//	key   = the block's first term->id key (see termenc.go)
//	value = uvarint(first ID), then for each further entry in key order:
//	        uvarint(shared) uvarint(len(suffix)) suffix uvarint(ID)
//	        where shared is the length of the prefix it shares with the entry before it
//
// A block holds at most t2iBlockMax entries and is cut after about t2iBlockBytes bytes.
const (
	t2iBlockMax   = 64
	t2iBlockBytes = 640
)

type t2iEntry struct {
	key []byte
	id  TermID
}

// t2iScan walks the entries of a block in order, calling fn until it returns false. The key
// passed to fn is valid only during the call.
func t2iScan(first, val []byte, buf []byte, fn func(key []byte, id TermID) bool) ([]byte, error) {
	id, k := binary.Uvarint(val)
	if k <= 0 {
		return buf, errBadT2I
	}
	val = val[k:]
	buf = append(buf[:0], first...)
	if !fn(buf, TermID(id)) {
		return buf, nil
	}
	for len(val) > 0 {
		shared, k1 := binary.Uvarint(val)
		if k1 <= 0 || shared > uint64(len(buf)) {
			return buf, errBadT2I
		}
		val = val[k1:]
		n, k2 := binary.Uvarint(val)
		if k2 <= 0 || n > uint64(len(val)-k2) {
			return buf, errBadT2I
		}
		buf = append(buf[:shared], val[k2:k2+int(n)]...)
		val = val[k2+int(n):]
		id, k3 := binary.Uvarint(val)
		if k3 <= 0 {
			return buf, errBadT2I
		}
		val = val[k3:]
		if !fn(buf, TermID(id)) {
			return buf, nil
		}
	}
	return buf, nil
}

var errBadT2I = fmt.Errorf("%w: malformed term->id block", ErrCorrupt)

func sharedPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// t2iBlockWriter builds blocks from entries given in key order.
type t2iBlockWriter struct {
	first, prev []byte
	val         []byte
	n           int
}

// add appends an entry; when the block is full it returns the finished block (fresh slices)
// before starting a new one with the entry.
func (w *t2iBlockWriter) add(key []byte, id TermID) (bk, bv []byte) {
	if w.n > 0 && (w.n >= t2iBlockMax || len(w.val) >= t2iBlockBytes) {
		bk, bv = w.finish()
	}
	if w.n == 0 {
		w.first = append(w.first[:0], key...)
		w.val = binary.AppendUvarint(w.val[:0], uint64(id))
	} else {
		s := sharedPrefix(w.prev, key)
		w.val = binary.AppendUvarint(w.val, uint64(s))
		w.val = binary.AppendUvarint(w.val, uint64(len(key)-s))
		w.val = append(w.val, key[s:]...)
		w.val = binary.AppendUvarint(w.val, uint64(id))
	}
	w.prev = append(w.prev[:0], key...)
	w.n++
	return bk, bv
}

// finish returns the pending block (nil when empty) as fresh slices.
func (w *t2iBlockWriter) finish() (bk, bv []byte) {
	if w.n == 0 {
		return nil, nil
	}
	bk, bv = bytes.Clone(w.first), bytes.Clone(w.val)
	w.n = 0
	return bk, bv
}

// t2iGet looks a key up: the pending entries of this transaction first, then the blocks.
func (tx *Tx) t2iGet(key []byte) (TermID, bool, error) {
	if id, ok := tx.pendT2I[string(key)]; ok {
		return id, true, nil
	}
	if tx.t2iCur == nil {
		tx.t2iCur = tx.t2i.Cursor()
	}
	bk, bv := seekBlock(tx.t2iCur, key)
	if bk == nil {
		return 0, false, nil
	}
	var found TermID
	var err error
	tx.t2iBuf, err = t2iScan(bk, bv, tx.t2iBuf, func(k []byte, id TermID) bool {
		switch c := bytes.Compare(k, key); {
		case c == 0:
			found = id
			return false
		case c > 0:
			return false
		}
		return true
	})
	return found, found != 0, err
}

// flushT2I merges the pending term->id entries into the blocks, in key order.
func (tx *Tx) flushT2I() error {
	if len(tx.pendT2I) == 0 {
		return nil
	}
	keys := make([]string, 0, len(tx.pendT2I))
	for k := range tx.pendT2I {
		keys = append(keys, k)
	}
	slicesSortStrings(keys)
	c := tx.t2i.Cursor()
	var old []t2iEntry
	i := 0
	for i < len(keys) {
		key := []byte(keys[i])
		bk, bv := seekBlock(c, key)
		j := len(keys)
		var blockKey []byte
		old = old[:0]
		if bk != nil {
			blockKey = bytes.Clone(bk)
			if _, err := t2iScan(bk, bv, nil, func(k []byte, id TermID) bool {
				old = append(old, t2iEntry{bytes.Clone(k), id})
				return true
			}); err != nil {
				return err
			}
			if nk, _ := c.Next(); nk != nil {
				for j = i; j < len(keys) && keys[j] < string(nk); j++ {
				}
			}
		}
		merged := mergeT2I(old, keys[i:j], tx.pendT2I)
		if err := rewriteT2I(tx.t2i, blockKey, merged); err != nil {
			return err
		}
		i = j
	}
	tx.pendT2I = nil
	tx.t2iCur = nil // the bucket changed under it
	return nil
}

func mergeT2I(old []t2iEntry, keys []string, ids map[string]TermID) []t2iEntry {
	out := make([]t2iEntry, 0, len(old)+len(keys))
	o := 0
	for _, k := range keys {
		for o < len(old) && string(old[o].key) < k {
			out = append(out, old[o])
			o++
		}
		out = append(out, t2iEntry{[]byte(k), ids[k]})
	}
	return append(out, old[o:]...)
}

// rewriteT2I replaces the block stored under oldKey (nil: none) by the entries.
func rewriteT2I(b *bolt.Bucket, oldKey []byte, es []t2iEntry) error {
	if oldKey != nil && (len(es) == 0 || !bytes.Equal(es[0].key, oldKey)) {
		if err := b.Delete(oldKey); err != nil {
			return err
		}
	}
	var w t2iBlockWriter
	for _, e := range es {
		if bk, bv := w.add(e.key, e.id); bk != nil {
			if err := b.Put(bk, bv); err != nil {
				return err
			}
		}
	}
	if bk, bv := w.finish(); bk != nil {
		return b.Put(bk, bv)
	}
	return nil
}

func slicesSortStrings(s []string) { slices.Sort(s) }
