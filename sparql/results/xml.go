package results

import (
	"bufio"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

const xmlNS = "http://www.w3.org/2005/sparql-results#"

// xmlEncoder writes https://www.w3.org/TR/rdf-sparql-XMLres/; unbound variables get no
// binding element.
type xmlEncoder struct{}

func (xmlEncoder) begin(w *bufio.Writer, vars []string) {
	w.WriteString("<?xml version=\"1.0\"?>\n<sparql xmlns=\"" + xmlNS + "\">\n  <head>\n")
	for _, v := range vars {
		w.WriteString(`    <variable name="`)
		xmlEscape(w, v)
		w.WriteString("\"/>\n")
	}
	w.WriteString("  </head>\n  <results>\n")
}

func (xmlEncoder) row(w *bufio.Writer, vars []string, row []rdf.Term) {
	w.WriteString("    <result>\n")
	for i, t := range row {
		if t == nil {
			continue
		}
		w.WriteString(`      <binding name="`)
		xmlEscape(w, vars[i])
		w.WriteString(`">`)
		switch x := t.(type) {
		case rdf.IRI:
			w.WriteString("<uri>")
			xmlEscape(w, string(x))
			w.WriteString("</uri>")
		case rdf.BlankNode:
			w.WriteString("<bnode>")
			xmlEscape(w, string(x))
			w.WriteString("</bnode>")
		case rdf.Literal:
			w.WriteString("<literal")
			switch {
			case x.Lang != "":
				w.WriteString(` xml:lang="`)
				xmlEscape(w, x.Lang)
				w.WriteByte('"')
			case x.Datatype != rdf.XSDString && x.Datatype != "":
				w.WriteString(` datatype="`)
				xmlEscape(w, string(x.Datatype))
				w.WriteByte('"')
			}
			w.WriteByte('>')
			xmlEscape(w, x.Lexical)
			w.WriteString("</literal>")
		default:
			panic("unreachable: term " + t.String())
		}
		w.WriteString("</binding>\n")
	}
	w.WriteString("    </result>\n")
}

func (xmlEncoder) end(w *bufio.Writer) { w.WriteString("  </results>\n</sparql>\n") }

// xmlEscape escapes text and attribute values alike: &, <, >, ", ' and the white space
// characters tab, newline and carriage return (as character references, so that attribute
// value normalisation and line-end handling keep them); characters XML 1.0 cannot carry
// (most controls, lone surrogates, U+FFFE, U+FFFF) and invalid UTF-8 become U+FFFD.
func xmlEscape(w *bufio.Writer, s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		size := 1
		if c < utf8.RuneSelf {
			switch c {
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '\t':
				esc = "&#x9;"
			case '\n':
				esc = "&#xA;"
			case '\r':
				esc = "&#xD;"
			default:
				if c >= 0x20 {
					i++
					continue
				}
				esc = "\uFFFD"
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if (r != utf8.RuneError || size != 1) && r != 0xFFFE && r != 0xFFFF {
				i += size
				continue
			}
			esc = "\uFFFD"
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		i += size
		start = i
	}
	w.WriteString(s[start:])
}
