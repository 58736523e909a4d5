package eval

import (
	"encoding/binary"
	"fmt"
	"strconv"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/expr"
)

type groupState struct {
	keys   []ID
	aggs   []expr.Aggregator
	counts []int64           // per aggregate counted on IDs (see aggMode)
	sets   []map[ID]struct{} // per COUNT(DISTINCT ?v): the IDs seen
}

// aggMode says how an aggregate is folded. COUNT needs no terms: COUNT(*) and COUNT(?v)
// count solutions (binding ?v), and COUNT(DISTINCT ?v) counts distinct IDs, since terms and
// IDs correspond one to one. Every other aggregate decodes its argument.
type aggMode uint8

const (
	aggTerms aggMode = iota
	aggCountRows
	aggCountVar
	aggCountDistinctVar
)

// evalGroup implements Group and Aggregation
// (https://www.w3.org/TR/sparql11-query/#defn_algGroup, #defn_algAggregation): solutions are
// grouped on the values of the keys (an error counts as unbound), each aggregate folds its
// group, and the output binds the key variables and the aggregate variables only. Without
// keys there is exactly one group, even over no solutions.
func (q *query) evalGroup(o *algebra.Group, e *env, seed Binding) rows {
	if r, ok := q.countFast(o, e, seed); ok {
		return r
	}
	keyFns := make([]exprFn, len(o.Keys))
	keySlots := make([]int, len(o.Keys))
	for i, k := range o.Keys {
		keyFns[i] = q.compileExpr(k.Expr, e)
		keySlots[i] = -1
		if k.Var != "" {
			keySlots[i] = q.slot(k.Var)
		}
	}
	// A key that is a variable groups on its ID as it is: decoding it and looking the term
	// up again would give the same ID.
	keyVars := make([]int, len(o.Keys))
	for i, k := range o.Keys {
		keyVars[i] = -1
		if v, ok := k.Expr.(*algebra.ExprVar); ok {
			keyVars[i] = q.slot(v.Var)
		}
	}
	type aggFn struct {
		f    expr.AggFunc
		arg  exprFn
		slot int
		dist bool
		sep  string
		mode aggMode
		vs   int // the argument's slot for aggCountVar, aggCountDistinctVar
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
		if f == expr.AggCount {
			v, isVar := a.Agg.Arg.(*algebra.ExprVar)
			switch {
			case a.Agg.Arg == nil && !a.Agg.Distinct:
				aggs[i].mode = aggCountRows
			case isVar && !a.Agg.Distinct:
				aggs[i].mode, aggs[i].vs = aggCountVar, q.slot(v.Var)
			case isVar:
				aggs[i].mode, aggs[i].vs = aggCountDistinctVar, q.slot(v.Var)
			}
		}
	}
	newGroup := func(keys []ID) *groupState {
		g := &groupState{keys: keys, aggs: make([]expr.Aggregator, len(aggs)), counts: make([]int64, len(aggs))}
		for i, a := range aggs {
			switch a.mode {
			case aggTerms:
				g.aggs[i] = expr.NewAggregator(a.f, a.dist, a.sep)
			case aggCountDistinctVar:
				if g.sets == nil {
					g.sets = make([]map[ID]struct{}, len(aggs))
				}
				g.sets[i] = map[ID]struct{}{}
			}
		}
		return g
	}
	in := q.eval(o.Op, e, seed)
	defer in.Close()
	groups := map[string]*groupState{}
	var order []*groupState
	var mem int64
	keys := make([]ID, len(keyFns))
	var kbuf []byte
	for in.Next() {
		if err := q.tick(); err != nil {
			q.release(mem)
			return errRows(err)
		}
		b := in.Row()
		for i, f := range keyFns {
			keys[i] = 0
			if s := keyVars[i]; s >= 0 {
				keys[i] = b[s]
				continue
			}
			t, err := f(b)
			if err == nil && t != nil {
				id, err := q.id(t)
				if err != nil {
					return errRows(err)
				}
				keys[i] = id
			}
		}
		kbuf = kbuf[:0]
		for _, x := range keys {
			kbuf = binary.LittleEndian.AppendUint64(kbuf, uint64(x))
		}
		g := groups[string(kbuf)]
		if g == nil {
			n := int64(len(kbuf)) + 64 + int64(len(aggs))*64
			mem += n
			if err := q.grow(n); err != nil {
				q.release(mem)
				return errRows(err)
			}
			g = newGroup(append([]ID(nil), keys...))
			groups[string(kbuf)] = g
			order = append(order, g)
		}
		for i, a := range aggs {
			switch a.mode {
			case aggCountRows:
				g.counts[i]++
				continue
			case aggCountVar:
				if b[a.vs] != 0 {
					g.counts[i]++
				}
				continue
			case aggCountDistinctVar:
				if x := b[a.vs]; x != 0 {
					if _, ok := g.sets[i][x]; !ok {
						g.sets[i][x] = struct{}{}
						mem += 16
						if err := q.grow(16); err != nil {
							q.release(mem)
							return errRows(err)
						}
					}
				}
				continue
			}
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
			if a.mode != aggTerms {
				n := g.counts[i]
				if a.mode == aggCountDistinctVar {
					n = int64(len(g.sets[i]))
				}
				id, err := q.id(rdf.NewTypedLiteral(strconv.FormatInt(n, 10), rdf.XSDInteger))
				if err != nil {
					return errRows(err)
				}
				r[a.slot] = id
				continue
			}
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
