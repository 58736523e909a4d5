package eval

// idTable maps IDs to int32 values by open addressing with linear probing: the hashed BGP
// levels' index of chain heads, about five times faster to build than a Go map of the same
// pairs. ID 0 marks an empty slot (no term has ID 0).
type idTable struct {
	keys  []ID
	vals  []int32
	n     int
	shift uint
}

func newIDTable(hint int) *idTable {
	size, shift := 16, uint(60)
	for 3*size < 4*hint {
		size <<= 1
		shift--
	}
	return &idTable{keys: make([]ID, size), vals: make([]int32, size), shift: shift}
}

func (t *idTable) slot(k ID) int { return int((uint64(k) * 0x9E3779B97F4A7C15) >> t.shift) }

// get returns the value of k.
func (t *idTable) get(k ID) (int32, bool) {
	mask := len(t.keys) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// swap sets k to v and returns the previous value (ok false when k was absent).
func (t *idTable) swap(k ID, v int32) (prev int32, ok bool) {
	if 4*(t.n+1) > 3*len(t.keys) { // load factor at most 3/4
		t.grow()
	}
	mask := len(t.keys) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			prev = t.vals[i]
			t.vals[i] = v
			return prev, true
		case 0:
			t.keys[i], t.vals[i] = k, v
			t.n++
			return 0, false
		}
	}
}

func (t *idTable) grow() {
	old, oldv := t.keys, t.vals
	t.keys, t.vals = make([]ID, 2*len(old)), make([]int32, 2*len(old))
	t.shift--
	t.n = 0
	for i, k := range old {
		if k != 0 {
			t.swap(k, oldv[i])
		}
	}
}

// bytes is the table's memory.
func (t *idTable) bytes() int64 { return int64(len(t.keys)) * 12 }
