package web

import (
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// Linked Data publication (https://www.w3.org/TR/cooluris/): for a base IRI B,
//
//	B id/x  -> GET /id/x answers 303 See Other to /doc/x (or, with Config.Direct, 200 with
//	           Content-Location and Vary: Accept)
//	/doc/x  -> the description of B id/x (and of its hash IRIs B id/x#...), HTML or RDF by
//	           Accept; the extensions .ttl .nt .jsonld .rdf .html (and .nq .trig) override it
//	B other -> GET /other serves the description of B other directly (hash-URI documents)
//	any IRI -> GET /page?uri=IRI describes any IRI the store knows (links from query results)
func (s *Server) ldRoutes() {
	s.get("/id/*", s.ldID)
	s.get("/doc/*", s.ldDoc)
	s.get("/page", s.ldPage)
	s.get("/sitemap.xml", s.sitemapIndex)
	s.get("/sitemap/:page", s.sitemapPage)
	s.get("/robots.txt", s.robots)
	s.get("/.well-known/void", s.void)
	s.get("/*", s.ldOther)
}

// extFormats are the extensions that override content negotiation; 0 means HTML.
var extFormats = map[string]rdf.Format{
	".html": 0, ".ttl": rdf.Turtle, ".nt": rdf.NTriples, ".jsonld": rdf.JSONLD,
	".rdf": rdf.RDFXML, ".nq": rdf.NQuads, ".trig": rdf.TriG,
}

// repr is a chosen representation: HTML or an RDF syntax.
type repr struct {
	html   bool
	format rdf.Format
}

func (r repr) ext() string {
	if r.html {
		return ".html"
	}
	return r.format.Ext()
}

// splitExt cuts a known extension off a path.
func splitExt(p string) (string, *repr) {
	ext := path.Ext(p)
	f, ok := extFormats[strings.ToLower(ext)]
	if !ok {
		return p, nil
	}
	return strings.TrimSuffix(p, ext), &repr{html: f == 0, format: f}
}

// basesFor returns the configured base IRIs, or the server's own URL.
func (s *Server) basesFor(r *http.Request) []string {
	if len(s.bases) > 0 {
		return s.bases
	}
	return []string{requestURL(r) + "/"}
}

// pathForms returns the request path after prefix as the client escaped it and, when that
// differs, unescaped (IRIs may hold non-ASCII characters a browser percent-encodes).
func pathForms(r *http.Request, prefix string) []string {
	raw := strings.TrimPrefix(r.URL.EscapedPath(), prefix)
	forms := []string{raw}
	if dec, err := url.PathUnescape(raw); err == nil && dec != raw {
		forms = append(forms, dec)
	}
	return forms
}

// candidates lists the IRIs a local path may stand for: each base with each path form.
func (s *Server) candidates(r *http.Request, prefix, insert string, strip bool) ([]rdf.IRI, *repr) {
	var out []rdf.IRI
	var rp *repr
	for _, p := range pathForms(r, prefix) {
		if strip {
			var x *repr
			p, x = splitExt(p)
			if x != nil {
				rp = x
			}
		}
		for _, b := range s.basesFor(r) {
			out = append(out, rdf.IRI(b+insert+p))
		}
	}
	return out, rp
}

// localPath maps an IRI under a base to this server's path: B id/x -> /doc/x, B y -> /y.
// ok is false for other IRIs.
func (s *Server) localPath(r *http.Request, iri string) (string, bool) {
	for _, b := range s.basesFor(r) {
		if rest, ok := strings.CutPrefix(iri, b); ok {
			rest, _, _ = strings.Cut(rest, "#")
			if d, ok := strings.CutPrefix(rest, "id/"); ok {
				return "/doc/" + d, true
			}
			return "/" + rest, true
		}
	}
	return "", false
}

// href is where a page links for an IRI: its local page, else /page?uri=.
func (s *Server) href(r *http.Request, iri string) string {
	if p, ok := s.localPath(r, iri); ok {
		if i := strings.IndexByte(iri, '#'); i >= 0 {
			return p + iri[i:]
		}
		return p
	}
	return "/page?uri=" + url.QueryEscape(iri)
}

// find returns the first candidate the store has statements about (or hash resources of).
func (s *Server) find(cands []rdf.IRI) (rdf.IRI, bool, error) { return s.findIn(nil, cands) }

// findIn is find that also looks for hash subjects doc#x among the subjects under bases (the
// sitemap's subject index: one scan per data version), for hash-URI documents such as
// vocabularies whose document IRI has no statements of its own.
func (s *Server) findIn(bases []string, cands []rdf.IRI) (rdf.IRI, bool, error) {
	var key strings.Builder
	for _, c := range cands {
		key.WriteString(string(c))
		key.WriteByte(0)
	}
	for _, b := range bases {
		key.WriteByte(1)
		key.WriteString(b)
	}
	version := s.store.DataVersion()
	if iri, ok := s.found.get(key.String(), version); ok {
		return iri, iri != "", nil
	}
	iri, ok, err := s.findInStore(bases, cands)
	if err == nil {
		s.found.put(key.String(), version, iri)
	}
	return iri, ok, err
}

// foundCache remembers, per data version, which IRI a request's candidates resolved to ("":
// none), so a page served from the page cache costs no store lookups. A new version, or more
// than max entries, empties it.
type foundCache struct {
	mu      sync.Mutex
	version uint64
	m       map[string]rdf.IRI
	max     int
}

func (c *foundCache) get(key string, version uint64) (rdf.IRI, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return "", false
	}
	iri, ok := c.m[key]
	return iri, ok
}

// put records a resolution made at version (read before the lookup, so one made across a
// change is filed under the older version and never served for the newer one).
func (c *foundCache) put(key string, version uint64, iri rdf.IRI) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version < c.version {
		return
	}
	if version != c.version || c.m == nil || len(c.m) >= c.max {
		c.version, c.m = version, make(map[string]rdf.IRI)
	}
	c.m[key] = iri
}

func (s *Server) findInStore(bases []string, cands []rdf.IRI) (rdf.IRI, bool, error) {
	var found rdf.IRI
	err := s.store.View(func(tx *triplestore.Tx) error {
		for _, c := range cands {
			ok, err := hasStatements(tx, c)
			if err != nil {
				return err
			}
			if !ok {
				hs, err := hashResources(tx, string(c), nil)
				if err != nil {
					return err
				}
				ok = len(hs) > 0
			}
			if !ok && bases != nil {
				hs, err := s.hashSubjects(tx, bases, string(c))
				if err != nil {
					return err
				}
				ok = len(hs) > 0
			}
			if ok {
				found = c
				return nil
			}
		}
		return nil
	})
	return found, found != "", err
}

func (s *Server) ldID(c echo.Context) error {
	r := c.Request()
	cands, rp := s.candidates(r, "/id/", "id/", true)
	exact, _ := s.candidates(r, "/id/", "id/", false)
	iri, ok, err := s.find(append(exact, cands...))
	if err != nil {
		return err
	}
	if !ok {
		return httpError(http.StatusNotFound, "nothing is known about %s", cands[0])
	}
	doc := "/doc/" + pathForms(r, "/id/")[0]
	if !s.cfg.Direct {
		c.Response().Header().Add("Vary", "Accept")
		return c.Redirect(http.StatusSeeOther, doc)
	}
	chosen, ok := s.chooseRepr(r, rp)
	if !ok {
		return httpError(http.StatusNotAcceptable, "no acceptable representation: text/html or one of %s", offerList(false))
	}
	base, _ := splitExt(doc)
	c.Response().Header().Set("Content-Location", base+chosen.ext())
	return s.serveResource(c, iri, chosen, base, nil)
}

func (s *Server) ldDoc(c echo.Context) error {
	r := c.Request()
	cands, rp := s.candidates(r, "/doc/", "id/", true)
	iri, ok, err := s.find(cands)
	if err != nil {
		return err
	}
	if !ok {
		return httpError(http.StatusNotFound, "nothing is known about %s", cands[0])
	}
	chosen, ok := s.chooseRepr(r, rp)
	if !ok {
		return httpError(http.StatusNotAcceptable, "no acceptable representation: text/html or one of %s", offerList(false))
	}
	docPath, _ := splitExt(r.URL.EscapedPath())
	if rp == nil {
		c.Response().Header().Set("Content-Location", docPath+chosen.ext())
	}
	return s.serveResource(c, iri, chosen, docPath, nil)
}

func (s *Server) ldOther(c echo.Context) error {
	r := c.Request()
	cands, rp := s.candidates(r, "/", "", true)
	exact, _ := s.candidates(r, "/", "", false)
	iri, ok, err := s.findIn(s.basesFor(r), append(exact, cands...))
	if err != nil {
		return err
	}
	if !ok {
		// Direct graph identification for reads: a named graph's IRI under a base (such as
		// one POST /data minted) answers with the graph.
		for _, g := range exact {
			var isGraph bool
			if err := s.store.View(func(tx *triplestore.Tx) error {
				isGraph, err = graphExists(tx, g)
				return err
			}); err != nil {
				return err
			}
			if isGraph {
				return s.serveGraph(c, g, false)
			}
		}
		return httpError(http.StatusNotFound, "nothing is known about %s", cands[0])
	}
	chosen, ok := s.chooseRepr(r, rp)
	if !ok {
		return httpError(http.StatusNotAcceptable, "no acceptable representation: text/html or one of %s", offerList(false))
	}
	docPath, _ := splitExt(r.URL.EscapedPath())
	return s.serveResource(c, iri, chosen, docPath, s.basesFor(r))
}

func (s *Server) ldPage(c echo.Context) error {
	r := c.Request()
	u := r.URL.Query().Get("uri")
	if u == "" || !rdf.IsAbsoluteIRI(u) {
		return httpError(http.StatusBadRequest, "give uri=IRI (an absolute IRI)")
	}
	var rp *repr
	if f := r.URL.Query().Get("format"); f != "" {
		_, rp = splitExt("x." + strings.TrimPrefix(f, "."))
		if rp == nil {
			return httpError(http.StatusBadRequest, "unknown format %q (html, ttl, nt, jsonld, rdf, nq, trig)", f)
		}
	}
	iri, ok, err := s.find([]rdf.IRI{rdf.IRI(u)})
	if err != nil {
		return err
	}
	if !ok {
		return httpError(http.StatusNotFound, "nothing is known about <%s>", u)
	}
	chosen, ok := s.chooseRepr(r, rp)
	if !ok {
		return httpError(http.StatusNotAcceptable, "no acceptable representation")
	}
	return s.serveResource(c, iri, chosen, "/page?uri="+url.QueryEscape(u)+"&format=", nil)
}

// chooseRepr applies an extension override, else negotiates HTML against the RDF syntaxes
// (HTML first, so */* gets a page).
func (s *Server) chooseRepr(r *http.Request, rp *repr) (repr, bool) {
	if rp != nil {
		return *rp, true
	}
	if f := r.URL.Query().Get("format"); f != "" {
		if _, x := splitExt("x." + strings.TrimPrefix(f, ".")); x != nil {
			return *x, true
		}
	}
	i := negotiate(r.Header.Get("Accept"), pageOffers)
	switch {
	case i < 0:
		return repr{}, false
	case i < 2:
		return repr{html: true}, true
	}
	return repr{format: pageFormats[i-2]}, true
}

// pageOffers are what a resource document negotiates: HTML (twice), then pageFormats' media
// types; built once, as every page request negotiates.
var pageOffers, pageFormats = func() ([]string, []rdf.Format) {
	offers, formats := rdfOffers(false)
	return append([]string{"text/html", "application/xhtml+xml"}, offers...), formats
}()
