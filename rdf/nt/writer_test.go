package nt

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func TestAppendTerm(t *testing.T) {
	tests := []struct {
		term rdf.Term
		want string
	}{
		{rdf.IRI("http://ex/a"), `<http://ex/a>`},
		{rdf.IRI("http://ex/\u00e9"), "<http://ex/\u00e9>"},
		{rdf.IRI("http://ex/a b<>\"{}|^`\\\x00\x1f"), `<http://ex/a\u0020b\u003C\u003E\u0022\u007B\u007D\u007C\u005E\u0060\u005C\u0000\u001F>`},
		{rdf.BlankNode("b1"), `_:b1`},
		{rdf.NewLiteral("plain"), `"plain"`},
		{rdf.NewLiteral("q\"b\\n\nr\rt\tc\x01\x7f\u00e9"), "\"q\\\"b\\\\n\\nr\\rt\tc\x01\x7f\u00e9\""},
		{rdf.NewLangLiteral("chat", "fr-BE"), `"chat"@fr-BE`},
		{rdf.NewTypedLiteral("1", rdf.XSDInteger), `"1"^^<http://www.w3.org/2001/XMLSchema#integer>`},
		{rdf.NewTypedLiteral("s", rdf.XSDString), `"s"`},
		{rdf.Literal{Lexical: "s"}, `"s"`},
	}
	for _, tt := range tests {
		if got := string(AppendTerm(nil, tt.term)); got != tt.want {
			t.Errorf("AppendTerm(%#v)\n got %s\nwant %s", tt.term, got, tt.want)
		}
	}
}

func TestWriter_Canonical(t *testing.T) {
	var buf bytes.Buffer
	w := NewQuadsWriter(&buf, rdf.WriteOptions{})
	quads := []rdf.Quad{
		{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLiteral("a\nb")},
		{Subject: rdf.BlankNode("x"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.BlankNode("y"), Graph: rdf.IRI("http://ex/g")},
		{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLangLiteral("x", "en"), Graph: rdf.BlankNode("g")},
	}
	for _, q := range quads {
		if err := w.Write(q); err != nil {
			t.Fatal(err)
		}
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes before Close; want buffering", buf.Len())
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := "<http://ex/s> <http://ex/p> \"a\\nb\" .\n" +
		"_:x <http://ex/p> _:y <http://ex/g> .\n" +
		"<http://ex/s> <http://ex/p> \"x\"@en _:g .\n"
	if buf.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestWriter_Rejects(t *testing.T) {
	s, p, o := rdf.IRI("http://ex/s"), rdf.IRI("http://ex/p"), rdf.IRI("http://ex/o")
	tests := []struct {
		name string
		q    rdf.Quad
		want error
	}{
		{"named graph in N-Triples", rdf.Quad{Subject: s, Predicate: p, Object: o, Graph: rdf.IRI("http://ex/g")}, ErrNamedGraph},
		{"missing subject", rdf.Quad{Predicate: p, Object: o}, ErrInvalidTerm},
		{"missing object", rdf.Quad{Subject: s, Predicate: p}, ErrInvalidTerm},
		{"literal subject", rdf.Quad{Subject: rdf.NewLiteral("s"), Predicate: p, Object: o}, ErrInvalidTerm},
		{"blank predicate", rdf.Quad{Subject: s, Predicate: rdf.BlankNode("p"), Object: o}, ErrInvalidTerm},
		{"relative IRI", rdf.Quad{Subject: rdf.IRI("s"), Predicate: p, Object: o}, ErrInvalidTerm},
		{"space in IRI", rdf.Quad{Subject: s, Predicate: p, Object: rdf.IRI("http://ex/a b")}, ErrInvalidTerm},
		{"control in datatype", rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewTypedLiteral("1", "http://ex/\x01")}, ErrInvalidTerm},
		{"relative datatype", rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewTypedLiteral("1", "int")}, ErrInvalidTerm},
		{"bad label", rdf.Quad{Subject: rdf.BlankNode("a b"), Predicate: p, Object: o}, ErrInvalidTerm},
		{"label ending in dot", rdf.Quad{Subject: rdf.BlankNode("a."), Predicate: p, Object: o}, ErrInvalidTerm},
		{"empty label", rdf.Quad{Subject: rdf.BlankNode(""), Predicate: p, Object: o}, ErrInvalidTerm},
		{"bad lang", rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewLangLiteral("x", "en_GB")}, ErrInvalidTerm},
		{"langString without tag", rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewTypedLiteral("x", rdf.RDFLangString)}, ErrInvalidTerm},
		{"invalid UTF-8", rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewLiteral("\xff")}, ErrInvalidTerm},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewWriter(&buf, rdf.WriteOptions{})
			if err := w.Write(tt.q); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			// The writer stays usable after a refused quad.
			if err := w.Write(rdf.Quad{Subject: s, Predicate: p, Object: o}); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != "<http://ex/s> <http://ex/p> <http://ex/o> .\n" {
				t.Fatalf("wrote %q", got)
			}
		})
	}
}

func TestWriter_AcceptsValidLabels(t *testing.T) {
	for _, l := range []string{"b1", "1", "_x", "a.b", "a-b", "\u00e9t\u00e9", "x\u0300\u203f", "\uFFFD"} {
		if !validLabel(l) {
			t.Errorf("validLabel(%q) = false", l)
		}
	}
	for _, l := range []string{"", "-a", ".a", "a.", "a:b", "a b", "\u0300", "\xff"} {
		if validLabel(l) {
			t.Errorf("validLabel(%q) = true", l)
		}
	}
}

// failWriter fails every write.
type failWriter struct{ err error }

func (f failWriter) Write([]byte) (int, error) { return 0, f.err }

func TestWriter_IOError(t *testing.T) {
	boom := errors.New("boom")
	w := NewWriter(failWriter{boom}, rdf.WriteOptions{})
	q := rdf.Quad{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLiteral(strings.Repeat("x", flushSize))}
	if err := w.Write(q); err != boom {
		t.Fatalf("Write: got %v, want %v", err, boom)
	}
	if err := w.Write(q); err != boom {
		t.Fatalf("second Write: got %v, want %v", err, boom)
	}
	if err := w.Close(); err != boom {
		t.Fatalf("Close: got %v, want %v", err, boom)
	}
}

func TestValidLangTag(t *testing.T) {
	for _, s := range []string{"en", "EN-gb", "de-CH-1996", "x-a1"} {
		if !validLangTag(s) {
			t.Errorf("validLangTag(%q) = false", s)
		}
	}
	for _, s := range []string{"", "1", "en-", "-en", "en--gb", "en_gb", "1en", "e n"} {
		if validLangTag(s) {
			t.Errorf("validLangTag(%q) = true", s)
		}
	}
}
