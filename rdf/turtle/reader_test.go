package turtle

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// readAll reads everything, collecting non-fatal errors as strings.
func readAll(t *testing.T, r rdf.Reader) (qs []string, errs []string) {
	t.Helper()
	for i := 0; i < 10000; i++ {
		q, err := r.Read()
		if err == io.EOF {
			return qs, errs
		}
		if err != nil {
			var se *rdf.SyntaxError
			if !errors.As(err, &se) || se.Fatal {
				t.Fatalf("fatal error: %v", err)
			}
			errs = append(errs, err.Error())
			continue
		}
		qs = append(qs, q.String())
	}
	t.Fatal("reader does not end")
	return
}

func TestReader_Basics(t *testing.T) {
	const doc = `@prefix : <http://ex/> .
BASE <http://base/dir/>
:s a :C ; :p 1, 2.5, 3e0, true, "x"@en, "y"^^:d ; :q [ :r ( 1 _:b ) ] .
<rel> :p """long
string""" .
`
	qs, errs := readAll(t, NewReader(strings.NewReader(doc), rdf.ReadOptions{}))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{
		`<http://ex/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/C> .`,
		`<http://ex/s> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
		`<http://ex/s> <http://ex/p> "2.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .`,
		`<http://ex/s> <http://ex/p> "3e0"^^<http://www.w3.org/2001/XMLSchema#double> .`,
		`<http://ex/s> <http://ex/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .`,
		`<http://ex/s> <http://ex/p> "x"@en .`,
		`<http://ex/s> <http://ex/p> "y"^^<http://ex/d> .`,
		`_:g2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
		`_:g2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:g3 .`,
		`_:g3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:bb .`,
		`_:g3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .`,
		`_:g1 <http://ex/r> _:g2 .`,
		`<http://ex/s> <http://ex/q> _:g1 .`,
		`<http://base/dir/rel> <http://ex/p> "long\nstring" .`,
	}
	if strings.Join(qs, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(qs, "\n"), strings.Join(want, "\n"))
	}
}

func TestReader_ErrorRecovery(t *testing.T) {
	const doc = "@prefix : <http://ex/> .\n:a :b :c .\n:a :b .\n:a :b \"unterminated\n:d :e :f .\n:g :h :i .\n"
	qs, errs := readAll(t, NewReader(strings.NewReader(doc), rdf.ReadOptions{File: "x.ttl"}))
	wantErrs := []string{
		"x.ttl:3:7: expected object, found '.'",
		"x.ttl:4:20: line break in a short string (use \"\"\" or \\n)",
	}
	if strings.Join(errs, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors:\n%s\nwant\n%s", strings.Join(errs, "\n"), strings.Join(wantErrs, "\n"))
	}
	// The statement after the broken string is lost up to its '.'; the next one is read.
	want := "<http://ex/a> <http://ex/b> <http://ex/c> .\n<http://ex/g> <http://ex/h> <http://ex/i> ."
	if got := strings.Join(qs, "\n"); got != want {
		t.Errorf("quads:\n%s\nwant\n%s", got, want)
	}
}

func TestReader_TriGRecoveryAtBrace(t *testing.T) {
	const doc = "@prefix : <http://ex/> .\n:g { :a :b :c . :a :b }\n:h { :x :y :z }\n"
	qs, errs := readAll(t, NewTriGReader(strings.NewReader(doc), rdf.ReadOptions{}))
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "2:23: expected object, found '}'") {
		t.Errorf("errors = %q", errs)
	}
	want := "<http://ex/a> <http://ex/b> <http://ex/c> <http://ex/g> .\n<http://ex/x> <http://ex/y> <http://ex/z> <http://ex/h> ."
	if got := strings.Join(qs, "\n"); got != want {
		t.Errorf("quads:\n%s\nwant\n%s", got, want)
	}
}

func TestReader_NoBase(t *testing.T) {
	_, errs := readAll(t, NewReader(strings.NewReader("<a> <b> <c> ."), rdf.ReadOptions{}))
	if len(errs) != 1 || !strings.Contains(errs[0], "without a base IRI") {
		t.Errorf("errors = %q", errs)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReader_IOErrorIsFatal(t *testing.T) {
	r := NewReader(failingReader{}, rdf.ReadOptions{})
	for i := 0; i < 2; i++ {
		if _, err := r.Read(); err == nil || err.Error() != "disk on fire" {
			t.Fatalf("Read %d: err = %v", i, err)
		}
	}
}

func TestReader_TriGRecoverySkipsBadBlock(t *testing.T) {
	const doc = "@prefix : <http://ex/> .\nGRAPH :g :x { :a :b :c . :d :e :f }\n:h { :x :y :z }\n"
	qs, errs := readAll(t, NewTriGReader(strings.NewReader(doc), rdf.ReadOptions{}))
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "2:10: expected '{', found prefixed name :x") {
		t.Errorf("errors = %q", errs)
	}
	want := "<http://ex/x> <http://ex/y> <http://ex/z> <http://ex/h> ."
	if got := strings.Join(qs, "\n"); got != want {
		t.Errorf("quads:\n%s\nwant\n%s", got, want)
	}
}

// brokenReader returns some data, then an error.
type brokenReader struct{ data string }

func (b *brokenReader) Read(p []byte) (int, error) {
	if b.data == "" {
		return 0, errors.New("connection reset")
	}
	n := copy(p, b.data)
	b.data = b.data[n:]
	return n, nil
}

func TestReader_IOErrorMidToken(t *testing.T) {
	r := NewReader(&brokenReader{data: `<http://ex/s> <http://ex/p> "unfinished`}, rdf.ReadOptions{})
	for i := 0; i < 2; i++ {
		if _, err := r.Read(); err == nil || err.Error() != "connection reset" {
			t.Fatalf("Read %d: err = %v, want the I/O error", i, err)
		}
	}
}
