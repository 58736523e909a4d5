package rdfxml_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/rdfxml"
)

// FuzzRoundTrip parses a document, writes what it read, and reads that back: the two graphs
// must be isomorphic, and no input may panic the reader.
func FuzzRoundTrip(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/golden/*.rdf")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/x#"><e:A rdf:ID="a" e:b="&lt;"><e:c rdf:parseType="Literal"><e:d e:x="y"/></e:c></e:A></rdf:RDF>`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		want, err := w3c.ReadAll(rdfxml.NewReader(bytes.NewReader(doc), rdf.ReadOptions{Base: "http://fuzz.example/dir/doc"}))
		if err != nil {
			var se *rdf.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("non-syntax error from a byte slice: %v", err)
			}
			return
		}
		for _, opts := range []rdf.WriteOptions{{}, {Base: "http://fuzz.example/dir/doc"}} {
			got, out, err := roundTrip(want, opts)
			if errors.Is(err, rdfxml.ErrNotQName) || errors.Is(err, rdfxml.ErrBadTerm) {
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !rdf.Isomorphic(got, want) {
				t.Fatalf("round trip not isomorphic:\n%s\n%s", rdf.Diff(got, want), out)
			}
		}
	})
}

// FuzzWriter writes triples built from arbitrary strings (blank node labels, lexical forms,
// language tags, IRIs) and reads them back: the writer either refuses a triple with one of
// its errors or writes a document that reads back to the same graph.
func FuzzWriter(f *testing.F) {
	f.Add("b1", "_b1", "text", "en", "http://e/p", "http://e/o")
	f.Add("not an NCName", "_6e6f74", "a\r\nb\t<&>]]>", "", "urn:x:1a", "http://e/base/doc#x")
	f.Add("é", "0", "\u00a0", "nl-BE", "http://e/é", "mailto:a@b")
	f.Fuzz(func(t *testing.T, label1, label2, lex, lang, pred, obj string) {
		p := rdf.IRI(pred)
		qs := []rdf.Quad{
			{Subject: rdf.BlankNode(label1), Predicate: p, Object: rdf.BlankNode(label2)},
			{Subject: rdf.BlankNode(label2), Predicate: p, Object: rdf.NewLangLiteral(lex, lang)},
			{Subject: rdf.IRI(obj), Predicate: p, Object: rdf.NewTypedLiteral(lex, rdf.IRI(obj))},
			{Subject: rdf.IRI(obj), Predicate: p, Object: rdf.IRI(obj)},
		}
		if lang == "" {
			qs[1].Object = rdf.NewLiteral(lex)
		}
		for _, opts := range []rdf.WriteOptions{{}, {Base: "http://e/base/doc"}} {
			got, out, err := roundTrip(qs, opts)
			if errors.Is(err, rdfxml.ErrNotQName) || errors.Is(err, rdfxml.ErrBadTerm) {
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !rdf.Isomorphic(got, qs) {
				t.Fatalf("round trip not isomorphic:\n%s\n%s", rdf.Diff(got, qs), out)
			}
		}
	})
}
