package nt_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/nt"
)

func ExampleNewReader() {
	in := `<http://example.org/s> <http://example.org/p> "hello"@en .
<http://example.org/s> <http://example.org/p> oops .
_:x <http://example.org/p> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
`
	rd := nt.NewReader(strings.NewReader(in), rdf.ReadOptions{File: "data.nt"})
	for {
		q, err := rd.Read()
		if err == io.EOF {
			break
		}
		var se *rdf.SyntaxError
		if errors.As(err, &se) {
			fmt.Println("skipped:", se) // not fatal: reading goes on
			continue
		}
		fmt.Println(q.Subject, q.Object)
	}
	// Output:
	// <http://example.org/s> "hello"@en
	// skipped: data.nt:2:47: expected object (IRI, blank node or literal), found "oops"
	// _:bx "42"^^<http://www.w3.org/2001/XMLSchema#integer>
}

func ExampleNewQuadsWriter() {
	w := nt.NewQuadsWriter(os.Stdout, rdf.WriteOptions{})
	w.Write(rdf.Quad{
		Subject:   rdf.IRI("http://example.org/s"),
		Predicate: rdf.IRI("http://example.org/p"),
		Object:    rdf.NewLiteral("two\nlines"),
		Graph:     rdf.IRI("http://example.org/g"),
	})
	w.Close()
	// Output:
	// <http://example.org/s> <http://example.org/p> "two\nlines" <http://example.org/g> .
}

func ExampleAppendTerm() {
	buf := nt.AppendTerm(nil, rdf.NewLangLiteral("caf\u00e9", "fr"))
	buf = append(buf, ' ')
	buf = nt.AppendTerm(buf, rdf.IRI("http://example.org/a b"))
	fmt.Println(string(buf))
	// Output:
	// "café"@fr <http://example.org/a\u0020b>
}
