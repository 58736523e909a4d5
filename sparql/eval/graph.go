package eval

import (
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// evalGraph implements https://www.w3.org/TR/sparql11-query/#defn_evalGraph: the pattern
// is evaluated with a named graph of the dataset as active graph; with a variable, once per
// named graph, binding the variable to the graph's name.
func (q *query) evalGraph(o *algebra.Graph, e *env, seed Binding) rows {
	var gs []ID
	slot := -1
	if o.Name.IsVar() {
		slot = q.slot(o.Name.Var)
		if v := seed[slot]; v != 0 {
			if q.isNamed(v) {
				gs = []ID{v}
			}
		} else {
			gs = q.named
		}
	} else {
		id, ok, err := q.ds.LookupID(o.Name.Term)
		if err != nil {
			return errRows(err)
		}
		if ok && q.isNamed(id) {
			gs = []ID{id}
		}
	}
	safe := slot >= 0 && q.seedableAfter(o, nil, o.Op, seed, slot)
	var cur rows
	var g ID
	return &funcRows{
		next: func() (Binding, error) {
			for {
				if cur == nil {
					if len(gs) == 0 {
						return nil, nil
					}
					g, gs = gs[0], gs[1:]
					s := seed
					if slot >= 0 && safe && seed[slot] == 0 {
						s = q.copyRow(seed)
						s[slot] = g
					}
					cur = q.eval(o.Op, &env{active: graphs{ids: []ID{g}}}, s)
				}
				for cur.Next() {
					b := cur.Row()
					if slot >= 0 && b[slot] != g {
						if b[slot] != 0 {
							continue
						}
						b = q.copyRow(b)
						b[slot] = g
					}
					return b, nil
				}
				if err := cur.Err(); err != nil {
					return nil, err
				}
				cur.Close()
				cur = nil
			}
		},
		close: func() {
			if cur != nil {
				cur.Close()
			}
		},
	}
}

func (q *query) isNamed(id ID) bool {
	for _, g := range q.named {
		if g == id {
			return true
		}
	}
	return false
}
