package results

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// benchRows is a typical result: an IRI, a language-tagged label, an integer, a blank node.
func benchRows(n int) [][]rdf.Term {
	rows := make([][]rdf.Term, n)
	for i := range rows {
		rows[i] = []rdf.Term{
			rdf.IRI(fmt.Sprintf("http://data.example.org/id/organisatie/%d", i)),
			rdf.NewLangLiteral(fmt.Sprintf("Organisatie nummer %d, \"Gent\"", i), "nl"),
			rdf.NewTypedLiteral(fmt.Sprint(i*7), rdf.XSDInteger),
			rdf.BlankNode(fmt.Sprintf("b%d", i)),
		}
	}
	return rows
}

var benchVars = []string{"s", "label", "n", "b"}

func benchmarkWrite(b *testing.B, f Format) {
	rows := benchRows(1000)
	b.ReportAllocs()
	for b.Loop() {
		w, _ := NewWriter(f, io.Discard)
		w.Begin(benchVars)
		for _, r := range rows {
			w.Write(r)
		}
		w.End()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(rows)), "ns/row")
}

func benchmarkRead(b *testing.B, f Format) {
	data := writeAll(b, f, benchVars, benchRows(1000))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rd, err := NewReader(f, bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		for rd.Next() {
		}
		if rd.Err() != nil {
			b.Fatal(rd.Err())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/row")
}

func BenchmarkWriteJSON(b *testing.B)  { benchmarkWrite(b, JSON) }
func BenchmarkWriteXML(b *testing.B)   { benchmarkWrite(b, XML) }
func BenchmarkWriteCSV(b *testing.B)   { benchmarkWrite(b, CSV) }
func BenchmarkWriteTSV(b *testing.B)   { benchmarkWrite(b, TSV) }
func BenchmarkWriteTable(b *testing.B) { benchmarkWrite(b, Table) }
func BenchmarkReadJSON(b *testing.B)   { benchmarkRead(b, JSON) }
func BenchmarkReadXML(b *testing.B)    { benchmarkRead(b, XML) }
func BenchmarkReadCSV(b *testing.B)    { benchmarkRead(b, CSV) }
func BenchmarkReadTSV(b *testing.B)    { benchmarkRead(b, TSV) }
