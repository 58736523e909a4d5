package eval

// Hashed levels of a BGP. An index nested loop opens one store scan per solution arriving at
// a level; with the bbolt store every such lookup decodes an index block, so thousands of
// lookups into the same pattern cost more than reading the pattern once. A level that has
// been opened often enough that the lookups so far cost about as much as one scan of the
// whole pattern (under the seed's values only) switches to a hash table of that scan, keyed
// on the variables the earlier levels bind: a competitive choice that needs no estimate of
// how many solutions will arrive, and is never much worse than the better of the two plans
// (compare the adaptive joins of Jena ARQ and of Umbra).

// lookupCost is roughly how many scanned tuples one index lookup costs (a lookup decodes an
// index block of up to a few hundred tuples).
// A variable, as is hashFirstOpens, so that tests can make every level hash at once.
var lookupCost uint64 = 128

// hashFirstOpens is how many opens of a level pass before hashing is considered at all.
var hashFirstOpens = 32

// maxHashLevel bounds the pattern size (by the dataset's estimate) a level may hash.
const maxHashLevel = 1 << 22

// levelHash is the hashed scan of one BGP level: its triples grouped by the values at the
// key positions (zero at the others).
type levelHash struct {
	key [3]bool
	m   map[[3]ID][][3]ID
	mem int64
}

// hashState is what a bgpRows tracks per level to decide and serve hashed levels.
type hashState struct {
	opens  []int
	limit  []int // opens after which the level is hashed; -1 never
	tables []*levelHash
	cur    [][][3]ID // per hashed level, the triples of the current bucket still to hand out
}

func newHashState(n int) *hashState {
	h := &hashState{opens: make([]int, n), limit: make([]int, n), tables: make([]*levelHash, n), cur: make([][][3]ID, n)}
	return h
}

// keyPositions reports, for level i, which positions hold variables bound by an earlier level
// (not by the seed): the key positions of a hashed level.
func (b *bgpRows) keyPositions(i int) (key [3]bool, any bool) {
	seed := b.at[0]
	for j, r := range b.pats[i] {
		if r.v < 0 || seed[r.v] != 0 {
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

// shouldHash counts an open of level i and reports whether it is to be served by a hash
// table (building it when this open is the one that tips the balance).
func (b *bgpRows) shouldHash(i int) bool {
	h := b.hs
	if h.tables[i] != nil {
		return true
	}
	if h.limit[i] < 0 {
		return false
	}
	h.opens[i]++
	if h.limit[i] == 0 {
		if _, ok := b.keyPositions(i); !ok {
			h.limit[i] = -1 // no join variable: every open is the same scan anyway
			return false
		}
		h.limit[i] = hashFirstOpens
	}
	if h.opens[i] < h.limit[i] {
		return false
	}
	p := b.scanPattern(i)
	est := b.q.estimate(b.g, p)
	if est > maxHashLevel {
		h.limit[i] = -1
		return false
	}
	if need := int(est / lookupCost); h.opens[i] < need {
		h.limit[i] = need
		return false
	}
	t, err := b.buildLevelHash(i, p)
	if err != nil {
		b.err = err
		return false
	}
	h.tables[i] = t
	return true
}

// scanPattern is level i's pattern with only constants and the seed's values.
func (b *bgpRows) scanPattern(i int) Pattern {
	var p Pattern
	for j, r := range b.pats[i] {
		p[j] = r.value(b.at[0])
	}
	return p
}

func (b *bgpRows) buildLevelHash(i int, p Pattern) (*levelHash, error) {
	key, _ := b.keyPositions(i)
	t := &levelHash{key: key, m: map[[3]ID][][3]ID{}}
	it := b.q.match(b.g, p)
	defer it.Close()
	for it.Next() {
		if err := b.q.tick(); err != nil {
			return nil, err
		}
		tr := [3]ID{it.cur[0], it.cur[1], it.cur[2]}
		var k [3]ID
		for j := range k {
			if key[j] {
				k[j] = tr[j]
			}
		}
		t.m[k] = append(t.m[k], tr)
		t.mem += 40
		if err := b.q.grow(40); err != nil {
			b.q.release(t.mem)
			return nil, err
		}
	}
	if it.err != nil {
		return nil, it.err
	}
	return t, nil
}

// openHashed positions level i at the bucket of the current binding.
func (b *bgpRows) openHashed(i int) {
	t := b.hs.tables[i]
	var k [3]ID
	for j, r := range b.pats[i] {
		if t.key[j] {
			k[j] = b.at[i][r.v]
		}
	}
	b.hs.cur[i] = t.m[k]
}

func (b *bgpRows) releaseHashes() {
	if b.hs == nil {
		return
	}
	for i, t := range b.hs.tables {
		if t != nil {
			b.q.release(t.mem)
			b.hs.tables[i] = nil
		}
	}
}
