package eval

// tripleIter streams the triples (S, P, O) of an active graph matching a pattern; with
// several graphs (FROM with several IRIs, the union default graph) a triple in more than
// one of them is returned once, as the merge of RDF graphs is a set.
type tripleIter struct {
	q     *query
	g     graphs
	p     Pattern
	it    QuadIter
	next  int
	dedup bool
	few   *[8][3]ID // the first triples seen, searched linearly (most matches are small)
	nfew  int
	seen  map[[3]ID]struct{}
	cur   Quad
	err   error
}

func (q *query) match(g graphs, p Pattern) *tripleIter {
	t := &tripleIter{}
	q.initMatch(t, g, p)
	return t
}

// initMatch (re)initialises t in place, sparing an allocation per nested-loop step.
func (q *query) initMatch(t *tripleIter, g graphs, p Pattern) {
	*t = tripleIter{q: q, g: g, p: p}
	for _, x := range p[:3] {
		if x&overlayBit != 0 {
			t.next = len(g.ids) // a computed term is in no quad
			t.g.all = false
			return
		}
	}
	t.dedup = g.all || len(g.ids) > 1
}

func (t *tripleIter) Next() bool {
	for t.err == nil {
		if t.it == nil {
			var p Pattern
			switch {
			case t.g.all:
				if t.next > 0 {
					return false
				}
				p = t.p
				p[3] = 0
			case t.next < len(t.g.ids):
				p = t.p
				p[3] = t.g.ids[t.next]
			default:
				return false
			}
			t.next++
			t.it = t.q.ds.Match(t.q.ctx, p)
		}
		if !t.it.Next() {
			t.err = t.it.Err()
			t.it.Close()
			t.it = nil
			continue
		}
		t.cur = t.it.Quad()
		if t.dedup && t.dup([3]ID{t.cur[0], t.cur[1], t.cur[2]}) {
			continue
		}
		return true
	}
	return false
}

func (t *tripleIter) Close() {
	if t.it != nil {
		t.it.Close()
		t.it = nil
	}
	t.next = len(t.g.ids) + 1
	t.g.all = false
}

// estimate is the dataset's estimate for p in the active graph.
func (q *query) estimate(g graphs, p Pattern) uint64 {
	for _, x := range p[:3] {
		if x&overlayBit != 0 {
			return 0
		}
	}
	if g.all {
		n, _ := q.ds.Estimate(p)
		return n
	}
	var sum uint64
	for _, id := range g.ids {
		p[3] = id
		n, _ := q.ds.Estimate(p)
		sum += n
	}
	return sum
}

// dup reports whether k was seen before, and records it.
func (t *tripleIter) dup(k [3]ID) bool {
	if t.few == nil {
		t.few = new([8][3]ID)
	}
	for i := 0; i < t.nfew; i++ {
		if t.few[i] == k {
			return true
		}
	}
	if t.seen != nil {
		if _, ok := t.seen[k]; ok {
			return true
		}
		t.seen[k] = struct{}{}
		return false
	}
	if t.nfew < len(t.few) {
		t.few[t.nfew] = k
		t.nfew++
		return false
	}
	t.seen = map[[3]ID]struct{}{k: {}}
	return false
}
