package web

import (
	"bytes"
	"strconv"
	"strings"
)

// writeResourcePage writes the resource page: the same bytes as executing
// templates/resource.html on v (TestResourcePage_MatchesTemplate holds them equal), without
// html/template's reflection, which cost a quarter of a page's CPU time (every action calls
// its escapers through reflect). Each datum goes through the escaper html/template's
// contextual analysis picks for its place: escText (element content, attribute values,
// <title>), escURL (href and src: filter and normalise, then escape for the attribute),
// escQuery (a value inside a URL's query). templates/resource.html stays the definition;
// change both together.
func writeResourcePage(b *bytes.Buffer, v *pageView) {
	w := b.WriteString
	w("<!DOCTYPE html>\n<html lang=\"")
	escText(b, v.Lang)
	w("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"stylesheet\" href=\"/static/style.css\">\n<title>")
	escText(b, v.Main.Label)
	w(" · ")
	escText(b, v.Service)
	w("</title>\n")
	if v.Main.Description != "" {
		w(`<meta name="description" content="`)
		escText(b, v.Main.Description)
		w(`">`)
	}
	w("\n<link rel=\"alternate\" type=\"text/turtle\" href=\"")
	escURL(b, v.Formats[0].Href)
	w("\">\n<script type=\"application/ld+json\">")
	w(string(v.JSONLD)) // template.JS: html/template inserts it as is
	w("</script>\n</head>\n<body>\n<header class=\"top\"><a class=\"brand\" href=\"/\">")
	escText(b, v.Service)
	w("</a>\n<nav><a href=\"/\">Query</a> <a href=\"/sparql\">SPARQL endpoint</a> <a href=\"/.well-known/void\">VoID</a> <a href=\"/sitemap.xml\">Sitemap</a></nav></header>\n\n<main>\n")
	if m := v.Main; m != nil {
		w("\n<article class=\"resource\" id=\"main\">\n<h1")
		if m.LabelLang != "" {
			w(` lang="`)
			escText(b, m.LabelLang)
			w(`"`)
		}
		w(">")
		escText(b, m.Label)
		w("</h1>\n")
		if m.IRI != "" {
			w(`<p class="iri"><a href="`)
			escURL(b, m.IRI)
			w(`">`)
			escText(b, m.IRI)
			w("</a></p>")
		}
		w("\n")
		if len(m.Types) > 0 {
			w(`<p class="types">`)
			for _, t := range m.Types {
				w(`<a class="type" href="`)
				escURL(b, t.Href)
				w(`" title="`)
				escText(b, t.IRI)
				w(`">`)
				escText(b, t.Label)
				w("</a> ")
			}
			w("</p>")
		}
		w("\n")
		if m.Description != "" {
			w(`<p class="description">`)
			escText(b, m.Description)
			w("</p>")
		}
		w("\n")
		writeMedia(b, m)
		w("\n")
		w(string(m.PropsHTML))
		w("\n</article>\n")
	}
	w("\n")
	for _, h := range v.Hash {
		w(`<article class="resource hash" id="`)
		escText(b, h.Frag)
		w("\">\n<h2>")
		escText(b, h.Label)
		w(`</h2><p class="iri">`)
		escText(b, h.IRI)
		w("</p>\n")
		if len(h.Types) > 0 {
			w(`<p class="types">`)
			for _, t := range h.Types {
				w(`<a class="type" href="`)
				escURL(b, t.Href)
				w(`">`)
				escText(b, t.Label)
				w("</a> ")
			}
			w("</p>")
		}
		w("\n")
		writeMedia(b, h)
		w(string(h.PropsHTML))
		w("\n</article>")
	}
	w("\n")
	if len(v.Incoming) > 0 {
		w("<section id=\"incoming\"><h2>Referenced by</h2>\n")
		for i := range v.Incoming {
			in := &v.Incoming[i]
			w(`<div class="incoming"><h3><a href="`)
			escURL(b, in.Pred.Href)
			w(`" title="`)
			escText(b, in.Pred.IRI)
			w(`">`)
			escText(b, in.Pred.Label)
			w(`</a> <span class="count">`)
			if in.Approx {
				w("about ")
			}
			b.Write(strconv.AppendUint(b.AvailableBuffer(), in.Count, 10))
			w("</span></h3>\n<ul>")
			for _, it := range in.Items {
				w("<li>")
				if it.Href != "" {
					w(`<a href="`)
					escURL(b, it.Href)
					w(`" title="`)
					escText(b, it.IRI)
					w(`">`)
					escText(b, it.Label)
					w("</a>")
				} else {
					escText(b, it.Label)
				}
				w("</li>")
			}
			w("</ul>\n")
			if in.Prev != "" || in.Next != "" {
				w(`<p class="pager">`)
				if in.Prev != "" {
					w(`<a href="`)
					escURL(b, in.Prev)
					w(`" rel="prev">← previous</a>`)
				}
				w(" page ")
				b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(in.Page), 10))
				w(" ")
				if in.Next != "" {
					w(`<a href="`)
					escURL(b, in.Next)
					w(`" rel="next">next →</a>`)
				}
				w("</p>")
			}
			w("\n</div>")
		}
		w("\n</section>")
	}
	w("\n<section class=\"formats\"><h2>Data</h2><p>")
	for _, f := range v.Formats {
		w(`<a href="`)
		escURL(b, f.Href)
		w(`">`)
		escText(b, f.Label)
		w("</a> ")
	}
	w(`· <a href="/?query=`)
	escQuery(b, v.Query)
	w("\">Query</a></p></section>\n</main>\n<footer>Served by uwp · <a href=\"/data\">Graph store</a> · <a href=\"/metrics\">Metrics</a></footer>\n</body>\n</html>\n")
}

// writeMedia is the template "media".
func writeMedia(b *bytes.Buffer, rv *resourceView) {
	if len(rv.Images) > 0 {
		b.WriteString(`<div class="images">`)
		for _, im := range rv.Images {
			b.WriteString(`<img src="`)
			escURL(b, im)
			b.WriteString(`" alt="" loading="lazy">`)
		}
		b.WriteString("</div>")
	}
	b.WriteString("\n")
	if len(rv.Coords) > 0 {
		b.WriteString(`<p class="coords"><span class="label">Coordinates:</span> `)
		for _, c := range rv.Coords {
			b.WriteString(`<a class="coord" href="`)
			escURL(b, c.Map)
			b.WriteString(`">`)
			escText(b, c.Lat)
			b.WriteString(", ")
			escText(b, c.Lon)
			b.WriteString("</a> ")
		}
		b.WriteString("</p>")
	}
}

// escText is html/template's htmlescaper, attrescaper and rcdataescaper for a string (they
// share one replacement table): NUL, quotes, &, +, < and >.
func escText(b *bytes.Buffer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.WriteString(s[written:])
}

// escURL is html/template's urlfilter | urlnormalizer | attrescaper: a URL whose scheme is
// not http, https or mailto becomes #ZgotmplZ; bytes outside RFC 3986's unreserved and
// reserved sets are percent-encoded (valid escapes kept), and the result is attribute-escaped.
func escURL(b *bytes.Buffer, s string) {
	if !isSafeURL(s) {
		b.WriteString("#ZgotmplZ")
		return
	}
	var sb strings.Builder
	if processURL(s, true, &sb) {
		s = sb.String()
	}
	escText(b, s)
}

// escQuery is html/template's urlescaper | attrescaper: everything but unreserved bytes is
// percent-encoded (the result needs no attribute escaping).
func escQuery(b *bytes.Buffer, s string) {
	var sb strings.Builder
	if processURL(s, false, &sb) {
		s = sb.String()
	}
	escText(b, s)
}

// isSafeURL is html/template's: a relative URL, or one with scheme http, https or mailto.
func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

// processURL is html/template's processURLOnto; it reports whether it wrote anything (when
// not, s needs no change).
func processURL(s string, norm bool, b *strings.Builder) bool {
	const hex = "0123456789abcdef"
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	if written == 0 {
		return false
	}
	b.WriteString(s[written:])
	return true
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
