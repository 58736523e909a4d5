package nt

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// readAll reads every statement of src, writing each quad as its canonical line and each
// error as "ERROR line:col: message".
func readAll(tb testing.TB, rd rdf.Reader) []string {
	tb.Helper()
	var out []string
	for {
		q, err := rd.Read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			var se *rdf.SyntaxError
			if !errors.As(err, &se) {
				tb.Fatalf("unexpected error type %T: %v", err, err)
			}
			if se.Fatal {
				tb.Fatalf("fatal syntax error: %v", se)
			}
			out = append(out, "ERROR "+se.Error())
			continue
		}
		out = append(out, strings.TrimSuffix(string(AppendQuad(nil, q)), "\n"))
	}
}

func TestReader_Valid(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"iris", `<http://ex/s> <http://ex/p> <http://ex/o> .`, `<http://ex/s> <http://ex/p> <http://ex/o> .`},
		{"minimal whitespace", `<http://ex/s><http://ex/p>"a".`, `<http://ex/s> <http://ex/p> "a" .`},
		{"tabs and trailing comment", "\t<http://ex/s>\t<http://ex/p>  _:o\t.\t# c", `<http://ex/s> <http://ex/p> _:bo .`},
		{"blank subject", `_:a.b <http://ex/p> _:c.`, `_:ba.b <http://ex/p> _:bc .`},
		{"blank label digits and dashes", `_:1-x_y <http://ex/p> _:x.y.z .`, `_:b1-x_y <http://ex/p> _:bx.y.z .`},
		{"blank label non-ASCII", "_:\u00e9t\u00e9\u00b7 <http://ex/p> _:x\u0300 .", "_:b\u00e9t\u00e9\u00b7 <http://ex/p> _:bx\u0300 ."},
		{"lang", `<http://ex/s> <http://ex/p> "chat"@fr-BE-1996 .`, `<http://ex/s> <http://ex/p> "chat"@fr-BE-1996 .`},
		{"lang case kept", `<http://ex/s> <http://ex/p> "x"@EN-gb .`, `<http://ex/s> <http://ex/p> "x"@EN-gb .`},
		{"datatype", `<http://ex/s> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`, `<http://ex/s> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`},
		{"xsd:string dropped", `<http://ex/s> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#string> .`, `<http://ex/s> <http://ex/p> "1" .`},
		{"echar", `<http://ex/s> <http://ex/p> "\t\b\n\r\f\"\'\\" .`, "<http://ex/s> <http://ex/p> \"\t\b\\n\\r\f\\\"'\\\\\" ."},
		{"uchar in literal", `<http://ex/s> <http://ex/p> "\u00E9\U0001F600" .`, "<http://ex/s> <http://ex/p> \"\u00e9\U0001F600\" ."},
		{"uchar in IRI", `<http://ex/\u0053\U00000054> <http://ex/p> <http://ex/o> .`, `<http://ex/ST> <http://ex/p> <http://ex/o> .`},
		{"non-ASCII IRI and literal", "<http://ex/\u00e9> <http://ex/p> \"Li\u00e8ge\" .", "<http://ex/\u00e9> <http://ex/p> \"Li\u00e8ge\" ."},
		{"literal U+FFFD", "<http://ex/s> <http://ex/p> \"\uFFFD\" .", "<http://ex/s> <http://ex/p> \"\uFFFD\" ."},
		{"raw controls", "<http://ex/s> <http://ex/p> \"\x00\x01\x7f\" .", "<http://ex/s> <http://ex/p> \"\x00\x01\x7f\" ."},
		{"all IRI chars", `<scheme:!$%25&'()*+,-./0123456789:/@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~?#> <http://ex/p> <http://ex/o> .`, ""},
		{"comment only", `# nothing here`, ""},
		{"empty", ``, ""},
		{"spaces only", "  \t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, NewReader(strings.NewReader(tt.in), rdf.ReadOptions{}))
			want := tt.want
			if want == "" && !strings.HasPrefix(tt.name, "comment") && tt.in != "" && strings.TrimSpace(tt.in) != "" {
				want = tt.in // the input is already canonical
			}
			switch {
			case want == "" && len(got) != 0:
				t.Fatalf("got %q, want nothing", got)
			case want != "" && (len(got) != 1 || got[0] != want):
				t.Fatalf("got  %q\nwant %q", got, want)
			}
		})
	}
}

func TestReader_Terms(t *testing.T) {
	in := `_:x <http://ex/p> "a"@en .
<http://ex/s> <http://ex/p> "1"^^<http://ex/dt> <http://ex/g> .
<http://ex/s> <http://ex/p> _:x _:g .
`
	rd := NewQuadsReader(strings.NewReader(in), rdf.ReadOptions{})
	want := []rdf.Quad{
		{Subject: rdf.BlankNode("bx"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLangLiteral("a", "en")},
		{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewTypedLiteral("1", "http://ex/dt"), Graph: rdf.IRI("http://ex/g")},
		{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.BlankNode("bx"), Graph: rdf.BlankNode("bg")},
	}
	for i, w := range want {
		q, err := rd.Read()
		if err != nil {
			t.Fatalf("quad %d: %v", i, err)
		}
		if q != w {
			t.Fatalf("quad %d: got %#v, want %#v", i, q, w)
		}
	}
	if _, err := rd.Read(); err != io.EOF {
		t.Fatalf("got %v, want io.EOF", err)
	}
	if _, err := rd.Read(); err != io.EOF {
		t.Fatalf("second read at end: got %v, want io.EOF", err)
	}
}

func TestReader_Errors(t *testing.T) {
	tests := []struct {
		name, in string
		quads    bool
		want     string // "line:col: message" prefix
	}{
		{"relative subject", `<s> <http://ex/p> <http://ex/o> .`, false, "1:1: expected an absolute IRI, found relative IRI <s>"},
		{"relative datatype", `<http://ex/s> <http://ex/p> "x"^^<dt> .`, false, "1:34: expected an absolute IRI, found relative IRI <dt>"},
		{"space in IRI", `<http://ex/a b> <http://ex/p> <http://ex/o> .`, false, `1:13: expected '>' to end the IRI, found space`},
		{"bad IRI escape", `<http://ex/\n> <http://ex/p> <http://ex/o> .`, false, `1:12: expected \u or \U escape, found "\\n>"`},
		{"bad hex", `<http://ex/\u00ZZ> <http://ex/p> <http://ex/o> .`, false, `1:16: expected hex digit in \u escape, found "ZZ>"`},
		{"escaped space in IRI", `<http://ex/\u0020> <http://ex/p> <http://ex/o> .`, false, `1:12: expected a character an IRI may contain, found escape \u0020 of U+0020`},
		{"surrogate", `<http://ex/s> <http://ex/p> "\uD800" .`, false, `1:30: expected a Unicode character, found escape \uD800`},
		{"escape overflowing int32", `<http://ex/\U80000000> <http://ex/p> <http://ex/o> .`, false, `1:12: expected a Unicode character, found escape \U80000000`},
		{"beyond Unicode", `<http://ex/s> <http://ex/p> "\U00110000" .`, false, `1:30: expected a Unicode character, found escape \U00110000`},
		{"unterminated IRI", `<http://ex/s`, false, `1:1: expected '>' to end the IRI, found end of line`},
		{"number", `<http://ex/s> <http://ex/p> 1 .`, false, `1:29: expected object (IRI, blank node or literal), found "1"`},
		{"missing dot", `<http://ex/s> <http://ex/p> <http://ex/o>`, false, `1:42: expected '.', found end of line`},
		{"missing dot quads", `<http://ex/s> <http://ex/p> <http://ex/o>`, true, `1:42: expected graph name or '.', found end of line`},
		{"graph in N-Triples", `<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> .`, false, `1:43: expected '.', found a graph name`},
		{"quint", `<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> <http://ex/n> .`, true, `1:57: expected '.', found "<http://ex/n>"`},
		{"literal graph", `<http://ex/s> <http://ex/p> <http://ex/o> "g" .`, true, `1:43: expected graph name or '.', found "\"g\""`},
		{"literal subject", `"s" <http://ex/p> <http://ex/o> .`, false, `1:1: expected subject (IRI or blank node), found "\"s\""`},
		{"blank predicate", `<http://ex/s> _:p <http://ex/o> .`, false, `1:15: expected predicate (IRI), found "_:p"`},
		{"comma", `<http://ex/s> <http://ex/p> <http://ex/o>, <http://ex/o2> .`, false, `1:42: expected '.', found ","`},
		{"text after dot", `<http://ex/s> <http://ex/p> <http://ex/o> . x`, false, `1:45: expected end of line or comment after '.', found "x"`},
		{"double colon label", `_::a <http://ex/p> <http://ex/o> .`, false, `1:3: expected blank node label after '_:', found ":a"`},
		{"colon in label", `_:abc:def <http://ex/p> <http://ex/o> .`, false, `1:6: expected predicate (IRI), found ":def"`},
		{"underscore alone", `_ <http://ex/p> <http://ex/o> .`, false, `1:1: expected '_:' to start a blank node label`},
		{"bad escape", `<http://ex/s> <http://ex/p> "a\zb" .`, false, `1:31: expected escape sequence`},
		{"bad uchar", `<http://ex/s> <http://ex/p> "\uWXYZ" .`, false, `1:32: expected hex digit in \u escape, found "WXYZ\""`},
		{"unterminated literal", `<http://ex/s> <http://ex/p> "abc .`, false, `1:29: expected '"' to end the literal, found end of line`},
		{"single quotes", `<http://ex/s> <http://ex/p> 'abc' .`, false, `1:29: expected object`},
		{"long quotes", `<http://ex/s> <http://ex/p> """abc""" .`, false, `1:31: expected '.', found "\"abc\"\"\""`},
		{"bad lang", `<http://ex/s> <http://ex/p> "x"@1 .`, false, `1:33: expected language tag after '@', found "1"`},
		{"bad subtag", `<http://ex/s> <http://ex/p> "x"@en- .`, false, `1:36: expected letters or digits after '-' in the language tag, found space`},
		{"single caret", `<http://ex/s> <http://ex/p> "x"^<http://ex/d> .`, false, `1:32: expected '^^' before the datatype`},
		{"langString without tag", `<http://ex/s> <http://ex/p> "x"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .`, false, `1:34: expected a datatype other than rdf:langString`},
		{"prefix directive", `@prefix : <http://ex/> .`, false, `1:1: expected subject (IRI or blank node), found "@prefix"`},
		{"invalid UTF-8 literal", "<http://ex/s> <http://ex/p> \"a\xffb\" .", false, `1:31: expected UTF-8 text, found byte 0xFF (invalid UTF-8) in literal`},
		{"invalid UTF-8 IRI", "<http://ex/\xc3> <http://ex/p> <http://ex/o> .", false, `1:12: expected UTF-8 text, found byte 0xC3 (invalid UTF-8) in IRI`},
		{"invalid UTF-8 comment", "# caf\xe9 au lait", false, `1:6: expected UTF-8 text, found byte 0xE9 (invalid UTF-8) in comment`},
		{"encoded surrogate", "<http://ex/s> <http://ex/p> \"\xed\xa0\x80\" .", false, `1:30: expected UTF-8 text, found byte 0xED (invalid UTF-8) in literal`},
		{"column counts characters", "<http://ex/\u00e9\u00e9> <http://ex/p> <http://ex/o> x", false, `1:44: expected '.', found "x"`},
		{"raw CR in literal ends the line", "<http://ex/s> <http://ex/p> \"a\rb\" .", false, `1:29: expected '"' to end the literal, found end of line`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rd rdf.Reader
			if tt.quads {
				rd = NewQuadsReader(strings.NewReader(tt.in), rdf.ReadOptions{})
			} else {
				rd = NewReader(strings.NewReader(tt.in), rdf.ReadOptions{})
			}
			_, err := rd.Read()
			var se *rdf.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a syntax error", err)
			}
			if se.Fatal {
				t.Errorf("error is fatal")
			}
			if got := se.Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %s\nwant %s...", got, tt.want)
			}
		})
	}
}

func TestReader_ContinuesAfterError(t *testing.T) {
	in := "<http://ex/a> <http://ex/p> <http://ex/o> .\n" +
		"<http://ex/b> <http://ex/p> oops .\n" +
		"\n" +
		"<http://ex/c> <http://ex/p> \"x\n" +
		"<http://ex/d> <http://ex/p> <http://ex/o> .\n"
	got := readAll(t, NewReader(strings.NewReader(in), rdf.ReadOptions{File: "f.nt", Line: 10}))
	want := []string{
		`<http://ex/a> <http://ex/p> <http://ex/o> .`,
		`ERROR f.nt:11:29: expected object (IRI, blank node or literal), found "oops"`,
		`ERROR f.nt:13:29: expected '"' to end the literal, found end of line`,
		`<http://ex/d> <http://ex/p> <http://ex/o> .`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReader_LineEnds(t *testing.T) {
	// LF, CR LF, lone CR, CR CR LF, and no line end at the end of the input.
	in := "<http://ex/a> <http://ex/p> <http://ex/o> .\n" +
		"<http://ex/b> <http://ex/p> <http://ex/o> .\r\n" +
		"<http://ex/c> <http://ex/p> <http://ex/o> .\r" +
		"# comment\r" +
		"<http://ex/d> <http://ex/p> x .\r\r\n" +
		"<http://ex/e> <http://ex/p> x ."
	got := readAll(t, NewReader(strings.NewReader(in), rdf.ReadOptions{}))
	want := []string{
		`<http://ex/a> <http://ex/p> <http://ex/o> .`,
		`<http://ex/b> <http://ex/p> <http://ex/o> .`,
		`<http://ex/c> <http://ex/p> <http://ex/o> .`,
		`ERROR 5:29: expected object (IRI, blank node or literal), found "x"`,
		`ERROR 7:29: expected object (IRI, blank node or literal), found "x"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReader_ByteOrderMark(t *testing.T) {
	got := readAll(t, NewReader(strings.NewReader("\uFEFF<http://ex/s> <http://ex/p> <http://ex/o> .\n\uFEFF"), rdf.ReadOptions{}))
	if len(got) != 2 || got[0] != `<http://ex/s> <http://ex/p> <http://ex/o> .` || !strings.HasPrefix(got[1], "ERROR 2:1:") {
		t.Fatalf("got %q; want one quad and an error for the BOM that does not start the input", got)
	}
}

// TestReader_SmallReads feeds the input one byte at a time, so every line straddles reads.
func TestReader_SmallReads(t *testing.T) {
	in := strings.Repeat("<http://ex/s> <http://ex/p> \"caf\u00e9\"@fr .\r\n_:b <http://ex/p> <http://ex/o> <http://ex/g> .\n", 50)
	want := readAll(t, NewQuadsReader(strings.NewReader(in), rdf.ReadOptions{}))
	got := readAll(t, NewQuadsReader(iotest.OneByteReader(strings.NewReader(in)), rdf.ReadOptions{}))
	if len(want) != 100 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("one-byte reads gave %d statements, whole reads %d", len(got), len(want))
	}
}

// TestReader_LongLine reads lines longer than the initial buffer.
func TestReader_LongLine(t *testing.T) {
	long := strings.Repeat("\u00e9x\\n", initialBufSize/2)
	in := "<http://ex/s> <http://ex/p> \"" + long + "\" .\n<http://ex/s> <http://ex/p> \"" + long + long + "\" .\n<http://ex/s> <http://ex/p> \"short\" ."
	rd := NewReader(strings.NewReader(in), rdf.ReadOptions{})
	want := []int{len(long) - len(long)/5, 2 * (len(long) - len(long)/5), 5} // "\\n" -> LF
	for i, n := range want {
		q, err := rd.Read()
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if got := len(q.Object.(rdf.Literal).Lexical); got != n {
			t.Fatalf("line %d: lexical form of %d bytes, want %d", i+1, got, n)
		}
	}
	if _, err := rd.Read(); err != io.EOF {
		t.Fatalf("got %v, want io.EOF", err)
	}
}

func TestReader_IOError(t *testing.T) {
	boom := errors.New("boom")
	src := io.MultiReader(strings.NewReader("<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/s> <http://"), iotest.ErrReader(boom))
	rd := NewReader(src, rdf.ReadOptions{})
	if _, err := rd.Read(); err != nil {
		t.Fatalf("first line: %v", err)
	}
	for i := 0; i < 2; i++ {
		if _, err := rd.Read(); err != boom {
			t.Fatalf("read %d: got %v, want the reader's error", i, err)
		}
	}
}

// TestReader_SharesTerms checks that repeated subjects, predicates and datatypes are shared
// and that the reader allocates nothing per line beyond the terms it cannot share.
func TestReader_SharesTerms(t *testing.T) {
	line := "<http://ex/s> <http://ex/p> \"v\"^^<http://ex/dt> .\n"
	src := &repeatReader{line: []byte(line)}
	rd := NewReader(src, rdf.ReadOptions{})
	for i := 0; i < 10; i++ { // warm the caches and the buffer
		if _, err := rd.Read(); err != nil {
			t.Fatal(err)
		}
	}
	allocs := testing.AllocsPerRun(1000, func() {
		if _, err := rd.Read(); err != nil {
			t.Fatal(err)
		}
	})
	// The lexical form, and the literal boxed into an rdf.Term.
	if allocs > 2 {
		t.Fatalf("%.1f allocations per line, want at most 2", allocs)
	}
}

// repeatReader returns line over and over.
type repeatReader struct {
	line []byte
	off  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.line[r.off:])
		n += c
		r.off = (r.off + c) % len(r.line)
	}
	return n, nil
}

// TestReader_Chunks reads a file cut in two at a line boundary, as the parallel loader
// does: with ReadOptions.Line the second chunk reports the file's line numbers, and a blank
// node label names the same node in both chunks.
func TestReader_Chunks(t *testing.T) {
	whole := "_:a <http://ex/p> <http://ex/o> .\n" +
		"<http://ex/s> <http://ex/p> _:a .\n" +
		"# comment\n" +
		"_:a <http://ex/q> bad .\n" +
		"<http://ex/t> <http://ex/p> _:a .\n"
	cut := strings.Index(whole, "# comment")
	want := readAll(t, NewReader(strings.NewReader(whole), rdf.ReadOptions{File: "f.nt"}))
	got := append(
		readAll(t, NewReader(strings.NewReader(whole[:cut]), rdf.ReadOptions{File: "f.nt"})),
		readAll(t, NewReader(strings.NewReader(whole[cut:]), rdf.ReadOptions{File: "f.nt", Line: 3}))...)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("chunks read\n%s\nthe whole file\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(want[2], "f.nt:4:19:") || !strings.HasSuffix(want[3], "_:ba .") {
		t.Fatalf("unexpected reading of the whole file: %q", want)
	}
}
