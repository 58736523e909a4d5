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
// stops as soon as it passes its prefix instead of decoding whole blocks. Its first block
// comes from the transaction's block cache when a recent lookup found it (blockcache.go);
// it takes a cursor only to seek or to move on to further blocks, and hands it back when
// it ends.
type scan struct {
	tx     *Tx
	ix     int
	def    *indexDef
	c      *bolt.Cursor // nil unless the scan holds a cursor
	prefix tuple
	l      int
	cur    tuple
	val    []byte // undecoded rest of the current block
	left   uint64 // tuples left in val
	fresh  bool   // cur is the block's first tuple, not yet returned
	done   bool
	err    error

	// After the first block: its successor's first tuple when known (nextKnown), and
	// whether the cursor holds that successor (pendK, pendV; behind: the cursor still
	// stands on the first block) or, when c is nil, must seek it.
	nextFirst    tuple
	nextKnown    bool
	hasNext      bool
	behind       bool
	pendK, pendV []byte

	// ref: the remembered block the scan started in, while it may still set its mark
	// (blockcache.go); refGen tells whether the way still holds that block.
	ref    *blockRef
	refGen uint32
}

// start positions s on the first block that may hold a tuple with its prefix.
func (s *scan) start(tx *Tx, ix int, prefix tuple, l int) {
	*s = scan{tx: tx, ix: ix, def: &indexDefs[ix], prefix: prefix, l: l}
	k := s.def.k
	// prefix padded with zeros is the smallest matching tuple.
	var bc *blockCache
	if !tx.btx.Writable() {
		bc = tx.cache()
		if bc.known[ix] && bc.empty[ix] {
			s.done = true
			return
		}
		if r := bc.blockFor(ix, &prefix, k); r != nil {
			s.nextFirst, s.hasNext, s.nextKnown = r.next, r.hasNext, true
			s.ref, s.refGen = r, r.gen
			if r.markSet && !tupleLess(&prefix, &r.mark, k) {
				s.cur, s.val, s.left, s.fresh = r.mark, r.markVal, r.markLeft, true
			} else {
				s.loadFirst(r.first, r.val)
			}
			return
		}
	}
	s.c = tx.cursor(ix)
	var kb [32]byte
	bk, bv, nk, nv, behind := seekBlockNext(s.c, putKey(kb[:0], &prefix, k))
	if bk == nil {
		if bc != nil {
			bc.known[ix], bc.empty[ix] = true, true
		}
		s.finish()
		return
	}
	first, ok := readKey(bk, k)
	if !ok {
		s.fail()
		return
	}
	if nk != nil {
		if s.nextFirst, ok = readKey(nk, k); !ok {
			s.fail()
			return
		}
	}
	s.hasNext, s.nextKnown, s.pendK, s.pendV, s.behind = nk != nil, true, nk, nv, behind
	if bc != nil {
		bc.known[ix] = true
		r := bc.remember(ix, blockRef{first: first, next: s.nextFirst, hasNext: s.hasNext, val: bv})
		s.ref, s.refGen = r, r.gen
	}
	s.loadFirst(first, bv)
}

// finish ends the scan and hands its cursor back.
func (s *scan) finish() {
	s.done = true
	if s.c != nil {
		s.tx.release(s.ix, s.c)
		s.c = nil
	}
	s.pendK, s.pendV, s.ref = nil, nil, nil
}

func (s *scan) fail() {
	s.err = fmt.Errorf("%w: index %s: %v", ErrCorrupt, s.def.name, errBadBlock)
	s.finish()
}

func (s *scan) loadFirst(first tuple, bv []byte) {
	n, m := binary.Uvarint(bv)
	if m <= 0 || n > uint64(len(bv)) {
		s.fail()
		return
	}
	s.cur, s.val, s.left, s.fresh = first, bv[m:], n, true
}

func (s *scan) load(bk, bv []byte) {
	if bk == nil {
		s.finish()
		return
	}
	first, ok := readKey(bk, s.def.k)
	if !ok {
		s.fail()
		return
	}
	s.loadFirst(first, bv)
}

// advance moves on to the block after the current one.
func (s *scan) advance() {
	s.ref = nil
	if !s.nextKnown {
		s.load(s.c.Next())
		return
	}
	s.nextKnown = false
	if !s.hasNext || !sharesPrefix(&s.nextFirst, &s.prefix, s.l) {
		// The next block starts past the prefix range (it starts above the sought key).
		s.finish()
		return
	}
	if s.c == nil {
		s.c = s.tx.cursor(s.ix)
		var kb [32]byte
		k, v := s.c.Seek(putKey(kb[:0], &s.nextFirst, s.def.k))
		s.load(k, v)
		return
	}
	k, v := s.pendK, s.pendV
	s.pendK, s.pendV = nil, nil
	if s.behind {
		s.c.Next() // onto the pending block, so that later Nexts go on from there
		s.behind = false
	}
	s.load(k, v)
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

// setMark records in the scan's remembered block that cur, the block's first tuple >= the
// scan's key, is where later probes with larger keys may resume.
func (s *scan) setMark() {
	if r := s.ref; r.gen == s.refGen && r.used {
		r.markSet, r.mark, r.markVal, r.markLeft = true, s.cur, s.val, s.left
	}
	s.ref = nil
}

// skipLevel returns the first position d < l where cur is below the prefix while agreeing
// with it before d, or -1 when cur is not below the prefix that way.
func (s *scan) skipLevel() int {
	for d := 0; d < s.l; d++ {
		if s.cur[d] != s.prefix[d] {
			if s.cur[d] < s.prefix[d] {
				return d
			}
			return -1
		}
	}
	return -1
}

// skipVarints drops n uvarints from the front of s.val without decoding them.
func (s *scan) skipVarints(n int) bool {
	v := s.val
	for ; n > 0; n-- {
		i := 0
		for i < len(v) && v[i] >= 0x80 {
			i++
		}
		if i >= len(v) || i >= binary.MaxVarintLen64 {
			return false
		}
		v = v[i+1:]
	}
	s.val = v
	return true
}

// skip passes over the tuples of the current block that stay below the prefix at position
// d (see skipLevel), reading only the component that decides it: a tuple that changes
// position d or an earlier one is decoded in full and left in cur for step to return
// (fresh); the others' remaining varints are skipped unread. A point lookup thus crosses the
// tuples before its key at about a varint each.
func (s *scan) skip(d int) {
	k := s.def.k
	for s.left > 0 {
		h, m := binary.Uvarint(s.val)
		i := int(h & 3)
		if m <= 0 || i >= k {
			s.fail()
			return
		}
		s.val = s.val[m:]
		s.left--
		if i > d {
			if !s.skipVarints(k - 1 - i) {
				s.fail()
				return
			}
			continue
		}
		s.cur[i] += TermID(h >> 2)
		if i == d && s.cur[d] < s.prefix[d] {
			if !s.skipVarints(k - 1 - i) {
				s.fail()
				return
			}
			continue
		}
		for j := i + 1; j < k; j++ {
			v, m := binary.Uvarint(s.val)
			if m <= 0 {
				s.fail()
				return
			}
			s.val = s.val[m:]
			s.cur[j] = TermID(v)
		}
		s.fresh = true
		return
	}
}

// next returns the next matching tuple, or nil at the end.
func (s *scan) next() *tuple {
	for !s.done {
		if !s.fresh && s.left > 0 {
			if d := s.skipLevel(); d >= 0 {
				if s.skip(d); s.done {
					break
				}
			}
		}
		if !s.step() {
			if !s.done {
				s.advance()
			}
			continue
		}
		t := &s.cur
		if sharesPrefix(t, &s.prefix, s.l) {
			if s.ref != nil {
				s.setMark()
			}
			return t
		}
		if tupleLess(&s.prefix, t, s.def.k) {
			if s.ref != nil {
				s.setMark()
			}
			s.finish() // past the prefix range
		}
	}
	return nil
}

// part is one index scan of a Match: the default graph's or the named graphs'.
type part struct {
	ix, l  int
	prefix tuple
}

// Iter streams the quads that match a Pattern. It is valid only inside its transaction.
//
//	it := tx.Match(p)
//	defer it.Close()
//	for it.Next() { q := it.Quad() ... }
//	if err := it.Err(); err != nil { ... }
type Iter struct {
	tx     *Tx
	parts  [2]part
	np, ip int  // parts in use, parts started
	active bool // s is the current part's scan
	s      scan
	q      [4]TermID
	err    error
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
		it.parts[it.np] = part{ix: ix, l: l, prefix: indexDefs[ix].toTuple((*[4]TermID)(&p))}
		it.np++
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
	if it.err == nil && it.tx != nil && it.tx.btx == nil && (it.active || it.ip < it.np) {
		it.err = ErrTxClosed // used after its transaction ended: bbolt would panic
	}
	for it.err == nil {
		if !it.active {
			if it.ip == it.np {
				return false
			}
			pt := &it.parts[it.ip]
			it.ip++
			it.s.start(it.tx, pt.ix, pt.prefix, pt.l)
			it.active = true
		}
		if t := it.s.next(); t != nil {
			it.q = it.s.def.toQuad(t)
			return true
		}
		if it.s.err != nil {
			it.err = it.s.err
			return false
		}
		it.active = false
	}
	return false
}

// Quad returns the current quad as (S, P, O, G).
func (it *Iter) Quad() [4]TermID { return it.q }

// Err returns the error that ended the iteration, if any.
func (it *Iter) Err() error { return it.err }

// Close ends the iteration early; it never fails and may be called more than once.
func (it *Iter) Close() error {
	if it.active && it.tx != nil && it.tx.btx != nil {
		it.s.finish()
	}
	it.active = false
	it.ip = it.np
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
