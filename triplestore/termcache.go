package triplestore

import (
	"encoding/binary"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// A transaction remembers the id->term block its last lookup found and the terms it decoded
// most recently. Queries decode IDs that are close together (terms loaded together get
// neighbouring sequence numbers) and the same few datatype IRIs again and again (every typed
// literal names one), so most lookups need neither a bbolt Seek nor a decoding.
//
// The remembered block (a slice into bbolt's memory map) is kept by read transactions only,
// whose pages never change. Decoded terms are kept by every transaction: an ID's term never
// changes once assigned.
const termWays = 128 // decoded terms remembered, direct-mapped by ID

type termCache struct {
	first, end uint64 // the remembered block holds sequence numbers first <= seq < end
	val        []byte
	ok         bool

	terms [termWays]struct {
		id TermID
		t  rdf.Term
	}
	ns [nsWays]struct {
		id   uint64
		name string
	}
}

const nsWays = 16 // namespace names remembered, direct-mapped by namespace number

// nsNameCached is namespaceName without the store's lock for the namespaces the transaction
// used lately (a query's IRIs come from a handful).
func (tx *Tx) nsNameCached(id uint64) (string, error) {
	if id == 0 {
		return "", nil
	}
	e := &tx.termCache().ns[id%nsWays]
	if e.id == id {
		return e.name, nil
	}
	name, err := tx.namespaceName(id)
	if err == nil {
		e.id, e.name = id, name
	}
	return name, err
}

func termSlot(id TermID) int { return int(uint64(id) * 0x9E3779B97F4A7C15 >> 57) }

func (tx *Tx) termCache() *termCache {
	if tx.tc == nil {
		tx.tc = new(termCache)
	}
	return tx.tc
}

// cachedTerm returns a decoded term the transaction remembers.
func (tc *termCache) cachedTerm(id TermID) (rdf.Term, bool) {
	e := &tc.terms[termSlot(id)]
	if e.id == id && e.t != nil {
		return e.t, true
	}
	return nil, false
}

func (tc *termCache) keep(id TermID, t rdf.Term) {
	e := &tc.terms[termSlot(id)]
	e.id, e.t = id, t
}

// i2tBlock returns the value of the id->term block that holds seq and its first sequence
// number; ok is false when no block can hold it.
func (tx *Tx) i2tBlock(seq uint64) (first uint64, val []byte, ok bool) {
	var tc *termCache
	if !tx.btx.Writable() {
		tc = tx.termCache()
		if tc.ok && tc.first <= seq && seq < tc.end {
			return tc.first, tc.val, true
		}
	}
	if tx.i2tCur == nil {
		tx.i2tCur = tx.i2t.Cursor() // reused: a cursor lives as long as its transaction
	}
	c := tx.i2tCur
	k, val := c.Seek(i2tKey(tx.keyBuf[:0], seq))
	end := uint64(1<<64 - 1)
	if k != nil && len(k) == 8 && binary.BigEndian.Uint64(k) == seq {
		if nk, _ := c.Next(); len(nk) == 8 {
			end = binary.BigEndian.Uint64(nk)
		}
	} else {
		if len(k) == 8 {
			end = binary.BigEndian.Uint64(k)
		}
		k, val = c.Prev()
	}
	if len(k) != 8 {
		return 0, nil, false
	}
	first = binary.BigEndian.Uint64(k)
	if tc != nil {
		tc.first, tc.end, tc.val, tc.ok = first, end, val, true
	}
	return first, val, true
}
