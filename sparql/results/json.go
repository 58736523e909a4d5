package results

import (
	"bufio"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// jsonEncoder writes https://www.w3.org/TR/sparql11-results-json/: one binding object per
// line, unbound variables omitted, datatype omitted for xsd:string.
type jsonEncoder struct{ rows int }

func (e *jsonEncoder) begin(w *bufio.Writer, vars []string) {
	w.WriteString(`{"head":{"vars":[`)
	for i, v := range vars {
		if i > 0 {
			w.WriteByte(',')
		}
		writeJSONString(w, v)
	}
	w.WriteString("]},\n\"results\":{\"bindings\":[")
}

func (e *jsonEncoder) row(w *bufio.Writer, vars []string, row []rdf.Term) {
	if e.rows > 0 {
		w.WriteByte(',')
	}
	e.rows++
	w.WriteString("\n{")
	first := true
	for i, t := range row {
		if t == nil {
			continue
		}
		if !first {
			w.WriteByte(',')
		}
		first = false
		writeJSONString(w, vars[i])
		w.WriteByte(':')
		writeJSONTerm(w, t)
	}
	w.WriteByte('}')
}

func (e *jsonEncoder) end(w *bufio.Writer) { w.WriteString("\n]}}\n") }

func writeJSONTerm(w *bufio.Writer, t rdf.Term) {
	switch x := t.(type) {
	case rdf.IRI:
		w.WriteString(`{"type":"uri","value":`)
		writeJSONString(w, string(x))
	case rdf.BlankNode:
		w.WriteString(`{"type":"bnode","value":`)
		writeJSONString(w, string(x))
	case rdf.Literal:
		w.WriteString(`{"type":"literal","value":`)
		writeJSONString(w, x.Lexical)
		switch {
		case x.Lang != "":
			w.WriteString(`,"xml:lang":`)
			writeJSONString(w, x.Lang)
		case x.Datatype != rdf.XSDString && x.Datatype != "":
			w.WriteString(`,"datatype":`)
			writeJSONString(w, string(x.Datatype))
		}
	default:
		panic("unreachable: term " + t.String())
	}
	w.WriteByte('}')
}

// writeJSONString writes s as a JSON string (RFC 8259): ", \ and controls escaped,
// U+2028/U+2029 too so the output is also valid JavaScript; invalid UTF-8 becomes U+FFFD.
func writeJSONString(w *bufio.Writer, s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			w.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case '\n':
				w.WriteString(`\n`)
			case '\r':
				w.WriteString(`\r`)
			case '\t':
				w.WriteString(`\t`)
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hex[c>>4])
				w.WriteByte(hex[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w.WriteString(s[start:i])
			w.WriteString(`\ufffd`)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			w.WriteString(s[start:i])
			w.WriteString(`\u202`)
			w.WriteByte(hex[r&15])
			i += size
			start = i
			continue
		}
		i += size
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}
