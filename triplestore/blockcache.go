package triplestore

import bolt "go.etcd.io/bbolt"

// A read transaction remembers, per index, the last few blocks that point lookups landed in,
// and keeps the cursors of finished scans for reuse. A nested-loop join probes an index
// with keys that are often close together (subjects in ID order, one subject with several
// predicates), so the probe usually falls into a block it has already found and needs no
// bbolt Seek at all; and a Match then allocates only its iterator.
//
// The remembered value slices point into bbolt's memory map, which stays valid and
// unchanged for a read transaction's whole life. A write transaction's pages change under
// Put and Delete, so write transactions never remember blocks (they do reuse cursors: every
// reuse starts with a Seek).
const blockWays = 4 // remembered blocks per index

// blockRef is one remembered block: its first tuple, its value and the first tuple of the
// block after it (hasNext false: it is the last block). It holds every tuple t of the
// index with first <= t < next.
//
// It also keeps a mark: where the last probe into the block found its first tuple >= its
// key (the tuple and the undecoded rest after it). A probe whose key is >= the mark's tuple
// resumes decoding there, since every tuple before the mark is smaller than that key; so
// probes in ascending key order, as a nested-loop join makes them, decode each block once
// in all instead of half a block each.
type blockRef struct {
	first, next tuple
	val         []byte
	hasNext     bool
	used        bool
	gen         uint32 // tells a scan whether the way still holds its block

	markSet  bool
	mark     tuple
	markVal  []byte
	markLeft uint64
}

type blockCache struct {
	ways  [numIndexes][blockWays]blockRef
	clock [numIndexes]uint8
	gen   uint32
	empty [numIndexes]bool // the bucket holds no block
	known [numIndexes]bool // empty[ix] is known
	free  [numIndexes][]*bolt.Cursor
}

// blockFor returns a remembered block that holds key, if any.
func (bc *blockCache) blockFor(ix int, key *tuple, k int) *blockRef {
	ws := &bc.ways[ix]
	for i := range ws {
		r := &ws[i]
		if r.used && !tupleLess(key, &r.first, k) && (!r.hasNext || tupleLess(key, &r.next, k)) {
			return r
		}
	}
	return nil
}

// remember stores a block, replacing the remembered blocks of ix in turn.
func (bc *blockCache) remember(ix int, r blockRef) *blockRef {
	i := bc.clock[ix] % blockWays
	bc.clock[ix]++
	bc.gen++
	r.used, r.gen = true, bc.gen
	bc.ways[ix][i] = r
	return &bc.ways[ix][i]
}

// cache returns the transaction's block cache, creating it on first use.
func (tx *Tx) cache() *blockCache {
	if tx.bc == nil {
		tx.bc = new(blockCache)
	}
	return tx.bc
}

// cursor returns a cursor on index ix: a released one when there is one.
func (tx *Tx) cursor(ix int) *bolt.Cursor {
	bc := tx.cache()
	if f := bc.free[ix]; len(f) > 0 {
		c := f[len(f)-1]
		bc.free[ix] = f[:len(f)-1]
		return c
	}
	return tx.idx[ix].Cursor()
}

// release hands back a cursor that its scan no longer uses.
func (tx *Tx) release(ix int, c *bolt.Cursor) {
	bc := tx.cache()
	if len(bc.free[ix]) < 8 {
		bc.free[ix] = append(bc.free[ix], c)
	}
}
