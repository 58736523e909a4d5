package web

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/triplestore"
	"github.com/uitwisselingsplatform/uwp/vocab"
)

// description is what a resource's documents show.
type description struct {
	main     *node
	hash     []*node  // hash IRIs described by the same document
	incoming []triple // bounded by Config.IncomingLimit
	inMore   bool
	// hashBases, when set, makes the description look up hash subjects doc#x in the subject
	// index of these bases (for documents such as hash-URI vocabularies).
	hashBases []string
}

func (s *Server) describe(tx *triplestore.Tx, dec *termDecoder, iri rdf.IRI, withIncoming bool, hashBases []string) (*description, error) {
	d := &description{hashBases: hashBases}
	seen := map[rdf.Term]bool{}
	var err error
	if d.main, err = outgoing(tx, dec, iri, s.cfg.OutgoingLimit, 0, seen); err != nil {
		return nil, err
	}
	if withIncoming {
		if d.incoming, d.inMore, err = incoming(tx, iri, s.cfg.IncomingLimit); err != nil {
			return nil, err
		}
	}
	doc, _, _ := strings.Cut(string(iri), "#")
	hs, err := hashResources(tx, doc, append(d.main.props, d.incoming...))
	if err != nil {
		return nil, err
	}
	if hashBases != nil {
		more, err := s.hashSubjects(tx, hashBases, doc)
		if err != nil {
			return nil, err
		}
		hs = append(hs, more...)
	}
	for _, h := range hs {
		if h == iri || seen[h] {
			continue
		}
		n, err := outgoing(tx, dec, h, s.cfg.OutgoingLimit, 0, seen)
		if err != nil {
			return nil, err
		}
		d.hash = append(d.hash, n)
	}
	return d, nil
}

// triples returns everything the RDF view carries.
func (d *description) triples() []triple {
	out := d.main.triples(nil)
	for _, h := range d.hash {
		out = h.triples(out)
	}
	return append(out, d.incoming...)
}

// serveResource answers the document of iri in the chosen representation; docPath is the
// document's path without extension (format links add theirs).
func (s *Server) serveResource(c echo.Context, iri rdf.IRI, rp repr, docPath string, hashBases []string) error {
	r := c.Request()
	h := c.Response().Header()
	h.Add("Vary", "Accept")
	variant := "ld|" + string(iri) + "|" + rp.ext() + "|" + r.URL.RawQuery
	if rp.html {
		h.Add("Vary", "Accept-Language")
		variant += "|" + r.Header.Get("Accept-Language")
	}
	if s.revalidate(c, variant) {
		return nil
	}
	key := variant + "|" + docPath + "|" + requestURL(r)
	gz := encodesGzip(c)
	if p, ok := s.rendered.get(key); ok {
		if p.gz && !gz {
			if b, ok := s.rendered.getPlain(key); ok {
				return c.Blob(http.StatusOK, p.contentType, b)
			}
			b, err := p.plain()
			if err != nil {
				return err
			}
			s.rendered.putPlain(key, b)
			return c.Blob(http.StatusOK, p.contentType, b)
		}
		return sendPage(c, p, gz)
	}
	version := s.store.DataVersion()
	var buf bytes.Buffer
	ct := "text/html; charset=UTF-8"
	err := s.store.View(func(tx *triplestore.Tx) error {
		if rp.html {
			v, err := s.pageView(tx, version, r, iri, docPath, hashBases)
			if err != nil {
				return err
			}
			writeResourcePage(&buf, v)
			return nil
		}
		// The RDF view is bounded (Config.OutgoingLimit, IncomingLimit): it is rendered into
		// memory, like the page, and can then be cached.
		d, err := s.describe(tx, newTermDecoder(tx), iri, true, hashBases)
		if err != nil {
			return err
		}
		ct = contentType(rp.format)
		w, err := formats.NewWriter(rp.format, &buf, rdf.WriteOptions{Prefixes: s.cfg.Prefixes})
		if err != nil {
			return err
		}
		for _, t := range d.triples() {
			if err := w.Write(rdf.Quad{Subject: t.s, Predicate: t.p, Object: t.o}); err != nil {
				return err
			}
		}
		return w.Close()
	})
	if err != nil {
		return err
	}
	if !gz && !s.rendered.enabled() {
		return c.Blob(http.StatusOK, ct, buf.Bytes())
	}
	p := compressPage(ct, buf.Bytes())
	s.rendered.put(key, version, p)
	if gz && p.gz {
		return sendPage(c, p, gz)
	}
	return c.Blob(http.StatusOK, ct, buf.Bytes())
}

// sendPage answers a cached page: as it is kept (gzip) when the client takes that,
// decompressed otherwise.
func sendPage(c echo.Context, p cachedPage, gz bool) error {
	if p.gz && gz {
		c.Response().Header().Set(echo.HeaderContentEncoding, "gzip")
		return c.Blob(http.StatusOK, p.contentType, p.body)
	}
	body, err := p.plain()
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, p.contentType, body)
}

// View model of resource.html.
type (
	pageView struct {
		Service  string
		Lang     string
		Main     *resourceView
		Hash     []*resourceView
		Incoming []incomingView
		Formats  []linkView
		JSONLD   template.JS
		Query    string // a DESCRIBE query for the query UI
	}
	resourceView struct {
		IRI, Label, LabelLang, Description string
		Frag                               string // the fragment of a hash IRI: the anchor a redirect keeps
		Types                              []linkView
		Props                              []propView
		Images                             []string
		Coords                             []coordView
		More                               bool
		PropsHTML                          template.HTML
	}
	propView struct {
		Pred   linkView
		Values []valueView
	}
	valueView struct {
		Link     *linkView
		Text     string
		Lang     string
		Datatype string
		Nested   *resourceView
		Image    string
	}
	linkView  struct{ Href, Label, IRI string }
	coordView struct {
		Lat, Lon string
		Map      string
	}
	incomingView struct {
		Pred       linkView
		Count      uint64
		Approx     bool
		Items      []linkView
		Page       int
		Prev, Next string
	}
)

// pageView reads what resource.html shows; version is the data version read before tx began.
func (s *Server) pageView(tx *triplestore.Tx, version uint64, r *http.Request, iri rdf.IRI, docPath string, hashBases []string) (*pageView, error) {
	prefs := langPrefs(r.Header.Get("Accept-Language"))
	dec := newTermDecoder(tx)
	lb := newLabeler(tx, prefs, s.labels)
	lb.dec, lb.version = dec, version
	d, err := s.describe(tx, dec, iri, false, hashBases)
	if err != nil {
		return nil, err
	}
	var seed func(n *node)
	seed = func(n *node) {
		if !n.more {
			lb.seed(n.term, n.props)
		}
		for _, k := range n.kids {
			seed(k)
		}
	}
	seed(d.main)
	for _, h := range d.hash {
		seed(h)
	}
	v := &pageView{Service: s.cfg.Title, Lang: "en"}
	if len(prefs) > 0 {
		v.Lang = prefs[0]
	}
	v.Main = s.resourceView(r, lb, d.main)
	v.Main.PropsHTML = propsHTML(v.Main)
	for _, h := range d.hash {
		hv := s.resourceView(r, lb, h)
		hv.PropsHTML = propsHTML(hv)
		v.Hash = append(v.Hash, hv)
	}
	if v.Incoming, err = s.incomingViews(tx, r, lb, iri, docPath); err != nil {
		return nil, err
	}
	for _, f := range []struct{ name, ext string }{{"Turtle", "ttl"}, {"N-Triples", "nt"}, {"JSON-LD", "jsonld"}, {"RDF/XML", "rdf"}, {"N-Quads", "nq"}, {"TriG", "trig"}} {
		href := docPath + "." + f.ext
		if strings.HasSuffix(docPath, "format=") {
			href = docPath + f.ext
		}
		v.Formats = append(v.Formats, linkView{Href: href, Label: f.name})
	}
	v.JSONLD = template.JS(expandedJSONLD(d.triples()))
	v.Query = "DESCRIBE <" + string(iri) + ">"
	return v, nil
}

func (s *Server) link(r *http.Request, lb *labeler, t rdf.Term) linkView {
	i, _ := t.(rdf.IRI)
	return linkView{Href: s.href(r, string(i)), Label: s.labelOf(r, lb, t), IRI: string(i)}
}

// labelOf is the label of t, or for an unlabelled IRI under a base its path after id/
// ("organisator/53", more telling than "53"), else its last segment.
func (s *Server) labelOf(r *http.Request, lb *labeler, t rdf.Term) string {
	if l := lb.texts(t).label; l != "" {
		return l
	}
	if i, ok := t.(rdf.IRI); ok {
		for _, b := range s.basesFor(r) {
			if rest, ok := strings.CutPrefix(string(i), b+"id/"); ok && rest != "" {
				return rest
			}
		}
	}
	return shortName(t)
}

func (s *Server) resourceView(r *http.Request, lb *labeler, n *node) *resourceView {
	rv := &resourceView{More: n.more}
	if i, ok := n.term.(rdf.IRI); ok {
		rv.IRI = string(i)
		if _, f, ok := strings.Cut(rv.IRI, "#"); ok {
			rv.Frag = f
		}
	}
	tx := lb.texts(n.term)
	rv.Label, rv.LabelLang, rv.Description = tx.label, tx.labelLang, tx.desc
	if rv.Label == "" && rv.IRI != "" {
		rv.Label = shortName(n.term)
	}
	byPred := map[rdf.Term]int{}
	var lat, lon string
	for _, tr := range n.props {
		if tr.p == rdfType {
			if tr.o.Kind() == rdf.KindIRI {
				rv.Types = append(rv.Types, s.link(r, lb, tr.o))
			}
			continue
		}
		var val valueView
		switch o := tr.o.(type) {
		case rdf.IRI:
			l := s.link(r, lb, o)
			val.Link = &l
			if isImage(tr.p, string(o)) {
				val.Image = string(o)
				rv.Images = append(rv.Images, string(o))
			}
		case rdf.BlankNode:
			if k := n.kids[o]; k != nil {
				val.Nested = s.resourceView(r, lb, k)
				rv.Coords = append(rv.Coords, val.Nested.Coords...)
				rv.Images = append(rv.Images, val.Nested.Images...)
			} else {
				val.Text = "(blank node)"
			}
		case rdf.Literal:
			val.Text, val.Lang = o.Lexical, o.Lang
			if o.Lang == "" && o.Datatype != rdf.XSDString && o.Datatype != "" {
				val.Datatype, _ = vocab.Compact(o.Datatype)
				if val.Datatype == "" {
					val.Datatype = string(o.Datatype)
				}
			}
			switch tr.p {
			case geoLat, schemaLat, schemaLatH:
				lat = o.Lexical
			case geoLong, schemaLong, schemaLongH:
				lon = o.Lexical
			}
			if o.Datatype == wktLiteral {
				if c, ok := parseWKTPoint(o.Lexical); ok {
					rv.Coords = append(rv.Coords, c)
				}
			}
			if isImage(tr.p, o.Lexical) && strings.HasPrefix(o.Lexical, "http") {
				val.Image = o.Lexical
				rv.Images = append(rv.Images, o.Lexical)
			}
		default:
			panic("unreachable: term " + tr.o.String())
		}
		k, ok := byPred[tr.p]
		if !ok {
			k = len(rv.Props)
			byPred[tr.p] = k
			rv.Props = append(rv.Props, propView{Pred: s.link(r, lb, tr.p)})
		}
		rv.Props[k].Values = append(rv.Props[k].Values, val)
	}
	if lat != "" && lon != "" {
		rv.Coords = append([]coordView{mkCoord(lat, lon)}, rv.Coords...)
	}
	sort.SliceStable(rv.Props, func(i, j int) bool {
		return strings.ToLower(rv.Props[i].Pred.Label) < strings.ToLower(rv.Props[j].Pred.Label)
	})
	return rv
}

func mkCoord(lat, lon string) coordView {
	return coordView{Lat: lat, Lon: lon,
		Map: "https://www.openstreetmap.org/?mlat=" + url.QueryEscape(lat) + "&mlon=" + url.QueryEscape(lon) + "#map=15/" + lat + "/" + lon}
}

// parseWKTPoint reads "POINT(lon lat)", optionally after a CRS IRI.
func parseWKTPoint(s string) (coordView, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<") {
		if i := strings.IndexByte(s, '>'); i >= 0 {
			s = strings.TrimSpace(s[i+1:])
		}
	}
	rest, ok := strings.CutPrefix(strings.ToUpper(s), "POINT")
	if !ok {
		return coordView{}, false
	}
	rest = strings.TrimSpace(rest)
	rest = strings.TrimSuffix(strings.TrimPrefix(rest, "("), ")")
	f := strings.Fields(rest)
	if len(f) < 2 {
		return coordView{}, false
	}
	return mkCoord(f[1], f[0]), true
}

func isImage(pred rdf.Term, u string) bool {
	if p, ok := pred.(rdf.IRI); ok && imagePreds[p] {
		return true
	}
	l := strings.ToLower(u)
	if i := strings.IndexAny(l, "?#"); i >= 0 {
		l = l[:i]
	}
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	return false
}
