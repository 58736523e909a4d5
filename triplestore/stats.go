package triplestore

import (
	"encoding/binary"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// Stats are the counts a query planner needs. They are exact and kept up to date by every
// write and by the loader.
//
// Distinct counts are taken per storage area and summed: a subject that occurs in the default
// graph and in named graphs counts once for the default graph and once for all named graphs
// together. For data in one area (the common case) they are exact distinct counts.
type Stats struct {
	Quads    uint64 // quads in all graphs, default graph included
	Subjects uint64 // distinct subjects (summed over the default and the named area)
	Objects  uint64 // distinct objects (likewise)
	Terms    uint64 // terms in the dictionary (inline terms are not counted)
	// Predicates holds per-predicate statistics.
	Predicates map[TermID]PredicateStats
	// Graphs holds the number of quads per graph; DefaultGraph included when non-empty.
	Graphs map[TermID]uint64
}

// PredicateStats describe one predicate.
type PredicateStats struct {
	Count    uint64 // quads with this predicate
	Subjects uint64 // distinct subjects using it (summed over the areas, see Stats)
	Objects  uint64 // distinct objects (likewise)
}

// Stats bucket layout:
//
//	"total"          -> uvarint quads, subjects, objects, terms
//	'p' + 8-byte ID  -> uvarint count, subjects, objects     (absent when count is 0)
//	'g' + 8-byte ID  -> uvarint count                        (absent when 0)
var keyTotal = []byte("total")

type statsDelta struct {
	quads, subjects, objects, terms int64
	preds                           map[TermID]*[3]int64
	graphs                          map[TermID]int64
}

func newStatsDelta() *statsDelta {
	return &statsDelta{preds: map[TermID]*[3]int64{}, graphs: map[TermID]int64{}}
}

func (d *statsDelta) pred(p TermID) *[3]int64 {
	x := d.preds[p]
	if x == nil {
		x = new([3]int64)
		d.preds[p] = x
	}
	return x
}

func readUvarints(v []byte, out []uint64) bool {
	for i := range out {
		n, k := binary.Uvarint(v)
		if k <= 0 {
			return false
		}
		out[i], v = n, v[k:]
	}
	return true
}

func putUvarints(vals ...uint64) []byte {
	var b []byte
	for _, v := range vals {
		b = binary.AppendUvarint(b, v)
	}
	return b
}

func addSigned(u uint64, d int64) (uint64, error) {
	r := int64(u) + d
	if r < 0 {
		return 0, fmt.Errorf("%w: statistics went negative", ErrCorrupt)
	}
	return uint64(r), nil
}

func statKey(prefix byte, id TermID) []byte {
	return binary.BigEndian.AppendUint64([]byte{prefix}, uint64(id))
}

func (d *statsDelta) flush(b *bolt.Bucket) error {
	var tot [4]uint64
	if v := b.Get(keyTotal); v != nil && !readUvarints(v, tot[:]) {
		return fmt.Errorf("%w: bad totals", ErrCorrupt)
	}
	var err error
	for i, x := range []int64{d.quads, d.subjects, d.objects, d.terms} {
		if tot[i], err = addSigned(tot[i], x); err != nil {
			return err
		}
	}
	if err := b.Put(keyTotal, putUvarints(tot[:]...)); err != nil {
		return err
	}
	for p, x := range d.preds {
		key := statKey('p', p)
		var cur [3]uint64
		if v := b.Get(key); v != nil && !readUvarints(v, cur[:]) {
			return fmt.Errorf("%w: bad predicate stats", ErrCorrupt)
		}
		for i := range cur {
			if cur[i], err = addSigned(cur[i], x[i]); err != nil {
				return err
			}
		}
		if cur[0] == 0 {
			err = b.Delete(key)
		} else {
			err = b.Put(key, putUvarints(cur[:]...))
		}
		if err != nil {
			return err
		}
	}
	for g, x := range d.graphs {
		key := statKey('g', g)
		var cur [1]uint64
		if v := b.Get(key); v != nil && !readUvarints(v, cur[:]) {
			return fmt.Errorf("%w: bad graph stats", ErrCorrupt)
		}
		if cur[0], err = addSigned(cur[0], x); err != nil {
			return err
		}
		if cur[0] == 0 {
			err = b.Delete(key)
		} else {
			err = b.Put(key, putUvarints(cur[0]))
		}
		if err != nil {
			return err
		}
	}
	*d = *newStatsDelta()
	return nil
}

// Stats returns the statistics as this transaction sees them (its own writes included).
func (tx *Tx) Stats() (Stats, error) {
	if err := tx.check(false); err != nil {
		return Stats{}, err
	}
	st, err := readStats(tx.st)
	if err != nil || tx.delta == nil {
		return st, err
	}
	// Fold in the uncommitted delta.
	d := tx.delta
	st.Quads = uint64(int64(st.Quads) + d.quads)
	st.Subjects = uint64(int64(st.Subjects) + d.subjects)
	st.Objects = uint64(int64(st.Objects) + d.objects)
	st.Terms = uint64(int64(st.Terms) + d.terms)
	for p, x := range d.preds {
		ps := st.Predicates[p]
		ps.Count = uint64(int64(ps.Count) + x[0])
		ps.Subjects = uint64(int64(ps.Subjects) + x[1])
		ps.Objects = uint64(int64(ps.Objects) + x[2])
		if ps.Count == 0 {
			delete(st.Predicates, p)
		} else {
			st.Predicates[p] = ps
		}
	}
	for g, x := range d.graphs {
		n := uint64(int64(st.Graphs[g]) + x)
		if n == 0 {
			delete(st.Graphs, g)
		} else {
			st.Graphs[g] = n
		}
	}
	return st, nil
}

func readStats(b *bolt.Bucket) (Stats, error) {
	st := Stats{Predicates: map[TermID]PredicateStats{}, Graphs: map[TermID]uint64{}}
	err := b.ForEach(func(k, v []byte) error {
		switch {
		case string(k) == string(keyTotal):
			var t [4]uint64
			if !readUvarints(v, t[:]) {
				return fmt.Errorf("%w: bad totals", ErrCorrupt)
			}
			st.Quads, st.Subjects, st.Objects, st.Terms = t[0], t[1], t[2], t[3]
		case len(k) == 9 && k[0] == 'p':
			var t [3]uint64
			if !readUvarints(v, t[:]) {
				return fmt.Errorf("%w: bad predicate stats", ErrCorrupt)
			}
			st.Predicates[TermID(binary.BigEndian.Uint64(k[1:]))] = PredicateStats{t[0], t[1], t[2]}
		case len(k) == 9 && k[0] == 'g':
			var t [1]uint64
			if !readUvarints(v, t[:]) {
				return fmt.Errorf("%w: bad graph stats", ErrCorrupt)
			}
			st.Graphs[TermID(binary.BigEndian.Uint64(k[1:]))] = t[0]
		default:
			return fmt.Errorf("%w: unknown stats key %q", ErrCorrupt, k)
		}
		return nil
	})
	return st, err
}

// Graphs returns the IDs of the named graphs that hold at least one quad, in ID order.
func (tx *Tx) Graphs() ([]TermID, error) {
	if err := tx.check(false); err != nil {
		return nil, err
	}
	counts := map[TermID]int64{}
	c := tx.st.Cursor()
	for k, v := c.Seek([]byte{'g'}); k != nil && k[0] == 'g'; k, v = c.Next() {
		n, m := binary.Uvarint(v)
		if len(k) != 9 || m <= 0 {
			return nil, fmt.Errorf("%w: bad graph stats", ErrCorrupt)
		}
		counts[TermID(binary.BigEndian.Uint64(k[1:]))] = int64(n)
	}
	if tx.delta != nil {
		for g, x := range tx.delta.graphs {
			counts[g] += x
		}
	}
	var gs []TermID
	for g, n := range counts {
		if g != DefaultGraph && n > 0 {
			gs = append(gs, g)
		}
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i] < gs[j] })
	return gs, nil
}

// Estimate returns a cheap estimate of the number of quads matching p, from the statistics
// (exact when at most the predicate, or only the graph, is bound). It reads at most three
// statistics keys, so a planner may call it freely.
func (tx *Tx) Estimate(p Pattern) (uint64, error) {
	if err := tx.check(false); err != nil {
		return 0, err
	}
	s, pr, o, g := p[0], p[1], p[2], p[3]
	tot, err := tx.totals()
	if err != nil {
		return 0, err
	}
	var n float64
	switch {
	case pr != 0:
		ps, err := tx.predStats(pr)
		if err != nil || ps.Count == 0 {
			return 0, err
		}
		n = float64(ps.Count)
		if s != 0 && ps.Subjects > 0 {
			n /= float64(ps.Subjects)
		}
		if o != 0 && ps.Objects > 0 {
			n /= float64(ps.Objects)
		}
	default:
		n = float64(tot[0])
		if s != 0 && tot[1] > 0 {
			n /= float64(tot[1])
		}
		if o != 0 && tot[2] > 0 {
			n /= float64(tot[2])
		}
	}
	if g != 0 && tot[0] > 0 {
		gc, err := tx.graphCount(g)
		if err != nil || gc == 0 {
			return 0, err
		}
		if pr == 0 && s == 0 && o == 0 {
			return gc, nil
		}
		n *= float64(gc) / float64(tot[0])
	}
	if n < 1 && (s != 0 || o != 0) {
		n = 1
	}
	return uint64(n + 0.5), nil
}

// totals returns quads, subjects, objects and terms, this transaction's writes included.
func (tx *Tx) totals() ([4]uint64, error) {
	var t [4]uint64
	if v := tx.st.Get(keyTotal); v != nil && !readUvarints(v, t[:]) {
		return t, fmt.Errorf("%w: bad totals", ErrCorrupt)
	}
	if d := tx.delta; d != nil {
		for i, x := range []int64{d.quads, d.subjects, d.objects, d.terms} {
			t[i] = uint64(int64(t[i]) + x)
		}
	}
	return t, nil
}

func (tx *Tx) predStats(p TermID) (PredicateStats, error) {
	var t [3]uint64
	if v := tx.st.Get(statKey('p', p)); v != nil && !readUvarints(v, t[:]) {
		return PredicateStats{}, fmt.Errorf("%w: bad predicate stats", ErrCorrupt)
	}
	if tx.delta != nil {
		if x := tx.delta.preds[p]; x != nil {
			for i := range t {
				t[i] = uint64(int64(t[i]) + x[i])
			}
		}
	}
	return PredicateStats{t[0], t[1], t[2]}, nil
}

func (tx *Tx) graphCount(g TermID) (uint64, error) {
	var t [1]uint64
	if v := tx.st.Get(statKey('g', g)); v != nil && !readUvarints(v, t[:]) {
		return 0, fmt.Errorf("%w: bad graph stats", ErrCorrupt)
	}
	if tx.delta != nil {
		t[0] = uint64(int64(t[0]) + tx.delta.graphs[g])
	}
	return t[0], nil
}
