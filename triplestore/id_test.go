package triplestore

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func TestTermID_InlineRoundTrip(t *testing.T) {
	cases := []struct {
		term   rdf.Term
		inline bool
	}{
		{rdf.NewTypedLiteral("0", rdf.XSDInteger), true},
		{rdf.NewTypedLiteral("-1", rdf.XSDInteger), true},
		{rdf.NewTypedLiteral("72057594037927935", rdf.XSDInteger), true},
		{rdf.NewTypedLiteral("-72057594037927936", rdf.XSDInteger), true},
		{rdf.NewTypedLiteral("72057594037927936", rdf.XSDInteger), false},
		{rdf.NewTypedLiteral("01", rdf.XSDInteger), false},
		{rdf.NewTypedLiteral("-0", rdf.XSDInteger), false},
		{rdf.NewTypedLiteral("+1", rdf.XSDInteger), false},
		{rdf.NewTypedLiteral("", rdf.XSDInteger), false},
		{rdf.NewTypedLiteral("-", rdf.XSDInteger), false},
		{rdf.NewTypedLiteral("true", rdf.XSDBoolean), true},
		{rdf.NewTypedLiteral("false", rdf.XSDBoolean), true},
		{rdf.NewTypedLiteral("1", rdf.XSDBoolean), false},
		{rdf.NewTypedLiteral("2024-02-29", rdf.XSDDate), true},
		{rdf.NewTypedLiteral("0001-01-01", rdf.XSDDate), true},
		{rdf.NewTypedLiteral("0000-01-01", rdf.XSDDate), false},
		{rdf.NewTypedLiteral("2024-13-01", rdf.XSDDate), false},
		{rdf.NewTypedLiteral("2024-02-29Z", rdf.XSDDate), false},
		{rdf.NewLiteral(""), true},
		{rdf.NewLiteral("abcdef"), true},
		{rdf.NewLiteral("abcdefg"), false},
		{rdf.NewLiteral("\x00\xff"), true},
		{rdf.NewLangLiteral("ab", "en"), false},
		{rdf.BlankNode("l0"), true},
		{rdf.BlankNode("l123"), true},
		{rdf.BlankNode("l0123"), false},
		{rdf.BlankNode("l"), false},
		{rdf.BlankNode("lx"), false},
		{rdf.IRI("http://example.org/"), false},
	}
	for _, c := range cases {
		id, ok := inlineID(c.term)
		if ok != c.inline {
			t.Errorf("inlineID(%v) inline = %v, want %v", c.term, ok, c.inline)
			continue
		}
		if !ok {
			continue
		}
		if id>>62 != 0 || !id.Inline() {
			t.Errorf("inlineID(%v) = %#x: not an inline ID below 2^62", c.term, uint64(id))
		}
		back, ok := inlineTerm(id)
		if !ok || back != c.term {
			t.Errorf("inlineTerm(inlineID(%v)) = %v, %v", c.term, back, ok)
		}
	}
}

func TestTermID_String(t *testing.T) {
	for id, want := range map[TermID]string{0: "any", DefaultGraph: "default", mkID(tagIRI, 7): "iri:7", mkID(tagInt, 2): "int:2"} {
		if got := id.String(); got != want {
			t.Errorf("%#x.String() = %q, want %q", uint64(id), got, want)
		}
	}
}

// FuzzTermRoundTrip adds a term built from fuzzed parts to a store and checks that its ID
// decodes back to exactly the same term (inline or through the dictionary), and that
// LookupID finds the same ID again.
func FuzzTermRoundTrip(f *testing.F) {
	f.Add(uint8(0), "http://example.org/a", "", "")
	f.Add(uint8(1), "x", "", "")
	f.Add(uint8(2), "42", "http://www.w3.org/2001/XMLSchema#integer", "")
	f.Add(uint8(2), "042", "http://www.w3.org/2001/XMLSchema#integer", "")
	f.Add(uint8(2), "2020-01-01", "http://www.w3.org/2001/XMLSchema#date", "")
	f.Add(uint8(3), "chat", "", "fr")
	f.Add(uint8(1), "l12", "", "")
	s, err := Open(filepath.Join(f.TempDir(), "fuzz.db"), &Options{NoSync: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	f.Fuzz(func(t *testing.T, kind uint8, value, dt, lang string) {
		var term rdf.Term
		switch kind % 5 {
		case 0:
			term = rdf.IRI(value)
		case 1:
			term = rdf.BlankNode(value)
		case 2:
			term = rdf.NewTypedLiteral(value, rdf.IRI(dt))
		case 3:
			if lang == "" || len(lang) > 255 {
				return
			}
			term = rdf.NewLangLiteral(value, lang)
		default:
			term = rdf.NewLiteral(value)
		}
		err := s.Update(func(tx *Tx) error {
			id, err := tx.ID(term)
			if err != nil {
				return err
			}
			back, err := tx.Term(id)
			if err != nil {
				return err
			}
			if back != term {
				t.Fatalf("%#v -> %v -> %#v", term, id, back)
			}
			again, ok, err := tx.LookupID(term)
			if err != nil || !ok || again != id {
				t.Fatalf("LookupID(%#v) = %v, %v, %v; want %v", term, again, ok, err, id)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// TestDict_ManyTransactions adds terms of every shape in many write transactions, so that
// term->id and id->term blocks split and grow across commits, then checks every lookup
// and the store's invariants.
func TestDict_ManyTransactions(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	var terms []rdf.Term
	for i := 0; i < 6000; i++ {
		switch i % 6 {
		case 0:
			terms = append(terms, rdf.IRI(fmt.Sprintf("http://example.org/ns%d/item%d", i%37, i*7919%100003)))
		case 1:
			terms = append(terms, rdf.NewLiteral(fmt.Sprintf("literal %d %s", i, strings.Repeat("x", i%150))))
		case 2:
			terms = append(terms, rdf.NewLangLiteral(fmt.Sprintf("tekst %d", i), []string{"nl", "en", "fr-BE"}[i%3]))
		case 3:
			terms = append(terms, rdf.NewTypedLiteral(fmt.Sprintf("%d.5", i), rdf.XSDDecimal))
		case 4:
			terms = append(terms, rdf.BlankNode(fmt.Sprintf("b%d", i)))
		default:
			terms = append(terms, rdf.IRI(fmt.Sprintf("urn:uuid:%08x-%d", i*2654435761, i)))
		}
	}
	ids := make([]TermID, len(terms))
	for start := 0; start < len(terms); start += 120 {
		err := s.Update(func(tx *Tx) error {
			for i := start; i < start+120 && i < len(terms); i++ {
				id, err := tx.ID(terms[i])
				if err != nil {
					return err
				}
				ids[i] = id
			}
			// A quad per transaction keeps the store non-trivial for Check.
			_, err := tx.Add(rdf.Quad{Subject: rdf.IRI("http://example.org/s"), Predicate: rdf.IRI("http://example.org/p"), Object: terms[start]})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	err := s.View(func(tx *Tx) error {
		for i, term := range terms {
			id, ok, err := tx.LookupID(term)
			if err != nil || !ok || id != ids[i] {
				t.Fatalf("LookupID(%v) = %v, %v, %v; want %v", term, id, ok, err, ids[i])
			}
			back, err := tx.Term(id)
			if err != nil || back != term {
				t.Fatalf("Term(%v) = %v, %v; want %v", id, back, err, term)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}
