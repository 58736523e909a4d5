package rdfxml

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"
)

// normalizeAttrs applies attribute-value normalization
// (https://www.w3.org/TR/xml/#AVNormalize), which encoding/xml leaves out: a literal tab, line
// feed or carriage return in an attribute value becomes a space, while one written as a
// character reference (&#10;) stays. The raw bytes of the tag tell the two apart; when they
// are not at hand (a document in a non-UTF-8 encoding) every such character becomes a space.
func (r *reader) normalizeAttrs(t xml.StartElement) {
	need := false
	for _, a := range t.Attr {
		if strings.ContainsAny(a.Value, "\t\n\r") {
			need = true
			break
		}
	}
	if !need {
		return
	}
	raw := r.src.since(r.off)
	var vals []string
	if raw != nil && bytes.IndexByte(raw, '&') >= 0 {
		vals = rawAttrValues(raw)
	}
	for i := range t.Attr {
		v := t.Attr[i].Value
		if !strings.ContainsAny(v, "\t\n\r") {
			continue
		}
		if len(vals) == len(t.Attr) {
			t.Attr[i].Value = r.normalizeRaw(vals[i], 0)
		} else {
			t.Attr[i].Value = spaceReplacer.Replace(v)
		}
	}
}

var spaceReplacer = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// rawAttrValues returns the attribute values of a start tag as written, or nil if the bytes do
// not look like one.
func rawAttrValues(tag []byte) []string {
	if len(tag) == 0 || tag[0] != '<' {
		return nil
	}
	i := 1
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++
	}
	var vals []string
	for {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) {
			return nil
		}
		if tag[i] == '>' || tag[i] == '/' {
			return vals
		}
		for i < len(tag) && tag[i] != '=' {
			i++
		}
		i++
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] != '"' && tag[i] != '\'' {
			return nil
		}
		q := tag[i]
		j := bytes.IndexByte(tag[i+1:], q)
		if j < 0 {
			return nil
		}
		vals = append(vals, string(tag[i+1:i+1+j]))
		i += j + 2
	}
}

// normalizeRaw turns a raw attribute value into its normalized value: references are expanded
// and literal white space becomes a space. Entity replacement text is normalized the same way.
func (r *reader) normalizeRaw(raw string, depth int) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			b.WriteByte(' ')
		case '\n', '\t':
			b.WriteByte(' ')
		case '&':
			end := strings.IndexByte(raw[i:], ';')
			if end < 0 {
				b.WriteByte(c)
				continue
			}
			ref := raw[i+1 : i+end]
			i += end
			switch {
			case strings.HasPrefix(ref, "#x"):
				n, _ := strconv.ParseUint(ref[2:], 16, 32)
				b.WriteRune(rune(n))
			case strings.HasPrefix(ref, "#"):
				n, _ := strconv.ParseUint(ref[1:], 10, 32)
				b.WriteRune(rune(n))
			default:
				switch ref {
				case "lt":
					b.WriteByte('<')
				case "gt":
					b.WriteByte('>')
				case "amp":
					b.WriteByte('&')
				case "apos":
					b.WriteByte('\'')
				case "quot":
					b.WriteByte('"')
				default:
					if v, ok := r.dec.Entity[ref]; ok && depth < 8 {
						b.WriteString(r.normalizeRaw(v, depth+1))
					}
				}
			}
		default:
			b.WriteByte(c)
		}
	}
	if !utf8.ValidString(b.String()) {
		return raw
	}
	return b.String()
}
