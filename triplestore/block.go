package triplestore

import (
	"encoding/binary"
	"errors"
)

// tuple is one index entry: 3 IDs for the default-graph orders, 4 for the named-graph ones.
// Unused trailing slots are 0.
type tuple [4]TermID

func tupleLess(a, b *tuple, k int) bool {
	for i := 0; i < k; i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func tupleCmp(a, b *tuple, k int) int {
	for i := 0; i < k; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// Block layout. An index is a sorted sequence of k-tuples cut into blocks; each block is one
// bbolt key/value pair:
//
//	key   = the block's first tuple, k big-endian uint64s (8k bytes)
//	value = uvarint(n) followed by n tuples, each relative to the tuple before it
//	        (the first relative to the key):
//	          uvarint(delta<<2 | i)   i = first component that differs from the previous
//	                                  tuple, delta = cur[i]-prev[i] (> 0, tuples are sorted)
//	          uvarint(cur[j])         for each j in i+1..k-1
//
// Tuples are unique and strictly ascending within and across blocks; a block's key is smaller
// than every tuple after it. A block never holds more than blockMax tuples after the key and
// its value stays below about blockBytes bytes.
//
// A point lookup decodes (or skips, see scan.skip) the tuples of its block that precede its
// key, half a block on average, so the bulk size trades lookup time for bbolt keys: 64
// tuples per block (down from 192) made a cold point lookup about 40% cheaper for 0.4
// bytes more per triple (BSBM-like data: 16.36 -> 16.76). Readers accept blocks of any size.
const (
	blockBulk  = 64   // tuples per block written by the bulk loader (and after a split)
	blockMax   = 384  // an edited block with more tuples is split
	blockBytes = 1800 // an edited block with a longer value is split
)

var errBadBlock = errors.New("malformed index block")

func putKey(dst []byte, t *tuple, k int) []byte {
	for i := 0; i < k; i++ {
		dst = binary.BigEndian.AppendUint64(dst, uint64(t[i]))
	}
	return dst
}

func readKey(key []byte, k int) (t tuple, ok bool) {
	if len(key) != 8*k {
		return t, false
	}
	for i := 0; i < k; i++ {
		t[i] = TermID(binary.BigEndian.Uint64(key[8*i:]))
	}
	return t, true
}

// appendTupleDelta appends cur encoded relative to prev.
func appendTupleDelta(dst []byte, prev, cur *tuple, k int) []byte {
	i := 0
	for i < k-1 && prev[i] == cur[i] {
		i++
	}
	dst = binary.AppendUvarint(dst, uint64(cur[i]-prev[i])<<2|uint64(i))
	for j := i + 1; j < k; j++ {
		dst = binary.AppendUvarint(dst, uint64(cur[j]))
	}
	return dst
}

// encodeBlock writes ts (sorted, unique, len >= 1) as a key and a value.
func encodeBlock(key, val []byte, ts []tuple, k int) ([]byte, []byte) {
	key = putKey(key[:0], &ts[0], k)
	val = binary.AppendUvarint(val[:0], uint64(len(ts)-1))
	for i := 1; i < len(ts); i++ {
		val = appendTupleDelta(val, &ts[i-1], &ts[i], k)
	}
	return key, val
}

// decodeBlock appends the tuples of a block to dst. It checks the structure but not that
// the tuples ascend (Check does).
func decodeBlock(dst []tuple, key, val []byte, k int) ([]tuple, error) {
	first, ok := readKey(key, k)
	if !ok {
		return dst, errBadBlock
	}
	return decodeTuples(dst, first, val, k)
}

// decodeTuples is decodeBlock with the key already read.
func decodeTuples(dst []tuple, first tuple, val []byte, k int) ([]tuple, error) {
	dst = append(dst, first)
	n, m := binary.Uvarint(val)
	if m <= 0 || n > uint64(len(val)) {
		return dst, errBadBlock
	}
	val = val[m:]
	prev := first
	for ; n > 0; n-- {
		h, m := binary.Uvarint(val)
		if m <= 0 {
			return dst, errBadBlock
		}
		val = val[m:]
		i := int(h & 3)
		if i >= k {
			return dst, errBadBlock
		}
		cur := prev
		cur[i] += TermID(h >> 2)
		for j := i + 1; j < k; j++ {
			v, m := binary.Uvarint(val)
			if m <= 0 {
				return dst, errBadBlock
			}
			val = val[m:]
			cur[j] = TermID(v)
		}
		dst = append(dst, cur)
		prev = cur
	}
	if len(val) != 0 {
		return dst, errBadBlock
	}
	return dst, nil
}
