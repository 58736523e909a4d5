package triplestore

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestBlock_EncodeDecode(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, k := range []int{3, 4} {
		for n := 1; n < 300; n += 37 {
			ts := make([]tuple, n)
			for i := range ts {
				for j := 0; j < k; j++ {
					ts[i][j] = TermID(r.Uint64N(1<<62-1) + 1)
					if r.IntN(2) == 0 {
						ts[i][j] = TermID(r.IntN(5) + 1)
					}
				}
			}
			slices.SortFunc(ts, func(a, b tuple) int { return tupleCmp(&a, &b, k) })
			ts = slices.Compact(ts)
			key, val := encodeBlock(nil, nil, ts, k)
			got, err := decodeBlock(nil, key, val, k)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, ts) {
				t.Fatalf("k=%d n=%d: round trip differs", k, n)
			}
			if _, err := decodeBlock(nil, key, val[:len(val)-1], k); err == nil && len(ts) > 1 {
				t.Fatalf("truncated block decoded without error")
			}
		}
	}
}

// TestIndex_InsertDelete drives insertTuples/deleteTuples against a sorted-set model with
// enough tuples to split blocks many times, and checks the prefix flags.
func TestIndex_InsertDelete(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "ix.db"), 0o644, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const k = 3
	r := rand.New(rand.NewPCG(5, 6))
	model := map[tuple]bool{}
	rnd := func() tuple {
		return tuple{TermID(r.IntN(50) + 1), TermID(r.IntN(20) + 1), TermID(r.IntN(400) + 1)}
	}
	for round := 0; round < 40; round++ {
		var batch []tuple
		for i := 0; i < 400; i++ {
			batch = append(batch, rnd())
		}
		slices.SortFunc(batch, func(a, b tuple) int { return tupleCmp(&a, &b, k) })
		batch = slices.Compact(batch)
		del := round%3 == 2
		err := db.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists([]byte("ix"))
			if err != nil {
				return err
			}
			if del {
				removed := make([]bool, len(batch))
				if err := deleteTuples(b, k, batch, removed); err != nil {
					return err
				}
				for i, tp := range batch {
					if removed[i] != model[tp] {
						t.Fatalf("round %d: removed %v = %v, model says %v", round, tp, removed[i], model[tp])
					}
					delete(model, tp)
				}
				return nil
			}
			flags := make([]uint8, len(batch))
			before := func(tp tuple, l int) bool {
				for m := range model {
					if sharesPrefix(&m, &tp, l) {
						return true
					}
				}
				return false
			}
			want := make([]uint8, len(batch))
			for i, tp := range batch {
				if model[tp] {
					continue
				}
				want[i] = 1
				for l := 1; l < k; l++ {
					if !before(tp, l) && !(i > 0 && sharesPrefix(&batch[i-1], &tp, l)) {
						want[i] |= 1 << l
					}
				}
			}
			if err := insertTuples(b, k, batch, flags); err != nil {
				return err
			}
			for i, tp := range batch {
				if flags[i] != want[i] {
					t.Fatalf("round %d: flags of %v = %b, want %b", round, tp, flags[i], want[i])
				}
				model[tp] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// Compare the whole index with the model.
		err = db.View(func(tx *bolt.Tx) error {
			var all []tuple
			c := tx.Bucket([]byte("ix")).Cursor()
			for key, v := c.First(); key != nil; key, v = c.Next() {
				all, err = decodeBlock(all, key, v, k)
				if err != nil {
					return err
				}
			}
			var want []tuple
			for tp := range model {
				want = append(want, tp)
			}
			slices.SortFunc(want, func(a, b tuple) int { return tupleCmp(&a, &b, k) })
			if !slices.Equal(all, want) {
				t.Fatalf("round %d: index holds %d tuples, model %d", round, len(all), len(want))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
