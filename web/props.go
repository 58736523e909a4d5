package web

import (
	"html/template"
	"strings"
)

// propsHTML renders a resource's property table (nested blank nodes included). It is the
// hot path of every page, written with strings.Builder instead of html/template, whose
// reflection-driven escaping cost more than the store reads; every datum goes through
// html.EscapeString (the links are local paths made by Server.href).
func propsHTML(rv *resourceView) template.HTML {
	var b strings.Builder
	b.Grow(256 * (len(rv.Props) + 1))
	writeProps(&b, rv)
	return template.HTML(b.String())
}

func writeProps(b *strings.Builder, rv *resourceView) {
	if len(rv.Props) == 0 {
		return
	}
	w := b.WriteString
	esc := func(s string) { htmlEscape(b, s) }
	w(`<table class="props">` + "\n")
	for _, p := range rv.Props {
		w(`<tr><th><a href="`)
		esc(p.Pred.Href)
		w(`" title="`)
		esc(p.Pred.IRI)
		w(`">`)
		esc(p.Pred.Label)
		w("</a></th><td><ul>\n")
		for _, v := range p.Values {
			w("<li>")
			switch {
			case v.Link != nil:
				w(`<a href="`)
				esc(v.Link.Href)
				w(`" title="`)
				esc(v.Link.IRI)
				w(`">`)
				esc(v.Link.Label)
				w("</a>")
			case v.Nested != nil:
				w(`<div class="nested">`)
				if len(v.Nested.Types) > 0 {
					w(`<p class="types">`)
					for _, t := range v.Nested.Types {
						w(`<span class="type">`)
						esc(t.Label)
						w("</span> ")
					}
					w("</p>")
				}
				writeProps(b, v.Nested)
				w("</div>")
			default:
				w(`<span class="literal"`)
				if v.Lang != "" {
					w(` lang="`)
					esc(v.Lang)
					w(`"`)
				}
				w(">")
				esc(v.Text)
				w("</span>")
				if v.Lang != "" {
					w(` <span class="lang">@`)
					esc(v.Lang)
					w("</span>")
				}
				if v.Datatype != "" {
					w(` <span class="dt">`)
					esc(v.Datatype)
					w("</span>")
				}
			}
			w("</li>\n")
		}
		w("</ul></td></tr>\n")
	}
	w("</table>")
	if rv.More {
		w(`<p class="more">More statements exist than are shown; see the data formats.</p>`)
	}
}

// htmlEscape writes s escaped as html.EscapeString does (<, >, &, ' and ").
func htmlEscape(b *strings.Builder, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '"':
			repl = "&#34;"
		default:
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.WriteString(s[written:])
}
