package triplestore

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func TestMemDict_LongTermsVerified(t *testing.T) {
	d, err := newMemDict(t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer d.close()
	a := rdf.NewLiteral(strings.Repeat("a", 100))
	b := rdf.NewLiteral(strings.Repeat("b", 100))
	ia, ib := d.id(a), d.id(b)
	if ia == ib || d.id(a) != ia || d.id(b) != ib || d.err != nil {
		t.Fatalf("ids %v %v, again %v %v, err %v", ia, ib, d.id(a), d.id(b), d.err)
	}
	// Push a's record out of the in-memory buffer into the spill file and look it up again.
	for i := 0; i < 15000; i++ {
		d.id(rdf.NewLiteral(fmt.Sprintf("%0100d", i)))
	}
	if d.fileOff == 0 || d.id(a) != ia || d.err != nil {
		t.Fatalf("after spilling: fileOff %d, id %v (want %v), err %v", d.fileOff, d.id(a), ia, d.err)
	}
	// Forge a collision: make b's hash slot point at a's record.
	enc := appendLiteralEnc(nil, b.Lexical, 0, "")
	h := sha256.Sum256(enc)
	var key [16]byte
	copy(key[:], h[:16])
	lt := d.long[key]
	lt.off = 0
	d.long[key] = lt
	d.id(b)
	if !errors.Is(d.err, ErrHashCollision) {
		t.Fatalf("forged collision: err = %v", d.err)
	}
}

func TestShortTable_GetPutSorted(t *testing.T) {
	tb := newShortTable()
	want := map[string]TermID{}
	for i := 0; i < 100000; i++ {
		k := fmt.Sprintf("k%x", i*7919)
		if i%3 == 0 {
			k = string([]byte{byte(i), 0, byte(i >> 8)})
		}
		if _, ok := want[k]; ok {
			continue
		}
		if _, ok := tb.get([]byte(k)); ok {
			t.Fatalf("%q found before put", k)
		}
		want[k] = TermID(i + 1)
		tb.put([]byte(k), TermID(i+1))
	}
	for k, id := range want {
		if got, ok := tb.get([]byte(k)); !ok || got != id {
			t.Fatalf("get(%q) = %v, %v; want %v", k, got, ok, id)
		}
	}
	ss := tb.sorted()
	if len(ss) != len(want) {
		t.Fatalf("sorted has %d entries, want %d", len(ss), len(want))
	}
	for i := 1; i < len(ss); i++ {
		if string(tb.key(ss[i-1])) >= string(tb.key(ss[i])) {
			t.Fatalf("sorted out of order at %d", i)
		}
	}
}
