package triplestore

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Check proves the store consistent, in one read transaction:
//
//   - every index block decodes, its key is its first tuple, and tuples ascend strictly
//     across the whole index;
//   - the indexes of each area (default graph: SPO POS OSP; named graphs: the six quad
//     orders) hold exactly the same quads;
//   - every ID in an index names a term (inline, or present in the dictionary), subjects are
//     not literals, predicates are IRIs;
//   - the dictionary's two directions agree, namespaces resolve;
//   - the stored statistics equal statistics recomputed from the indexes.
//
// It reads everything and holds all quads of one index in memory: a tool for tests and
// maintenance, not for serving. Problems come back wrapped in ErrCorrupt.
func (s *Store) Check() error {
	return s.View(func(tx *Tx) error { return tx.check2() })
}

func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrCorrupt, fmt.Sprintf(format, args...))
}

func (tx *Tx) check2() error {
	want := Stats{Predicates: map[TermID]PredicateStats{}, Graphs: map[TermID]uint64{}}
	used := map[TermID]bool{}
	for _, area := range [][]int{defaultIndexes, namedIndexes} {
		var ref [][4]TermID
		for n, ix := range area {
			qs, err := tx.readIndex(ix)
			if err != nil {
				return err
			}
			if n == 0 {
				ref = qs
				continue
			}
			slices.SortFunc(qs, func(a, b [4]TermID) int {
				for i := range 4 {
					ai, bi := a[indexDefs[area[0]].perm[i]], b[indexDefs[area[0]].perm[i]]
					if ai != bi {
						if ai < bi {
							return -1
						}
						return 1
					}
				}
				return 0
			})
			if len(qs) != len(ref) {
				return corrupt("index %s holds %d quads, %s %d", indexDefs[ix].name, len(qs), indexDefs[area[0]].name, len(ref))
			}
			for i := range qs {
				if qs[i] != ref[i] {
					return corrupt("index %s and %s disagree at %v / %v", indexDefs[ix].name, indexDefs[area[0]].name, qs[i], ref[i])
				}
			}
		}
		if err := tx.checkIDs(ref, used); err != nil {
			return err
		}
		addAreaStats(&want, ref)
	}
	if err := tx.checkDictionary(&want); err != nil {
		return err
	}
	got, err := readStats(tx.st)
	if err != nil {
		return err
	}
	if got.Quads != want.Quads || got.Subjects != want.Subjects || got.Objects != want.Objects || got.Terms != want.Terms {
		return corrupt("stored totals (quads %d subjects %d objects %d terms %d) differ from actual (%d %d %d %d)",
			got.Quads, got.Subjects, got.Objects, got.Terms, want.Quads, want.Subjects, want.Objects, want.Terms)
	}
	if len(got.Predicates) != len(want.Predicates) {
		return corrupt("stats list %d predicates, indexes %d", len(got.Predicates), len(want.Predicates))
	}
	for p, w := range want.Predicates {
		if got.Predicates[p] != w {
			return corrupt("stats of predicate %v are %+v, actual %+v", p, got.Predicates[p], w)
		}
	}
	if len(got.Graphs) != len(want.Graphs) {
		return corrupt("stats list %d graphs, indexes %d", len(got.Graphs), len(want.Graphs))
	}
	for g, w := range want.Graphs {
		if got.Graphs[g] != w {
			return corrupt("stats of graph %v say %d quads, actual %d", g, got.Graphs[g], w)
		}
	}
	return nil
}

// readIndex returns the quads of an index in index order, checking blocks and order.
func (tx *Tx) readIndex(ix int) ([][4]TermID, error) {
	d := &indexDefs[ix]
	var out [][4]TermID
	var buf []tuple
	var prev tuple
	first := true
	c := tx.idx[ix].Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v == nil {
			return nil, corrupt("index %s holds a nested bucket", d.name)
		}
		var err error
		buf, err = decodeBlock(buf[:0], k, v, d.k)
		if err != nil {
			return nil, corrupt("index %s block %x: %v", d.name, k, err)
		}
		if len(buf) > blockMax+1 {
			return nil, corrupt("index %s block %x holds %d tuples", d.name, k, len(buf))
		}
		for i := range buf {
			if !first && !tupleLess(&prev, &buf[i], d.k) {
				return nil, corrupt("index %s out of order at %v", d.name, buf[i])
			}
			first = false
			prev = buf[i]
			q := d.toQuad(&buf[i])
			if d.named && q[3] == DefaultGraph {
				return nil, corrupt("index %s holds the default graph", d.name)
			}
			out = append(out, q)
		}
	}
	return out, nil
}

func (tx *Tx) checkIDs(qs [][4]TermID, used map[TermID]bool) error {
	for _, q := range qs {
		for i, id := range q {
			if i == 3 && id == DefaultGraph {
				continue
			}
			switch k := id.Kind(); {
			case k == 0:
				return corrupt("quad %v holds a non-term ID", q)
			case i == 0 && k == rdf.KindLiteral:
				return corrupt("quad %v has a literal subject", q)
			case i == 1 && id.tag() != tagIRI:
				return corrupt("quad %v has a non-IRI predicate", q)
			case i == 3 && k == rdf.KindLiteral:
				return corrupt("quad %v has a literal graph", q)
			}
			if used[id] {
				continue
			}
			used[id] = true
			if _, err := tx.term(id); err != nil {
				return corrupt("quad %v: %v", q, err)
			}
		}
	}
	return nil
}

func addAreaStats(st *Stats, spo [][4]TermID) {
	// spo is sorted by S, P, O(, G).
	type sp struct{ s, p TermID }
	subjects := map[TermID]bool{}
	objects := map[TermID]bool{}
	spSeen := map[sp]bool{}
	poSeen := map[sp]bool{}
	for _, q := range spo {
		st.Quads++
		st.Graphs[q[3]]++
		ps := st.Predicates[q[1]]
		ps.Count++
		if !spSeen[sp{q[0], q[1]}] {
			spSeen[sp{q[0], q[1]}] = true
			ps.Subjects++
		}
		if !poSeen[sp{q[1], q[2]}] {
			poSeen[sp{q[1], q[2]}] = true
			ps.Objects++
		}
		st.Predicates[q[1]] = ps
		subjects[q[0]] = true
		objects[q[2]] = true
	}
	st.Subjects += uint64(len(subjects))
	st.Objects += uint64(len(objects))
}

func (tx *Tx) checkDictionary(st *Stats) error {
	var n uint64
	c := tx.i2t.Cursor()
	var keyBuf []byte
	for k, val := c.First(); k != nil; k, val = c.Next() {
		if len(k) != 8 {
			return corrupt("i2t key %x", k)
		}
		first := binary.BigEndian.Uint64(k)
		recs, ok := i2tRecords(val)
		if !ok || len(recs) == 0 || len(recs) > i2tBlockMax {
			return corrupt("i2t block %x malformed", k)
		}
		if first != n+1 {
			return corrupt("i2t block %x does not follow sequence number %d", k, n)
		}
		for i, enc := range recs {
			seq := first + uint64(i)
			tag := tagOfEnc(enc[0] &^ encCompressed)
			if tag < 0 {
				return corrupt("i2t entry %d has kind %#x", seq, enc[0])
			}
			id := mkID(tag, seq)
			if seq > tx.i2t.Sequence() {
				return corrupt("i2t ID %v beyond the sequence %d", id, tx.i2t.Sequence())
			}
			if _, err := tx.decodeTerm(id, enc); err != nil {
				return err
			}
			plain, err := plainEnc(enc)
			if err != nil {
				return err
			}
			key := t2iKey(keyBuf, plain)
			got, ok, err := tx.t2iGet(key)
			if err != nil {
				return err
			}
			if !ok || got != id {
				return corrupt("t2i does not map the term of %v back to it", id)
			}
			n++
		}
	}
	if n != tx.i2t.Sequence() {
		return corrupt("i2t holds %d terms, its sequence is at %d", n, tx.i2t.Sequence())
	}
	var m uint64
	var prev []byte
	if err := tx.t2i.ForEach(func(bk, bv []byte) error {
		entries := 0
		var inner error
		_, err := t2iScan(bk, bv, nil, func(k []byte, id TermID) bool {
			entries++
			m++
			if prev != nil && bytes.Compare(prev, k) >= 0 {
				inner = corrupt("t2i keys out of order at %x", k)
				return false
			}
			prev = append(prev[:0], k...)
			enc, err := tx.storedTerm(id)
			if err != nil {
				inner = err
				return false
			}
			if enc == nil {
				inner = corrupt("t2i names missing %v", id)
				return false
			}
			plain, err := plainEnc(enc)
			if err != nil {
				inner = err
				return false
			}
			if !bytes.Equal(t2iKey(nil, plain), k) {
				inner = corrupt("t2i key %x maps to %v whose term has another key", k, id)
				return false
			}
			return true
		})
		if err != nil {
			return err
		}
		if inner != nil {
			return inner
		}
		if entries > t2iBlockMax {
			return corrupt("t2i block %x holds %d entries", bk, entries)
		}
		return nil
	}); err != nil {
		return err
	}
	if n != m {
		return corrupt("i2t holds %d terms, t2i %d", n, m)
	}
	st.Terms = n
	var nsN, nsidN int
	if err := tx.ns.ForEach(func(k, v []byte) error {
		nsN++
		id, x := binary.Uvarint(v)
		if x <= 0 || !bytes.Equal(tx.nsid.Get(binary.AppendUvarint(nil, id)), k) {
			return corrupt("namespace %q does not round-trip", k)
		}
		return nil
	}); err != nil {
		return err
	}
	tx.nsid.ForEach(func(k, v []byte) error { nsidN++; return nil })
	if nsN != nsidN {
		return corrupt("%d namespaces by name, %d by id", nsN, nsidN)
	}
	return nil
}
