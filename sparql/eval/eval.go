package eval

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// env is the evaluation context below the query: the active graph
// (https://www.w3.org/TR/sparql11-query/#defn_evalGraph).
type env struct {
	active graphs
}

// eval evaluates op in e. Every solution it returns extends seed (is compatible with it and
// binds at least its variables): seed is the empty binding at the top, the left solution of
// an index nested-loop join, or the solution an EXISTS pattern is substituted with.
func (q *query) eval(op algebra.Op, e *env, seed Binding) rows {
	return q.profiled(op, func() rows { return q.eval1(op, e, seed) })
}

// profiled runs f, the evaluation of op, counting it in the profile when there is one.
func (q *query) profiled(op algebra.Op, f func() rows) rows {
	if p := q.opts.Profile; p != nil {
		s := p.get(op)
		s.Calls++
		return &countRows{rows: f(), s: s}
	}
	return f()
}

func (q *query) eval1(op algebra.Op, e *env, seed Binding) rows {
	switch o := op.(type) {
	case *algebra.BGP:
		c, err := q.bgp(o)
		if err != nil {
			return errRows(err)
		}
		if p := q.opts.Profile; p != nil {
			c.prof = p.get(o)
		}
		r := q.evalBGP(c, e, seed)
		if p := q.opts.Profile; p != nil && c.lastOrder != nil {
			if s := p.get(o); s.Order == nil {
				s.Order, s.Estimates = c.lastOrder, c.lastEst
			}
		}
		return r
	case *algebra.Path:
		return q.evalPath(o, e, seed)
	case *algebra.Join:
		return q.evalJoin(o, e, seed)
	case *algebra.LeftJoin:
		return q.evalLeftJoin(o, e, seed)
	case *algebra.Filter:
		return q.evalFilter(o, e, seed)
	case *algebra.Union:
		return &unionRows{q: q, ops: []algebra.Op{o.Left, o.Right}, e: e, seed: seed}
	case *algebra.Graph:
		return q.evalGraph(o, e, seed)
	case *algebra.Extend:
		return q.evalExtend(o, e, seed)
	case *algebra.Minus:
		return q.evalMinus(o, e, seed)
	case *algebra.Table:
		return q.evalTable(o, seed)
	case *algebra.Service:
		return q.evalService(o, seed)
	case *algebra.Group:
		return q.evalGroup(o, e, seed)
	case *algebra.OrderBy:
		return q.evalOrderBy(o, e, seed, -1)
	case *algebra.Project:
		return q.evalProject(o, e, seed)
	case *algebra.Distinct:
		return &distinctRows{q: q, in: q.eval(o.Op, e, seed), seen: map[string]struct{}{}}
	case *algebra.Reduced:
		return &distinctRows{q: q, in: q.eval(o.Op, e, seed), seen: map[string]struct{}{}}
	case *algebra.Slice:
		return q.evalSlice(o, e, seed)
	default:
		panic(fmt.Sprintf("unreachable: %T", op))
	}
}

// bgp compiles a BGP once per query.
func (q *query) bgp(o *algebra.BGP) (*bgpOp, error) {
	if c, ok := q.compiled[o]; ok {
		return c.(*bgpOp), nil
	}
	c, err := q.compileBGP(o)
	if err != nil {
		return nil, err
	}
	q.compiled[o] = c
	return c, nil
}

// unionRows implements https://www.w3.org/TR/sparql11-query/#defn_algUnion: the solutions
// of each side in turn.
type unionRows struct {
	q    *query
	ops  []algebra.Op
	e    *env
	seed Binding
	cur  rows
	err  error
}

func (u *unionRows) Next() bool {
	for u.err == nil {
		if u.cur == nil {
			if len(u.ops) == 0 {
				return false
			}
			u.cur = u.q.eval(u.ops[0], u.e, u.seed)
			u.ops = u.ops[1:]
		}
		if u.cur.Next() {
			return true
		}
		u.err = u.cur.Err()
		u.cur.Close()
		u.cur = nil
	}
	return false
}
func (u *unionRows) Row() Binding { return u.cur.Row() }
func (u *unionRows) Err() error   { return u.err }
func (u *unionRows) Close() {
	if u.cur != nil {
		u.cur.Close()
		u.cur = nil
	}
	u.ops = nil
}

// funcRows adapts a next function (returning nil, nil at the end) to rows.
type funcRows struct {
	next  func() (Binding, error)
	close func()
	cur   Binding
	err   error
	done  bool
}

func (f *funcRows) Next() bool {
	if f.done {
		return false
	}
	b, err := f.next()
	if err != nil || b == nil {
		f.err = err
		f.Close()
		return false
	}
	f.cur = b
	return true
}
func (f *funcRows) Row() Binding { return f.cur }
func (f *funcRows) Err() error   { return f.err }
func (f *funcRows) Close() {
	if !f.done {
		f.done = true
		if f.close != nil {
			f.close()
		}
	}
}
