package web

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// subjectIndex caches, for one data version, the IDs of the subjects that have a local page
// (IRIs under a base), sorted: one scan of the subject-first indexes per data version, 8
// bytes per subject, after which a sitemap page decodes only its own IDs.
type subjectIndex struct {
	mu      sync.Mutex
	version uint64
	key     string // the bases the cache was built for
	ids     []triplestore.TermID
	hash    map[string][]rdf.IRI // document IRI -> the hash IRIs doc#x among the subjects
	built   bool
}

func (s *Server) pageSubjects(tx *triplestore.Tx, bases []string) ([]triplestore.TermID, error) {
	x, err := s.subjectIndex(tx, bases)
	if err != nil {
		return nil, err
	}
	return x.ids, nil
}

// hashSubjects returns the subjects doc#x of a document IRI under a base.
func (s *Server) hashSubjects(tx *triplestore.Tx, bases []string, doc string) ([]rdf.IRI, error) {
	x, err := s.subjectIndex(tx, bases)
	if err != nil {
		return nil, err
	}
	return x.hash[doc], nil
}

func (s *Server) subjectIndex(tx *triplestore.Tx, bases []string) (*subjectIndex, error) {
	x := &s.subjects
	x.mu.Lock()
	defer x.mu.Unlock()
	v, key := s.store.DataVersion(), strings.Join(bases, " ")
	if x.built && x.version == v && x.key == key {
		return x, nil
	}
	var ids []triplestore.TermID
	it := tx.Match(triplestore.Pattern{})
	var last triplestore.TermID
	for it.Next() {
		sid := it.Quad()[0]
		if sid == last || sid.Kind() != rdf.KindIRI {
			continue
		}
		last = sid
		ids = append(ids, sid)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	kept := ids[:0]
	hash := map[string][]rdf.IRI{}
	for _, id := range ids {
		t, err := tx.Term(id)
		if err != nil {
			return nil, err
		}
		iri := string(t.(rdf.IRI))
		for _, b := range bases {
			if strings.HasPrefix(iri, b) {
				kept = append(kept, id)
				if doc, _, ok := strings.Cut(iri, "#"); ok {
					hash[doc] = append(hash[doc], rdf.IRI(iri))
				}
				break
			}
		}
	}
	x.ids, x.hash, x.version, x.key, x.built = slices.Clip(kept), hash, v, key, true
	return x, nil
}

type sitemapIndexXML struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapLoc `xml:"sitemap"`
}

type sitemapLoc struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlsetXML struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapLoc `xml:"url"`
}

// sitemapIndex answers /sitemap.xml: a sitemap index (https://www.sitemaps.org/protocol.html)
// with one page per Config.SitemapPageSize resources.
func (s *Server) sitemapIndex(c echo.Context) error {
	if s.revalidate(c, "sitemap") {
		return nil
	}
	r := c.Request()
	_, mod := s.version()
	var n int
	err := s.store.View(func(tx *triplestore.Tx) error {
		ids, err := s.pageSubjects(tx, s.basesFor(r))
		n = len(ids)
		return err
	})
	if err != nil {
		return err
	}
	pages := max(1, (n+s.cfg.SitemapPageSize-1)/s.cfg.SitemapPageSize)
	doc := sitemapIndexXML{}
	for i := 1; i <= pages; i++ {
		doc.Sitemaps = append(doc.Sitemaps, sitemapLoc{Loc: fmt.Sprintf("%s/sitemap/%d.xml", requestURL(r), i), LastMod: mod.Format("2006-01-02")})
	}
	return writeXML(c, doc)
}

func (s *Server) sitemapPage(c echo.Context) error {
	r := c.Request()
	n, err := strconv.Atoi(strings.TrimSuffix(c.Param("page"), ".xml"))
	if err != nil || n < 1 {
		return httpError(http.StatusNotFound, "no sitemap page %q", c.Param("page"))
	}
	if s.revalidate(c, "sitemap|"+strconv.Itoa(n)) {
		return nil
	}
	doc := urlsetXML{}
	err = s.store.View(func(tx *triplestore.Tx) error {
		ids, err := s.pageSubjects(tx, s.basesFor(r))
		if err != nil {
			return err
		}
		start := (n - 1) * s.cfg.SitemapPageSize
		if start >= len(ids) && n > 1 {
			return httpError(http.StatusNotFound, "no sitemap page %d", n)
		}
		end := min(len(ids), start+s.cfg.SitemapPageSize)
		prev := ""
		for _, id := range ids[start:end] {
			t, err := tx.Term(id)
			if err != nil {
				return err
			}
			p, ok := s.localPath(r, string(t.(rdf.IRI)))
			if !ok || p == prev { // hash IRIs share their document
				continue
			}
			prev = p
			doc.URLs = append(doc.URLs, sitemapLoc{Loc: requestURL(r) + p})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return writeXML(c, doc)
}

func writeXML(c echo.Context, v any) error {
	b, err := xml.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "application/xml; charset=utf-8", append([]byte(xml.Header), b...))
}

func (s *Server) robots(c echo.Context) error {
	if s.revalidate(c, "robots") {
		return nil
	}
	txt := "User-agent: *\nDisallow: /sparql\nDisallow: /data\nDisallow: /page\nAllow: /\n\nSitemap: " + requestURL(c.Request()) + "/sitemap.xml\n"
	return c.String(http.StatusOK, txt)
}
