package eval

import (
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// evalLeftJoin implements https://www.w3.org/TR/sparql11-query/#defn_algLeftJoin: each left
// solution merged with the compatible right solutions for which the filter holds, or alone
// when there are none. The right side is seeded with the left solution when it can be
// (index nested loop), and hashed otherwise.
func (q *query) evalLeftJoin(o *algebra.LeftJoin, e *env, seed Binding) rows {
	var filter func(Binding) bool
	if o.Expr != nil {
		f := q.compileExpr(o.Expr, e)
		filter = func(b Binding) bool { return ebv(f(b)) }
	}
	left := q.eval(o.Left, e, seed)
	var h *hashTable
	if !q.seedableAfter(o, o.Left, o.Right, seed) {
		var err error
		if h, err = q.buildHash(q.eval(o.Right, e, seed)); err != nil {
			left.Close()
			return errRows(err)
		}
	}
	var pending []Binding
	return &funcRows{
		next: func() (Binding, error) {
			for {
				if len(pending) > 0 {
					b := pending[0]
					pending = pending[1:]
					return b, nil
				}
				if !left.Next() {
					return nil, left.Err()
				}
				a := left.Row()
				matched := false
				if h == nil {
					right := q.eval(o.Right, e, a)
					for right.Next() {
						m := right.Row()
						if filter == nil || filter(m) {
							pending = append(pending, m)
							matched = true
						}
					}
					right.Close()
					if err := right.Err(); err != nil {
						return nil, err
					}
				} else {
					for _, b := range h.probe(a) {
						if err := q.tick(); err != nil {
							return nil, err
						}
						if !compatible(a, b) {
							continue
						}
						m := q.merge(a, b)
						if filter == nil || filter(m) {
							pending = append(pending, m)
							matched = true
						}
					}
				}
				if !matched {
					return a, nil
				}
			}
		},
		close: func() {
			left.Close()
			if h != nil {
				q.release(h.mem)
			}
		},
	}
}
