package triplestore

import (
	"math/bits"
	"slices"
)

// sortTuples sorts ts in place in k-component order and drops duplicates. It is an
// introsort specialised for tuples (inline comparisons instead of a comparator call, which
// makes it about twice as fast as slices.SortFunc here); when a partition degenerates it
// hands over to slices.SortFunc.
func sortTuples(ts []tuple, k int) []tuple {
	if k == 3 {
		quickSort3(ts, 2*bits.Len(uint(len(ts))))
	} else {
		quickSort4(ts, 2*bits.Len(uint(len(ts))))
	}
	return slices.Compact(ts)
}

func less3(a, b *tuple) bool {
	if a[0] != b[0] {
		return a[0] < b[0]
	}
	if a[1] != b[1] {
		return a[1] < b[1]
	}
	return a[2] < b[2]
}

func less4(a, b *tuple) bool {
	if a[0] != b[0] {
		return a[0] < b[0]
	}
	if a[1] != b[1] {
		return a[1] < b[1]
	}
	if a[2] != b[2] {
		return a[2] < b[2]
	}
	return a[3] < b[3]
}

// quickSort3 and quickSort4 are the same code with less3 and less4.
func quickSort3(ts []tuple, depth int) {
	for len(ts) > 24 {
		if depth == 0 {
			slices.SortFunc(ts, func(a, b tuple) int { return tupleCmp(&a, &b, 3) })
			return
		}
		depth--
		// Median of three as the pivot, moved to ts[0].
		m, h := len(ts)/2, len(ts)-1
		if less3(&ts[m], &ts[0]) {
			ts[m], ts[0] = ts[0], ts[m]
		}
		if less3(&ts[h], &ts[0]) {
			ts[h], ts[0] = ts[0], ts[h]
		}
		if less3(&ts[h], &ts[m]) {
			ts[h], ts[m] = ts[m], ts[h]
		}
		ts[0], ts[m] = ts[m], ts[0]
		p := ts[0]
		// Hoare partition: ts[1:i] <= p, ts[j+1:] >= p.
		i, j := 1, len(ts)-1
		for {
			for i <= j && less3(&ts[i], &p) {
				i++
			}
			for i <= j && less3(&p, &ts[j]) {
				j--
			}
			if i >= j {
				break
			}
			ts[i], ts[j] = ts[j], ts[i]
			i++
			j--
		}
		ts[0], ts[j] = ts[j], ts[0]
		// Recurse into the smaller side, loop on the larger.
		if j < len(ts)-1-j {
			quickSort3(ts[:j], depth)
			ts = ts[j+1:]
		} else {
			quickSort3(ts[j+1:], depth)
			ts = ts[:j]
		}
	}
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && less3(&ts[j], &ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

func quickSort4(ts []tuple, depth int) {
	for len(ts) > 24 {
		if depth == 0 {
			slices.SortFunc(ts, func(a, b tuple) int { return tupleCmp(&a, &b, 4) })
			return
		}
		depth--
		// Median of three as the pivot, moved to ts[0].
		m, h := len(ts)/2, len(ts)-1
		if less4(&ts[m], &ts[0]) {
			ts[m], ts[0] = ts[0], ts[m]
		}
		if less4(&ts[h], &ts[0]) {
			ts[h], ts[0] = ts[0], ts[h]
		}
		if less4(&ts[h], &ts[m]) {
			ts[h], ts[m] = ts[m], ts[h]
		}
		ts[0], ts[m] = ts[m], ts[0]
		p := ts[0]
		// Hoare partition: ts[1:i] <= p, ts[j+1:] >= p.
		i, j := 1, len(ts)-1
		for {
			for i <= j && less4(&ts[i], &p) {
				i++
			}
			for i <= j && less4(&p, &ts[j]) {
				j--
			}
			if i >= j {
				break
			}
			ts[i], ts[j] = ts[j], ts[i]
			i++
			j--
		}
		ts[0], ts[j] = ts[j], ts[0]
		// Recurse into the smaller side, loop on the larger.
		if j < len(ts)-1-j {
			quickSort4(ts[:j], depth)
			ts = ts[j+1:]
		} else {
			quickSort4(ts[j+1:], depth)
			ts = ts[:j]
		}
	}
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && less4(&ts[j], &ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}
