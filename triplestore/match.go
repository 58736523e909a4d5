package triplestore

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Pattern selects quads by S, P, O and G; 0 in a slot matches anything. G = 0 matches the
// default graph and every named graph, G = DefaultGraph only the default graph.
type Pattern [4]TermID

// scan walks one index over the tuples that start with a prefix. It decodes a block's
// tuples one at a time (the value bytes stay valid for the transaction), so a point lookup
// stops as soon as it passes its prefix instead of decoding whole blocks.
type scan struct {
	def    *indexDef
	c      *bolt.Cursor
	prefix tuple
	l      int
	cur    tuple
	val    []byte // undecoded rest of the current block
	left   uint64 // tuples left in val
	fresh  bool   // cur is the block's first tuple, not yet returned
	done   bool
	err    error
}

func newScan(b *bolt.Bucket, ix int, prefix tuple, l int) *scan {
	s := &scan{def: &indexDefs[ix], c: b.Cursor(), prefix: prefix, l: l}
	var kb [32]byte
	key := putKey(kb[:0], &prefix, s.def.k) // prefix padded with zeros: the smallest match
	bk, bv := seekBlock(s.c, key)
	s.load(bk, bv)
	return s
}

func (s *scan) fail() {
	s.err = fmt.Errorf("%w: index %s: %v", ErrCorrupt, s.def.name, errBadBlock)
	s.done = true
}

func (s *scan) load(bk, bv []byte) {
	if bk == nil {
		s.done = true
		return
	}
	first, ok := readKey(bk, s.def.k)
	n, m := binary.Uvarint(bv)
	if !ok || m <= 0 || n > uint64(len(bv)) {
		s.fail()
		return
	}
	s.cur, s.val, s.left, s.fresh = first, bv[m:], n, true
}

// step advances cur to the block's next tuple; false at the block's end.
func (s *scan) step() bool {
	if s.fresh {
		s.fresh = false
		return true
	}
	if s.left == 0 {
		return false
	}
	k := s.def.k
	h, m := binary.Uvarint(s.val)
	i := int(h & 3)
	if m <= 0 || i >= k {
		s.fail()
		return false
	}
	s.val = s.val[m:]
	s.cur[i] += TermID(h >> 2)
	for j := i + 1; j < k; j++ {
		v, m := binary.Uvarint(s.val)
		if m <= 0 {
			s.fail()
			return false
		}
		s.val = s.val[m:]
		s.cur[j] = TermID(v)
	}
	s.left--
	return true
}

// next returns the next matching tuple, or nil at the end.
func (s *scan) next() *tuple {
	for !s.done {
		if !s.step() {
			if !s.done {
				s.load(s.c.Next())
			}
			continue
		}
		t := &s.cur
		if sharesPrefix(t, &s.prefix, s.l) {
			return t
		}
		if tupleLess(&s.prefix, t, s.def.k) {
			s.done = true // past the prefix range
		}
	}
	return nil
}

// Iter streams the quads that match a Pattern. It is valid only inside its transaction.
//
//	it := tx.Match(p)
//	defer it.Close()
//	for it.Next() { q := it.Quad() ... }
//	if err := it.Err(); err != nil { ... }
type Iter struct {
	tx    *Tx
	parts []func() *scan
	cur   *scan
	q     [4]TermID
	err   error
}

// Match returns an iterator over the quads matching p. Quads of the default graph come
// first (with G = DefaultGraph), then those of named graphs; within each part the order is
// that of the index used.
func (tx *Tx) Match(p Pattern) *Iter {
	it := &Iter{tx: tx}
	if err := tx.check(false); err != nil {
		it.err = err
		return it
	}
	add := func(named bool) {
		ix, l := chooseIndex(p, named)
		d := &indexDefs[ix]
		prefix := d.toTuple((*[4]TermID)(&p))
		it.parts = append(it.parts, func() *scan { return newScan(tx.idx[ix], ix, prefix, l) })
	}
	switch p[3] {
	case 0:
		add(false)
		add(true)
	case DefaultGraph:
		add(false)
	default:
		add(true)
	}
	return it
}

// Next advances to the next quad; it returns false at the end or on an error (see Err).
func (it *Iter) Next() bool {
	if it.err == nil && it.tx != nil && it.tx.btx == nil && (it.cur != nil || len(it.parts) > 0) {
		it.err = ErrTxClosed // used after its transaction ended: bbolt would panic
	}
	for it.err == nil {
		if it.cur == nil {
			if len(it.parts) == 0 {
				return false
			}
			it.cur = it.parts[0]()
			it.parts = it.parts[1:]
		}
		if t := it.cur.next(); t != nil {
			it.q = it.cur.def.toQuad(t)
			return true
		}
		if it.cur.err != nil {
			it.err = it.cur.err
			return false
		}
		it.cur = nil
	}
	return false
}

// Quad returns the current quad as (S, P, O, G).
func (it *Iter) Quad() [4]TermID { return it.q }

// Err returns the error that ended the iteration, if any.
func (it *Iter) Err() error { return it.err }

// Close ends the iteration early; it never fails and may be called more than once.
func (it *Iter) Close() error {
	it.parts = nil
	it.cur = nil
	return nil
}

// Count counts the quads matching p by scanning.
func (tx *Tx) Count(p Pattern) (uint64, error) {
	it := tx.Match(p)
	var n uint64
	for it.Next() {
		n++
	}
	return n, it.Err()
}

// TermIter streams matching quads as rdf.Quads (Graph nil for the default graph).
type TermIter struct {
	it    *Iter
	tx    *Tx
	q     rdf.Quad
	err   error
	cache map[TermID]rdf.Term
}

// MatchTerms is Match for terms: a nil term matches anything; g = DefaultGraphIRI selects
// the default graph only. A term the store has never seen matches nothing.
func (tx *Tx) MatchTerms(s, p, o, g rdf.Term) *TermIter {
	ti := &TermIter{tx: tx, cache: map[TermID]rdf.Term{}}
	var pat Pattern
	for i, t := range []rdf.Term{s, p, o, g} {
		if t == nil {
			continue
		}
		if i == 3 && t == DefaultGraphIRI {
			pat[3] = DefaultGraph
			continue
		}
		id, ok, err := tx.LookupID(t)
		if err != nil || !ok {
			ti.err = err
			ti.it = &Iter{}
			return ti
		}
		pat[i] = id
	}
	ti.it = tx.Match(pat)
	return ti
}

// Next advances to the next quad.
func (ti *TermIter) Next() bool {
	if ti.err != nil || !ti.it.Next() {
		return false
	}
	ids := ti.it.Quad()
	var ts [4]rdf.Term
	for i, id := range ids {
		if i == 3 && id == DefaultGraph {
			continue
		}
		t, ok := ti.cache[id]
		if !ok {
			var err error
			t, err = ti.tx.term(id)
			if err != nil {
				ti.err = err
				return false
			}
			if len(ti.cache) > 4096 {
				clear(ti.cache)
			}
			ti.cache[id] = t
		}
		ts[i] = t
	}
	ti.q = rdf.Quad{Subject: ts[0], Predicate: ts[1], Object: ts[2], Graph: ts[3]}
	return true
}

// Quad returns the current quad.
func (ti *TermIter) Quad() rdf.Quad { return ti.q }

// Err returns the error that ended the iteration, if any.
func (ti *TermIter) Err() error {
	if ti.err != nil {
		return ti.err
	}
	return ti.it.Err()
}

// Close ends the iteration early.
func (ti *TermIter) Close() error { return ti.it.Close() }
