package eval

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/expr"
)

// ExactCounter is an optional interface of a Dataset whose statistics answer some counts
// exactly (the bbolt store knows how many quads each predicate and each graph has). Count
// returns ok false when it cannot count p without scanning; the evaluator then scans.
type ExactCounter interface {
	Count(p Pattern) (n uint64, ok bool, err error)
}

// countFast answers SELECT (COUNT(*) AS ?n) { ?s ?p ?o } and the like, a group without keys
// whose only aggregate is COUNT(*) over one triple pattern of distinct variables not bound
// by the seed, from the dataset's statistics when they are exact for that pattern in a
// single active graph (https://www.w3.org/TR/sparql11-query/#defn_aggCount counts the
// solutions, and a triple pattern of distinct variables has one per matching triple).
func (q *query) countFast(o *algebra.Group, e *env, seed Binding) (rows, bool) {
	c, ok := q.ds.(ExactCounter)
	if !ok || len(o.Keys) != 0 || len(o.Aggs) != 1 || e.active.all || len(e.active.ids) != 1 {
		return nil, false
	}
	a := o.Aggs[0].Agg
	if f, _ := expr.ParseAggFunc(a.Name); f != expr.AggCount || a.Arg != nil || a.Distinct {
		return nil, false
	}
	b, ok := o.Op.(*algebra.BGP)
	if !ok || len(b.Triples) != 1 {
		return nil, false
	}
	c1, err := q.bgp(b)
	if err != nil {
		return errRows(err), true
	}
	var p Pattern
	seen := map[int]bool{}
	for j, r := range c1.pats[0] {
		if r.v < 0 {
			p[j] = r.id
			continue
		}
		if seen[r.v] || seed[r.v] != 0 {
			return nil, false
		}
		seen[r.v] = true
	}
	n := uint64(0)
	if !c1.bad {
		p[3] = e.active.ids[0]
		var ok bool
		n, ok, err = c.Count(p)
		if err != nil {
			return errRows(err), true
		}
		if !ok {
			return nil, false
		}
	}
	id, err := q.id(rdf.NewTypedLiteral(uitoa(n), rdf.XSDInteger))
	if err != nil {
		return errRows(err), true
	}
	r := q.copyRow(seed)
	r[q.slot(o.Aggs[0].Var)] = id
	return &sliceRows{rs: []Binding{r}}, true
}

func uitoa(n uint64) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(buf[i:])
		}
	}
}
