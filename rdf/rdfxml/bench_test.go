package rdfxml_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/rdfxml"
)

// benchDoc builds an RDF/XML document of n descriptions with five properties each, in the
// shape of typical exports: a type, literals with and without language, a datatype and a link.
func benchDoc(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/" xmlns:ex="http://example.org/ns#" xml:base="http://example.org/data/">
`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `  <ex:Record rdf:about="r%d">
    <dct:title xml:lang="nl">Record nummer %d &amp; meer</dct:title>
    <dct:identifier>%d</dct:identifier>
    <ex:size rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">%d</ex:size>
    <ex:next rdf:resource="r%d"/>
  </ex:Record>
`, i, i, i, i*7, i+1)
	}
	b.WriteString("</rdf:RDF>\n")
	return b.Bytes()
}

func BenchmarkReader(b *testing.B) {
	doc := benchDoc(2000)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		rd := rdfxml.NewReader(bytes.NewReader(doc), rdf.ReadOptions{})
		n := 0
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
		if n != 10000 {
			b.Fatalf("read %d triples, want 10000", n)
		}
	}
}

func BenchmarkWriter(b *testing.B) {
	qs, err := readAllBytes(benchDoc(2000))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		w := rdfxml.NewWriter(io.Discard, rdf.WriteOptions{Prefixes: []rdf.Namespace{{Prefix: "dct", IRI: "http://purl.org/dc/terms/"}}})
		for _, q := range qs {
			if err := w.Write(q); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func readAllBytes(doc []byte) ([]rdf.Quad, error) {
	rd := rdfxml.NewReader(bytes.NewReader(doc), rdf.ReadOptions{})
	var qs []rdf.Quad
	for {
		q, err := rd.Read()
		if err == io.EOF {
			return qs, nil
		}
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
}
