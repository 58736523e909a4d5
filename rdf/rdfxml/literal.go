package rdfxml

import (
	"encoding/xml"
	"sort"
	"strings"
)

// literal collects the content of a parseType="Literal" property element as an rdf:XMLLiteral
// in Exclusive XML Canonicalization form without comments
// (https://www.w3.org/TR/xml-exc-c14n/, as https://www.w3.org/TR/rdf-syntax-grammar/#literal
// asks): namespaces are declared where they are visibly used and not already declared by an
// output ancestor, namespace declarations and attributes are sorted, empty elements get end
// tags, comments go and the special characters are escaped as C14N prescribes.
type literal struct {
	buf      strings.Builder
	open     []litOpen
	rendered []nsBinding // namespace declarations written by open elements of the literal
}

type litOpen struct {
	name                 xml.Name
	nsMark, renderedMark int
}

func (l *literal) start(r *reader, t xml.StartElement) error {
	mark := len(r.ns)
	if err := r.declare(t); err != nil {
		return err
	}
	l.open = append(l.open, litOpen{name: t.Name, nsMark: mark, renderedMark: len(l.rendered)})

	// Namespaces visibly utilised: the element's own prefix and those of its attributes.
	var decls []nsBinding
	use := func(prefix string) error {
		if prefix == "xml" {
			return nil
		}
		uri, ok := r.lookup(prefix)
		if !ok {
			return r.errorf("undeclared namespace prefix %q in XML literal", prefix)
		}
		for _, d := range decls {
			if d.prefix == prefix {
				return nil
			}
		}
		cur, found := "", false
		for i := len(l.rendered) - 1; i >= 0; i-- {
			if l.rendered[i].prefix == prefix {
				cur, found = l.rendered[i].uri, true
				break
			}
		}
		if cur == uri && (found || uri == "") {
			return nil
		}
		decls = append(decls, nsBinding{prefix, uri})
		return nil
	}
	if err := use(t.Name.Space); err != nil {
		return err
	}
	type attr struct {
		uri  string
		name xml.Name
		val  string
	}
	var as []attr
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue
		}
		uri := ""
		if a.Name.Space != "" {
			if err := use(a.Name.Space); err != nil {
				return err
			}
			uri, _ = r.lookup(a.Name.Space)
		}
		as = append(as, attr{uri, a.Name, a.Value})
	}
	sort.Slice(decls, func(i, j int) bool { return decls[i].prefix < decls[j].prefix })
	sort.Slice(as, func(i, j int) bool {
		if as[i].uri != as[j].uri {
			return as[i].uri < as[j].uri
		}
		return as[i].name.Local < as[j].name.Local
	})
	l.rendered = append(l.rendered, decls...)

	b := &l.buf
	b.WriteByte('<')
	b.WriteString(rawName(t.Name))
	for _, d := range decls {
		if d.prefix == "" {
			b.WriteString(` xmlns="`)
		} else {
			b.WriteString(` xmlns:`)
			b.WriteString(d.prefix)
			b.WriteString(`="`)
		}
		escapeAttr(b, d.uri)
		b.WriteByte('"')
	}
	for _, a := range as {
		b.WriteByte(' ')
		b.WriteString(rawName(a.name))
		b.WriteString(`="`)
		escapeAttr(b, a.val)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	return nil
}

func (l *literal) end(r *reader, t xml.EndElement) error {
	o := l.open[len(l.open)-1]
	if t.Name != o.name {
		return r.errorf("end tag </%s> does not match <%s>", rawName(t.Name), rawName(o.name))
	}
	l.open = l.open[:len(l.open)-1]
	r.ns = r.ns[:o.nsMark]
	l.rendered = l.rendered[:o.renderedMark]
	l.buf.WriteString("</")
	l.buf.WriteString(rawName(t.Name))
	l.buf.WriteByte('>')
	return nil
}

func (l *literal) text(t xml.CharData) { escapeText(&l.buf, string(t)) }

func (l *literal) procInst(t xml.ProcInst) {
	l.buf.WriteString("<?")
	l.buf.WriteString(t.Target)
	if len(t.Inst) > 0 {
		l.buf.WriteByte(' ')
		l.buf.Write(t.Inst)
	}
	l.buf.WriteString("?>")
}

// escapeText escapes character data as C14N does: & < > and CR.
func escapeText(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\r':
			esc = "&#xD;"
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(esc)
		start = i + 1
	}
	b.WriteString(s[start:])
}

// escapeAttr escapes an attribute value as C14N does: & < " TAB LF CR.
func escapeAttr(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '"':
			esc = "&quot;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(esc)
		start = i + 1
	}
	b.WriteString(s[start:])
}
