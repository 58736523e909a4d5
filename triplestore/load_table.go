package triplestore

import (
	"bytes"
	"hash/maphash"
	"slices"
)

// shortTable maps short encs (at most maxDirectKey bytes) to IDs for the bulk loader with far
// less memory than a map[string]TermID: the encs live back to back in one arena as
// (length byte, bytes), and an open-addressing table with linear probing holds
// (arena offset + 1, ID) pairs; offset 0 marks an empty slot.
type shortTable struct {
	arena []byte
	slots []shortSlot // len is a power of two, at most 70% full
	n     int
	seed  maphash.Seed
}

type shortSlot struct {
	off uint64
	id  TermID
}

func newShortTable() *shortTable {
	return &shortTable{slots: make([]shortSlot, 1<<16), seed: maphash.MakeSeed()}
}

func (t *shortTable) key(s shortSlot) []byte {
	o := s.off - 1
	n := uint64(t.arena[o])
	return t.arena[o+1 : o+1+n]
}

// get returns the ID of enc.
func (t *shortTable) get(enc []byte) (TermID, bool) {
	mask := uint64(len(t.slots) - 1)
	for i := maphash.Bytes(t.seed, enc) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.off == 0 {
			return 0, false
		}
		if bytes.Equal(t.key(s), enc) {
			return s.id, true
		}
	}
}

// put adds enc (which must not be present yet).
func (t *shortTable) put(enc []byte, id TermID) {
	if (t.n+1)*10 > len(t.slots)*7 {
		t.grow()
	}
	off := uint64(len(t.arena)) + 1
	t.arena = append(t.arena, byte(len(enc)))
	t.arena = append(t.arena, enc...)
	t.insert(shortSlot{off, id}, enc)
	t.n++
}

func (t *shortTable) insert(s shortSlot, enc []byte) {
	mask := uint64(len(t.slots) - 1)
	i := maphash.Bytes(t.seed, enc) & mask
	for t.slots[i].off != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

func (t *shortTable) grow() {
	old := t.slots
	t.slots = make([]shortSlot, 2*len(old))
	for _, s := range old {
		if s.off != 0 {
			t.insert(s, t.key(s))
		}
	}
}

// sorted returns the entries ordered by enc, and drops the hash table.
func (t *shortTable) sorted() []shortSlot {
	out := make([]shortSlot, 0, t.n)
	for _, s := range t.slots {
		if s.off != 0 {
			out = append(out, s)
		}
	}
	t.slots = nil
	sortSlots(out, t)
	return out
}

func sortSlots(ss []shortSlot, t *shortTable) {
	slices.SortFunc(ss, func(a, b shortSlot) int { return bytes.Compare(t.key(a), t.key(b)) })
}
