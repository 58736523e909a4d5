package results

import (
	"bufio"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// csvEncoder writes https://www.w3.org/TR/sparql11-results-csv-tsv/#csv: RFC 4180 with CRLF
// line ends; IRIs and literals as their bare text, blank nodes as _:label, unbound as an
// empty field. Fields with a quote, comma, CR or LF are quoted, quotes doubled.
type csvEncoder struct{}

func (csvEncoder) begin(w *bufio.Writer, vars []string) {
	for i, v := range vars {
		if i > 0 {
			w.WriteByte(',')
		}
		csvField(w, v)
	}
	w.WriteString("\r\n")
}

func (csvEncoder) row(w *bufio.Writer, _ []string, row []rdf.Term) {
	for i, t := range row {
		if i > 0 {
			w.WriteByte(',')
		}
		switch x := t.(type) {
		case nil:
		case rdf.IRI:
			csvField(w, string(x))
		case rdf.BlankNode:
			csvField(w, "_:"+string(x))
		case rdf.Literal:
			csvField(w, x.Lexical)
		default:
			panic("unreachable: term " + t.String())
		}
	}
	w.WriteString("\r\n")
}

func (csvEncoder) end(*bufio.Writer) {}

func csvField(w *bufio.Writer, s string) {
	if !strings.ContainsAny(s, "\",\r\n") {
		w.WriteString(s)
		return
	}
	w.WriteByte('"')
	w.WriteString(strings.ReplaceAll(s, `"`, `""`))
	w.WriteByte('"')
}
