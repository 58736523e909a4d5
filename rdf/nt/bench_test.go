package nt

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"testing"

	knakk "github.com/knakk/rdf"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// benchLines is the size of the generated benchmark input, in lines (statements).
const benchLines = 100_000

var (
	benchOnce  sync.Once
	benchInput []byte
)

// benchData returns a generated N-Triples document of benchLines statements shaped like the
// event and organisation data the store loads: subjects grouped by resource, a small
// vocabulary of predicates, typed and language-tagged literals (some with non-ASCII text and
// escapes), blank nodes for addresses, and links between resources.
func benchData() []byte {
	benchOnce.Do(func() {
		rng := rand.New(rand.NewPCG(1, 2))
		var b bytes.Buffer
		const (
			id     = "https://data.uitwisselingsplatform.be/id/"
			schema = "https://schema.org/"
			dct    = "http://purl.org/dc/terms/"
			locn   = "http://www.w3.org/ns/locn#"
			xsd    = "http://www.w3.org/2001/XMLSchema#"
		)
		names := []string{"Jazz in het park", "Concert d'été à Liège", "Tentoonstelling \\\"Licht\\\"", "Gentse Feesten – dag 3", "Kinderatelier: schilderen", "Lezing over de Schelde", "Marché de Noël", "Muziekles voor 6-12 jaar"}
		words := []string{"de", "een", "stad", "muziek", "voor", "iedereen", "gratis", "toegang", "à", "l'été", "gezellig", "centrum", "museum", "straße", "café", "optreden", "met", "en", "van", "het"}
		cities := []string{"Gent", "Brussel", "Antwerpen", "Liège", "Leuven", "Brugge", "Namur", "Hasselt"}
		n := 0
		line := func(format string, args ...any) {
			if n == benchLines {
				return
			}
			fmt.Fprintf(&b, format, args...)
			b.WriteByte('\n')
			n++
		}
		for ev := 0; n < benchLines; ev++ {
			s := fmt.Sprintf("<%sevent/%08x-%04x-4%03x-%04x>", id, rng.Uint32(), rng.IntN(1<<16), rng.IntN(1<<12), ev)
			line("%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <%sEvent> .", s, schema)
			name := names[rng.IntN(len(names))]
			line("%s <%sname> \"%s %d\"@nl .", s, schema, name, ev)
			if rng.IntN(3) == 0 {
				line("%s <%sname> \"%s %d\"@fr .", s, schema, name, ev)
			}
			var desc bytes.Buffer
			for i, m := 0, 10+rng.IntN(20); i < m; i++ {
				desc.WriteString(words[rng.IntN(len(words))])
				if rng.IntN(25) == 0 {
					desc.WriteString("\\n")
				} else {
					desc.WriteByte(' ')
				}
			}
			line("%s <%sdescription> \"%s\"@nl .", s, schema, desc.String())
			line("%s <%sstartDate> \"2026-%02d-%02dT%02d:00:00+01:00\"^^<%sdateTime> .", s, schema, 1+rng.IntN(12), 1+rng.IntN(28), 8+rng.IntN(14), xsd)
			line("%s <%smodified> \"2026-11-%02dT10:%02d:%02dZ\"^^<%sdateTime> .", s, dct, 1+rng.IntN(27), rng.IntN(60), rng.IntN(60), xsd)
			line("%s <%sorganizer> <%sorganisation/%d> .", s, schema, id, rng.IntN(5000))
			line("%s <%slocation> <%splace/%d> .", s, schema, id, rng.IntN(20000))
			line("%s <%smaximumAttendeeCapacity> \"%d\"^^<%sinteger> .", s, schema, 20+rng.IntN(2000), xsd)
			line("%s <%saddress> _:addr%d .", s, locn, ev)
			line("_:addr%d <%sthoroughfare> \"Kerkstraat %d\" .", ev, locn, 1+rng.IntN(200))
			line("_:addr%d <%spostName> \"%s\"@nl .", ev, locn, cities[rng.IntN(len(cities))])
			line("%s <%surl> <https://www.example.be/agenda/%d?lang=nl&ref=uwp> .", s, schema, ev)
		}
		benchInput = b.Bytes()
	})
	return benchInput
}

func reportTriples(b *testing.B, n int) {
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}

// BenchmarkReader compares this package's reader with github.com/knakk/rdf's N-Triples
// decoder on the same input.
func BenchmarkReader(b *testing.B) {
	data := benchData()
	b.Run("uwp", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			rd := NewReader(bytes.NewReader(data), rdf.ReadOptions{})
			n = 0
			for {
				_, err := rd.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
		}
		if n != benchLines {
			b.Fatalf("read %d triples, want %d", n, benchLines)
		}
		reportTriples(b, n)
	})
	b.Run("knakk", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			dec := knakk.NewTripleDecoder(bytes.NewReader(data), knakk.NTriples)
			n = 0
			for {
				_, err := dec.Decode()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
		}
		if n != benchLines {
			b.Fatalf("read %d triples, want %d", n, benchLines)
		}
		reportTriples(b, n)
	})
}

// BenchmarkWriter compares this package's writer with github.com/knakk/rdf's N-Triples
// encoder, each writing the triples of the benchmark input to io.Discard.
func BenchmarkWriter(b *testing.B) {
	data := benchData()
	var quads []rdf.Quad
	rd := NewReader(bytes.NewReader(data), rdf.ReadOptions{})
	for {
		q, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		quads = append(quads, q)
	}
	triples, err := knakk.NewTripleDecoder(bytes.NewReader(data), knakk.NTriples).DecodeAll()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("uwp", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			w := NewWriter(io.Discard, rdf.WriteOptions{})
			for _, q := range quads {
				if err := w.Write(q); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
		}
		reportTriples(b, len(quads))
	})
	b.Run("knakk", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			enc := knakk.NewTripleEncoder(io.Discard, knakk.NTriples)
			for _, t := range triples {
				if err := enc.Encode(t); err != nil {
					b.Fatal(err)
				}
			}
			if err := enc.Close(); err != nil {
				b.Fatal(err)
			}
		}
		reportTriples(b, len(triples))
	})
}

// TestBenchData keeps the benchmark input honest: it must be valid for both readers.
func TestBenchData(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 100K lines")
	}
	data := benchData()
	got := 0
	rd := NewReader(bytes.NewReader(data), rdf.ReadOptions{})
	for {
		_, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got++
	}
	if got != benchLines {
		t.Fatalf("read %d triples, want %d", got, benchLines)
	}
}
