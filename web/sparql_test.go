package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func q(s string) string { return url.QueryEscape(s) }

func TestSPARQL_QueryForms(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	sel := "SELECT ?e WHERE { ?e a <https://schema.org/Event> } ORDER BY ?e"
	code, body, h := ts.get(t, "GET", "/sparql?query="+q(sel), "")
	wantStatus(t, "GET select", code, 200, body)
	if h.Get("Content-Type") != "application/sparql-results+json" || !strings.Contains(body, ts.URL+"/id/ev2") {
		t.Errorf("GET select: %v\n%s", h, body)
	}
	code, body, _ = ts.get(t, "POST", "/sparql", "query="+q(sel), "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/csv")
	wantStatus(t, "POST form", code, 200, body)
	if body != "e\r\n"+ts.URL+"/id/ev1\r\n"+ts.URL+"/id/ev2\r\n" {
		t.Errorf("CSV %q", body)
	}
	code, body, _ = ts.get(t, "POST", "/sparql", sel, "Content-Type", "application/sparql-query", "Accept", "text/tab-separated-values")
	wantStatus(t, "POST direct", code, 200, body)
	if !strings.HasPrefix(body, "?e\n<") {
		t.Errorf("TSV %q", body)
	}
	code, body, _ = ts.get(t, "GET", "/sparql?query="+q("ASK { ?s a <https://schema.org/City> }"), "", "Accept", "application/sparql-results+xml")
	wantStatus(t, "ASK", code, 200, body)
	if !strings.Contains(body, "<boolean>true</boolean>") {
		t.Errorf("ASK %q", body)
	}
	cons := "CONSTRUCT { ?e <http://ex.org/at> ?c } WHERE { ?e <https://schema.org/location> ?c }"
	code, body, h = ts.get(t, "GET", "/sparql?query="+q(cons), "", "Accept", "application/n-triples")
	wantStatus(t, "CONSTRUCT", code, 200, body)
	if got := parseRDF(t, rdf.NTriples, body); len(got) != 2 || !strings.HasPrefix(h.Get("Content-Type"), "application/n-triples") {
		t.Errorf("CONSTRUCT: %v\n%s", h, body)
	}
	code, body, h = ts.get(t, "GET", "/sparql?query="+q("DESCRIBE <"+ts.URL+"/id/ev1>"), "", "Accept", "application/rdf+xml")
	wantStatus(t, "DESCRIBE", code, 200, body)
	if !strings.HasPrefix(h.Get("Content-Type"), "application/rdf+xml") || len(parseRDF(t, rdf.RDFXML, body)) == 0 {
		t.Errorf("DESCRIBE: %v\n%s", h, body)
	}
}

func TestSPARQL_Negotiation(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	sel := "/sparql?query=" + q("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
	cons := "/sparql?query=" + q("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1")
	for _, c := range []struct{ path, accept, want string }{
		{sel, "application/sparql-results+xml;q=0.5, text/csv;q=0.9", "text/csv"},
		{sel, "text/tab-separated-values, application/sparql-results+json;q=0.1", "text/tab-separated-values"},
		{sel, "*/*", "application/sparql-results+json"},
		{sel, "application/xml", "application/sparql-results+xml"},
		{sel, "text/html", "application/sparql-results+json"}, // nothing acceptable: the default
		{sel + "&format=xml", "text/csv", "application/sparql-results+xml"},
		{sel + "&format=tsv", "", "text/tab-separated-values"},
		{cons, "application/ld+json;q=0.8, text/turtle;q=0.9", "text/turtle"},
		{cons, "application/n-quads", "application/n-quads"},
		{cons + "&format=jsonld", "text/turtle", "application/ld+json"},
		{cons + "&format=rdfxml", "", "application/rdf+xml"},
		{cons, "application/sparql-results+json", "text/turtle"},
	} {
		code, body, h := ts.get(t, "GET", c.path, "", "Accept", c.accept)
		wantStatus(t, c.path, code, 200, body)
		if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, c.want) {
			t.Errorf("%s Accept %q: %q, want %s", c.path, c.accept, ct, c.want)
		}
	}
	code, body, _ := ts.get(t, "GET", sel+"&format=turtle", "")
	wantStatus(t, "SELECT as Turtle", code, 406, body)
}

func TestSPARQL_Errors(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	code, body, _ := ts.get(t, "GET", "/sparql?query="+q("SELECT * WHERE {\n  ?s ?p\n}"), "")
	wantStatus(t, "syntax error", code, 400, body)
	if !strings.Contains(body, "3:1:") {
		t.Errorf("no line:col in %q", body)
	}
	for _, c := range []struct {
		method, path, body string
		headers            []string
		want               int
	}{
		{"GET", "/sparql?update=" + q("CLEAR ALL"), "", nil, 400},
		{"POST", "/sparql", "SELECT * {}", []string{"Content-Type", "text/plain"}, 415},
		{"POST", "/sparql", "x=1", []string{"Content-Type", "application/x-www-form-urlencoded"}, 400},
		{"POST", "/sparql", "query=ASK{}&update=CLEAR%20ALL", []string{"Content-Type", "application/x-www-form-urlencoded"}, 400},
		{"GET", "/sparql?query=" + q("ASK {}") + "&timeout=abc", "", nil, 400},
		{"POST", "/sparql", "CLEAR ALL", []string{"Content-Type", "application/sparql-update"}, 401},
		{"POST", "/sparql", "CLEAR ALL", []string{"Content-Type", "application/sparql-update", "Authorization", "Bearer " + testToken}, 204},
		{"POST", "/sparql", "INSERT DATA { <http://s> <http://p> }", []string{"Content-Type", "application/sparql-update", "Authorization", "Bearer " + testToken}, 400},
	} {
		code, body, _ := ts.get(t, c.method, c.path, c.body, c.headers...)
		wantStatus(t, c.method+" "+c.path+" "+c.body, code, c.want, body)
	}
}

func TestSPARQL_Update(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	up := func(body string, headers ...string) {
		t.Helper()
		code, msg, _ := ts.get(t, "POST", "/sparql", body, append(auth(), headers...)...)
		wantStatus(t, body, code, 204, msg)
	}
	up("update="+q("INSERT DATA { <http://s> <http://p> 1 . GRAPH <http://g> { <http://s> <http://p> 2 } }"), "Content-Type", "application/x-www-form-urlencoded")
	up("DELETE { ?s ?p ?o } INSERT { ?s ?p 3 } WHERE { ?s ?p ?o }", "Content-Type", "application/sparql-update")
	_, body, _ := ts.get(t, "GET", "/data?graph="+q("http://g"), "", "Accept", "application/n-triples")
	if body != "<http://s> <http://p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" {
		t.Errorf("named graph after update: %q", body)
	}
	// using-graph-uri makes the WHERE clause read the named graph.
	ts.get(t, "POST", "/sparql?using-graph-uri="+q("http://g"), "INSERT { <http://t> <http://p> ?o } WHERE { ?s ?p ?o }", append(auth(), "Content-Type", "application/sparql-update")...)
	_, body, _ = ts.get(t, "GET", "/sparql?query="+q("SELECT ?o WHERE { <http://t> ?p ?o }"), "", "Accept", "text/csv")
	if body != "o\r\n2\r\n" {
		t.Errorf("using-graph-uri: %q", body)
	}
	code, msg, _ := ts.get(t, "POST", "/sparql?using-graph-uri="+q("http://g"), "WITH <http://g> INSERT { <http://t> <http://p> ?o } WHERE { ?s ?p ?o }", append(auth(), "Content-Type", "application/sparql-update")...)
	wantStatus(t, "using-graph-uri with WITH", code, 400, msg)
	// A failing operation leaves nothing behind.
	v := ts.store.DataVersion()
	code, msg, _ = ts.get(t, "POST", "/sparql", "INSERT DATA { <http://x> <http://p> 1 } ; DROP GRAPH <http://missing>", append(auth(), "Content-Type", "application/sparql-update")...)
	wantStatus(t, "failing update", code, 400, msg)
	if ts.store.DataVersion() != v {
		t.Errorf("a failed update changed the store")
	}
}

func TestSPARQL_DatasetParameters(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	ts.get(t, "POST", "/sparql", "INSERT DATA { GRAPH <http://g1> { <http://a> <http://p> 1 } GRAPH <http://g2> { <http://b> <http://p> 2 } }", append(auth(), "Content-Type", "application/sparql-update")...)
	count := "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
	for _, c := range []struct{ params, want string }{
		{"", "0"},
		{"&default-graph-uri=" + q("http://g1"), "1"},
		{"&default-graph-uri=" + q("http://g1") + "&default-graph-uri=" + q("http://g2"), "2"},
	} {
		_, body, _ := ts.get(t, "GET", "/sparql?query="+q(count)+c.params, "", "Accept", "text/csv")
		if body != "n\r\n"+c.want+"\r\n" {
			t.Errorf("%s: %q, want %s", c.params, body, c.want)
		}
	}
	_, body, _ := ts.get(t, "GET", "/sparql?query="+q("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")+"&named-graph-uri="+q("http://g2"), "", "Accept", "text/csv")
	if body != "g\r\nhttp://g2\r\n" {
		t.Errorf("named-graph-uri: %q", body)
	}
}

// slowQuery is a cross product of the data with itself three times: with a few hundred
// statements it runs for seconds.
const slowQuery = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"

func manyStatements(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "ex:s%d <http://ex.org/p> %d .\n", i, i)
	}
	return b.String()
}

func TestSPARQL_Timeout(t *testing.T) {
	ts := newTestServer(t, Config{QueryTimeout: 50 * time.Millisecond, MaxQueryTimeout: 100 * time.Millisecond}, manyStatements(300))
	start := time.Now()
	code, body, _ := ts.get(t, "GET", "/sparql?query="+q(slowQuery), "")
	wantStatus(t, "slow query", code, 503, body)
	if !strings.Contains(body, "did not finish within 50ms") {
		t.Errorf("message %q", body)
	}
	// The timeout parameter is capped by MaxQueryTimeout.
	code, body, _ = ts.get(t, "GET", "/sparql?query="+q(slowQuery)+"&timeout=3600", "")
	wantStatus(t, "capped timeout", code, 503, body)
	if !strings.Contains(body, "within 100ms") {
		t.Errorf("message %q", body)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("timeouts took %s", d)
	}
	_, m, _ := ts.get(t, "GET", "/metrics", "")
	if !strings.Contains(m, "uwp_query_timeouts_total 2") {
		t.Errorf("metrics lack the timeouts")
	}
}

func TestSPARQL_ClientDisconnectCancels(t *testing.T) {
	ts := newTestServer(t, Config{QueryTimeout: time.Minute}, manyStatements(300))
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/sparql?query="+q(slowQuery), nil)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for ts.srv.met.running.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if ts.srv.met.running.Load() != 1 {
		t.Fatal("the query never started")
	}
	cancel()
	<-done
	for ts.srv.met.running.Load() != 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := ts.srv.met.running.Load(); n != 0 {
		t.Fatalf("%d queries still running after the client left", n)
	}
}

func TestSPARQL_ETag(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	path := "/sparql?query=" + q("SELECT * WHERE { ?s a ?c }")
	_, _, h := ts.get(t, "GET", path, "")
	tag := h.Get("ETag")
	if tag == "" {
		t.Fatal("no ETag on a GET query")
	}
	code, _, _ := ts.get(t, "GET", path, "", "If-None-Match", tag)
	wantStatus(t, "revalidation", code, 304, "")
	code, _, h = ts.get(t, "GET", path, "", "If-None-Match", tag, "Accept", "text/csv")
	wantStatus(t, "other format", code, 200, "")
	_, _, h2 := ts.get(t, "POST", "/sparql", "query="+q("SELECT * WHERE { ?s a ?c }"), "Content-Type", "application/x-www-form-urlencoded")
	if h2.Get("Cache-Control") != "no-store" {
		t.Errorf("POST query Cache-Control %q", h2.Get("Cache-Control"))
	}
}

func TestSPARQL_ServiceDescription(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	code, body, _ := ts.get(t, "GET", "/sparql", "", "Accept", "application/n-triples")
	wantStatus(t, "service description", code, 200, body)
	for _, want := range []string{
		"<http://www.w3.org/ns/sparql-service-description#endpoint> <" + ts.URL + "/sparql>",
		"<http://www.w3.org/ns/sparql-service-description#supportedLanguage> <http://www.w3.org/ns/sparql-service-description#SPARQL11Update>",
		"<http://www.w3.org/ns/formats/SPARQL_Results_CSV>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("service description lacks %s", want)
		}
	}
}

func TestUI(t *testing.T) {
	ts := newTestServer(t, Config{}, cityData)
	code, body, _ := ts.get(t, "GET", "/?query="+q("ASK {}"), "")
	wantStatus(t, "UI", code, 200, body)
	for _, want := range []string{`<textarea id="query" name="query"`, ">ASK {}</textarea>", `<script src="/static/ui.js" defer></script>`, `Classes and their instances`, "PREFIX schema: &lt;https://schema.org/&gt;"} {
		if !strings.Contains(body, want) {
			t.Errorf("UI lacks %s", want)
		}
	}
	code, js, h := ts.get(t, "GET", "/static/ui.js", "")
	wantStatus(t, "ui.js", code, 200, js)
	if !strings.Contains(h.Get("Content-Type"), "javascript") || !strings.Contains(js, "localHref") {
		t.Errorf("ui.js: %v", h)
	}
	code, _, h = ts.get(t, "HEAD", "/static/style.css", "")
	wantStatus(t, "HEAD style.css", code, 200, "")
	code, _, _ = ts.get(t, "GET", "/static/style.css", "", "If-None-Match", h.Get("ETag"))
	wantStatus(t, "style.css revalidated", code, 304, "")
	code, _, _ = ts.get(t, "GET", "/static/nothing.js", "")
	wantStatus(t, "missing static file", code, 404, "")
}
