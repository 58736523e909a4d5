package results

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// sample is a result with every kind of term and awkward content.
var sampleVars = []string{"s", "o", "x"}

var sampleRows = [][]rdf.Term{
	{rdf.IRI("http://example.org/s1"), rdf.NewLiteral("plain"), nil},
	{rdf.BlankNode("b0"), rdf.NewLangLiteral("chat", "fr"), rdf.NewLangLiteral("Hello", "en-GB")},
	{rdf.IRI("http://example.org/ü?q=a&b=<c>"), rdf.NewTypedLiteral("42", rdf.XSDInteger), rdf.NewTypedLiteral("-5.5", rdf.XSDDecimal)},
	{nil, rdf.NewTypedLiteral("1.0E6", rdf.XSDDouble), rdf.NewTypedLiteral("true", rdf.XSDBoolean)},
	{rdf.NewLiteral(`say "hi", then \ leave`), rdf.NewLiteral("line1\nline2\r\nline3"), rdf.NewLiteral("tab\there")},
	{rdf.NewLiteral("日本語 🎉"), rdf.NewTypedLiteral("x y", "http://example.org/dt#t"), rdf.NewLiteral("")},
	{rdf.NewTypedLiteral("01", rdf.XSDInteger), rdf.NewTypedLiteral("2002-10-10T12:00:00Z", rdf.XSDDateTime), rdf.NewLiteral("a,b;c'd")},
	{nil, nil, nil},
}

func writeAll(tb testing.TB, f Format, vars []string, rows [][]rdf.Term) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(f, &buf)
	if err != nil {
		tb.Fatal(err)
	}
	if err := w.Begin(vars); err != nil {
		tb.Fatal(err)
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.End(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriter_Golden(t *testing.T) {
	for _, f := range Formats {
		t.Run(f.String(), func(t *testing.T) {
			got := writeAll(t, f, sampleVars, sampleRows)
			path := filepath.Join("testdata", "golden"+f.Ext())
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run with -update after checking):\n%s", path, got)
			}
		})
	}
}

// csvView is what CSV keeps of a term.
func csvView(t rdf.Term) rdf.Term {
	switch x := t.(type) {
	case nil:
		return nil
	case rdf.Literal:
		return csvTerm(x.Lexical)
	case rdf.IRI:
		return csvTerm(string(x))
	case rdf.BlankNode:
		return csvTerm("_:" + string(x))
	}
	panic("unreachable")
}

// lossy returns the rows as format f can carry them.
func lossy(f Format, rows [][]rdf.Term) [][]rdf.Term {
	out := make([][]rdf.Term, len(rows))
	for i, r := range rows {
		out[i] = make([]rdf.Term, len(r))
		for j, t := range r {
			if f == CSV {
				t = csvView(t)
			}
			out[i][j] = t
		}
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	for _, f := range []Format{JSON, XML, CSV, TSV} {
		t.Run(f.String(), func(t *testing.T) {
			data := writeAll(t, f, sampleVars, sampleRows)
			res, err := Read(f, bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			if !reflect.DeepEqual(res.Vars, sampleVars) {
				t.Errorf("vars = %q", res.Vars)
			}
			want := lossy(f, sampleRows)
			if len(res.Rows) != len(want) {
				t.Fatalf("%d rows, want %d\n%s", len(res.Rows), len(want), data)
			}
			for i := range want {
				if !reflect.DeepEqual(res.Rows[i], want[i]) {
					t.Errorf("row %d = %v, want %v", i, res.Rows[i], want[i])
				}
			}
		})
	}
}

func TestRoundTrip_Empty(t *testing.T) {
	for _, f := range []Format{JSON, XML, CSV, TSV} {
		data := writeAll(t, f, []string{"a", "b"}, nil)
		res, err := Read(f, bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		if !reflect.DeepEqual(res.Vars, []string{"a", "b"}) || len(res.Rows) != 0 || res.Boolean != nil {
			t.Errorf("%v: %+v", f, res)
		}
	}
}

func TestBoolean(t *testing.T) {
	for _, f := range Formats {
		for _, b := range []bool{true, false} {
			var buf bytes.Buffer
			if err := WriteBoolean(f, &buf, b); err != nil {
				t.Fatal(err)
			}
			if f == Table {
				if got := strings.TrimSpace(buf.String()); got != fmt.Sprint(b) {
					t.Errorf("table boolean = %q", got)
				}
				continue
			}
			res, err := Read(f, &buf)
			if err != nil {
				t.Fatalf("%v %v: %v", f, b, err)
			}
			if res.Boolean == nil || *res.Boolean != b {
				t.Errorf("%v: boolean %v read back as %+v", f, b, res)
			}
		}
	}
	if err := WriteBoolean(Format(99), &bytes.Buffer{}, true); err == nil {
		t.Error("WriteBoolean of a bad format gave no error")
	}
}

func TestWriter_State(t *testing.T) {
	for _, f := range Formats {
		w, _ := NewWriter(f, &bytes.Buffer{})
		if err := w.Write([]rdf.Term{nil}); err == nil {
			t.Errorf("%v: Write before Begin gave no error", f)
		}
		if err := w.Begin([]string{"a"}); err != nil {
			t.Fatal(err)
		}
		if err := w.Begin([]string{"a"}); err == nil {
			t.Errorf("%v: second Begin gave no error", f)
		}
		if err := w.Write([]rdf.Term{nil, nil}); err == nil {
			t.Errorf("%v: a row of the wrong width gave no error", f)
		}
		if err := w.End(); err != nil {
			t.Fatal(err)
		}
		if err := w.End(); err == nil {
			t.Errorf("%v: second End gave no error", f)
		}
	}
	if _, err := NewWriter(Format(0), &bytes.Buffer{}); err == nil {
		t.Error("NewWriter(0) gave no error")
	}
}

// flushCounter records how much reached it and how often it was flushed.
type flushCounter struct {
	bytes.Buffer
	flushes int
}

func (f *flushCounter) Flush() { f.flushes++ }

func TestWriter_Streams(t *testing.T) {
	for _, f := range []Format{JSON, XML, CSV, TSV, Table} {
		var out flushCounter
		w, _ := NewWriter(f, &out)
		w.Begin([]string{"n"})
		rows := 2 * max(FlushEvery, TableRows)
		for i := range rows {
			w.Write([]rdf.Term{rdf.NewTypedLiteral(fmt.Sprint(i), rdf.XSDInteger)})
		}
		if out.Len() == 0 || out.flushes == 0 {
			t.Errorf("%v: nothing written or flushed before End after %d rows", f, rows)
		}
		w.End()
	}
}

func TestTable_Overflow(t *testing.T) {
	var buf bytes.Buffer
	w := newTableWriter(&buf, 2)
	w.Begin([]string{"v"})
	w.Write([]rdf.Term{rdf.NewLiteral("a")})
	w.Write([]rdf.Term{rdf.NewLiteral("bb")})
	w.Write([]rdf.Term{rdf.NewLiteral("a much longer value")})
	w.End()
	want := "" +
		"--------\n" +
		"| ?v   |\n" +
		"========\n" +
		"| \"a\"  |\n" +
		"| \"bb\" |\n" +
		"| \"a much longer value\" |\n" +
		"--------\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestReader_Errors(t *testing.T) {
	cases := []struct {
		f   Format
		doc string
	}{
		{JSON, `{"head":{"vars":["a"]},"results":{"bindings":[{"b":{"type":"uri","value":"x"}}]}}`},
		{JSON, `{"head":{"vars":["a"]},"results":{"bindings":[{"a":{"type":"triple","value":"x"}}]}}`},
		{JSON, `{"head":{"vars":["a"]},"results":{"bindings":[{"a":{"type":"uri"}}]}}`},
		{JSON, `{"head":{"vars":["a"]},"results":{"bindings":[`},
		{JSON, `{"results":{"bindings":[]}}`},
		{JSON, `[1]`},
		{XML, `<foo/>`},
		{XML, `<sparql><head><variable name="a"/></head><results><result><binding name="b"><uri>x</uri></binding></result></results></sparql>`},
		{XML, `<sparql><head><variable name="a"/></head><results><result><binding name="a"><iri>x</iri></binding></result></results></sparql>`},
		{XML, `<sparql><head><variable name="a"/></head><results><result>`},
		{XML, `<sparql><head/><boolean>maybe</boolean></sparql>`},
		{CSV, ``},
		{CSV, "a,b\r\n1,2,3\r\n"},
		{CSV, "a\r\n\"x\r\n"},
		{TSV, ``},
		{TSV, "a\tb\n"},
		{TSV, "?a\t?b\n<x>\n"},
		{TSV, "?a\n\"unterminated\n"},
		{TSV, "?a\nbare\n"},
		{TSV, "?a\n\"x\"@\n"},
		{TSV, "?a\n\"\\q\"\n"},
		{TSV, "?a\n\"\\u12\"\n"},
		{TSV, "?a\n<x> <y>\n"},
	}
	for _, c := range cases {
		if res, err := Read(c.f, strings.NewReader(c.doc)); err == nil {
			t.Errorf("%v %q: read %+v, want an error", c.f, c.doc, res)
		}
	}
	if _, err := Read(Table, strings.NewReader("")); err == nil {
		t.Error("reading the table format gave no error")
	}
}

func TestReader_JSONKeyOrder(t *testing.T) {
	doc := `{"results":{"bindings":[{"a":{"type":"literal","value":"1","datatype":"http://www.w3.org/2001/XMLSchema#integer"}},{}]},
		"extra":[1,{"x":2}],"head":{"link":["http://l"],"vars":["a"]}}`
	res, err := Read(JSON, strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]rdf.Term{{rdf.NewTypedLiteral("1", rdf.XSDInteger)}, {nil}}
	if !reflect.DeepEqual(res.Rows, want) {
		t.Errorf("rows = %v", res.Rows)
	}
}

func TestReader_XMLPosition(t *testing.T) {
	doc := "<sparql>\n<head><variable name=\"a\"/></head>\n<results>\n<result><binding name=\"zz\"><uri>x</uri></binding></result></results></sparql>"
	_, err := Read(XML, strings.NewReader(doc))
	se, ok := err.(*SyntaxError)
	if !ok || se.Line != 4 {
		t.Errorf("error = %v, want a SyntaxError on line 4", err)
	}
}

func TestParseTerm(t *testing.T) {
	cases := map[string]rdf.Term{
		`<http://a/\u00FC>`:        rdf.IRI("http://a/ü"),
		`_:b1`:                     rdf.BlankNode("b1"),
		`"a\tb\"c"`:                rdf.NewLiteral("a\tb\"c"),
		`'single'`:                 rdf.NewLiteral("single"),
		`"""long "quoted" text"""`: rdf.NewLiteral(`long "quoted" text`),
		`"chat"@fr-CA`:             rdf.NewLangLiteral("chat", "fr-CA"),
		`"1"^^<http://www.w3.org/2001/XMLSchema#int>`: rdf.NewTypedLiteral("1", "http://www.w3.org/2001/XMLSchema#int"),
		`-12`:          rdf.NewTypedLiteral("-12", rdf.XSDInteger),
		`.5`:           rdf.NewTypedLiteral(".5", rdf.XSDDecimal),
		`1e-3`:         rdf.NewTypedLiteral("1e-3", rdf.XSDDouble),
		`true`:         rdf.NewTypedLiteral("true", rdf.XSDBoolean),
		`"\U0001F389"`: rdf.NewLiteral("🎉"),
	}
	for in, want := range cases {
		got, err := ParseTerm(in)
		if err != nil || got != want {
			t.Errorf("ParseTerm(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	cases := map[string]Format{
		"json": JSON, "SRJ": JSON, ".srj": JSON, "application/sparql-results+json": JSON,
		"application/json; charset=utf-8": JSON, "xml": XML, "application/sparql-results+xml": XML,
		"text/xml": XML, "csv": CSV, "text/csv; charset=utf-8": CSV, "tsv": TSV,
		"text/tab-separated-values": TSV, "table": Table, "text/plain": Table,
	}
	for in, want := range cases {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseFormat("text/turtle"); err == nil {
		t.Error("ParseFormat(text/turtle) gave no error")
	}
	for _, f := range Formats {
		if g, err := ParseFormat(f.MediaType()); err != nil || g != f {
			t.Errorf("MediaType of %v does not parse back", f)
		}
		if g, err := ParseFormat(f.String()); err != nil || g != f {
			t.Errorf("name of %v does not parse back", f)
		}
		if !strings.HasPrefix(f.ContentType(), f.MediaType()) {
			t.Errorf("ContentType of %v = %q", f, f.ContentType())
		}
	}
	if Format(0).String() != "Format(0)" || Format(0).MediaType() != "" || Format(0).Ext() != "" {
		t.Error("invalid Format methods")
	}
}

func TestNegotiate(t *testing.T) {
	all := []Format{JSON, XML, CSV, TSV}
	cases := []struct {
		accept string
		want   Format
		ok     bool
	}{
		{"", JSON, true},
		{"*/*", JSON, true},
		{"application/sparql-results+xml", XML, true},
		{"text/csv;q=0.5, text/tab-separated-values", TSV, true},
		{"application/sparql-results+json;q=0.2, application/sparql-results+xml;q=0.9", XML, true},
		{"text/*;q=0.8, application/sparql-results+json;q=0.5", CSV, true},
		{"text/*, text/csv;q=0", TSV, true},
		{"application/json", JSON, true},
		{"text/html", 0, false},
		{"*/*;q=0", 0, false},
		{"application/xml;q=0.3, */*;q=0.1", XML, true},
		{"garbage;;, text/csv", CSV, true},
	}
	for _, c := range cases {
		got, ok := Negotiate(c.accept, all)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("Negotiate(%q) = %v, %v; want %v, %v", c.accept, got, ok, c.want, c.ok)
		}
	}
	if _, ok := Negotiate("*/*", nil); ok {
		t.Error("Negotiate with no offers succeeded")
	}
}

func ExampleNewWriter() {
	w, _ := NewWriter(TSV, os.Stdout)
	w.Begin([]string{"name", "age"})
	w.Write([]rdf.Term{rdf.NewLangLiteral("Alice", "en"), rdf.NewTypedLiteral("42", rdf.XSDInteger)})
	w.Write([]rdf.Term{rdf.NewLiteral("Bob"), nil})
	w.End()
	// Output:
	// ?name	?age
	// "Alice"@en	42
	// "Bob"
}

func TestVarNames(t *testing.T) {
	for _, v := range []string{"a", "_x", "1", "été", "a·b", "日本"} {
		if !ValidVarName(v) {
			t.Errorf("ValidVarName(%q) = false", v)
		}
	}
	for _, v := range []string{"", "?a", "a b", "a-b", "\r", "·a", "a\x00"} {
		if ValidVarName(v) {
			t.Errorf("ValidVarName(%q) = true", v)
		}
	}
	for _, f := range Formats {
		w, _ := NewWriter(f, &bytes.Buffer{})
		if err := w.Begin([]string{"a", "a"}); err == nil {
			t.Errorf("%v: Begin with a repeated variable gave no error", f)
		}
		w, _ = NewWriter(f, &bytes.Buffer{})
		if err := w.Begin([]string{"a b"}); err == nil {
			t.Errorf("%v: Begin with a bad variable name gave no error", f)
		}
	}
}

func TestXMLEscape_Invalid(t *testing.T) {
	rows := [][]rdf.Term{{rdf.NewLiteral("a\x01b\xffc\uFFFEd<&>")}}
	res, err := Read(XML, bytes.NewReader(writeAll(t, XML, []string{"v"}, rows)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Rows[0][0], rdf.NewLiteral("a\uFFFDb\uFFFDc\uFFFDd<&>"); got != want {
		t.Errorf("read back %q, want %q", got, want)
	}
}

func TestReader_BOM(t *testing.T) {
	for _, f := range []Format{JSON, XML, CSV, TSV} {
		data := append([]byte("\xEF\xBB\xBF"), writeAll(t, f, []string{"a"}, [][]rdf.Term{{rdf.NewLiteral("x")}})...)
		res, err := Read(f, bytes.NewReader(data))
		if err != nil || len(res.Vars) != 1 || res.Vars[0] != "a" || len(res.Rows) != 1 {
			t.Errorf("%v with a BOM: %+v, %v", f, res, err)
		}
	}
}
