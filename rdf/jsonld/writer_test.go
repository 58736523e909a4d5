package jsonld

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

var writeCases = []struct {
	name    string // golden file testdata/write/<name>.jsonld
	input   string // fixture under testdata/read
	context string // context file under testdata/write; "" for none
	opts    rdf.WriteOptions
}{
	{name: "plain", input: "types"},
	{name: "prefixes", input: "types", opts: rdf.WriteOptions{Prefixes: []rdf.Namespace{
		{Prefix: "ex", IRI: "http://example.org/"}, {Prefix: "xsd", IRI: "http://www.w3.org/2001/XMLSchema#"}}}},
	{name: "vocab-base", input: "included", opts: rdf.WriteOptions{Base: "http://example.org/",
		Prefixes: []rdf.Namespace{{Prefix: "", IRI: "http://example.org/vocab#"}}}},
	{name: "graphs", input: "graphs", opts: rdf.WriteOptions{Prefixes: []rdf.Namespace{{Prefix: "ex", IRI: "http://example.org/"}}}},
	{name: "lists", input: "lists", context: "context.jsonld"},
	{name: "context", input: "types", context: "context.jsonld"},
	{name: "language", input: "language", context: "context.jsonld"},
	{name: "numbers", input: "numbers", context: "context.jsonld"},
	{name: "blanks", input: "blanks"},
	{name: "json", input: "json"},
}

func writeAll(tb testing.TB, qs []rdf.Quad, opts rdf.WriteOptions) string {
	tb.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, opts)
	for _, q := range qs {
		if err := w.Write(q); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.String()
}

// TestWriter_Golden writes fixtures of testdata/read and compares with testdata/write. JSON
// has no comments, so the format is described in testdata/README.md.
func TestWriter_Golden(t *testing.T) {
	for _, tc := range writeCases {
		t.Run(tc.name, func(t *testing.T) {
			qs, err := readFile(t, filepath.Join("testdata/read", tc.input+".jsonld"))
			if err != nil {
				t.Fatal(err)
			}
			opts := tc.opts
			if tc.context != "" {
				if opts.Context, err = os.ReadFile(filepath.Join("testdata/write", tc.context)); err != nil {
					t.Fatal(err)
				}
			}
			got := writeAll(t, qs, opts)
			// Writing in reverse order gives the same bytes.
			rev := make([]rdf.Quad, len(qs))
			for i, q := range qs {
				rev[len(qs)-1-i] = q
			}
			if again := writeAll(t, rev, opts); again != got {
				t.Errorf("output depends on the order of writes:\n%s\n%s", got, again)
			}
			path := filepath.Join("testdata/write", tc.name+".jsonld")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if want, err := os.ReadFile(path); err != nil {
				t.Fatal(err)
			} else if string(want) != got {
				t.Errorf("%s differs:\n--- want\n%s--- got\n%s", path, want, got)
			}
			back, err := readAll(t, NewReader(strings.NewReader(got), rdf.ReadOptions{}))
			if err != nil {
				t.Fatal(err)
			}
			if !rdf.Isomorphic(qs, back) {
				t.Errorf("reading the output back gives another dataset:\n%s", rdf.Diff(qs, back))
			}
		})
	}
}

func TestWriter_Empty(t *testing.T) {
	if got := writeAll(t, nil, rdf.WriteOptions{}); got != "{}\n" {
		t.Errorf("got %q", got)
	}
	got := writeAll(t, nil, rdf.WriteOptions{Prefixes: []rdf.Namespace{{Prefix: "ex", IRI: "http://example.org/"}}})
	qs, err := readAll(t, NewReader(strings.NewReader(got), rdf.ReadOptions{}))
	if err != nil || len(qs) != 0 || !strings.Contains(got, `"ex": "http://example.org/"`) {
		t.Errorf("got %q: %v %v", got, qs, err)
	}
}

func TestWriter_Rejects(t *testing.T) {
	lit := rdf.NewLiteral("x")
	ex := rdf.IRI("http://example.org/x")
	for _, q := range []rdf.Quad{
		{Subject: lit, Predicate: ex, Object: ex},
		{Subject: ex, Predicate: rdf.BlankNode("p"), Object: ex},
		{Subject: ex, Predicate: ex},
		{Subject: ex, Predicate: ex, Object: ex, Graph: lit},
		{Subject: ex, Predicate: ex, Object: rdf.NewLiteral("bad \xff byte")},
	} {
		w := NewWriter(&bytes.Buffer{}, rdf.WriteOptions{})
		if err := w.Write(q); err == nil {
			t.Errorf("Write(%#v) accepted", q)
		}
	}
	w := NewWriter(&bytes.Buffer{}, rdf.WriteOptions{})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); !errors.Is(err, ErrClosed) {
		t.Errorf("second Close: %v", err)
	}
	if err := w.Write(rdf.Quad{Subject: ex, Predicate: ex, Object: ex}); !errors.Is(err, ErrClosed) {
		t.Errorf("Write after Close: %v", err)
	}
}

func TestWriter_BadContext(t *testing.T) {
	q := rdf.Quad{Subject: rdf.IRI("http://example.org/s"), Predicate: rdf.IRI("http://example.org/p"), Object: rdf.NewLiteral("o")}
	for _, ctx := range []string{`{"@context": `, `{"@context": "http://example.org/remote"}`, `{"@context": {"ex": 5}}`} {
		w := NewWriter(&bytes.Buffer{}, rdf.WriteOptions{Context: []byte(ctx)})
		if err := w.Write(q); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err == nil {
			t.Errorf("context %s accepted", ctx)
		}
	}
	// The remote context is fine once supplied.
	var buf bytes.Buffer
	w := NewWriterWithContexts(&buf, rdf.WriteOptions{Context: []byte(`{"@context": "http://example.org/remote"}`)},
		map[string][]byte{"http://example.org/remote": []byte(`{"@context": {"p": "http://example.org/p"}}`)})
	if err := w.Write(q); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"p": "o"`) {
		t.Errorf("not compacted with the remote context:\n%s", buf.String())
	}
}

// TestWriter_BaseGuard: @base is used only when every IRI written relative to it reads back
// as itself.
func TestWriter_BaseGuard(t *testing.T) {
	p := rdf.IRI("http://example.org/p")
	for _, tc := range []struct {
		obj      rdf.IRI
		withBase bool
	}{
		{"http://example.org/dir/doc", true},
		{"http://example.org/@special", false}, // "@special" would read back as a keyword
		{"http://example.org/a:b", false},      // "a:b" would read back as an absolute IRI
		{"http://example.org", false},          // json-gold relativises this to "../"
	} {
		qs := []rdf.Quad{{Subject: rdf.IRI("http://example.org/s"), Predicate: p, Object: tc.obj}}
		out := writeAll(t, qs, rdf.WriteOptions{Base: "http://example.org/"})
		if got := strings.Contains(out, `"@base"`); got != tc.withBase {
			t.Errorf("%s: @base written %v, want %v:\n%s", tc.obj, got, tc.withBase, out)
		}
		back, err := readAll(t, NewReader(strings.NewReader(out), rdf.ReadOptions{}))
		if err != nil || !rdf.Isomorphic(qs, back) {
			t.Errorf("%s: read back %v, %v", tc.obj, back, err)
		}
	}
}

// TestWriter_SchemeLikeTerm: data with the IRI xsd:p and a context defining the term xsd is
// written without the context, since compaction cannot express it.
func TestWriter_SchemeLikeTerm(t *testing.T) {
	qs := []rdf.Quad{
		{Subject: rdf.IRI("http://example.org/s"), Predicate: rdf.IRI("xsd:p"), Object: rdf.IRI("xsd:")},
		{Subject: rdf.IRI("http://example.org/s"), Predicate: rdf.IRI("http://example.org/p"), Object: rdf.NewTypedLiteral("1", rdf.XSDInteger)},
	}
	ctx := []byte(`{"@context": {"xsd": "http://www.w3.org/2001/XMLSchema#", "ex": "http://example.org/"}}`)
	out := writeAll(t, qs, rdf.WriteOptions{Context: ctx})
	back, err := readAll(t, NewReader(strings.NewReader(out), rdf.ReadOptions{}))
	if err != nil || !rdf.Isomorphic(qs, back) {
		t.Errorf("read back %v, %v from\n%s", back, err, out)
	}
	if strings.Contains(out, `"@context"`) {
		t.Errorf("the context cannot express xsd:p, but was written:\n%s", out)
	}
}

// TestWriter_ContextPanics: json-gold panics compacting with this context (W3C compact test
// m023); the Writer writes the document without it rather than fail.
func TestWriter_ContextPanics(t *testing.T) {
	ctx := []byte(`{"@context": {"@version": 1.1, "ex": "http://example.org/ns/", "ex:typemap": {"@container": "@type"}}}`)
	qs := []rdf.Quad{
		{Subject: rdf.IRI("http://example.org/s"), Predicate: rdf.IRI("http://example.org/ns/typemap"), Object: rdf.BlankNode("x")},
		{Subject: rdf.BlankNode("x"), Predicate: rdf.RDFType, Object: rdf.IRI("http://example.org/ns/T")},
	}
	out := writeAll(t, qs, rdf.WriteOptions{Context: ctx})
	back, err := readAll(t, NewReader(strings.NewReader(out), rdf.ReadOptions{}))
	if err != nil || !rdf.Isomorphic(qs, back) {
		t.Errorf("read back %v, %v from\n%s", back, err, out)
	}
}

// TestWriter_Misreads: IRIs that compaction would turn into terms that read back as other
// IRIs, keywords or blank nodes. With prefixes the Writer leaves the namespace out; with a
// caller's context it notices the difference on reading back and drops the context.
func TestWriter_Misreads(t *testing.T) {
	prefixes := rdf.WriteOptions{Prefixes: []rdf.Namespace{{Prefix: "", IRI: "http://ex/"}, {Prefix: "ex", IRI: "http://ex/"}}, Base: "http://ex/"}
	context := rdf.WriteOptions{Context: []byte(`{"@context": {"@vocab": "http://ex/", "ex": "http://ex/"}}`)}
	for _, p := range []rdf.IRI{"http://ex/a:b", "http://ex/@x", "http://ex/_:b", "http://ex/ex:y", "http://ex///x", "http://ex/type"} {
		qs := []rdf.Quad{
			{Subject: rdf.IRI("http://ex/s"), Predicate: p, Object: p},
			{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.RDFType, Object: p},
			{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/q"), Object: rdf.NewTypedLiteral("x", p)},
		}
		for _, opts := range []rdf.WriteOptions{prefixes, context} {
			out := writeAll(t, qs, opts)
			back, err := readAll(t, NewReader(strings.NewReader(out), rdf.ReadOptions{}))
			if err != nil || !rdf.Isomorphic(qs, back) {
				t.Errorf("%s: %v\n%s\n%s", p, err, rdf.Diff(qs, back), out)
			}
		}
	}
}
