package eval

import (
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// evalJoin implements https://www.w3.org/TR/sparql11-query/#defn_algJoin. When the right
// side can take the left solution as a seed (see seedable) it is an index nested-loop join: the right side is evaluated per left solution with the
// known values bound into its patterns. Otherwise the right side is evaluated once and
// hashed on the variables every one of its solutions binds.
func (q *query) evalJoin(o *algebra.Join, e *env, seed Binding) rows {
	left := q.eval(o.Left, e, seed)
	if q.seedableAfter(o, o.Left, o.Right, seed) {
		var right rows
		return &funcRows{
			next: func() (Binding, error) {
				for {
					if right == nil {
						if !left.Next() {
							return nil, left.Err()
						}
						right = q.eval(o.Right, e, left.Row())
					}
					if right.Next() {
						return right.Row(), nil
					}
					if err := right.Err(); err != nil {
						return nil, err
					}
					right.Close()
					right = nil
				}
			},
			close: func() {
				left.Close()
				if right != nil {
					right.Close()
				}
			},
		}
	}
	h, err := q.buildHash(q.eval(o.Right, e, seed))
	if err != nil {
		left.Close()
		return errRows(err)
	}
	var cands []Binding
	var a Binding
	return &funcRows{
		next: func() (Binding, error) {
			for {
				for len(cands) > 0 {
					b := cands[0]
					cands = cands[1:]
					if err := q.tick(); err != nil {
						return nil, err
					}
					if compatible(a, b) {
						return q.merge(a, b), nil
					}
				}
				if !left.Next() {
					return nil, left.Err()
				}
				a = left.Row()
				cands = h.probe(a)
			}
		},
		close: func() { left.Close(); q.release(h.mem) },
	}
}

// hashTable holds materialised solutions keyed on the variables all of them bind.
type hashTable struct {
	all  []Binding
	keys []int
	m    map[string][]Binding
	mem  int64
}

func (q *query) buildHash(r rows) (*hashTable, error) {
	all, err := q.drain(r)
	h := &hashTable{all: all, mem: int64(len(all)) * q.rowSize()}
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return h, nil
	}
	for i := range all[0] {
		every := true
		for _, b := range all {
			if b[i] == 0 {
				every = false
				break
			}
		}
		if every {
			h.keys = append(h.keys, i)
		}
	}
	if len(h.keys) > 0 && len(all) > 8 {
		h.m = make(map[string][]Binding, len(all))
		for _, b := range all {
			k := key(b, h.keys)
			h.m[k] = append(h.m[k], b)
		}
	}
	return h, nil
}

// probe returns the candidates that may be compatible with a (a superset).
func (h *hashTable) probe(a Binding) []Binding {
	if h.m == nil {
		return h.all
	}
	for _, i := range h.keys {
		if a[i] == 0 {
			return h.all
		}
	}
	return h.m[key(a, h.keys)]
}
