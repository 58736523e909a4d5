package eval

import (
	"container/heap"
	"sort"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/expr"
)

type sortRow struct {
	b    Binding
	keys []rdf.Term
	seq  int
}

type sorter struct {
	rs    []sortRow
	conds []algebra.OrderCond
}

func (s *sorter) less(a, b *sortRow) bool {
	for i, c := range s.conds {
		r := expr.Compare(a.keys[i], b.keys[i])
		if r != 0 {
			if c.Desc {
				return r > 0
			}
			return r < 0
		}
	}
	return a.seq < b.seq
}

// heap.Interface as a max-heap: the worst kept row on top.
func (s *sorter) Len() int           { return len(s.rs) }
func (s *sorter) Less(i, j int) bool { return s.less(&s.rs[j], &s.rs[i]) }
func (s *sorter) Swap(i, j int)      { s.rs[i], s.rs[j] = s.rs[j], s.rs[i] }
func (s *sorter) Push(x any)         { s.rs = append(s.rs, x.(sortRow)) }
func (s *sorter) Pop() any {
	x := s.rs[len(s.rs)-1]
	s.rs = s.rs[:len(s.rs)-1]
	return x
}

// evalOrderBy implements https://www.w3.org/TR/sparql11-query/#defn_algOrdered with the order
// of expr.Compare (15.1); an expression error sorts as unbound. The sort is stable. With
// limit >= 0 only the first limit solutions are wanted, and a heap of that size replaces
// the full sort.
func (q *query) evalOrderBy(o *algebra.OrderBy, e *env, seed Binding, limit int64) rows {
	fs := make([]exprFn, len(o.Conds))
	for i, c := range o.Conds {
		fs[i] = q.compileExpr(c.Expr, e)
	}
	in := q.eval(o.Op, e, seed)
	defer in.Close()
	s := &sorter{conds: o.Conds}
	var mem int64
	per := q.rowSize() + int64(len(fs))*40
	for seq := 0; in.Next(); seq++ {
		if err := q.tick(); err != nil {
			return errRows(err)
		}
		if limit == 0 {
			continue
		}
		r := sortRow{b: in.Row(), seq: seq, keys: make([]rdf.Term, len(fs))}
		for i, f := range fs {
			t, err := f(r.b)
			if err == nil {
				r.keys[i] = t
			}
		}
		if limit > 0 && int64(len(s.rs)) >= limit {
			if s.less(&r, &s.rs[0]) {
				s.rs[0] = r
				heap.Fix(s, 0)
			}
			continue
		}
		mem += per
		if err := q.grow(per); err != nil {
			q.release(mem)
			return errRows(err)
		}
		if limit > 0 {
			heap.Push(s, r)
		} else {
			s.rs = append(s.rs, r)
		}
	}
	if err := in.Err(); err != nil {
		q.release(mem)
		return errRows(err)
	}
	sort.Slice(s.rs, func(i, j int) bool { return s.less(&s.rs[i], &s.rs[j]) })
	out := make([]Binding, len(s.rs))
	for i := range s.rs {
		out[i] = s.rs[i].b
	}
	q.release(mem)
	return &sliceRows{rs: out}
}
