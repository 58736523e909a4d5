package mapping

import (
	"fmt"
	"net/url"
	"strings"
)

// template is a string with {reference} placeholders: a CSV column name, or a dotted JSON
// path (items[*] or items[0] step into arrays). \{ and \} are literal braces.
type template struct {
	parts []part
	iri   bool
}

type part struct {
	text  string
	ref   string
	isRef bool
}

func (m *Mapping) template(s string, iri bool) (*template, error) {
	t := &template{iri: iri}
	var text strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && (s[i+1] == '{' || s[i+1] == '}'):
			text.WriteByte(s[i+1])
			i++
		case c == '{':
			j := strings.IndexByte(s[i:], '}')
			if j < 0 {
				return nil, fmt.Errorf("template %q: unclosed {", s)
			}
			ref := strings.TrimSpace(s[i+1 : i+j])
			if ref == "" {
				return nil, fmt.Errorf("template %q: empty {}", s)
			}
			if text.Len() > 0 {
				t.parts = append(t.parts, part{text: text.String()})
				text.Reset()
			}
			t.parts = append(t.parts, part{ref: ref, isRef: true})
			i += j
		case c == '}':
			return nil, fmt.Errorf("template %q: unopened }", s)
		default:
			text.WriteByte(c)
		}
	}
	if text.Len() > 0 {
		t.parts = append(t.parts, part{text: text.String()})
	}
	if iri && len(t.parts) > 0 && !t.parts[0].isRef {
		// A leading CURIE: ex:zaal/{id}.
		head := t.parts[0].text
		if prefix, local, ok := strings.Cut(head, ":"); ok {
			if ns, ok := m.prefixes[prefix]; ok && !strings.HasPrefix(local, "//") {
				t.parts[0].text = ns + local
			}
		}
	}
	return t, nil
}

// rename returns a copy whose references are renamed by with (other -> this record's).
func (t *template) rename(with map[string]string) *template {
	c := &template{iri: t.iri, parts: append([]part(nil), t.parts...)}
	for i, p := range c.parts {
		if p.isRef {
			if r, ok := with[p.ref]; ok {
				c.parts[i].ref = r
			}
		}
	}
	return c
}

// expand fills the template from a record. A missing or empty reference gives no values and
// its name; several values (arrays, split cells) give one string per combination.
func (t *template) expand(rec record, split string) (out []string, missing string) {
	out = []string{""}
	for _, p := range t.parts {
		if !p.isRef {
			for i := range out {
				out[i] += p.text
			}
			continue
		}
		vals := rec.values(p.ref)
		if split != "" {
			var sv []string
			for _, v := range vals {
				for _, x := range strings.Split(v, split) {
					if x = strings.TrimSpace(x); x != "" {
						sv = append(sv, x)
					}
				}
			}
			vals = sv
		}
		var nonEmpty []string
		for _, v := range vals {
			if v != "" {
				nonEmpty = append(nonEmpty, v)
			}
		}
		if len(nonEmpty) == 0 {
			return nil, p.ref
		}
		next := make([]string, 0, len(out)*len(nonEmpty))
		for _, prefix := range out {
			for _, v := range nonEmpty {
				if t.iri {
					v = url.PathEscape(v)
				}
				next = append(next, prefix+v)
			}
		}
		out = next
	}
	return out, ""
}

// firstRef returns the first reference, for error positions.
func (t *template) firstRef() string {
	for _, p := range t.parts {
		if p.isRef {
			return p.ref
		}
	}
	return ""
}
