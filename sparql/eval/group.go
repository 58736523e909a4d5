package eval

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/expr"
)

type groupState struct {
	keys []ID
	aggs []expr.Aggregator
}

// evalGroup implements Group and Aggregation
// (https://www.w3.org/TR/sparql11-query/#defn_algGroup, #defn_algAggregation): solutions are
// grouped on the values of the keys (an error counts as unbound), each aggregate folds its
// group, and the output binds the key variables and the aggregate variables only. Without
// keys there is exactly one group, even over no solutions.
func (q *query) evalGroup(o *algebra.Group, e *env, seed Binding) rows {
	keyFns := make([]exprFn, len(o.Keys))
	keySlots := make([]int, len(o.Keys))
	for i, k := range o.Keys {
		keyFns[i] = q.compileExpr(k.Expr, e)
		keySlots[i] = -1
		if k.Var != "" {
			keySlots[i] = q.slot(k.Var)
		}
	}
	type aggFn struct {
		f    expr.AggFunc
		arg  exprFn
		slot int
		dist bool
		sep  string
	}
	aggs := make([]aggFn, len(o.Aggs))
	for i, a := range o.Aggs {
		f, ok := expr.ParseAggFunc(a.Agg.Name)
		if !ok {
			return errRows(fmt.Errorf("%w: aggregate %s", ErrUnsupported, a.Agg.Name))
		}
		aggs[i] = aggFn{f: f, slot: q.slot(a.Var), dist: a.Agg.Distinct, sep: " "}
		if a.Agg.Separator != nil {
			aggs[i].sep = *a.Agg.Separator
		}
		if a.Agg.Arg != nil {
			aggs[i].arg = q.compileExpr(a.Agg.Arg, e)
		}
	}
	newGroup := func(keys []ID) *groupState {
		g := &groupState{keys: keys, aggs: make([]expr.Aggregator, len(aggs))}
		for i, a := range aggs {
			g.aggs[i] = expr.NewAggregator(a.f, a.dist, a.sep)
		}
		return g
	}
	in := q.eval(o.Op, e, seed)
	defer in.Close()
	groups := map[string]*groupState{}
	var order []*groupState
	var mem int64
	for in.Next() {
		if err := q.tick(); err != nil {
			return errRows(err)
		}
		b := in.Row()
		keys := make([]ID, len(keyFns))
		for i, f := range keyFns {
			t, err := f(b)
			if err == nil && t != nil {
				id, err := q.id(t)
				if err != nil {
					return errRows(err)
				}
				keys[i] = id
			}
		}
		k := key(keys, nil)
		g := groups[k]
		if g == nil {
			n := int64(len(k)) + 64 + int64(len(aggs))*64
			mem += n
			if err := q.grow(n); err != nil {
				q.release(mem)
				return errRows(err)
			}
			g = newGroup(keys)
			groups[k] = g
			order = append(order, g)
		}
		for i, a := range aggs {
			if a.arg == nil {
				if a.dist {
					g.aggs[i].Add(rdf.NewLiteral(key(b, nil)), nil)
				} else {
					g.aggs[i].Add(rdf.NewLiteral(""), nil)
				}
				continue
			}
			t, err := a.arg(b)
			g.aggs[i].Add(t, err)
		}
	}
	if err := in.Err(); err != nil {
		q.release(mem)
		return errRows(err)
	}
	if len(order) == 0 && len(keyFns) == 0 {
		order = append(order, newGroup(nil))
	}
	out := make([]Binding, 0, len(order))
	for _, g := range order {
		r := q.copyRow(seed)
		for i, s := range keySlots {
			if s >= 0 {
				r[s] = g.keys[i]
			}
		}
		for i, a := range aggs {
			t, err := g.aggs[i].Result()
			if err != nil || t == nil {
				continue
			}
			if l, ok := t.(rdf.Literal); ok && a.f == expr.AggGroupConcat && l.Lang != "" {
				// SPARQL 1.1 GroupConcat yields a simple literal
				// (https://www.w3.org/TR/sparql11-query/#defn_aggGroupConcat), even when
				// every value shares a language tag (agg-groupconcat-04, -06).
				t = rdf.NewLiteral(l.Lexical)
			}
			id, err := q.id(t)
			if err != nil {
				return errRows(err)
			}
			r[a.slot] = id
		}
		out = append(out, r)
	}
	q.release(mem)
	return &sliceRows{rs: out}
}
