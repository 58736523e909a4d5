package eval

import (
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// evalMinus implements https://www.w3.org/TR/sparql11-query/#defn_algMinus: a left solution
// is removed when some right solution is compatible with it and shares a variable with it.
// The right side is evaluated once, independently of the left.
func (q *query) evalMinus(o *algebra.Minus, e *env, seed Binding) rows {
	h, err := q.buildHash(q.eval(o.Right, e, seed))
	if err != nil {
		return errRows(err)
	}
	left := q.eval(o.Left, e, seed)
	return &funcRows{
		next: func() (Binding, error) {
		outer:
			for left.Next() {
				a := left.Row()
				for _, b := range h.probe(a) {
					if err := q.tick(); err != nil {
						return nil, err
					}
					if compatible(a, b) && shares(a, b, seed) {
						continue outer
					}
				}
				return a, nil
			}
			return nil, left.Err()
		},
		close: func() { left.Close(); q.release(h.mem) },
	}
}

// shares reports whether a and b both bind a variable that the seed does not (variables of
// the seed are constants after substitution, not shared variables).
func shares(a, b, seed Binding) bool {
	for i, x := range a {
		if x != 0 && b[i] != 0 && seed[i] == 0 {
			return true
		}
	}
	return false
}
