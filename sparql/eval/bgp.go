package eval

import (
	"math"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// slotRef is one position of a triple pattern: a constant ID (var < 0) or a variable slot.
type slotRef struct {
	id  ID
	v   int
	bad bool // a constant the dataset does not hold: the pattern matches nothing
}

type triplePat [3]slotRef

func (q *query) ref(n algebra.Node) (slotRef, error) {
	if n.IsVar() {
		return slotRef{v: q.slot(n.Var)}, nil
	}
	id, ok, err := q.ds.LookupID(n.Term)
	if err != nil {
		return slotRef{}, err
	}
	return slotRef{id: id, v: -1, bad: !ok}, nil
}

// value is the ID at r under b (0 when r is an unbound variable).
func (r slotRef) value(b Binding) ID {
	if r.v < 0 {
		return r.id
	}
	return b[r.v]
}

// bgpOp evaluates a basic graph pattern
// (https://www.w3.org/TR/sparql11-query/#BasicGraphPatterns) by index nested loops: each
// triple pattern is matched with the values bound so far, in an order chosen from the
// dataset's estimates (most selective first, preferring patterns connected to bound
// variables).
type bgpOp struct {
	pats   []triplePat
	bad    bool
	orders map[string][]int      // by the seed's bound-slot mask
	pats2  map[string]orderedBGP // the patterns in that order

	// filters are FILTER conjuncts pushed into the BGP: each is checked as soon as the
	// variables it mentions that the BGP binds are bound.
	filters []pushedFilter

	prof      *OpStats // with a Profile: where hashed levels are marked
	lastOrder []int    // for Profile: the order and estimates last chosen
	lastEst   []uint64
}

func (q *query) compileBGP(b *algebra.BGP) (*bgpOp, error) {
	op := &bgpOp{orders: map[string][]int{}, pats2: map[string]orderedBGP{}}
	for _, t := range b.Triples {
		var tp triplePat
		for i, n := range []algebra.Node{t.S, t.P, t.O} {
			r, err := q.ref(n)
			if err != nil {
				return nil, err
			}
			if r.bad {
				op.bad = true
			}
			tp[i] = r
		}
		op.pats = append(op.pats, tp)
	}
	return op, nil
}

// maskKey identifies which pattern variables the seed binds (repeats are harmless).
func (op *bgpOp) maskKey(seed Binding) string {
	var buf [32]byte
	mask := buf[:0]
	for _, tp := range op.pats {
		for _, r := range tp {
			if r.v >= 0 && seed[r.v] != 0 {
				mask = append(mask, byte(r.v), byte(r.v>>8))
			}
		}
	}
	return string(mask)
}

type pushedFilter struct {
	f    exprFn
	vars []int
}

// orderedBGP is a BGP's patterns in evaluation order, with the pushed filters to check
// after each pattern.
type orderedBGP struct {
	pats   []triplePat
	checks [][]exprFn
	stats  levelStats
}

// ordered returns the patterns in the order chosen for seeds like this one.
func (op *bgpOp) ordered(q *query, g graphs, seed Binding) orderedBGP {
	k := op.maskKey(seed)
	if ob, ok := op.pats2[k]; ok {
		return ob
	}
	order := op.order(q, g, seed, k)
	ob := orderedBGP{pats: make([]triplePat, len(order)), stats: levelStats{opens: make([]int, len(order)), limit: make([]int, len(order))}}
	level := map[int]int{} // variable slot -> level that binds it
	for i, j := range order {
		ob.pats[i] = op.pats[j]
		for _, r := range op.pats[j] {
			if _, ok := level[r.v]; r.v >= 0 && !ok && seed[r.v] == 0 {
				level[r.v] = i
			}
		}
	}
	if len(op.filters) > 0 {
		ob.checks = make([][]exprFn, len(order))
		for _, f := range op.filters {
			at := 0
			for _, v := range f.vars {
				if l, ok := level[v]; ok && l > at {
					at = l
				}
			}
			ob.checks[at] = append(ob.checks[at], f.f)
		}
	}
	op.pats2[k] = ob
	return ob
}

func (op *bgpOp) order(q *query, g graphs, seed Binding, k string) []int {
	if o, ok := op.orders[k]; ok {
		return o
	}
	bound := map[int]bool{}
	for _, tp := range op.pats {
		for _, r := range tp {
			if r.v >= 0 && seed[r.v] != 0 {
				bound[r.v] = true
			}
		}
	}
	est := make([]float64, len(op.pats))
	for i, tp := range op.pats {
		var p Pattern
		for j, r := range tp {
			p[j] = r.value(seed)
		}
		est[i] = float64(q.estimate(g, p))
	}
	used := make([]bool, len(op.pats))
	var order []int
	for range op.pats {
		best, bestScore := -1, math.Inf(1)
		for i, tp := range op.pats {
			if used[i] {
				continue
			}
			score := est[i] + 1
			nb := 0
			for _, r := range tp {
				if r.v >= 0 && bound[r.v] && seed[r.v] == 0 {
					nb++ // bound by an earlier pattern: its values narrow this one
				}
			}
			score /= math.Pow(100, float64(nb))
			connected := nb > 0
			if !connected && len(order) > 0 {
				score *= 1e6 // avoid cross products while a connected pattern remains
			}
			if score < bestScore {
				best, bestScore = i, score
			}
		}
		used[best] = true
		order = append(order, best)
		for _, r := range op.pats[best] {
			if r.v >= 0 {
				bound[r.v] = true
			}
		}
	}
	op.orders[k] = order
	op.lastOrder = order
	op.lastEst = make([]uint64, len(order))
	for i, j := range order {
		op.lastEst[i] = uint64(est[j])
	}
	return order
}

func (q *query) evalBGP(op *bgpOp, e *env, seed Binding) rows {
	if op.bad {
		return &sliceRows{}
	}
	if len(op.pats) == 0 {
		return &sliceRows{rs: []Binding{seed}}
	}
	ob := op.ordered(q, e.active, seed)
	pats := ob.pats
	it := &bgpRows{q: q, g: e.active, pats: pats, checks: ob.checks, stats: ob.stats, prof: op.prof}
	if len(pats) <= len(it.itersBuf) {
		it.iters, it.at = it.itersBuf[:len(pats)], it.atBuf[:len(pats)]
	} else {
		it.iters, it.at = make([]tripleIter, len(pats)), make([]Binding, len(pats))
	}
	it.at[0] = seed
	if len(pats) > 1 {
		back := make([]ID, (len(pats)-1)*len(seed)) // one allocation for every level
		for i := 1; i < len(pats); i++ {
			it.at[i], back = back[:len(seed):len(seed)], back[len(seed):]
		}
	}
	return it
}

type bgpRows struct {
	q        *query
	g        graphs
	pats     []triplePat
	checks   [][]exprFn // per level, nil without pushed filters
	itersBuf [2]tripleIter
	atBuf    [2]Binding
	iters    []tripleIter
	at       []Binding // at[i]: the binding pattern i is matched under
	lvl      int
	begun    bool
	cur      Binding
	err      error
	stats    levelStats // shared by the evaluations of this ordered BGP (bgphash.go)
	prof     *OpStats
	hs       *hashState // nil until a level is hashed
}

func (b *bgpRows) open(i int) {
	if b.countOpen(i) {
		b.openHashed(i)
		return
	}
	var p Pattern
	for j, r := range b.pats[i] {
		p[j] = r.value(b.at[i])
	}
	b.q.initMatch(&b.iters[i], b.g, p)
}

func (b *bgpRows) Next() bool {
	if b.err != nil || b.lvl < 0 {
		return false
	}
	if !b.begun {
		b.begun = true
		b.open(0)
	}
	last := len(b.pats) - 1
	for b.lvl >= 0 {
		if b.err != nil {
			b.Close()
			return false
		}
		it := &b.iters[b.lvl]
		var tr *[3]ID
		if b.hs != nil && b.hs.tables[b.lvl] != nil {
			c := b.hs.cur[b.lvl]
			if c < 0 {
				b.lvl--
				continue
			}
			t := b.hs.tables[b.lvl]
			tr = &t.all[c]
			b.hs.cur[b.lvl] = t.next[c]
		} else {
			if !it.Next() {
				if it.err != nil {
					b.err = it.err
					b.Close()
					return false
				}
				it.Close()
				b.lvl--
				continue
			}
			tr = (*[3]ID)(it.cur[:3])
		}
		if err := b.q.tick(); err != nil {
			b.err = err
			b.Close()
			return false
		}
		var out Binding
		if b.lvl == last {
			out = b.q.newRow()
		} else {
			out = b.at[b.lvl+1]
		}
		copy(out, b.at[b.lvl])
		ok := true
		for j, r := range b.pats[b.lvl] {
			if r.v < 0 {
				continue
			}
			x := tr[j]
			if out[r.v] != 0 && out[r.v] != x {
				ok = false // a variable repeated within the pattern
				break
			}
			out[r.v] = x
		}
		if !ok {
			continue
		}
		if b.checks != nil {
			for _, f := range b.checks[b.lvl] {
				if !ebv(f(out)) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
		}
		if b.lvl == last {
			b.cur = out
			return true
		}
		b.lvl++
		b.open(b.lvl)
	}
	return false
}

func (b *bgpRows) Row() Binding { return b.cur }
func (b *bgpRows) Err() error   { return b.err }
func (b *bgpRows) Close() {
	b.releaseHashes()
	for i := range b.iters {
		if b.iters[i].q != nil {
			b.iters[i].Close()
		}
	}
	b.lvl = -1
}
