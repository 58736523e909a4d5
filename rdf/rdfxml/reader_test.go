package rdfxml_test

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/rdfxml"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const goldenHeader = "# Golden output of rdfxml.NewReader for the .rdf file of the same name, in reading order.\n"

func readString(tb testing.TB, doc, base string) ([]rdf.Quad, error) {
	tb.Helper()
	return w3c.ReadAll(rdfxml.NewReader(strings.NewReader(doc), rdf.ReadOptions{Base: base}))
}

// TestReader_Golden reads every testdata/golden/*.rdf file and compares the triples, in
// order and with their blank node labels, with the N-Triples in the .nt file next to it.
func TestReader_Golden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.rdf")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			qs, err := w3c.ReadAll(rdfxml.NewReader(bytes.NewReader(data), rdf.ReadOptions{File: in}))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			b.WriteString(goldenHeader)
			for _, q := range qs {
				b.WriteString(q.String())
				b.WriteByte('\n')
			}
			out := strings.TrimSuffix(in, ".rdf") + ".nt"
			if *update {
				if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != string(want) {
				t.Errorf("got\n%s\nwant\n%s", b.String(), want)
			}
		})
	}
}

func TestReader_BlankNodeLabels(t *testing.T) {
	qs, err := readString(t, `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">
	<rdf:Description rdf:nodeID="g1"><ex:p><rdf:Description/></ex:p></rdf:Description></rdf:RDF>`, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 || qs[0].Subject != rdf.BlankNode("bg1") || qs[0].Object != rdf.BlankNode("g1") {
		t.Fatalf("got %v, want _:bg1 <http://e/p> _:g1", qs)
	}
}

func TestReader_Errors(t *testing.T) {
	const head = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">` + "\n"
	for _, tc := range []struct {
		name, doc, base string
		line, col       int
		msg             string
	}{
		{"empty", ``, "", 1, 1, "no document element"},
		{"not closed", head + `<ex:A>`, "", 2, 7, "<ex:A> is not closed"},
		{"mismatched end", head + ` <ex:A></ex:B>`, "", 2, 8, "does not match"},
		{"bad xml", head + `<ex:A a="1>`, "", 2, 12, "XML:"},
		{"undeclared prefix", head + ` <foo:A/>`, "", 2, 2, `undeclared namespace prefix "foo"`},
		{"no namespace", `<A/>`, "", 1, 1, "in no namespace"},
		{"relative without base", head + `<ex:A rdf:about="x"/>`, "", 2, 1, `relative IRI "x"`},
		{"duplicate ID", head + `<ex:A rdf:ID="a"/><ex:A rdf:ID="a"/>`, "http://b/", 2, 19, "used twice"},
		{"bad nodeID", head + `<ex:A rdf:nodeID="1a"/>`, "", 2, 1, "not an XML NCName"},
		{"li as node", head + `<rdf:li/>`, "", 2, 1, "rdf:li is not allowed as a node element"},
		{"Description as property", head + `<ex:A><rdf:Description/></ex:A>`, "", 2, 7, "not allowed as a property element"},
		{"bagID", head + `<ex:A rdf:bagID="b"/>`, "", 2, 1, "rdf:bagID is not allowed"},
		{"text in node", head + `<ex:A>text</ex:A>`, "", 2, 7, "text is not allowed inside <ex:A>"},
		{"two nodes in property", head + `<ex:A><ex:p><ex:B/><ex:C/></ex:p></ex:A>`, "", 2, 20, "more than one node element"},
		{"text and resource", head + `<ex:A><ex:p rdf:resource="http://x/">t</ex:p></ex:A>`, "", 2, 39, "has text and rdf:resource"},
		{"parseType and resource", head + `<ex:A><ex:p rdf:parseType="Resource" rdf:resource="http://x/"/></ex:A>`, "", 2, 7, "rdf:parseType and rdf:resource"},
		{"about and ID", head + `<ex:A rdf:about="http://x/" rdf:ID="i"/>`, "http://b/", 2, 1, "more than one of"},
		{"content after root", `<ex:A xmlns:ex="http://e/"/><ex:B/>`, "", 1, 29, "after the document element"},
		{"rune columns", head + `<ex:A ex:p="ééé"/><ex:B rdf:about="x"/>`, "", 2, 19, `relative IRI "x"`},
		{"rune columns in XML errors", head + `<ex:A ex:p="ééé" <`, "", 2, 18, "XML:"},
		{"long line", head + `<ex:A ex:p="` + strings.Repeat("é", 70000) + `"/><ex:B rdf:about="x"/>`, "", 2, 70016, `relative IRI "x"`},
		{"unsupported encoding", `<?xml version="1.0" encoding="EBCDIC"?>` + "\n<a/>", "", 1, 40, `unsupported XML encoding "EBCDIC"`},
		{"empty prefix binding", head + `<ex:A xmlns:p=""/>`, "", 2, 1, "bound to the empty string"},
		{"relative xml:base", head + `<ex:A xml:base="x/"/>`, "", 2, 1, `xml:base "x/" is relative`},
		{"unqualified attribute", head + `<ex:A foo="1"/>`, "", 2, 1, "attribute foo on <ex:A> is in no namespace"},
		{"relative namespace", `<ex:A xmlns:ex="e/"/>`, "", 1, 1, "not an absolute IRI"},
		{"duplicate attribute", head + `<ex:A ex:p="1" ex:p="2"/>`, "", 2, 1, "appears twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rd := rdfxml.NewReader(strings.NewReader(tc.doc), rdf.ReadOptions{Base: tc.base, File: "f.rdf"})
			var err error
			for err == nil {
				_, err = rd.Read()
			}
			var se *rdf.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a syntax error", err)
			}
			if se.Line != tc.line || se.Col != tc.col || !strings.Contains(se.Msg, tc.msg) || !se.Fatal || se.File != "f.rdf" {
				t.Errorf("got %q (fatal %v), want f.rdf:%d:%d: ...%s...", se, se.Fatal, tc.line, tc.col, tc.msg)
			}
			if _, again := rd.Read(); again != err {
				t.Errorf("error is not sticky: got %v after %v", again, err)
			}
		})
	}
}

// failingReader returns its data, then err.
type failingReader struct {
	data []byte
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

// TestReader_Streams checks that triples come out before the document ends, and that an I/O
// error comes back as it is.
func TestReader_Streams(t *testing.T) {
	boom := errors.New("boom")
	doc := `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">
	<rdf:Description rdf:about="http://e/s"><ex:p rdf:resource="http://e/o"/></rdf:Description>
	<rdf:Description rdf:about="http://e/s2">`
	rd := rdfxml.NewReader(&failingReader{data: []byte(doc), err: boom}, rdf.ReadOptions{})
	q, err := rd.Read()
	if err != nil || q.Object != rdf.IRI("http://e/o") {
		t.Fatalf("first read: %v %v", q, err)
	}
	if _, err := rd.Read(); !errors.Is(err, boom) {
		t.Fatalf("second read: got %v, want boom", err)
	}
}

func TestReader_EOF(t *testing.T) {
	rd := rdfxml.NewReader(strings.NewReader(`<ex:A xmlns:ex="http://e/"/>`), rdf.ReadOptions{})
	for i := 0; i < 3; i++ {
		if _, err := rd.Read(); i > 0 && err != io.EOF {
			t.Fatalf("read %d: got %v, want io.EOF", i, err)
		}
	}
}

// TestReader_IDScope checks the rdf:ID rule: an ID may repeat under another base IRI
// (https://www.w3.org/TR/rdf-syntax-grammar/#section-Syntax-ID-xml-base).
func TestReader_IDScope(t *testing.T) {
	qs, err := readString(t, `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e/">
	<ex:A rdf:ID="a" xml:base="http://one.example/doc"/>
	<ex:A rdf:ID="a" xml:base="http://two.example/doc#frag"/></rdf:RDF>`, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[0].Subject != rdf.IRI("http://one.example/doc#a") || qs[1].Subject != rdf.IRI("http://two.example/doc#a") {
		t.Fatalf("got %v", qs)
	}
}

// TestReader_NoGoroutines abandons readers halfway: none may leave a goroutine behind.
func TestReader_NoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	doc := benchDoc(10)
	for i := 0; i < 50; i++ {
		rd := rdfxml.NewReader(bytes.NewReader(doc), rdf.ReadOptions{})
		if _, err := rd.Read(); err != nil {
			t.Fatal(err)
		}
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before, %d after abandoning 50 readers", before, after)
	}
}
