package web

import (
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// mediaRange is one entry of an Accept header.
type mediaRange struct {
	typ, sub string
	q        float64
}

func parseAccept(accept string) []mediaRange {
	var rs []mediaRange
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		typ, sub, ok := strings.Cut(mt, "/")
		if !ok {
			continue
		}
		q := 1.0
		if qs, ok := params["q"]; ok {
			if v, err := strconv.ParseFloat(qs, 64); err == nil && v >= 0 && v <= 1 {
				q = v
			}
		}
		rs = append(rs, mediaRange{typ, sub, q})
	}
	return rs
}

// negotiate picks among offered media types the one the Accept header prefers
// (https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1): each offer takes the q of the
// most specific matching range; the highest non-zero q wins, ties going to the earlier
// offer. An empty header takes the first offer. It returns the index of the offer, or -1.
func negotiate(accept string, offers []string) int {
	if strings.TrimSpace(accept) == "" {
		return 0
	}
	rs := parseAccept(accept)
	best, bestQ := -1, 0.0
	for i, o := range offers {
		typ, sub, _ := strings.Cut(o, "/")
		q, spec := 0.0, -1
		for _, r := range rs {
			s := -1
			switch {
			case r.typ == typ && r.sub == sub:
				s = 2
			case r.typ == typ && r.sub == "*":
				s = 1
			case r.typ == "*" && r.sub == "*":
				s = 0
			}
			if s > spec || (s == spec && s >= 0 && r.q > q) {
				q, spec = r.q, s
			}
		}
		if q > bestQ {
			best, bestQ = i, q
		}
	}
	return best
}

// rdfAliases are further media types clients send for the RDF syntaxes.
var rdfAliases = []struct {
	mediaType string
	format    rdf.Format
}{
	{"application/x-turtle", rdf.Turtle},
	{"text/n3", rdf.Turtle}, // Turtle is a subset of N3: close enough for clients asking N3
	{"text/plain", rdf.NTriples},
	{"application/json", rdf.JSONLD},
	{"application/xml", rdf.RDFXML},
	{"text/xml", rdf.RDFXML},
	{"application/x-trig", rdf.TriG},
	{"text/x-nquads", rdf.NQuads},
}

func rdfAlias(mt string) (rdf.Format, bool) {
	for _, a := range rdfAliases {
		if a.mediaType == mt {
			return a.format, true
		}
	}
	return 0, false
}

// rdfOffers lists the media types of RDF output, triple syntaxes first (Turtle is the
// default), then the quad syntaxes; graphs reports whether the answer has named graphs, in
// which case a quad syntax comes first.
func rdfOffers(graphs bool) ([]string, []rdf.Format) {
	fs := []rdf.Format{rdf.Turtle, rdf.NTriples, rdf.JSONLD, rdf.RDFXML, rdf.TriG, rdf.NQuads}
	if graphs {
		fs = []rdf.Format{rdf.TriG, rdf.NQuads, rdf.JSONLD}
	}
	var offers []string
	var formats []rdf.Format
	for _, f := range fs {
		offers = append(offers, f.MediaType())
		formats = append(formats, f)
	}
	for _, a := range rdfAliases {
		if graphs && !a.format.Quads() {
			continue
		}
		offers = append(offers, a.mediaType)
		formats = append(formats, a.format)
	}
	return offers, formats
}

// negotiateRDF picks an RDF syntax for the request: the format query parameter wins, then
// Accept. ok is false when nothing acceptable is offered.
func negotiateRDF(r *http.Request, graphs bool) (rdf.Format, bool) {
	if name := r.URL.Query().Get("format"); name != "" {
		f, ok := rdf.ParseFormat(strings.ToLower(name))
		if !ok {
			f, ok = rdfAlias(strings.ToLower(name))
		}
		return f, ok && (!graphs || f.Quads())
	}
	offers, formats := rdfOffers(graphs)
	i := negotiate(r.Header.Get("Accept"), offers)
	if i < 0 {
		return 0, false
	}
	return formats[i], true
}

// contentFormat reads the RDF syntax of a request body from its Content-Type.
func contentFormat(ct string) (rdf.Format, bool) {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return 0, false
	}
	mt = strings.ToLower(mt)
	if f, ok := rdf.ParseFormat(mt); ok {
		return f, true
	}
	return rdfAlias(mt)
}

// contentType is the Content-Type header for an RDF syntax.
func contentType(f rdf.Format) string {
	if f == rdf.JSONLD {
		return f.MediaType()
	}
	return f.MediaType() + "; charset=utf-8"
}

// wantsHTML reports whether the client prefers HTML over every RDF syntax (browsers).
func wantsHTML(r *http.Request) bool {
	a := r.Header.Get("Accept")
	if a == "" {
		return false
	}
	offers := []string{"text/html", "application/xhtml+xml"}
	o, _ := rdfOffers(false)
	offers = append(offers, o...)
	i := negotiate(a, offers)
	return i == 0 || i == 1
}
