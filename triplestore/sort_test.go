package triplestore

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortTuples_MatchesSlicesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 2, 5, 24, 25, 100, 1000, 20000} {
		for _, spread := range []int{1, 3, 50, 1 << 30} {
			for _, k := range []int{3, 4} {
				ts := make([]tuple, n)
				for i := range ts {
					for j := 0; j < k; j++ {
						ts[i][j] = TermID(r.IntN(spread) + 1)
					}
				}
				if n > 100 && spread == 50 {
					// Mostly sorted input, as subject-grouped files give.
					slices.SortFunc(ts[:n/2], func(a, b tuple) int { return tupleCmp(&a, &b, k) })
				}
				want := slices.Clone(ts)
				slices.SortFunc(want, func(a, b tuple) int { return tupleCmp(&a, &b, k) })
				want = slices.Compact(want)
				if got := sortTuples(ts, k); !slices.Equal(got, want) {
					t.Fatalf("n=%d spread=%d k=%d: sortTuples differs from slices.SortFunc+Compact", n, spread, k)
				}
			}
		}
	}
}

func BenchmarkSortTuples(b *testing.B) {
	r := rand.New(rand.NewPCG(9, 10))
	src := make([]tuple, 1<<18)
	for i := range src {
		src[i] = tuple{TermID(r.IntN(1 << 20)), TermID(r.IntN(40)), TermID(r.Uint64N(1 << 40))}
	}
	ts := make([]tuple, len(src))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		copy(ts, src)
		sortTuples(ts, 3)
	}
}

// BenchmarkSortTuples_SlicesSortFunc is the baseline sortTuples replaces.
func BenchmarkSortTuples_SlicesSortFunc(b *testing.B) {
	r := rand.New(rand.NewPCG(9, 10))
	src := make([]tuple, 1<<18)
	for i := range src {
		src[i] = tuple{TermID(r.IntN(1 << 20)), TermID(r.IntN(40)), TermID(r.Uint64N(1 << 40))}
	}
	ts := make([]tuple, len(src))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		copy(ts, src)
		slices.SortFunc(ts, func(a, b tuple) int { return tupleCmp(&a, &b, 3) })
	}
}
