package eval

// Hashed levels of a BGP. An index nested loop opens one store scan per solution arriving at
// a level; with the bbolt store every such lookup decodes an index block, so thousands of
// lookups into the same pattern cost more than reading the pattern once. A level that has
// been opened often enough that the lookups so far cost about as much as one scan of the
// whole pattern (its constants only) switches to a hash table of that scan, keyed on the
// variables the seed and the earlier levels bind: a competitive choice that needs no estimate of
// how many solutions will arrive, and is never much worse than the better of the two plans
// (compare the adaptive joins of Jena ARQ and of Umbra).

// CostModel is an optional interface of a Dataset that tells the evaluator how costly an
// index lookup (a Match with some slot bound) is compared with reading quads of a scan.
type CostModel interface {
	// LookupCost is how many quads one could scan and hash in the time of one lookup.
	LookupCost() uint64
}

// defaultLookupCost serves datasets without a CostModel (in-memory ones, where a lookup is a
// binary search).
const defaultLookupCost = 8

// lookupCostOverride, when not zero, replaces the dataset's cost (tests set it to make every
// level hash at once).
var lookupCostOverride uint64

func (q *query) lookupCost() uint64 {
	if lookupCostOverride != 0 {
		return lookupCostOverride
	}
	if q.lookupC == 0 {
		q.lookupC = defaultLookupCost
		if c, ok := q.ds.(CostModel); ok {
			q.lookupC = max(c.LookupCost(), 1)
		}
	}
	return q.lookupC
}

// hashFirstOpens is how many opens of a level pass before hashing is considered at all.
var hashFirstOpens = 32

// maxHashLevel bounds the pattern size (by the dataset's estimate) a level may hash.
const maxHashLevel = 1 << 22

// levelHash is the hashed scan of one BGP level: its triples chained by the values at the
// key positions. With one key position (the common case) the map is keyed on that ID alone.
type levelHash struct {
	key  [3]bool
	one  int // the key position when there is one, else -1
	m1   *idTable
	m3   map[[3]ID]int32
	all  [][3]ID
	next []int32 // next[i]: the next triple of the same key after all[i], -1 at the end
	mem  int64
	kept bool // in the query's cache: released when the query ends, not by Close
}

// head returns the first triple of the chain of the key under b, -1 when there is none.
func (t *levelHash) head(pats triplePat, b Binding) int32 {
	if t.one >= 0 {
		if i, ok := t.m1.get(b[pats[t.one].v]); ok {
			return i
		}
		return -1
	}
	var k [3]ID
	for j, r := range pats {
		if t.key[j] {
			k[j] = b[r.v]
		}
	}
	if i, ok := t.m3[k]; ok {
		return i
	}
	return -1
}

// hashKey identifies a level's table in the query's cache: the BGP's patterns in one order
// (a different seed shape orders them anew), the level, its scan pattern and the graph.
type hashKey struct {
	pats  *triplePat
	level int
	p     Pattern
	g     string // the active graph (graphKey)
}

// graphKey identifies an active graph.
func graphKey(g graphs) string {
	if g.all {
		return "*"
	}
	return key(Binding(g.ids), nil)
}

// hashState holds the hashed levels of one bgpRows.
type hashState struct {
	tables []*levelHash
	cur    []int32 // per hashed level, the next triple of the current chain (-1: none)
}

func newHashState(n int) *hashState {
	return &hashState{tables: make([]*levelHash, n), cur: make([]int32, n)}
}

// levelStats are shared by every evaluation of one ordered BGP (per level): how often the
// level was opened, and after how many opens hashing is to be considered (again); -1 never.
// The hashed scan takes no value from the seed (seed variables are keys like those of
// earlier levels), so the opens of all evaluations count: the right side of a nested-loop
// join or an EXISTS pattern, evaluated once per left solution, becomes a hash join.
type levelStats struct {
	opens []int
	limit []int
}

// keyPositions reports, for level i, which positions hold variables bound by the seed or by
// an earlier level: the key positions of a hashed level.
func (b *bgpRows) keyPositions(i int) (key [3]bool, any bool) {
	seed := b.at[0]
	for j, r := range b.pats[i] {
		if r.v < 0 {
			continue
		}
		if seed[r.v] != 0 {
			key[j], any = true, true
			continue
		}
		for _, tp := range b.pats[:i] {
			for _, r2 := range tp {
				if r2.v == r.v {
					key[j], any = true, true
				}
			}
		}
	}
	return key, any
}

// countOpen counts an open of level i and reports whether it is to be served by a hash
// table (building it when this open is the one that tips the balance).
func (b *bgpRows) countOpen(i int) bool {
	if b.hs != nil && b.hs.tables[i] != nil {
		return true
	}
	st := b.stats
	if st.limit[i] < 0 {
		return false
	}
	st.opens[i]++
	if st.limit[i] == 0 {
		if _, ok := b.keyPositions(i); !ok {
			st.limit[i] = -1 // no join variable: every open is the same scan anyway
			return false
		}
		st.limit[i] = hashFirstOpens
	}
	n := st.opens[i]
	if n < st.limit[i] {
		return false
	}
	if b.hs == nil {
		b.hs = newHashState(len(b.pats))
	}
	h := b.hs
	p := b.scanPattern(i)
	hk := hashKey{pats: &b.pats[0], level: i, p: p, g: graphKey(b.g)}
	if t := b.q.levelHashes[hk]; t != nil {
		h.tables[i] = t
		return true
	}
	est := b.q.estimate(b.g, p)
	if est > maxHashLevel {
		st.limit[i] = -1
		return false
	}
	if need := int(est / b.q.lookupCost()); n < need {
		st.limit[i] = need
		return false
	}
	t, err := b.buildLevelHash(i, p, est)
	if err != nil {
		b.err = err
		return false
	}
	h.tables[i] = t
	if b.prof != nil {
		if len(b.prof.Hashed) < len(b.pats) {
			b.prof.Hashed = make([]bool, len(b.pats))
		}
		b.prof.Hashed[i] = true
	}
	if b.q.hashMem+t.mem <= b.q.budget/4 {
		// A BGP evaluated again (the right side of a nested-loop join, a subquery) finds the
		// table ready while the cache stays within a quarter of the memory budget.
		if b.q.levelHashes == nil {
			b.q.levelHashes = map[hashKey]*levelHash{}
		}
		t.kept = true
		b.q.hashMem += t.mem
		b.q.levelHashes[hk] = t
	} else {
		// Not kept: later evaluations look the level up rather than scanning it again each.
		st.limit[i] = -1
	}
	return true
}

// scanPattern is level i's pattern with its constants only, the same for every evaluation.
func (b *bgpRows) scanPattern(i int) Pattern {
	var p Pattern
	for j, r := range b.pats[i] {
		if r.v < 0 {
			p[j] = r.id
		}
	}
	return p
}

func (b *bgpRows) buildLevelHash(i int, p Pattern, est uint64) (*levelHash, error) {
	key, _ := b.keyPositions(i)
	t := &levelHash{key: key, one: -1}
	n := 0
	for j, k := range key {
		if k {
			n++
			t.one = j
		}
	}
	size := int(min(est, 1<<20))
	if n == 1 {
		t.m1 = newIDTable(size)
	} else {
		t.one = -1
		t.m3 = make(map[[3]ID]int32, size/2)
	}
	t.all = make([][3]ID, 0, size)
	t.next = make([]int32, 0, size)
	it := b.q.match(b.g, p)
	defer it.Close()
	for it.Next() {
		if err := b.q.tick(); err != nil {
			b.q.release(t.mem)
			return nil, err
		}
		tr := [3]ID{it.cur[0], it.cur[1], it.cur[2]}
		at := int32(len(t.all))
		prev, ok := int32(-1), false
		if t.one >= 0 {
			if prev, ok = t.m1.swap(tr[t.one], at); !ok {
				prev = -1
			}
		} else {
			var k [3]ID
			for j := range k {
				if key[j] {
					k[j] = tr[j]
				}
			}
			if prev, ok = t.m3[k]; !ok {
				prev = -1
			}
			t.m3[k] = at
		}
		t.all = append(t.all, tr)
		t.next = append(t.next, prev)
		t.mem += 48
		if err := b.q.grow(48); err != nil {
			b.q.release(t.mem)
			return nil, err
		}
	}
	if it.err != nil {
		b.q.release(t.mem)
		return nil, it.err
	}
	return t, nil
}

// openHashed positions level i at the chain of the current binding.
func (b *bgpRows) openHashed(i int) {
	b.hs.cur[i] = b.hs.tables[i].head(b.pats[i], b.at[i])
}

func (b *bgpRows) releaseHashes() {
	if b.hs == nil {
		return
	}
	for i, t := range b.hs.tables {
		if t != nil && !t.kept {
			b.q.release(t.mem)
		}
		b.hs.tables[i] = nil
	}
}
