package eval

import (
	"math/rand"
	"testing"
)

func TestIDTable_AgreesWithMap(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	tab := newIDTable(4)
	m := map[ID]int32{}
	for i := 0; i < 20000; i++ {
		k := ID(1 + r.Intn(5000))
		if r.Intn(2) == 0 {
			k |= overlayBit
		}
		v := int32(i)
		prev, ok := tab.swap(k, v)
		mprev, mok := m[k]
		if ok != mok || prev != mprev {
			t.Fatalf("swap(%d): %d %v, map %d %v", k, prev, ok, mprev, mok)
		}
		m[k] = v
	}
	if tab.n != len(m) {
		t.Fatalf("%d keys, map %d", tab.n, len(m))
	}
	for k, v := range m {
		if got, ok := tab.get(k); !ok || got != v {
			t.Fatalf("get(%d) = %d %v, want %d", k, got, ok, v)
		}
	}
	if _, ok := tab.get(5001); ok {
		t.Fatal("absent key found")
	}
}

func BenchmarkIDTable_Build(b *testing.B) {
	for i := 0; i < b.N; i++ {
		tab := newIDTable(1 << 15)
		for k := ID(1); k <= 1<<16; k++ {
			tab.swap(k*7919, int32(k))
		}
	}
}

func BenchmarkIDTable_BuildGoMap(b *testing.B) {
	for i := 0; i < b.N; i++ {
		m := make(map[ID]int32, 1<<15)
		for k := ID(1); k <= 1<<16; k++ {
			m[k*7919] = int32(k)
		}
	}
}
