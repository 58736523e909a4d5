package eval

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/expr"
)

func ebv(t rdf.Term, err error) bool {
	b, err := expr.EBVOf(t, err)
	return err == nil && b
}

// evalFilter implements https://www.w3.org/TR/sparql11-query/#defn_algFilter: the solutions
// for which every expression has effective boolean value true (an error counts as false).
func (q *query) evalFilter(o *algebra.Filter, e *env, seed Binding) rows {
	var fs []exprFn
	var in rows
	if pf, ok := q.pushFilter(o, e); ok {
		if p := q.opts.Profile; p != nil {
			pf.bgp.prof = p.get(o.Op)
		}
		in = q.profiled(o.Op, func() rows { return q.evalBGP(pf.bgp, e, seed) })
		if p := q.opts.Profile; p != nil {
			p.get(o).Pushed = true
			if s := p.get(o.Op); s.Order == nil {
				s.Order, s.Estimates = pf.bgp.lastOrder, pf.bgp.lastEst
			}
		}
		if len(pf.rest) == 0 {
			return in
		}
		for _, x := range pf.rest {
			fs = append(fs, q.compileExpr(x, e)) // EXISTS depends on the active graph
		}
	} else {
		if op := q.sunk(o); op != nil {
			return q.eval(op, e, seed)
		}
		fs = make([]exprFn, len(o.Exprs))
		for i, x := range o.Exprs {
			fs[i] = q.compileExpr(x, e)
		}
		in = q.eval(o.Op, e, seed)
	}
	return &funcRows{
		next: func() (Binding, error) {
		outer:
			for in.Next() {
				if err := q.tick(); err != nil {
					return nil, err
				}
				b := in.Row()
				for _, f := range fs {
					if !ebv(f(b)) {
						continue outer
					}
				}
				return b, nil
			}
			return nil, in.Err()
		},
		close: in.Close,
	}
}

// evalExtend implements https://www.w3.org/TR/sparql11-query/#defn_extend: the variable is
// bound to the expression's value, or left unbound when the expression fails.
func (q *query) evalExtend(o *algebra.Extend, e *env, seed Binding) rows {
	f := q.compileExpr(o.Expr, e)
	v := q.slot(o.Var)
	in := q.eval(o.Op, e, seed)
	return &funcRows{
		next: func() (Binding, error) {
			for in.Next() {
				b := in.Row()
				t, err := f(b)
				if err != nil || t == nil {
					return b, nil
				}
				id, err := q.id(t)
				if err != nil {
					return nil, err
				}
				if b[v] != 0 {
					// Only under EXISTS substitution: the value must agree.
					if b[v] != id {
						continue
					}
					return b, nil
				}
				r := q.copyRow(b)
				r[v] = id
				return r, nil
			}
			return nil, in.Err()
		},
		close: in.Close,
	}
}

// evalTable implements VALUES (https://www.w3.org/TR/sparql11-query/#inline-data): the rows
// compatible with the seed, merged with it.
func (q *query) evalTable(o *algebra.Table, seed Binding) rows {
	slots := make([]int, len(o.Vars))
	for i, v := range o.Vars {
		slots[i] = q.slot(v)
	}
	var out []Binding
	for _, row := range o.Rows {
		b, ok, err := q.mergeTerms(seed, slots, row)
		if err != nil {
			return errRows(err)
		}
		if ok {
			out = append(out, b)
		}
	}
	return &sliceRows{rs: out}
}

// mergeTerms returns a copy of seed with row's terms bound at slots; nil terms, and columns
// with no slot (beyond slots, or -1), are skipped. ok is false when a term differs from
// what seed binds there (the two are not compatible).
func (q *query) mergeTerms(seed Binding, slots []int, row []rdf.Term) (b Binding, ok bool, err error) {
	b = q.copyRow(seed)
	for i, t := range row {
		if t == nil || i >= len(slots) || slots[i] < 0 {
			continue
		}
		id, err := q.id(t)
		if err != nil {
			return nil, false, err
		}
		if b[slots[i]] != 0 && b[slots[i]] != id {
			return nil, false, nil
		}
		b[slots[i]] = id
	}
	return b, true, nil
}

// evalProject implements https://www.w3.org/TR/sparql11-query/#defn_algProjection: the other
// variables are cleared (a subquery's inner variables do not leak out).
func (q *query) evalProject(o *algebra.Project, e *env, seed Binding) rows {
	return q.project(o.Vars, q.eval(o.Op, e, seed))
}

func (q *query) project(vars []algebra.Var, in rows) rows {
	keep := make([]int, len(vars))
	for i, v := range vars {
		keep[i] = q.slot(v)
	}
	return &funcRows{
		next: func() (Binding, error) {
			if !in.Next() {
				return nil, in.Err()
			}
			b := in.Row()
			r := q.newRow()
			for _, i := range keep {
				r[i] = b[i]
			}
			return r, nil
		},
		close: in.Close,
	}
}

// distinctRows implements https://www.w3.org/TR/sparql11-query/#defn_algDistinct (and
// REDUCED, which may and here does eliminate every duplicate).
type distinctRows struct {
	q    *query
	in   rows
	seen map[string]struct{}
	mem  int64
	err  error
}

func (d *distinctRows) Next() bool {
	for d.in.Next() {
		k := key(d.in.Row(), nil)
		if _, dup := d.seen[k]; dup {
			continue
		}
		n := int64(len(k)) + 48
		d.mem += n
		if d.err = d.q.grow(n); d.err != nil {
			return false
		}
		d.seen[k] = struct{}{}
		return true
	}
	return false
}
func (d *distinctRows) Row() Binding { return d.in.Row() }
func (d *distinctRows) Err() error {
	if d.err != nil {
		return d.err
	}
	return d.in.Err()
}
func (d *distinctRows) Close() {
	d.in.Close()
	d.q.release(d.mem)
	d.mem = 0
}

// evalSlice implements https://www.w3.org/TR/sparql11-query/#defn_algSlice. Over ORDER BY
// (directly or under a projection) it sorts with a bounded heap of OFFSET+LIMIT solutions.
func (q *query) evalSlice(o *algebra.Slice, e *env, seed Binding) rows {
	var in rows
	if o.Limit >= 0 {
		n := o.Offset + o.Limit
		switch x := o.Op.(type) {
		case *algebra.OrderBy:
			in = q.profiled(x, func() rows { return q.evalOrderBy(x, e, seed, n) })
		case *algebra.Project:
			if ob, ok := x.Op.(*algebra.OrderBy); ok {
				in = q.profiled(x, func() rows {
					return q.project(x.Vars, q.profiled(ob, func() rows { return q.evalOrderBy(ob, e, seed, n) }))
				})
			}
		}
	}
	if in == nil {
		in = q.eval(o.Op, e, seed)
	}
	skip, left := o.Offset, o.Limit
	return &funcRows{
		next: func() (Binding, error) {
			if left == 0 {
				return nil, nil
			}
			for skip > 0 {
				if !in.Next() {
					return nil, in.Err()
				}
				skip--
			}
			if !in.Next() {
				return nil, in.Err()
			}
			if left > 0 {
				left--
			}
			return in.Row(), nil
		},
		close: in.Close,
	}
}

// pushed is a Filter over BGPs evaluated as one BGP with the filter's conjuncts checked
// inside its nested loops; rest are the conjuncts that must wait for whole solutions
// (those with EXISTS, which sees every variable of the solution).
type pushed struct {
	bgp  *bgpOp
	rest []algebra.Expr
}

// pushFilter prepares Filter(BGP) and Filter(Join(BGP, ...)) for filter pushdown: a join of
// BGPs is the BGP of all their triple patterns, and a conjunct that only mentions variables
// bound so far (or never bound by the BGP) has the same value at every later step, so it can
// be checked as early as its variables are bound.
func (q *query) pushFilter(o *algebra.Filter, e *env) (*pushed, bool) {
	if c, ok := q.compiled[o]; ok {
		p, ok := c.(*pushed)
		return p, ok
	}
	var triples []algebra.Triple
	var flatten func(op algebra.Op) bool
	flatten = func(op algebra.Op) bool {
		switch x := op.(type) {
		case *algebra.BGP:
			triples = append(triples, x.Triples...)
			return true
		case *algebra.Join:
			return flatten(x.Left) && flatten(x.Right)
		}
		return false
	}
	if !flatten(o.Op) || len(triples) == 0 {
		q.compiled[o] = false
		return nil, false
	}
	bgp, err := q.compileBGP(&algebra.BGP{Triples: triples})
	if err != nil {
		q.compiled[o] = false
		return nil, false
	}
	p := &pushed{bgp: bgp}
	for _, x := range algebra.Conjuncts(o.Exprs...) {
		vars, exists := exprVars(x)
		if exists {
			p.rest = append(p.rest, x)
			continue
		}
		pf := pushedFilter{f: q.compileExpr(x, e)}
		for _, v := range vars {
			pf.vars = append(pf.vars, q.slot(v))
		}
		bgp.filters = append(bgp.filters, pf)
	}
	q.compiled[o] = p
	return p, true
}

// exprVars lists the variables of an expression and reports whether it holds EXISTS.
func exprVars(x algebra.Expr) (vars []algebra.Var, exists bool) {
	var walk func(x algebra.Expr)
	walk = func(x algebra.Expr) {
		switch x := x.(type) {
		case *algebra.ExprVar:
			vars = append(vars, x.Var)
		case *algebra.ExprCall:
			for _, a := range x.Args {
				walk(a)
			}
		case *algebra.ExprFunc:
			for _, a := range x.Args {
				walk(a)
			}
		case *algebra.ExprExists, *algebra.ExprAgg:
			exists = true
		}
	}
	walk(x)
	return vars, exists
}
