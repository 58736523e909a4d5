package rdfxml_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/rdfxml"
)

func writerQuads() []rdf.Quad {
	s := rdf.IRI("http://example.org/base/s")
	return []rdf.Quad{
		{Subject: s, Predicate: rdf.RDFType, Object: rdf.IRI("http://example.org/Thing")},
		{Subject: s, Predicate: rdf.IRI("http://purl.org/dc/terms/title"), Object: rdf.NewLangLiteral("a < b & \"c\"", "en")},
		{Subject: s, Predicate: rdf.IRI("http://example.org/size"), Object: rdf.NewTypedLiteral("42", rdf.XSDInteger)},
		{Subject: s, Predicate: rdf.IRI("http://other.example/v1/p-1"), Object: rdf.NewLiteral("line\r\nbreak\t]]>")},
		{Subject: s, Predicate: rdf.IRI("http://other.example/v1/q"), Object: rdf.BlankNode("g1")},
		{Subject: s, Predicate: rdf.IRI("http://example.org/base/rel#p"), Object: rdf.IRI("http://example.org/base/dir/o?x=1&y=2")},
		{Subject: rdf.BlankNode("g1"), Predicate: rdf.IRI("urn:x:123abc"), Object: rdf.BlankNode("not an NCName")},
		{Subject: rdf.BlankNode("_x"), Predicate: rdf.IRI("http://example.org/xml"), Object: rdf.NewTypedLiteral("<b>bold</b>", rdf.RDFXMLLiteral)},
	}
}

// TestWriter_Golden compares the writer's output with testdata/writer.rdf (regenerate with
// -update) and checks that it reads back to the same graph.
func TestWriter_Golden(t *testing.T) {
	var buf bytes.Buffer
	w := rdfxml.NewWriter(&buf, rdf.WriteOptions{
		Base: "http://example.org/base/doc",
		Prefixes: []rdf.Namespace{
			{Prefix: "ex", IRI: "http://example.org/"},
			{Prefix: "dct", IRI: "http://purl.org/dc/terms/"},
			{Prefix: "xmlbad", IRI: "http://skipped.example/"},
			{Prefix: "ns1", IRI: "http://taken.example/"},
		},
	})
	want := writerQuads()
	for _, q := range want {
		if err := w.Write(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/writer.rdf"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	exp, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(exp) {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), exp)
	}
	got, err := readAllBytes(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !rdf.Isomorphic(got, want) {
		t.Errorf("not isomorphic after reading back:\n%s", rdf.Diff(got, want))
	}
}

func TestWriter_Errors(t *testing.T) {
	s, p := rdf.IRI("http://e/s"), rdf.IRI("http://e/p")
	for _, tc := range []struct {
		name string
		q    rdf.Quad
		want error
	}{
		{"named graph", rdf.Quad{Subject: s, Predicate: p, Object: s, Graph: s}, rdfxml.ErrNamedGraph},
		{"no NCName suffix", rdf.Quad{Subject: s, Predicate: rdf.IRI("http://e/1"), Object: s}, rdfxml.ErrNotQName},
		{"rdf:li", rdf.Quad{Subject: s, Predicate: rdf.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#li"), Object: s}, rdfxml.ErrNotQName},
		{"rdf:Description", rdf.Quad{Subject: s, Predicate: rdf.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#Description"), Object: s}, rdfxml.ErrNotQName},
		{"relative predicate", rdf.Quad{Subject: s, Predicate: rdf.IRI("p"), Object: s}, rdfxml.ErrNotQName},
		{"control character", rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewLiteral("a\x00")}, rdfxml.ErrBadTerm},
		{"literal subject", rdf.Quad{Subject: rdf.NewLiteral("x"), Predicate: p, Object: s}, rdfxml.ErrBadTerm},
		{"relative object", rdf.Quad{Subject: s, Predicate: p, Object: rdf.IRI("o")}, rdfxml.ErrBadTerm},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := rdfxml.NewWriter(&buf, rdf.WriteOptions{})
			if err := w.Write(tc.q); !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("a refused quad left output: %q", buf.String())
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if qs, err := readAllBytes(buf.Bytes()); err != nil || len(qs) != 0 {
				t.Errorf("after a refused quad: %v %v, want an empty document", qs, err)
			}
		})
	}
}

func TestWriter_Closed(t *testing.T) {
	var buf bytes.Buffer
	w := rdfxml.NewWriter(&buf, rdf.WriteOptions{})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	q := rdf.Quad{Subject: rdf.IRI("http://e/s"), Predicate: rdf.IRI("http://e/p"), Object: rdf.NewLiteral("")}
	if err := w.Write(q); !errors.Is(err, rdfxml.ErrClosed) {
		t.Errorf("Write after Close: got %v, want ErrClosed", err)
	}
	if !strings.HasSuffix(buf.String(), "</rdf:RDF>\n") {
		t.Errorf("empty document: %q", buf.String())
	}
}

func ExampleNewReader() {
	doc := `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	         xmlns:dct="http://purl.org/dc/terms/">
	  <rdf:Description rdf:about="dataset/1" dct:title="Adressen"/>
	</rdf:RDF>`
	r := rdfxml.NewReader(strings.NewReader(doc), rdf.ReadOptions{Base: "https://data.example/"})
	for {
		q, err := r.Read()
		if err != nil {
			break // io.EOF, or a *rdf.SyntaxError
		}
		os.Stdout.WriteString(q.String() + "\n")
	}
	// Output:
	// <https://data.example/dataset/1> <http://purl.org/dc/terms/title> "Adressen" .
}

func ExampleNewWriter() {
	w := rdfxml.NewWriter(os.Stdout, rdf.WriteOptions{
		Prefixes: []rdf.Namespace{{Prefix: "dct", IRI: "http://purl.org/dc/terms/"}},
	})
	w.Write(rdf.Quad{
		Subject:   rdf.IRI("https://data.example/dataset/1"),
		Predicate: rdf.IRI("http://purl.org/dc/terms/title"),
		Object:    rdf.NewLangLiteral("Adressen", "nl"),
	})
	w.Close()
	// Output:
	// <?xml version="1.0" encoding="utf-8"?>
	// <rdf:RDF
	//     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	//     xmlns:dct="http://purl.org/dc/terms/">
	//   <rdf:Description rdf:about="https://data.example/dataset/1">
	//     <dct:title xml:lang="nl">Adressen</dct:title>
	//   </rdf:Description>
	// </rdf:RDF>
}
