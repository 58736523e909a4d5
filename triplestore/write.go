package triplestore

import (
	"fmt"
	"sync"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// DefaultGraphIRI names the default graph where a term is needed (MatchTerms, and as the
// Graph of a quad, where it means the same as nil). It is Jena's name for it.
const DefaultGraphIRI = rdf.IRI("urn:x-arq:DefaultGraph")

// Add adds a quad; added is false when it was already there.
func (tx *Tx) Add(q rdf.Quad) (added bool, err error) {
	n, err := tx.AddQuads([]rdf.Quad{q})
	return n == 1, err
}

// Remove removes a quad; removed is false when it was not there.
func (tx *Tx) Remove(q rdf.Quad) (removed bool, err error) {
	n, err := tx.RemoveQuads([]rdf.Quad{q})
	return n == 1, err
}

// AddQuads adds a batch of quads (sorted per index, so large batches are much faster than
// one Add per quad) and returns how many were new.
func (tx *Tx) AddQuads(qs []rdf.Quad) (int, error) {
	if err := tx.check(true); err != nil {
		return 0, err
	}
	ids := make([][4]TermID, 0, len(qs))
	for i := range qs {
		q, err := tx.encodeQuad(&qs[i])
		if err != nil {
			return 0, err
		}
		ids = append(ids, q)
	}
	return tx.AddIDs(ids)
}

func (tx *Tx) encodeQuad(q *rdf.Quad) ([4]TermID, error) {
	if err := validQuad(q); err != nil {
		return [4]TermID{}, err
	}
	var out [4]TermID
	for i, t := range []rdf.Term{q.Subject, q.Predicate, q.Object} {
		id, _, err := tx.termID(t, true)
		if err != nil {
			return out, err
		}
		out[i] = id
	}
	out[3] = DefaultGraph
	if q.Graph != nil && q.Graph != DefaultGraphIRI {
		id, _, err := tx.termID(q.Graph, true)
		if err != nil {
			return out, err
		}
		out[3] = id
	}
	return out, nil
}

func validQuad(q *rdf.Quad) error {
	switch {
	case q.Subject == nil || q.Predicate == nil || q.Object == nil:
		return fmt.Errorf("%w: nil term in %v", ErrBadQuad, q)
	case q.Subject.Kind() == rdf.KindLiteral:
		return fmt.Errorf("%w: literal subject", ErrBadQuad)
	case q.Predicate.Kind() != rdf.KindIRI:
		return fmt.Errorf("%w: predicate is not an IRI", ErrBadQuad)
	case q.Graph != nil && q.Graph.Kind() == rdf.KindLiteral:
		return fmt.Errorf("%w: literal graph name", ErrBadQuad)
	}
	return nil
}

func validIDs(q *[4]TermID) error {
	for i := 0; i < 3; i++ {
		if q[i] == 0 || q[i] == DefaultGraph {
			return fmt.Errorf("%w: component %d is %v", ErrBadQuad, i, q[i])
		}
	}
	if q[3] == 0 {
		return fmt.Errorf("%w: graph is 0 (use DefaultGraph)", ErrBadQuad)
	}
	return nil
}

// AddIDs adds quads given as IDs (S, P, O, G; G = DefaultGraph for the default graph). The
// IDs must come from this store's dictionary (or be inline). It returns how many were new.
func (tx *Tx) AddIDs(qs [][4]TermID) (int, error) {
	if err := tx.check(true); err != nil {
		return 0, err
	}
	var def, named [][4]TermID
	for i := range qs {
		if err := validIDs(&qs[i]); err != nil {
			return 0, err
		}
		if qs[i][0].tag() == tagBlankN {
			tx.noteBlank(qs[i][0])
		}
		if qs[i][2].tag() == tagBlankN {
			tx.noteBlank(qs[i][2])
		}
		if qs[i][3] == DefaultGraph {
			def = append(def, qs[i])
		} else {
			named = append(named, qs[i])
		}
	}
	n1, err := tx.addArea(def, defaultIndexes)
	if err != nil {
		return 0, err
	}
	n2, err := tx.addArea(named, namedIndexes)
	return n1 + n2, err
}

// sortedTuples permutes quads into an index order, sorts and deduplicates them.
func sortedTuples(qs [][4]TermID, d *indexDef) []tuple {
	ts := make([]tuple, len(qs))
	for i := range qs {
		ts[i] = d.toTuple(&qs[i])
	}
	return sortTuples(ts, d.k)
}

// sortedTuplesAll sorts qs into each of the indexes ixs, in parallel for large batches.
func sortedTuplesAll(qs [][4]TermID, ixs []int) [][]tuple {
	out := make([][]tuple, len(ixs))
	if len(qs) < 4096 {
		for i, ix := range ixs {
			out[i] = sortedTuples(qs, &indexDefs[ix])
		}
		return out
	}
	var wg sync.WaitGroup
	for i, ix := range ixs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = sortedTuples(qs, &indexDefs[ix])
		}()
	}
	wg.Wait()
	return out
}

// addArea inserts quads into one area (the default graph's indexes or the named ones) and
// updates the statistics. ixs[0] decides which quads are new; ixs[0..2] are the S, P and O
// first orders.
func (tx *Tx) addArea(qs [][4]TermID, ixs []int) (int, error) {
	if len(qs) == 0 {
		return 0, nil
	}
	first := &indexDefs[ixs[0]]
	ts := sortedTuples(qs, first)
	flags := make([]uint8, len(ts))
	if err := insertTuples(tx.idx[ixs[0]], first.k, ts, flags); err != nil {
		return 0, err
	}
	var fresh [][4]TermID
	d := tx.delta
	for i := range ts {
		if flags[i]&1 == 0 {
			continue
		}
		q := first.toQuad(&ts[i])
		fresh = append(fresh, q)
		d.quads++
		d.pred(q[1])[0]++
		d.graphs[q[3]]++
		if flags[i]&2 != 0 { // new subject
			d.subjects++
		}
		if flags[i]&4 != 0 { // new (subject, predicate)
			d.pred(q[1])[1]++
		}
	}
	if len(fresh) == 0 {
		return 0, nil
	}
	tx.changed = true
	sorted := sortedTuplesAll(fresh, ixs[1:])
	for n, ix := range ixs[1:] {
		def := &indexDefs[ix]
		ts := sorted[n]
		flags = flags[:len(ts)]
		if err := insertTuples(tx.idx[ix], def.k, ts, flags); err != nil {
			return 0, err
		}
		for i := range ts {
			if flags[i]&1 == 0 {
				return 0, fmt.Errorf("%w: index %s already held a quad missing from %s", ErrCorrupt, def.name, first.name)
			}
			switch ix {
			case ixPOS, ixPOSG:
				if flags[i]&4 != 0 { // new (predicate, object)
					d.pred(ts[i][0])[2]++
				}
			case ixOSP, ixOSPG:
				if flags[i]&2 != 0 { // new object
					d.objects++
				}
			}
		}
	}
	return len(fresh), nil
}

// RemoveQuads removes a batch of quads and returns how many were there.
func (tx *Tx) RemoveQuads(qs []rdf.Quad) (int, error) {
	if err := tx.check(true); err != nil {
		return 0, err
	}
	ids := make([][4]TermID, 0, len(qs))
outer:
	for i := range qs {
		q := &qs[i]
		if err := validQuad(q); err != nil {
			return 0, err
		}
		var out [4]TermID
		out[3] = DefaultGraph
		terms := []rdf.Term{q.Subject, q.Predicate, q.Object, q.Graph}
		if q.Graph == nil || q.Graph == DefaultGraphIRI {
			terms = terms[:3]
		}
		for j, t := range terms {
			id, ok, err := tx.termID(t, false)
			if err != nil {
				return 0, err
			}
			if !ok {
				continue outer
			}
			out[j] = id
		}
		ids = append(ids, out)
	}
	return tx.RemoveIDs(ids)
}

// RemoveMatching removes up to max quads matching p (all when max <= 0) and returns how
// many it removed: 0 once none is left. Called in a loop with a bound it removes a large
// pattern a batch at a time, each batch read afresh (an iterator does not survive the
// writes of its own transaction), so the batch is all it holds in memory.
func (tx *Tx) RemoveMatching(p Pattern, max int) (int, error) {
	if err := tx.check(true); err != nil {
		return 0, err
	}
	var buf [][4]TermID
	it := tx.Match(p)
	for (max <= 0 || len(buf) < max) && it.Next() {
		buf = append(buf, it.Quad())
	}
	err := it.Err()
	it.Close()
	if err != nil || len(buf) == 0 {
		return 0, err
	}
	return tx.RemoveIDs(buf)
}

// RemoveIDs removes quads given as IDs and returns how many were there.
func (tx *Tx) RemoveIDs(qs [][4]TermID) (int, error) {
	if err := tx.check(true); err != nil {
		return 0, err
	}
	var def, named [][4]TermID
	for i := range qs {
		if err := validIDs(&qs[i]); err != nil {
			return 0, err
		}
		if qs[i][3] == DefaultGraph {
			def = append(def, qs[i])
		} else {
			named = append(named, qs[i])
		}
	}
	n1, err := tx.removeArea(def, defaultIndexes)
	if err != nil {
		return 0, err
	}
	n2, err := tx.removeArea(named, namedIndexes)
	return n1 + n2, err
}

func (tx *Tx) removeArea(qs [][4]TermID, ixs []int) (int, error) {
	if len(qs) == 0 {
		return 0, nil
	}
	first := &indexDefs[ixs[0]]
	ts := sortedTuples(qs, first)
	removed := make([]bool, len(ts))
	if err := deleteTuples(tx.idx[ixs[0]], first.k, ts, removed); err != nil {
		return 0, err
	}
	var gone [][4]TermID
	d := tx.delta
	for i := range ts {
		if removed[i] {
			q := first.toQuad(&ts[i])
			gone = append(gone, q)
			d.quads--
			d.pred(q[1])[0]--
			d.graphs[q[3]]--
		}
	}
	if len(gone) == 0 {
		return 0, nil
	}
	tx.changed = true
	for _, ix := range ixs[1:] {
		def := &indexDefs[ix]
		ts := sortedTuples(gone, def)
		removed = removed[:len(ts)]
		if err := deleteTuples(tx.idx[ix], def.k, ts, removed); err != nil {
			return 0, err
		}
		for i := range ts {
			if !removed[i] {
				return 0, fmt.Errorf("%w: index %s lacked a quad present in %s", ErrCorrupt, def.name, first.name)
			}
		}
	}
	// Distinct counts: a prefix disappears when no tuple with it is left.
	type check struct {
		ix, l int
		apply func(t *tuple)
	}
	checks := []check{
		{ixs[0], 1, func(t *tuple) { d.subjects-- }},
		{ixs[0], 2, func(t *tuple) { d.pred(t[1])[1]-- }},
		{ixs[1], 2, func(t *tuple) { d.pred(t[0])[2]-- }},
		{ixs[2], 1, func(t *tuple) { d.objects-- }},
	}
	for _, c := range checks {
		def := &indexDefs[c.ix]
		ts := sortedTuples(gone, def)
		f := newPrefixFinder(tx.idx[c.ix], def.k)
		for i := range ts {
			if i > 0 && sharesPrefix(&ts[i-1], &ts[i], c.l) {
				continue
			}
			ok, err := f.exists(&ts[i], c.l)
			if err != nil {
				return 0, err
			}
			if !ok {
				c.apply(&ts[i])
			}
		}
	}
	return len(gone), nil
}
