package formats

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// sample is a small dataset with every kind of term the writers must get right.
func sample(named bool) []rdf.Quad {
	ex := func(s string) rdf.IRI { return rdf.IRI("http://example.org/" + s) }
	var g rdf.Term
	if named {
		g = ex("graph/1")
	}
	qs := []rdf.Quad{
		{Subject: ex("s"), Predicate: rdf.RDFType, Object: ex("Class")},
		{Subject: ex("s"), Predicate: ex("title"), Object: rdf.NewLangLiteral("Één \"quote\"\nline", "nl")},
		{Subject: ex("s"), Predicate: ex("title"), Object: rdf.NewLiteral("tab\tand\\backslash")},
		{Subject: ex("s"), Predicate: ex("n"), Object: rdf.NewTypedLiteral("01", rdf.XSDInteger)},
		{Subject: ex("s"), Predicate: ex("d"), Object: rdf.NewTypedLiteral("2.50", rdf.XSDDecimal)},
		{Subject: ex("s"), Predicate: ex("b"), Object: rdf.NewTypedLiteral("true", rdf.XSDBoolean)},
		{Subject: ex("s"), Predicate: ex("knows"), Object: rdf.BlankNode("bx")},
		{Subject: rdf.BlankNode("bx"), Predicate: ex("name"), Object: rdf.NewLiteral("blank")},
		{Subject: rdf.BlankNode("bx"), Predicate: ex("knows"), Object: rdf.BlankNode("by")},
		{Subject: rdf.BlankNode("by"), Predicate: ex("knows"), Object: rdf.BlankNode("bx")},
		{Subject: ex("s"), Predicate: ex("unicode"), Object: rdf.NewLiteral("日本語 😀")},
		{Subject: ex("s"), Predicate: ex("t"), Object: rdf.NewTypedLiteral("x", "http://example.org/dt")},
	}
	for i := range qs {
		qs[i].Graph = g
	}
	if named {
		qs = append(sample(false), qs...)
	}
	return qs
}

func readAll(t testing.TB, f rdf.Format, data []byte) []rdf.Quad {
	t.Helper()
	r, err := NewReader(f, bytes.NewReader(data), rdf.ReadOptions{Base: "http://example.org/base"})
	if err != nil {
		t.Fatal(err)
	}
	var out []rdf.Quad
	for {
		q, err := r.Read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: reading back: %v\n%s", f, err, data)
		}
		out = append(out, q)
	}
}

func writeAll(t testing.TB, f rdf.Format, qs []rdf.Quad, opts rdf.WriteOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(f, &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if err := w.Write(q); err != nil {
			t.Fatalf("%s: write %v: %v", f, q, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRoundTrip_EveryFormat writes the sample with every registered writer, pretty and
// streaming, and reads it back with the matching reader: the data must be isomorphic.
func TestRoundTrip_EveryFormat(t *testing.T) {
	prefixes := []rdf.Namespace{{Prefix: "ex", IRI: "http://example.org/"}}
	for _, f := range rdf.Formats {
		if writers[f] == nil || readers[f] == nil {
			t.Errorf("%s: no reader or writer registered", f)
			continue
		}
		for _, stream := range []bool{false, true} {
			want := sample(f.Quads())
			data := writeAll(t, f, want, rdf.WriteOptions{Prefixes: prefixes, Stream: stream})
			got := readAll(t, f, data)
			if !rdf.Isomorphic(got, want) {
				t.Errorf("%s (stream=%v): not isomorphic after a round trip:\n%s", f, stream, data)
			}
		}
	}
}

// TestRapper_AcceptsOurOutput has raptor's rapper parse our Turtle, N-Triples and RDF/XML and
// checks that it finds the same graph. It runs when rapper is installed and is required under
// CI=true (.ci/run installs raptor2-utils).
func TestRapper_AcceptsOurOutput(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("rapper not found; CI must install raptor2-utils")
		}
		t.Skip("rapper not installed (Debian raptor2-utils)")
	}
	names := map[rdf.Format]string{rdf.Turtle: "turtle", rdf.NTriples: "ntriples", rdf.RDFXML: "rdfxml"}
	for _, f := range []rdf.Format{rdf.Turtle, rdf.NTriples, rdf.RDFXML} {
		if writers[f] == nil {
			t.Errorf("%s: no writer registered", f)
			continue
		}
		want := sample(false)
		data := writeAll(t, f, want, rdf.WriteOptions{Prefixes: []rdf.Namespace{{Prefix: "ex", IRI: "http://example.org/"}}})
		cmd := exec.Command(rapper, "-q", "-i", names[f], "-o", "ntriples", "-", "http://example.org/base")
		cmd.Stdin = bytes.NewReader(data)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Errorf("%s: rapper rejected our output: %v\n%s\n%s", f, err, stderr.String(), data)
			continue
		}
		got := readAll(t, rdf.NTriples, out)
		if !rdf.Isomorphic(got, want) {
			t.Errorf("%s: rapper read a different graph:\n%s\nfrom\n%s", f, out, data)
		}
	}
}
