package web

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func TestLD_SeeOther(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	code, body, h := ts.get(t, "GET", "/id/gent", "", "Accept", "text/turtle")
	wantStatus(t, "GET /id/gent", code, http.StatusSeeOther, body)
	if h.Get("Location") != "/doc/gent" || !strings.Contains(strings.Join(h.Values("Vary"), ","), "Accept") {
		t.Fatalf("303 headers: %v", h)
	}
	code, body, h = ts.get(t, "GET", h.Get("Location"), "", "Accept", "text/turtle")
	wantStatus(t, "GET /doc/gent", code, 200, body)
	if !strings.HasPrefix(h.Get("Content-Type"), "text/turtle") || h.Get("Content-Location") != "/doc/gent.ttl" {
		t.Errorf("doc headers: %v", h)
	}
	got := parseRDF(t, rdf.Turtle, body)
	gent := rdf.IRI(ts.URL + "/id/gent")
	var out, in int
	for _, q := range got {
		if q.Subject == gent {
			out++
		}
		if q.Object == gent {
			in++
		}
	}
	// 8 statements about gent (type, 2 labels, 2 descriptions, image, lat, long, address)
	// + 2 of its blank address, and 2 incoming schema:location links.
	if out != 9 || in != 2 || len(got) != 13 {
		t.Errorf("RDF view: %d outgoing, %d incoming, %d in all:\n%s", out, in, len(got), body)
	}
	code, body, _ = ts.get(t, "GET", "/id/nothing-here", "")
	wantStatus(t, "unknown /id", code, 404, body)
}

func TestLD_Direct(t *testing.T) {
	ts := newTestServer(t, Config{Direct: true}, cityData)
	code, body, h := ts.get(t, "GET", "/id/gent", "", "Accept", "application/n-triples")
	wantStatus(t, "direct", code, 200, body)
	if h.Get("Content-Location") != "/doc/gent.nt" || !strings.Contains(strings.Join(h.Values("Vary"), ","), "Accept") {
		t.Errorf("headers: %v", h)
	}
	if !strings.Contains(body, "<"+ts.URL+"/id/gent> <http://www.w3.org/2000/01/rdf-schema#label> \"Gent\"@nl .") {
		t.Errorf("body:\n%s", body)
	}
}

func TestLD_ConnegAndExtensions(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	for _, c := range []struct {
		path, accept, wantType string
	}{
		{"/doc/gent", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", "text/html"},
		{"/doc/gent", "application/rdf+xml;q=0.5, text/turtle;q=0.9", "text/turtle"},
		{"/doc/gent", "application/ld+json", "application/ld+json"},
		{"/doc/gent", "application/n-triples;q=1, text/html;q=0.2", "application/n-triples"},
		{"/doc/gent", "*/*", "text/html"},
		{"/doc/gent", "", "text/html"},
		{"/doc/gent.ttl", "text/html", "text/turtle"},
		{"/doc/gent.nt", "text/html", "application/n-triples"},
		{"/doc/gent.jsonld", "text/html", "application/ld+json"},
		{"/doc/gent.rdf", "text/html", "application/rdf+xml"},
		{"/doc/gent.html", "text/turtle", "text/html"},
		{"/doc/gent?format=ttl", "text/html", "text/turtle"},
	} {
		code, body, h := ts.get(t, "GET", c.path, "", "Accept", c.accept)
		wantStatus(t, c.path+" "+c.accept, code, 200, body)
		if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, c.wantType) {
			t.Errorf("%s Accept %q: Content-Type %q, want %s", c.path, c.accept, ct, c.wantType)
		}
	}
	code, body, _ := ts.get(t, "GET", "/doc/gent", "", "Accept", "image/png")
	wantStatus(t, "unacceptable", code, 406, body)
	// Each syntax parses back to the same statements.
	_, ttl, _ := ts.get(t, "GET", "/doc/gent.ttl", "")
	want := parseRDF(t, rdf.Turtle, ttl)
	for ext, f := range map[string]rdf.Format{"nt": rdf.NTriples, "jsonld": rdf.JSONLD, "rdf": rdf.RDFXML, "nq": rdf.NQuads, "trig": rdf.TriG} {
		_, b, _ := ts.get(t, "GET", "/doc/gent."+ext, "")
		if got := parseRDF(t, f, b); !rdf.Isomorphic(want, got) {
			t.Errorf(".%s differs from .ttl:\n%s", ext, rdf.Diff(want, got))
		}
	}
}

func TestLD_HTMLPage(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	_, en, _ := ts.get(t, "GET", "/doc/gent", "", "Accept", "text/html", "Accept-Language", "en-GB,en;q=0.9")
	_, nl, _ := ts.get(t, "GET", "/doc/gent", "", "Accept", "text/html", "Accept-Language", "nl-BE, nl;q=0.9, en;q=0.5")
	for _, want := range []string{
		`<h1 lang="en">Ghent</h1>`,
		`<p class="description">City</p>`,
		`<a class="type" href="/page?uri=https%3a%2f%2fschema.org%2fCity" title="https://schema.org/City">City</a>`,
		`<img src="http://img.example/gent.jpg"`,
		`51.05, 3.72`,
		`<span class="literal">9000</span>`, // the blank address, nested
		`class="nested"`,
		`<a href="/doc/ev1" title="` + ts.URL + `/id/ev1">Gentse Feesten</a>`, // incoming, by label
		`<span class="count">2</span>`,
		`<a href="/doc/gent.ttl">Turtle</a>`,
		`<a href="/doc/gent.rdf">RDF/XML</a>`,
		`<script type="application/ld+json">`,
	} {
		if !strings.Contains(strings.ToLower(en), strings.ToLower(want)) {
			t.Errorf("English page lacks %s", want)
		}
	}
	if !strings.Contains(nl, `<h1 lang="nl">Gent</h1>`) || !strings.Contains(nl, `<p class="description">Stad</p>`) {
		t.Errorf("Dutch page lacks the Dutch label and description")
	}
	// The embedded JSON-LD is the resource's data.
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(en)
	if m == nil {
		t.Fatal("no JSON-LD script")
	}
	qs := parseRDF(t, rdf.JSONLD, m[1])
	if len(qs) != 11 {
		t.Errorf("embedded JSON-LD has %d statements, want 11", len(qs))
	}
}

func TestLD_NotFoundPage(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	code, body, h := ts.get(t, "GET", "/doc/atlantis", "", "Accept", "text/html")
	wantStatus(t, "unknown doc", code, 404, body)
	if !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(body, "/doc/atlantis") || !strings.Contains(body, "/sitemap.xml") {
		t.Errorf("404 page:\n%s", body)
	}
	code, body, _ = ts.get(t, "GET", "/doc/atlantis", "", "Accept", "text/turtle")
	wantStatus(t, "unknown doc, Turtle", code, 404, body)
	if !strings.Contains(body, "nothing is known about") {
		t.Errorf("plain 404: %q", body)
	}
}

func TestLD_BaseIRIs_HashAndPage(t *testing.T) {
	ts := newTestServer(t, Config{BaseIRIs: []string{"https://data.example.org/"}}, `
ex:x <http://www.w3.org/2000/01/rdf-schema#label> "X" ; <http://ex.org/part> <https://data.example.org/id/x#part> .
<https://data.example.org/id/x#part> <http://www.w3.org/2000/01/rdf-schema#label> "Part of X" .
<https://data.example.org/ns/vocab#Thing> <http://www.w3.org/2000/01/rdf-schema#label> "Thing" .
<http://elsewhere.example/y> <http://ex.org/rel> ex:x .
`)
	// A hash IRI's statements come with its document.
	_, body, _ := ts.get(t, "GET", "/doc/x.nt", "")
	if !strings.Contains(body, `<https://data.example.org/id/x#part> <http://www.w3.org/2000/01/rdf-schema#label> "Part of X" .`) {
		t.Errorf("/doc/x lacks the hash resource:\n%s", body)
	}
	// A hash-URI vocabulary outside id/ is served at its own path.
	code, body, _ := ts.get(t, "GET", "/ns/vocab", "", "Accept", "application/n-triples")
	wantStatus(t, "/ns/vocab", code, 200, body)
	if !strings.Contains(body, `"Thing"`) {
		t.Errorf("/ns/vocab:\n%s", body)
	}
	// Any IRI through /page.
	code, body, _ = ts.get(t, "GET", "/page?uri="+"http%3A%2F%2Felsewhere.example%2Fy&format=nt", "")
	wantStatus(t, "/page", code, 200, body)
	if !strings.Contains(body, "<http://elsewhere.example/y> <http://ex.org/rel> <https://data.example.org/id/x> .") {
		t.Errorf("/page:\n%s", body)
	}
	// Links on the page of x point at the local pages.
	_, html, _ := ts.get(t, "GET", "/doc/x", "", "Accept", "text/html")
	if !strings.Contains(html, `href="/doc/x#part"`) || !strings.Contains(html, `href="/page?uri=http%3A%2F%2Felsewhere.example%2Fy"`) {
		t.Errorf("links:\n%s", html)
	}
}

func TestLD_IncomingPaging(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 45; i++ {
		fmt.Fprintf(&b, "ex:e%02d <http://ex.org/about> ex:hub .\n", i)
	}
	b.WriteString("ex:other <http://ex.org/mentions> ex:hub .\n")
	ts := newTestServer(t, Config{IncomingPageSize: 20}, b.String())
	_, p1, _ := ts.get(t, "GET", "/doc/hub", "", "Accept", "text/html")
	if !strings.Contains(p1, `<span class="count">45</span>`) || !strings.Contains(p1, `<span class="count">1</span>`) {
		t.Fatalf("counts missing:\n%s", p1)
	}
	if n := strings.Count(p1, `href="/doc/e`); n != 20 {
		t.Errorf("page 1 lists %d links, want 20", n)
	}
	next := regexp.MustCompile(`href="([^"]*page=2[^"]*)" rel="next"`).FindStringSubmatch(p1)
	if next == nil {
		t.Fatalf("no next link:\n%s", p1)
	}
	u := strings.ReplaceAll(strings.Split(next[1], "#")[0], "&amp;", "&")
	_, p3, _ := ts.get(t, "GET", strings.Replace(u, "page=2", "page=3", 1), "", "Accept", "text/html")
	if n := strings.Count(p3, `href="/doc/e`); n != 5 || !strings.Contains(p3, `href="/doc/e44"`) || strings.Contains(p3, `rel="next"`) {
		t.Errorf("page 3 lists %d links:\n%s", n, p3)
	}
	// The RDF view is bounded by IncomingLimit.
	small := newTestServer(t, Config{IncomingLimit: 10}, b.String())
	_, nt, _ := small.get(t, "GET", "/doc/hub.nt", "")
	if n := strings.Count(nt, "\n"); n != 10 {
		t.Errorf("RDF view has %d incoming statements, want 10", n)
	}
}

func TestLD_Sitemap(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "ex:r%d <http://ex.org/p> %d .\n", i, i)
	}
	b.WriteString("<http://elsewhere.example/z> <http://ex.org/p> 9 .\n")
	ts := newTestServer(t, Config{SitemapPageSize: 2}, b.String())
	code, idx, h := ts.get(t, "GET", "/sitemap.xml", "")
	wantStatus(t, "sitemap index", code, 200, idx)
	if !strings.HasPrefix(h.Get("Content-Type"), "application/xml") {
		t.Errorf("Content-Type %q", h.Get("Content-Type"))
	}
	locs := regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(idx, -1)
	if len(locs) != 3 {
		t.Fatalf("%d sitemap pages, want 3:\n%s", len(locs), idx)
	}
	var urls []string
	for _, l := range locs {
		code, page, _ := ts.get(t, "GET", strings.TrimPrefix(l[1], ts.URL), "")
		wantStatus(t, l[1], code, 200, page)
		for _, m := range regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(page, -1) {
			urls = append(urls, m[1])
		}
	}
	if len(urls) != 5 {
		t.Errorf("sitemap lists %d URLs, want 5 (the external IRI is not ours): %v", len(urls), urls)
	}
	for i := 0; i < 5; i++ {
		if !strings.Contains(strings.Join(urls, " "), fmt.Sprintf("%s/doc/r%d", ts.URL, i)) {
			t.Errorf("sitemap lacks r%d: %v", i, urls)
		}
	}
	code, _, _ = ts.get(t, "GET", "/sitemap/4.xml", "")
	wantStatus(t, "page past the end", code, 404, "")
	_, robots, _ := ts.get(t, "GET", "/robots.txt", "")
	if !strings.Contains(robots, "Sitemap: "+ts.URL+"/sitemap.xml") {
		t.Errorf("robots.txt:\n%s", robots)
	}
}

func TestLD_VoID(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	code, body, _ := ts.get(t, "PUT", "/data?graph=http%3A%2F%2Fg.example%2Fone", "<http://s> <http://p> 1, 2, 3 .", append(auth(), "Content-Type", "text/turtle")...)
	wantStatus(t, "PUT", code, 201, body)
	code, body, _ = ts.get(t, "GET", "/.well-known/void", "", "Accept", "application/n-triples")
	wantStatus(t, "void", code, 200, body)
	qs := parseRDF(t, rdf.NTriples, body)
	ds := rdf.IRI(ts.URL + "/.well-known/void#dataset")
	val := func(s rdf.Term, p string) string {
		for _, q := range qs {
			if q.Subject == s && q.Predicate == rdf.IRI(voidNS+p) {
				if l, ok := q.Object.(rdf.Literal); ok {
					return l.Lexical
				}
				return q.Object.String()
			}
		}
		return ""
	}
	for p, want := range map[string]string{"triples": "20", "distinctSubjects": "5", "properties": "10", "classes": "3"} {
		if got := val(ds, p); got != want {
			t.Errorf("void:%s = %q, want %s", p, got, want)
		}
	}
	// Class partition of schema:Event: 2 entities; the named graph subset: 3 triples.
	var eventN, graphN string
	for _, q := range qs {
		if q.Predicate == rdf.IRI(voidNS+"class") && q.Object == rdf.IRI("https://schema.org/Event") {
			eventN = val(q.Subject, "entities")
		}
		if q.Predicate == rdf.IRI(sdNS+"name") && q.Object == rdf.IRI("http://g.example/one") {
			graphN = val(q.Subject, "triples")
		}
	}
	if eventN != "2" || graphN != "3" {
		t.Errorf("Event entities %q (want 2), graph triples %q (want 3)", eventN, graphN)
	}
}

func TestLD_PageCacheFollowsWrites(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	for i := 0; i < 2; i++ { // the second answer comes from the cache
		_, body, _ := ts.get(t, "GET", "/doc/gent.nt", "")
		if strings.Contains(body, "Gand") {
			t.Fatal("new label before the write")
		}
	}
	_, html1, _ := ts.get(t, "GET", "/doc/gent", "", "Accept", "text/html", "Accept-Language", "fr")
	code, msg, _ := ts.get(t, "POST", "/data?default", "<"+ts.URL+"/id/gent> <http://www.w3.org/2000/01/rdf-schema#label> \"Gand\"@fr .", append(auth(), "Content-Type", "text/turtle")...)
	wantStatus(t, "POST", code, 204, msg)
	_, body, _ := ts.get(t, "GET", "/doc/gent.nt", "")
	if !strings.Contains(body, `"Gand"@fr`) {
		t.Errorf("cached RDF view after a write:\n%s", body)
	}
	_, html2, _ := ts.get(t, "GET", "/doc/gent", "", "Accept", "text/html", "Accept-Language", "fr")
	if strings.Contains(html1, ">Gand</h1>") || !strings.Contains(html2, `<h1 lang="fr">Gand</h1>`) {
		t.Errorf("cached page after a write")
	}
}

func TestPageCache_Budget(t *testing.T) {
	var v versionStub = 1
	c := newPageCache(&v, 1600)
	c.put("a", 1, cachedPage{contentType: "text/plain", body: make([]byte, 90)})
	if _, ok := c.get("a"); !ok {
		t.Fatal("miss after put")
	}
	c.put("big", 1, cachedPage{contentType: "text/plain", body: make([]byte, 200)}) // over budget/16: not kept
	if _, ok := c.get("big"); ok {
		t.Error("an oversized page was kept")
	}
	v = 2
	if _, ok := c.get("a"); ok {
		t.Error("a page of an old version was served")
	}
	c.put("old", 1, cachedPage{contentType: "text/plain", body: []byte("x")}) // rendered before the change
	if _, ok := c.get("old"); ok {
		t.Error("a page rendered at an older version was kept")
	}
	for i := 0; i < 40; i++ {
		c.put(fmt.Sprint(i), 2, cachedPage{contentType: "text/plain", body: make([]byte, 90)})
	}
	if c.bytes > c.budget {
		t.Errorf("cache holds %d bytes, budget %d", c.bytes, c.budget)
	}
}

type versionStub uint64

func (v *versionStub) DataVersion() uint64 { return uint64(*v) }
