package turtle_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

var update = flag.Bool("update", false, "rewrite golden files")

const goldenHeader = "# Golden output of TestWriter_Golden for writer-input.trig; regenerate with -update.\n"

func TestWriter_Golden(t *testing.T) {
	in := filepath.Join("testdata", "writer-input.trig")
	qs, err := parseFile(in, "http://example.org/base/", true)
	if err != nil {
		t.Fatal(err)
	}
	prefixes := []rdf.Namespace{{Prefix: "ex", IRI: "http://example.org/"}, {Prefix: "xsd", IRI: "http://www.w3.org/2001/XMLSchema#"}}
	for _, c := range []struct {
		name string
		opts rdf.WriteOptions
	}{
		{"writer-pretty.golden.trig", rdf.WriteOptions{Prefixes: prefixes, Base: "http://example.org/a/"}},
		{"writer-stream.golden.trig", rdf.WriteOptions{Prefixes: prefixes, Stream: true}},
	} {
		back, text, err := roundTrip(qs, true, c.opts)
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, text)
		}
		if !rdf.Isomorphic(qs, back) {
			t.Errorf("%s: not isomorphic after round trip:\n%s", c.name, rdf.Diff(qs, back))
		}
		path := filepath.Join("testdata", c.name)
		if *update {
			if err := os.WriteFile(path, []byte(goldenHeader+text), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := goldenHeader + text; got != string(want) {
			t.Errorf("%s differs (run with -update to accept):\n--- got:\n%s\n--- want:\n%s", c.name, got, want)
		}
	}
}

func TestWriter_TurtleDropsGraphNames(t *testing.T) {
	var buf bytes.Buffer
	w := turtle.NewWriter(&buf, rdf.WriteOptions{})
	q := rdf.Quad{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLiteral("o"), Graph: rdf.IRI("http://ex/g")}
	if err := w.Write(q); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := "<http://ex/s> <http://ex/p> \"o\" .\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestWriter_InvalidQuad(t *testing.T) {
	w := turtle.NewWriter(&bytes.Buffer{}, rdf.WriteOptions{})
	bad := []rdf.Quad{
		{Subject: rdf.NewLiteral("s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLiteral("o")},
		{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.BlankNode("p"), Object: rdf.NewLiteral("o")},
		{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p")},
	}
	for _, q := range bad {
		if err := w.Write(q); !errors.Is(err, turtle.ErrInvalidQuad) {
			t.Errorf("Write(%v) = %v, want ErrInvalidQuad", q, err)
		}
	}
}

func TestWriter_BlankLabelsAreValid(t *testing.T) {
	qs := []rdf.Quad{
		{Subject: rdf.BlankNode("a b"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.BlankNode("a_b")},
		{Subject: rdf.BlankNode("a_b"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.BlankNode("a b")},
		{Subject: rdf.BlankNode("é.-"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.BlankNode("x")},
	}
	for _, stream := range []bool{false, true} {
		back, text, err := roundTrip(qs, false, rdf.WriteOptions{Stream: stream})
		if err != nil {
			t.Fatalf("%v\n%s", err, text)
		}
		if !rdf.Isomorphic(qs, back) {
			t.Errorf("not isomorphic:\n%s", text)
		}
	}
}

type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriter_ReportsIOErrors(t *testing.T) {
	w := turtle.NewWriter(errWriter{}, rdf.WriteOptions{})
	_ = w.Write(rdf.Quad{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLiteral(strings.Repeat("x", 10))})
	if err := w.Close(); err == nil || err.Error() != "disk full" {
		t.Errorf("Close = %v, want disk full", err)
	}
}

func ExampleNewWriter() {
	qs, _ := w3c.ReadAll(turtle.NewReader(strings.NewReader(
		`<http://example.org/book> a <http://schema.org/Book> ; <http://schema.org/author> [ <http://schema.org/name> "Ada" ] .`),
		rdf.ReadOptions{}))
	w := turtle.NewWriter(os.Stdout, rdf.WriteOptions{Prefixes: []rdf.Namespace{{Prefix: "schema", IRI: "http://schema.org/"}}})
	for _, q := range qs {
		w.Write(q)
	}
	w.Close()
	// Output:
	// @prefix schema: <http://schema.org/> .
	//
	// <http://example.org/book> a schema:Book ;
	//     schema:author [ schema:name "Ada" ] .
}

func ExampleNewReader() {
	const doc = `@prefix ex: <http://example.org/> .
ex:s ex:p ex:o .
ex:s ex:p .
ex:s ex:q "fine" .`
	r := turtle.NewReader(strings.NewReader(doc), rdf.ReadOptions{File: "doc.ttl"})
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// Fatal is false: the reader skipped the bad statement and goes on.
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(q)
	}
	// Output:
	// <http://example.org/s> <http://example.org/p> <http://example.org/o> .
	// error: doc.ttl:3:11: expected object, found '.'
	// <http://example.org/s> <http://example.org/q> "fine" .
}

func TestWriter_TrickyLiterals(t *testing.T) {
	s, p := rdf.IRI("http://ex/s"), rdf.IRI("http://ex/p")
	var qs []rdf.Quad
	for _, lex := range []string{
		"", `"`, `""`, `"""`, "a\n\"", "a\n\"\"\"b", "back\\slash\n", "tab\there", "cr\r\nlf", "\x00\x01\x7f", "é ∑ 😀",
		"ends with quote\n\"", "'''\n'''",
	} {
		qs = append(qs, rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewLiteral(lex)})
	}
	qs = append(qs,
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewLangLiteral("x", "en-Latn-GB")},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewTypedLiteral("-0.0e-0", rdf.XSDDouble)},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewTypedLiteral(".5", rdf.XSDDecimal)},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewTypedLiteral("5.", rdf.XSDDecimal)},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewTypedLiteral("1 ", rdf.XSDInteger)},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewTypedLiteral("TRUE", rdf.XSDBoolean)},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.IRI("http://ex/a%20b")},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.IRI("http://ex/.hidden")},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.IRI("http://ex/trailing.")},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.IRI("http://ex/-dash")},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.IRI("http://ex/a:b")},
		rdf.Quad{Subject: s, Predicate: p, Object: rdf.IRI("http://ex/")},
	)
	for _, opts := range []rdf.WriteOptions{
		{Prefixes: []rdf.Namespace{{Prefix: "ex", IRI: "http://ex/"}}},
		{Base: "http://ex/dir/", Stream: true},
	} {
		back, text, err := roundTrip(qs, false, opts)
		if err != nil {
			t.Fatalf("%v\n%s", err, text)
		}
		if !rdf.Isomorphic(qs, back) {
			t.Errorf("not isomorphic:\n%s\n--- written:\n%s", rdf.Diff(qs, back), text)
		}
	}
}
