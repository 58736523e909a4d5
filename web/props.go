package web

import (
	"html"
	"html/template"
	"strings"
)

// propsHTML renders a resource's property table (nested blank nodes included). It is the
// hot path of every page, written with strings.Builder instead of html/template, whose
// reflection-driven escaping cost more than the store reads; every datum goes through
// html.EscapeString (the links are local paths made by Server.href).
func propsHTML(rv *resourceView) template.HTML {
	var b strings.Builder
	writeProps(&b, rv)
	return template.HTML(b.String())
}

func writeProps(b *strings.Builder, rv *resourceView) {
	if len(rv.Props) == 0 {
		return
	}
	esc := html.EscapeString
	b.WriteString(`<table class="props">` + "\n")
	for _, p := range rv.Props {
		b.WriteString(`<tr><th><a href="` + esc(p.Pred.Href) + `" title="` + esc(p.Pred.IRI) + `">` + esc(p.Pred.Label) + "</a></th><td><ul>\n")
		for _, v := range p.Values {
			b.WriteString("<li>")
			switch {
			case v.Link != nil:
				b.WriteString(`<a href="` + esc(v.Link.Href) + `" title="` + esc(v.Link.IRI) + `">` + esc(v.Link.Label) + "</a>")
			case v.Nested != nil:
				b.WriteString(`<div class="nested">`)
				if len(v.Nested.Types) > 0 {
					b.WriteString(`<p class="types">`)
					for _, t := range v.Nested.Types {
						b.WriteString(`<span class="type">` + esc(t.Label) + "</span> ")
					}
					b.WriteString("</p>")
				}
				writeProps(b, v.Nested)
				b.WriteString("</div>")
			default:
				b.WriteString(`<span class="literal"`)
				if v.Lang != "" {
					b.WriteString(` lang="` + esc(v.Lang) + `"`)
				}
				b.WriteString(">" + esc(v.Text) + "</span>")
				if v.Lang != "" {
					b.WriteString(` <span class="lang">@` + esc(v.Lang) + "</span>")
				}
				if v.Datatype != "" {
					b.WriteString(` <span class="dt">` + esc(v.Datatype) + "</span>")
				}
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul></td></tr>\n")
	}
	b.WriteString("</table>")
	if rv.More {
		b.WriteString(`<p class="more">More statements exist than are shown; see the data formats.</p>`)
	}
}
