package triplestore

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// genBSBM generates n products of BSBM-like N-Triples (about 36 triples per product): types,
// labels, long comments, numeric and date properties, features, offers and reviews.
func genBSBM(products int) string {
	var b strings.Builder
	const (
		inst = "http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/instances/"
		voc  = "http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/vocabulary/"
		rdfs = "http://www.w3.org/2000/01/rdf-schema#"
		xsd  = "http://www.w3.org/2001/XMLSchema#"
		typ  = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
	)
	words := strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu")
	text := func(i, n int) string {
		var t []string
		for j := 0; j < n; j++ {
			t = append(t, words[(i*31+j*17+j*j)%len(words)])
		}
		return strings.Join(t, " ")
	}
	for p := 0; p < products; p++ {
		prod := fmt.Sprintf("<%sdataFromProducer%d/Product%d>", inst, p/50+1, p)
		fmt.Fprintf(&b, "%s %s <%sProductType%d> .\n", prod, typ, inst, p%40)
		fmt.Fprintf(&b, "%s %s <%sProduct> .\n", prod, typ, voc)
		fmt.Fprintf(&b, "%s <%slabel> \"%s\" .\n", prod, rdfs, text(p, 3))
		fmt.Fprintf(&b, "%s <%scomment> \"%s\" .\n", prod, rdfs, text(p, 40))
		fmt.Fprintf(&b, "%s <%sproducer> <%sdataFromProducer%d/Producer%d> .\n", prod, voc, inst, p/50+1, p/50+1)
		for f := 0; f < 8; f++ {
			fmt.Fprintf(&b, "%s <%sproductFeature> <%sProductFeature%d> .\n", prod, voc, inst, (p*7+f*13)%2000)
		}
		for n := 1; n <= 4; n++ {
			fmt.Fprintf(&b, "%s <%sproductPropertyNumeric%d> \"%d\"^^<%sinteger> .\n", prod, voc, n, (p*n*37)%2000, xsd)
		}
		fmt.Fprintf(&b, "%s <%sproductPropertyTextual1> \"%s\" .\n", prod, voc, text(p+1, 6))
		fmt.Fprintf(&b, "%s <http://purl.org/dc/elements/1.1/date> \"2008-%02d-%02d\"^^<%sdate> .\n", prod, p%12+1, p%28+1, xsd)
		for o := 0; o < 2; o++ {
			off := fmt.Sprintf("<%sdataFromVendor%d/Offer%d>", inst, p%30, p*2+o)
			fmt.Fprintf(&b, "%s %s <%sOffer> .\n", off, typ, voc)
			fmt.Fprintf(&b, "%s <%sproduct> %s .\n", off, voc, prod)
			fmt.Fprintf(&b, "%s <%sprice> \"%d.%02d\"^^<%sdecimal> .\n", off, voc, (p*o+13)%10000, p%100, xsd)
			fmt.Fprintf(&b, "%s <%svalidTo> \"2008-%02d-%02dT00:00:00\"^^<%sdateTime> .\n", off, voc, o+5, p%28+1, xsd)
			fmt.Fprintf(&b, "%s <%sdeliveryDays> \"%d\"^^<%sinteger> .\n", off, voc, p%7+1, xsd)
		}
		for r := 0; r < 2; r++ {
			rev := fmt.Sprintf("<%sdataFromRatingSite%d/Review%d>", inst, p%10, p*2+r)
			fmt.Fprintf(&b, "%s %s <%sReview> .\n", rev, typ, voc)
			fmt.Fprintf(&b, "%s <%sreviewFor> %s .\n", rev, voc, prod)
			fmt.Fprintf(&b, "%s <http://purl.org/stuff/rev#text> \"%s\"@en .\n", rev, text(p*3+r, 60))
			fmt.Fprintf(&b, "%s <%srating1> \"%d\"^^<%sinteger> .\n", rev, voc, (p+r)%10+1, xsd)
			fmt.Fprintf(&b, "%s <http://purl.org/dc/elements/1.1/title> \"%s\" .\n", rev, text(p*5+r, 5))
		}
	}
	return b.String()
}

func benchOpen(b *testing.B) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"), &Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func reportLoad(b *testing.B, s *Store, triples int) {
	b.ReportMetric(float64(triples)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
	if size, err := s.Size(); err == nil {
		b.ReportMetric(float64(size)/float64(triples), "bytes/triple")
	}
}

// BenchmarkLoad_Bulk loads about 180K generated triples into an empty store (end to end:
// parsing, dictionary, sorting, writing, renaming).
func BenchmarkLoad_Bulk(b *testing.B) {
	text := genBSBM(5000)
	triples := strings.Count(text, "\n")
	b.SetBytes(int64(len(text)))
	var s *Store
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if s != nil {
			s.Close()
		}
		s = benchOpen(b)
		b.StartTimer()
		if _, err := s.Load(context.Background(), []LoadSource{stringSource("bsbm.nt", rdf.NTriples, text)}, LoadOptions{TempDir: b.TempDir()}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportLoad(b, s, triples)
	s.Close()
}

// BenchmarkLoad_File loads the N-Triples file named by UWP_BENCH_NT (e.g. the bench
// harness's /tmp/bench-data/bsbm-2785.nt) into an empty store.
func BenchmarkLoad_File(b *testing.B) {
	path := os.Getenv("UWP_BENCH_NT")
	if path == "" {
		b.Skip("set UWP_BENCH_NT to an N-Triples file")
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	var s *Store
	var st LoadStats
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if s != nil {
			s.Close()
		}
		s = benchOpen(b)
		b.StartTimer()
		src := LoadSource{Name: path, Format: rdf.NTriples, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
		if st, err = s.Load(context.Background(), []LoadSource{src}, LoadOptions{TempDir: b.TempDir()}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportLoad(b, s, int(st.Statements))
	s.Close()
}

// BenchmarkLoad_Incremental loads 20% more triples (new products) into a store that already
// holds about 180K.
func BenchmarkLoad_Incremental(b *testing.B) {
	base := genBSBM(5000)
	more := strings.ReplaceAll(genBSBM(1000), "Product", "NewProduct")
	triples := strings.Count(more, "\n")
	var s *Store
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if s != nil {
			s.Close()
		}
		s = benchOpen(b)
		if _, err := s.Load(context.Background(), []LoadSource{stringSource("base.nt", rdf.NTriples, base)}, LoadOptions{TempDir: b.TempDir()}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		st, err := s.Load(context.Background(), []LoadSource{stringSource("more.nt", rdf.NTriples, more)}, LoadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if st.Bulk {
			b.Fatal("incremental load took the bulk path")
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(triples)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
	s.Close()
}

// benchStore returns a store bulk-loaded with genBSBM(products), shared by a benchmark's runs.
func benchStore(b *testing.B, products int) *Store {
	b.Helper()
	s := benchOpen(b)
	if _, err := s.Load(context.Background(), []LoadSource{stringSource("bsbm.nt", rdf.NTriples, genBSBM(products))}, LoadOptions{TempDir: b.TempDir()}); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func benchTerms(products int) []rdf.Term {
	var ts []rdf.Term
	for p := 0; p < products; p += 7 {
		ts = append(ts,
			rdf.IRI(fmt.Sprintf("http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/instances/dataFromProducer%d/Product%d", p/50+1, p)),
			rdf.NewTypedLiteral(fmt.Sprintf("2008-%02d-%02dT00:00:00", 5, p%28+1), rdf.XSDDateTime),
			rdf.IRI(fmt.Sprintf("http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/instances/ProductFeature%d", (p*7)%2000)))
	}
	return ts
}

// BenchmarkDict_LookupID looks up existing terms (IRIs and a typed literal) by term.
func BenchmarkDict_LookupID(b *testing.B) {
	s := benchStore(b, 2000)
	terms := benchTerms(2000)
	b.ResetTimer()
	err := s.View(func(tx *Tx) error {
		for i := 0; i < b.N; i++ {
			if _, ok, err := tx.LookupID(terms[i%len(terms)]); err != nil || !ok {
				b.Fatalf("LookupID(%v) = %v, %v", terms[i%len(terms)], ok, err)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkDict_Term decodes IDs back to terms.
func BenchmarkDict_Term(b *testing.B) {
	s := benchStore(b, 2000)
	terms := benchTerms(2000)
	var ids []TermID
	s.View(func(tx *Tx) error {
		for _, t := range terms {
			id, _, _ := tx.LookupID(t)
			ids = append(ids, id)
		}
		return nil
	})
	b.ResetTimer()
	s.View(func(tx *Tx) error {
		for i := 0; i < b.N; i++ {
			if _, err := tx.Term(ids[i%len(ids)]); err != nil {
				b.Fatal(err)
			}
		}
		return nil
	})
}

// BenchmarkDict_Encode adds new terms in write transactions of 1000.
func BenchmarkDict_Encode(b *testing.B) {
	s := benchOpen(b)
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i += 1000 {
		err := s.Update(func(tx *Tx) error {
			for j := i; j < i+1000 && j < b.N; j++ {
				if _, err := tx.ID(rdf.IRI(fmt.Sprintf("http://example.org/resource/item%d", j))); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatch scans every pattern shape over about 70K triples; quads/s counts results.
func BenchmarkMatch(b *testing.B) {
	s := benchStore(b, 2000)
	var prod, feature, typ, rdfType, feat700 TermID
	s.View(func(tx *Tx) error {
		prod, _, _ = tx.LookupID(rdf.IRI("http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/instances/dataFromProducer3/Product100"))
		feature, _, _ = tx.LookupID(rdf.IRI("http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/vocabulary/productFeature"))
		typ, _, _ = tx.LookupID(rdf.IRI("http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/vocabulary/Review"))
		rdfType, _, _ = tx.LookupID(rdf.RDFType)
		feat700, _, _ = tx.LookupID(rdf.IRI("http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/instances/ProductFeature700"))
		return nil
	})
	for _, c := range []struct {
		name string
		p    Pattern
	}{
		{"All", Pattern{}},
		{"S", Pattern{prod, 0, 0, 0}},
		{"SP", Pattern{prod, feature, 0, 0}},
		{"P", Pattern{0, feature, 0, 0}},
		{"PO", Pattern{0, rdfType, typ, 0}},
		{"O", Pattern{0, 0, typ, 0}},
		{"SO", Pattern{prod, 0, feat700, 0}},
		{"DefaultGraphS", Pattern{prod, 0, 0, DefaultGraph}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var n int
			err := s.View(func(tx *Tx) error {
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					it := tx.Match(c.p)
					for it.Next() {
						n++
					}
					if err := it.Err(); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}

// benchProducts returns the IDs of every 7th product's IRI in a genBSBM(products) store.
func benchProducts(b *testing.B, s *Store, products int) []TermID {
	b.Helper()
	var ids []TermID
	s.View(func(tx *Tx) error {
		for p := 0; p < products; p += 7 {
			id, ok, err := tx.LookupID(rdf.IRI(fmt.Sprintf("http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/instances/dataFromProducer%d/Product%d", p/50+1, p)))
			if err != nil || !ok {
				b.Fatalf("product %d: %v %v", p, ok, err)
			}
			ids = append(ids, id)
		}
		return nil
	})
	return ids
}

// BenchmarkMatch_PointSP looks up one (S, P) pair per op, rotating over products in ID order
// (as a nested-loop join probes the index): the cost of a point Match plus its single result.
func BenchmarkMatch_PointSP(b *testing.B) {
	s := benchStore(b, 2000)
	prods := benchProducts(b, s, 2000)
	var label TermID
	s.View(func(tx *Tx) error {
		label, _, _ = tx.LookupID(rdf.IRI("http://www.w3.org/2000/01/rdf-schema#label"))
		return nil
	})
	err := s.View(func(tx *Tx) error {
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			it := tx.Match(Pattern{prods[i%len(prods)], label, 0, DefaultGraph})
			n := 0
			for it.Next() {
				n++
			}
			it.Close()
			if n != 1 || it.Err() != nil {
				return fmt.Errorf("point lookup: %d results, %v", n, it.Err())
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkMatch_PointSPAny is BenchmarkMatch_PointSP with G unbound (the default graph and
// the named graphs are both probed), the pattern a SPARQL query without GRAPH uses.
func BenchmarkMatch_PointSPAny(b *testing.B) {
	s := benchStore(b, 2000)
	prods := benchProducts(b, s, 2000)
	var label TermID
	s.View(func(tx *Tx) error {
		label, _, _ = tx.LookupID(rdf.IRI("http://www.w3.org/2000/01/rdf-schema#label"))
		return nil
	})
	err := s.View(func(tx *Tx) error {
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			it := tx.Match(Pattern{prods[i%len(prods)], label, 0, 0})
			n := 0
			for it.Next() {
				n++
			}
			it.Close()
			if n != 1 || it.Err() != nil {
				return fmt.Errorf("point lookup: %d results, %v", n, it.Err())
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkDict_TermWarm decodes the subjects and objects of the triples in index order
// (3000 distinct dictionary IDs: IRIs, typed, plain and long literals) again and again in one
// transaction, as a query's output and FILTERs do.
func BenchmarkDict_TermWarm(b *testing.B) {
	s := benchStore(b, 2000)
	var ids []TermID
	seen := map[TermID]bool{}
	s.View(func(tx *Tx) error {
		it := tx.Match(Pattern{})
		for it.Next() && len(ids) < 3000 {
			for _, id := range []TermID{it.Quad()[0], it.Quad()[2]} {
				if id.isDict() && !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
		return it.Err()
	})
	s.View(func(tx *Tx) error {
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := tx.Term(ids[i%len(ids)]); err != nil {
				b.Fatal(err)
			}
		}
		return nil
	})
}
