package triplestore

import (
	"encoding/binary"
	"fmt"
)

// The id->term bucket groups terms with consecutive sequence numbers in blocks, which saves
// a bbolt key (8 bytes plus 16 of page overhead) for most terms:
//
//	key   = the block's first sequence number, 8 bytes big-endian
//	value = for each sequence number from the first upwards: uvarint(len(stored)) stored
//
// where stored is the term's enc, possibly compressed (see compress.go). Sequence numbers
// are dense (the i2t bucket's sequence hands them out and terms are never deleted), so a
// term is found by seeking its block and skipping the records before it. A block is closed
// once it holds i2tBlockMax records or i2tBlockBytes bytes, which keeps values well inside a
// page. The tag of a dictionary ID follows from its enc's kind byte.
const (
	i2tBlockMax   = 64
	i2tBlockBytes = 480
)

func i2tKey(dst []byte, seq uint64) []byte { return binary.BigEndian.AppendUint64(dst, seq) }

// i2tRecord returns the record number idx of a block value.
func i2tRecord(val []byte, idx int) ([]byte, bool) {
	for {
		n, k := binary.Uvarint(val)
		if k <= 0 || uint64(len(val)-k) < n {
			return nil, false
		}
		if idx == 0 {
			return val[k : k+int(n)], true
		}
		val = val[k+int(n):]
		idx--
	}
}

// i2tRecords splits a block value into its records.
func i2tRecords(val []byte) ([][]byte, bool) {
	var out [][]byte
	for len(val) > 0 {
		n, k := binary.Uvarint(val)
		if k <= 0 || uint64(len(val)-k) < n || n == 0 {
			return nil, false
		}
		out = append(out, val[k:k+int(n)])
		val = val[k+int(n):]
	}
	return out, true
}

// storedTerm returns the stored enc of a dictionary ID, or nil when there is none. The
// slice is valid only inside the transaction.
func (tx *Tx) storedTerm(id TermID) ([]byte, error) {
	seq := id.payload()
	if seq == 0 {
		return nil, nil
	}
	first, val, ok := tx.i2tBlock(seq)
	if !ok || seq < first {
		return nil, nil
	}
	rec, ok := i2tRecord(val, int(seq-first))
	if !ok {
		return nil, nil
	}
	if len(rec) == 0 || tagOfEnc(rec[0]&^encCompressed) != id.tag() {
		return nil, fmt.Errorf("%w: dictionary entry of %v has another kind", ErrCorrupt, id)
	}
	return rec, nil
}

// putTerm adds the stored enc of a new term with sequence number seq (the next one): to the
// last block while that has room, else as a new block.
func (tx *Tx) putTerm(seq uint64, stored []byte) error {
	c := tx.i2t.Cursor()
	k, old := c.Last()
	if k != nil {
		recs, ok := i2tRecords(old)
		if !ok || binary.BigEndian.Uint64(k)+uint64(len(recs)) != seq {
			return fmt.Errorf("%w: last id->term block does not end before sequence number %d", ErrCorrupt, seq)
		}
		if len(recs) < i2tBlockMax && len(old) < i2tBlockBytes {
			val := make([]byte, 0, len(old)+len(stored)+binary.MaxVarintLen32)
			val = append(val, old...)
			val = binary.AppendUvarint(val, uint64(len(stored)))
			val = append(val, stored...)
			return tx.i2t.Put(append([]byte(nil), k...), val)
		}
	} else if seq != 1 {
		return fmt.Errorf("%w: id->term bucket empty at sequence number %d", ErrCorrupt, seq)
	}
	val := binary.AppendUvarint(make([]byte, 0, len(stored)+binary.MaxVarintLen32), uint64(len(stored)))
	return tx.i2t.Put(i2tKey(nil, seq), append(val, stored...))
}
