package turtle_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

// addSeeds adds every file with the extension from a W3C suite directory as a seed; when
// the suite is missing the fuzz target runs with the inline seeds only.
func addSeeds(f *testing.F, suite, ext string, inline ...string) {
	for _, s := range inline {
		f.Add([]byte(s))
	}
	dir := os.Getenv("UWP_W3C_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "w3c")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "rdf", "rdf11", suite, "*"+ext))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
}

// fuzzRoundTrip checks parse -> write -> parse: whatever parses must survive a pretty and a
// streamed write as isomorphic data.
func fuzzRoundTrip(t *testing.T, data []byte, trig bool) {
	watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("fuzzRoundTrip hangs on %q", data)) })
	defer watchdog.Stop()
	opts := rdf.ReadOptions{Base: "http://example.org/base/"}
	var r rdf.Reader
	if trig {
		r = turtle.NewTriGReader(bytes.NewReader(data), opts)
	} else {
		r = turtle.NewReader(bytes.NewReader(data), opts)
	}
	qs, err := w3c.ReadAll(r)
	if err != nil {
		lenient(t, data, trig)
		return // not a document; errors are checked by the conformance suites
	}
	for _, w := range []rdf.WriteOptions{
		{Prefixes: []rdf.Namespace{{Prefix: "ex", IRI: "http://example.org/"}, {Prefix: "", IRI: "http://example.org/base/"}}},
		{Stream: true, Base: "http://example.org/base/"},
	} {
		back, text, err := roundTrip(qs, trig, w)
		if err != nil {
			t.Fatalf("written document does not parse: %v\n%s", err, text)
		}
		if !rdf.Isomorphic(qs, back) {
			t.Fatalf("round trip not isomorphic (stream=%v):\n%s\n--- written:\n%s", w.Stream, rdf.Diff(qs, back), text)
		}
	}
}

func FuzzTurtle(f *testing.F) {
	addSeeds(f, "rdf-turtle", ".ttl", `@prefix : <http://example.org/> . :s :p ( 1 [ :q "x"@en ] ), """a
b""" .`)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRoundTrip(t, data, false) })
}

func FuzzTriG(f *testing.F) {
	addSeeds(f, "rdf-trig", ".trig", `PREFIX : <http://example.org/> GRAPH :g { :s :p [] } _:b { :s :p _:b }`)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRoundTrip(t, data, true) })
}

// lenient reads through every syntax error, as a lenient loader does: the reader must make
// progress and end, and must never return a fatal error for in-memory input.
func lenient(t *testing.T, data []byte, trig bool) {
	opts := rdf.ReadOptions{Base: "http://example.org/base/"}
	var r rdf.Reader
	if trig {
		r = turtle.NewTriGReader(bytes.NewReader(data), opts)
	} else {
		r = turtle.NewReader(bytes.NewReader(data), opts)
	}
	for i := 0; i < 10*len(data)+100; i++ {
		_, err := r.Read()
		if err == io.EOF {
			return
		}
		var se *rdf.SyntaxError
		if err != nil && (!errors.As(err, &se) || se.Fatal) {
			t.Fatalf("fatal error on in-memory input: %v", err)
		}
	}
	t.Fatalf("reader does not reach the end of %d bytes", len(data))
}
