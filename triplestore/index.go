package triplestore

import (
	"bytes"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// An index stores quads in one component order. The default graph lives in the three
// triple orders (SPO, POS, OSP) without a graph component; named graphs in the six quad
// orders (SPOG, POSG, OSPG, GSPO, GPOS, GOSP). Every pattern is then a prefix scan of one
// index (the same choice as Oxigraph).
type indexDef struct {
	name  string
	k     int    // components per tuple
	perm  [4]int // perm[i] = quad slot (0 S, 1 P, 2 O, 3 G) stored at tuple position i
	named bool
}

const (
	ixSPO = iota
	ixPOS
	ixOSP
	ixSPOG
	ixPOSG
	ixOSPG
	ixGSPO
	ixGPOS
	ixGOSP
	numIndexes
)

var indexDefs = [numIndexes]indexDef{
	ixSPO:  {"spo", 3, [4]int{0, 1, 2, 3}, false},
	ixPOS:  {"pos", 3, [4]int{1, 2, 0, 3}, false},
	ixOSP:  {"osp", 3, [4]int{2, 0, 1, 3}, false},
	ixSPOG: {"spog", 4, [4]int{0, 1, 2, 3}, true},
	ixPOSG: {"posg", 4, [4]int{1, 2, 0, 3}, true},
	ixOSPG: {"ospg", 4, [4]int{2, 0, 1, 3}, true},
	ixGSPO: {"gspo", 4, [4]int{3, 0, 1, 2}, true},
	ixGPOS: {"gpos", 4, [4]int{3, 1, 2, 0}, true},
	ixGOSP: {"gosp", 4, [4]int{3, 2, 0, 1}, true},
}

var defaultIndexes = []int{ixSPO, ixPOS, ixOSP}
var namedIndexes = []int{ixSPOG, ixPOSG, ixOSPG, ixGSPO, ixGPOS, ixGOSP}

// toTuple permutes a quad (S, P, O, G) into the index's order.
func (d *indexDef) toTuple(q *[4]TermID) (t tuple) {
	for i := 0; i < d.k; i++ {
		t[i] = q[d.perm[i]]
	}
	return t
}

// toQuad undoes toTuple; default-graph tuples get G = DefaultGraph.
func (d *indexDef) toQuad(t *tuple) (q [4]TermID) {
	q[3] = DefaultGraph
	for i := 0; i < d.k; i++ {
		q[d.perm[i]] = t[i]
	}
	return q
}

// chooseIndex picks the index whose order makes the bound components of p a prefix, among
// the default-graph indexes (named=false) or the named-graph ones. It returns the index and
// the prefix length.
func chooseIndex(p Pattern, named bool) (int, int) {
	s, pr, o := p[0] != 0, p[1] != 0, p[2] != 0
	n := 0
	for _, b := range []bool{s, pr, o} {
		if b {
			n++
		}
	}
	var ix int
	switch {
	case s && !pr && o:
		ix = ixOSP
	case s || (!pr && !o):
		ix = ixSPO
	case pr:
		ix = ixPOS
	default:
		ix = ixOSP
	}
	if !named {
		return ix, n
	}
	if p[3] == 0 {
		return ix + 3, n
	}
	return ix + 6, n + 1
}

// writeBlocks appends ts as blocks (cutting at blockBulk tuples or blockBytes*2/3 bytes).
//
// bbolt keeps the key and value slices of a Put until the transaction ends, so every block
// gets fresh buffers.
func writeBlocks(b *bolt.Bucket, ts []tuple, k int) error {
	for len(ts) > 0 {
		n := cutBlock(ts, k)
		key, val := encodeBlock(nil, nil, ts[:n], k)
		if err := b.Put(key, val); err != nil {
			return err
		}
		ts = ts[n:]
	}
	return nil
}

// cutBlock returns how many leading tuples of ts go into the next block.
func cutBlock(ts []tuple, k int) int {
	size := 0
	var scratch [40]byte
	for i := 1; i < len(ts); i++ {
		if i >= blockBulk {
			return i
		}
		size += len(appendTupleDelta(scratch[:0], &ts[i-1], &ts[i], k))
		if size >= blockBytes*2/3 {
			return i + 1
		}
	}
	return len(ts)
}

// seekBlock positions c on the block that holds key or would hold it: the last block whose
// first tuple is <= key, or the first block if key precedes them all. It returns nil, nil for
// an empty bucket.
func seekBlock(c *bolt.Cursor, key []byte) ([]byte, []byte) {
	if c.Bucket().Writable() {
		return seekBlockWritable(c, key)
	}
	k, v := c.Seek(key)
	if k == nil {
		return c.Last()
	}
	if bytes.Equal(k, key) {
		return k, v
	}
	if pk, pv := c.Prev(); pk != nil {
		return pk, pv
	}
	return c.First()
}

// seekBlockWritable is seekBlock for a write transaction, where deletes may have left empty
// leaf pages that bbolt (v1.5.0) only rebalances at commit. Its backward moves mishandle them:
// Cursor.Last spins for ever when every leaf of the bucket is empty, and Cursor.Prev returns
// nil on stepping into an empty leaf, as if it had reached the beginning. So: First (which
// skips empty leaves correctly) tells whether a block precedes key at all, and Prev is
// repeated until it finds that block.
func seekBlockWritable(c *bolt.Cursor, key []byte) ([]byte, []byte) {
	k, v := c.Seek(key)
	if k != nil && bytes.Equal(k, key) {
		return k, v
	}
	fk, fv := c.First()
	if fk == nil || bytes.Compare(fk, key) >= 0 {
		return fk, fv // empty bucket, or key precedes every block
	}
	if k == nil {
		return c.Last() // the bucket holds a block, so Last ends
	}
	c.Seek(key)
	for i := 0; i < 1<<20; i++ {
		if pk, pv := c.Prev(); pk != nil {
			return pk, pv
		}
	}
	// Not reached while bbolt behaves as described; stay correct regardless: walk forwards.
	var bk, bv []byte
	for k, v := c.First(); k != nil && bytes.Compare(k, key) <= 0; k, v = c.Next() {
		bk, bv = k, v
	}
	c.Seek(bk)
	return bk, bv
}

// seekBlockNext is seekBlock that also returns the block after the one found (nil at the
// end), as Seek usually meets it before stepping back. behind reports that c stands on the
// found block rather than on the next one.
func seekBlockNext(c *bolt.Cursor, key []byte) (bk, bv, nk, nv []byte, behind bool) {
	if c.Bucket().Writable() {
		if bk, bv = seekBlockWritable(c, key); bk != nil {
			nk, nv = c.Next()
		}
		return bk, bv, nk, nv, false
	}
	k, v := c.Seek(key)
	if k == nil {
		bk, bv = c.Last()
		return bk, bv, nil, nil, true
	}
	if !bytes.Equal(k, key) {
		if pk, pv := c.Prev(); pk != nil {
			return pk, pv, k, v, true
		}
		k, v = c.First()
	}
	nk, nv = c.Next()
	return k, v, nk, nv, false
}

// insertTuples adds sorted, unique tuples to an index bucket. For each tuple it sets
// flags[i]: bit 0 when the tuple was new; bit L (1 <= L < k) when, in addition, no tuple with
// the same first L components existed before (counting earlier tuples of ts as existing).
func insertTuples(b *bolt.Bucket, k int, ts []tuple, flags []uint8) error {
	c := b.Cursor()
	var old, merged []tuple
	var key []byte
	i := 0
	for i < len(ts) {
		key = putKey(key[:0], &ts[i], k)
		bk, bv := seekBlock(c, key)
		if bk == nil {
			for j := i; j < len(ts); j++ {
				flags[j] = newFlags(ts, j, nil, nil, k)
			}
			return writeBlocks(b, ts[i:], k)
		}
		blockKey := append([]byte(nil), bk...)
		var err error
		old, err = decodeBlock(old[:0], bk, bv, k)
		if err != nil {
			return err
		}
		nk, _ := c.Next()
		var next tuple
		hasNext := nk != nil
		if hasNext {
			next, _ = readKey(nk, k)
		}
		j := i
		for j < len(ts) && (!hasNext || tupleLess(&ts[j], &next, k)) {
			j++
		}
		// Merge old and ts[i:j].
		merged = merged[:0]
		oi := 0
		var pred *tuple
		changed := false
		for x := i; x < j; x++ {
			t := &ts[x]
			for oi < len(old) && tupleLess(&old[oi], t, k) {
				merged = append(merged, old[oi])
				pred = &old[oi]
				oi++
			}
			if oi < len(old) && old[oi] == *t {
				flags[x] = 0
				continue
			}
			var succ *tuple
			if oi < len(old) {
				succ = &old[oi]
			} else if hasNext {
				succ = &next
			}
			flags[x] = newFlags(ts, x, pred, succ, k)
			merged = append(merged, *t)
			changed = true
		}
		merged = append(merged, old[oi:]...)
		if changed {
			if err := rewriteBlock(b, blockKey, merged, k); err != nil {
				return err
			}
		}
		i = j
	}
	return nil
}

// newFlags computes the flags of ts[x], a new tuple between the existing tuples pred and succ.
func newFlags(ts []tuple, x int, pred, succ *tuple, k int) uint8 {
	f := uint8(1)
	for l := 1; l < k; l++ {
		if sharesPrefix(pred, &ts[x], l) || sharesPrefix(succ, &ts[x], l) || (x > 0 && sharesPrefix(&ts[x-1], &ts[x], l)) {
			continue
		}
		f |= 1 << l
	}
	return f
}

func sharesPrefix(a, b *tuple, l int) bool {
	if a == nil {
		return false
	}
	for i := 0; i < l; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// rewriteBlock replaces the block stored under oldKey by ts (possibly several blocks, or
// none when ts is empty).
func rewriteBlock(b *bolt.Bucket, oldKey []byte, ts []tuple, k int) error {
	var key, val []byte
	if len(ts) > 0 {
		key = putKey(nil, &ts[0], k)
	}
	if !bytes.Equal(key, oldKey) {
		if err := b.Delete(oldKey); err != nil {
			return err
		}
	}
	if len(ts) == 0 {
		return nil
	}
	if len(ts) <= blockMax {
		key, val = encodeBlock(key, val, ts, k)
		if len(val) <= blockBytes {
			return b.Put(key, val)
		}
	}
	return writeBlocks(b, ts, k)
}

// deleteTuples removes sorted, unique tuples from an index bucket; removed[i] reports
// whether ts[i] was there.
func deleteTuples(b *bolt.Bucket, k int, ts []tuple, removed []bool) error {
	c := b.Cursor()
	var old, kept []tuple
	var key []byte
	i := 0
	for i < len(ts) {
		key = putKey(key[:0], &ts[i], k)
		bk, bv := seekBlock(c, key)
		if bk == nil {
			for ; i < len(ts); i++ {
				removed[i] = false
			}
			return nil
		}
		blockKey := append([]byte(nil), bk...)
		var err error
		old, err = decodeBlock(old[:0], bk, bv, k)
		if err != nil {
			return err
		}
		nk, _ := c.Next()
		var next tuple
		hasNext := nk != nil
		if hasNext {
			next, _ = readKey(nk, k)
		}
		j := i
		for j < len(ts) && (!hasNext || tupleLess(&ts[j], &next, k)) {
			j++
		}
		kept = kept[:0]
		x := i
		changed := false
		for _, o := range old {
			for x < j && tupleLess(&ts[x], &o, k) {
				removed[x] = false
				x++
			}
			if x < j && ts[x] == o {
				removed[x] = true
				changed = true
				x++
				continue
			}
			kept = append(kept, o)
		}
		for ; x < j; x++ {
			removed[x] = false
		}
		if changed {
			if err := rewriteBlock(b, blockKey, kept, k); err != nil {
				return err
			}
		}
		i = j
	}
	return nil
}

// prefixFinder answers whether some tuple of an index starts with a given prefix. It keeps
// the block it decoded last (and the first tuple of the block after it), so that a series
// of questions in ascending order, as a removal asks them, decodes each block once. The
// index must not change while a finder is in use.
type prefixFinder struct {
	b       *bolt.Bucket
	k       int
	c       *bolt.Cursor
	key     []byte
	block   []tuple // the decoded block; empty when none is held
	next    tuple   // the first tuple of the block after it, when hasNext
	hasNext bool
}

func newPrefixFinder(b *bolt.Bucket, k int) *prefixFinder {
	return &prefixFinder{b: b, k: k, c: b.Cursor()}
}

// exists reports whether some tuple of the index starts with the first l components of t.
func (f *prefixFinder) exists(t *tuple, l int) (bool, error) {
	var lo tuple // the smallest tuple with the prefix
	copy(lo[:l], t[:l])
	k := f.k
	if len(f.block) == 0 || tupleLess(&lo, &f.block[0], k) || (f.hasNext && !tupleLess(&lo, &f.next, k)) {
		// lo is outside the held block: find and decode the block that may hold it.
		f.key = putKey(f.key[:0], &lo, k)
		bk, bv, nk, _, _ := seekBlockNext(f.c, f.key)
		if bk == nil {
			f.block = f.block[:0]
			return false, nil
		}
		var err error
		if f.block, err = decodeBlock(f.block[:0], bk, bv, k); err != nil {
			return false, err
		}
		f.hasNext = nk != nil
		if f.hasNext {
			f.next, _ = readKey(nk, k)
		}
	}
	// The first tuple >= lo has the prefix, or none does.
	i := sort.Search(len(f.block), func(i int) bool { return !tupleLess(&f.block[i], &lo, k) })
	if i < len(f.block) {
		return sharesPrefix(&f.block[i], t, l), nil
	}
	return f.hasNext && sharesPrefix(&f.next, t, l), nil
}
