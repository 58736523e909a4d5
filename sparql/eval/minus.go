package eval

import (
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// minusProbe is how many left solutions MINUS reads before choosing between checking each
// against the right side seeded with it (a small left side) and hashing the right side.
const minusProbe = 1024

// evalMinus implements https://www.w3.org/TR/sparql11-query/#defn_algMinus: a left solution
// is removed when some right solution is compatible with it and shares a variable with it.
//
// When the left side gives fewer than minusProbe solutions, the right side can take a left
// solution as its seed (seedable), and the two sides certainly share a variable the outer
// seed does not bind, each left solution is checked by evaluating the right side seeded with
// it: its solutions are then exactly the right solutions compatible with the left one, and
// they share that variable. Otherwise the right side is evaluated once, independently of
// the left, and hashed.
func (q *query) evalMinus(o *algebra.Minus, e *env, seed Binding) rows {
	left := q.eval(o.Left, e, seed)
	if !q.minusSeedable(o, seed) {
		return q.minusHash(o, e, seed, left)
	}
	var buf []Binding
	for len(buf) < minusProbe && left.Next() {
		buf = append(buf, left.Row())
	}
	if err := left.Err(); err != nil {
		left.Close()
		return errRows(err)
	}
	if len(buf) == minusProbe {
		return q.minusHash(o, e, seed, &prefixRows{buf: buf, rest: left})
	}
	left.Close()
	// The answer for a left solution depends only on its values of the variables the right
	// side mentions: left solutions agreeing on them share one check.
	var vars []int
	for v := range q.maybe(o.Right) {
		vars = append(vars, v)
	}
	seen := map[string]bool{}
	return &funcRows{
		next: func() (Binding, error) {
			for len(buf) > 0 {
				a := buf[0]
				buf = buf[1:]
				k := key(a, vars)
				found, ok := seen[k]
				if !ok {
					r := q.eval(o.Right, e, a)
					found = r.Next()
					err := r.Err()
					r.Close()
					if err != nil {
						return nil, err
					}
					seen[k] = found
				}
				if !found {
					return a, nil
				}
			}
			return nil, nil
		},
	}
}

// minusSeedable reports whether MINUS may check left solutions by seeding its right side.
func (q *query) minusSeedable(o *algebra.Minus, seed Binding) bool {
	if !q.seedableAfter(o, o.Left, o.Right, seed) {
		return false
	}
	r := q.certain(o.Right)
	for v := range q.certain(o.Left) {
		if r[v] && seed[v] == 0 {
			return true
		}
	}
	return false
}

// minusHash evaluates the right side once and removes the left solutions it matches.
func (q *query) minusHash(o *algebra.Minus, e *env, seed Binding, left rows) rows {
	h, err := q.buildHash(q.eval(o.Right, e, seed))
	if err != nil {
		left.Close()
		return errRows(err)
	}
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

// prefixRows gives the solutions already read from rest, then the rest of rest.
type prefixRows struct {
	buf  []Binding
	rest rows
	cur  Binding
}

func (p *prefixRows) Next() bool {
	if len(p.buf) > 0 {
		p.cur, p.buf = p.buf[0], p.buf[1:]
		return true
	}
	if p.rest.Next() {
		p.cur = p.rest.Row()
		return true
	}
	return false
}
func (p *prefixRows) Row() Binding { return p.cur }
func (p *prefixRows) Err() error   { return p.rest.Err() }
func (p *prefixRows) Close()       { p.buf = nil; p.rest.Close() }

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
