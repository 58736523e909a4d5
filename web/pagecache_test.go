package web

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// TestPageCache_Gzip: a resource document is the same bytes with and without gzip, whether
// it was rendered for the request or came from the (gzip) page cache, and with the cache
// off; the gzip answer says so and varies on Accept-Encoding.
func TestPageCache_Gzip(t *testing.T) {
	for _, budget := range []int{0, -1} {
		ts := newTestServer(t, Config{PageCacheBytes: budget}, cityData)
		for _, path := range []string{"/doc/gent", "/doc/gent.ttl", "/doc/gent.nt"} {
			var want string
			for i, gz := range []bool{false, true, false, true, true} { // miss, then hits
				hdr := []string{"Accept", "text/html", "Accept-Language", "nl"}
				if gz {
					hdr = append(hdr, "Accept-Encoding", "gzip, deflate")
				}
				res := ts.do(t, "GET", path, "", hdr...)
				var r io.Reader = res.Body
				if gz {
					if ce := res.Header.Get("Content-Encoding"); ce != "gzip" {
						t.Fatalf("budget %d %s #%d: Content-Encoding %q", budget, path, i, ce)
					}
					zr, err := gzip.NewReader(res.Body)
					if err != nil {
						t.Fatal(err)
					}
					r = zr
				} else if ce := res.Header.Get("Content-Encoding"); ce != "" {
					t.Fatalf("budget %d %s #%d: Content-Encoding %q without Accept-Encoding", budget, path, i, ce)
				}
				b, err := io.ReadAll(r)
				res.Body.Close()
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(strings.Join(res.Header.Values("Vary"), ","), "Accept-Encoding") {
					t.Errorf("%s: Vary %q", path, res.Header.Values("Vary"))
				}
				if res.StatusCode != 200 || len(b) < gzipMin {
					t.Fatalf("%s: status %d, %d bytes", path, res.StatusCode, len(b))
				}
				if i == 0 {
					want = string(b)
				} else if string(b) != want {
					t.Errorf("budget %d %s #%d (gzip %v) differs from the first answer:\n%s\n---\n%s", budget, path, i, gz, b, want)
				}
			}
		}
	}
}

// TestPageCache_EvictsSome: a full cache makes room by evicting entries, not by dropping
// everything, and stays within its budget.
func TestPageCache_EvictsSome(t *testing.T) {
	var v versionStub = 1
	c := newPageCache(&v, 10000)
	for i := 0; i < 1000; i++ {
		c.put(fmt.Sprint("k", i), 1, cachedPage{contentType: "text/plain", body: make([]byte, 96)})
		if c.bytes > c.budget {
			t.Fatalf("after %d puts: %d bytes, budget %d", i+1, c.bytes, c.budget)
		}
	}
	if n := len(c.m); n < 90 {
		t.Errorf("a full cache holds %d pages of ~100 bytes in 10,000", n)
	}
	if _, ok := c.get("k999"); !ok {
		t.Error("the page just put is missing")
	}
	sum := 0
	for k, p := range c.m {
		sum += len(k) + len(p.body)
	}
	if sum != c.bytes {
		t.Errorf("accounted %d bytes, holds %d", c.bytes, sum)
	}
}

func TestCompressPage_RoundTrip(t *testing.T) {
	for _, body := range []string{"", "small", strings.Repeat("<p>page</p>\n", 500)} {
		p := compressPage("text/html", []byte(body))
		if p.gz != (len(body) >= gzipMin) {
			t.Errorf("%d bytes: gz %v", len(body), p.gz)
		}
		got, err := p.plain()
		if err != nil || string(got) != body {
			t.Errorf("%d bytes: round trip gave %d bytes, %v", len(body), len(got), err)
		}
	}
}

// TestOutgoing_SameStatementInSeveralGraphs: a page shows a statement held in several graphs
// once, and every distinct statement, whatever order the index gives them in.
func TestOutgoing_SameStatementInSeveralGraphs(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	s := rdf.IRI(ts.URL + "/id/x")
	var qs []rdf.Quad
	for _, g := range []rdf.Term{nil, rdf.IRI("http://ex.org/g1"), rdf.IRI("http://ex.org/g2")} {
		for i := 0; i < 5; i++ {
			qs = append(qs, rdf.Quad{Subject: s, Predicate: rdf.IRI(fmt.Sprint("http://ex.org/p", i%2)), Object: rdf.Literal{Lexical: fmt.Sprint("v", i), Datatype: rdf.XSDString}, Graph: g})
		}
	}
	if err := ts.store.Update(func(tx *triplestore.Tx) error { _, err := tx.AddQuads(qs); return err }); err != nil {
		t.Fatal(err)
	}
	err := ts.store.View(func(tx *triplestore.Tx) error {
		n, err := outgoing(tx, newTermDecoder(tx), s, 100, 0, map[rdf.Term]bool{})
		if err != nil {
			return err
		}
		got := map[string]int{}
		for _, tr := range n.props {
			got[tr.p.String()+" "+tr.o.String()]++
		}
		if len(n.props) != 5 || len(got) != 5 {
			t.Errorf("want the 5 distinct statements once each, got %v", got)
		}
		n, err = outgoing(tx, newTermDecoder(tx), s, 3, 0, map[rdf.Term]bool{})
		if err != nil {
			return err
		}
		if len(n.props) != 3 || !n.more {
			t.Errorf("limit 3: %d statements, more %v", len(n.props), n.more)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestFind_FollowsWrites: the remembered resolution of a document path (found or not) is
// dropped when the data changes.
func TestFind_FollowsWrites(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	for i := 0; i < 2; i++ {
		code, body, _ := ts.get(t, "GET", "/doc/newcomer", "", "Accept", "text/turtle")
		wantStatus(t, "GET before the write", code, 404, body)
	}
	nt := "<" + ts.URL + "/id/newcomer> <http://www.w3.org/2000/01/rdf-schema#label> \"Newcomer\" .\n"
	code, msg, _ := ts.get(t, "PUT", "/data?graph="+url.QueryEscape("http://graphs.example/n"), nt, append(auth(), "Content-Type", "application/n-triples")...)
	wantStatus(t, "PUT", code, 201, msg)
	code, body, _ := ts.get(t, "GET", "/doc/newcomer", "", "Accept", "text/turtle")
	wantStatus(t, "GET after the write", code, 200, body)
	if !strings.Contains(body, "Newcomer") {
		t.Errorf("page after the write:\n%s", body)
	}
	code, msg, _ = ts.get(t, "DELETE", "/data?graph="+url.QueryEscape("http://graphs.example/n"), "", auth()...)
	wantStatus(t, "DELETE", code, 204, msg)
	code, body, _ = ts.get(t, "GET", "/doc/newcomer", "", "Accept", "text/turtle")
	wantStatus(t, "GET after the delete", code, 404, body)
}

// TestPageCache_Concurrent: requests with and without gzip racing over a cache small enough
// to evict all the time get whole, correct pages (run with -race).
func TestPageCache_Concurrent(t *testing.T) {
	ts := newTestServer(t, Config{PageCacheBytes: 16 << 10}, cityData)
	paths := []string{"/doc/gent", "/doc/gent.ttl", "/doc/gent.nt", "/doc/gent.jsonld"}
	want := map[string]string{}
	for _, p := range paths {
		_, body, _ := ts.get(t, "GET", p, "", "Accept", "text/html")
		want[p] = body
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func(g int) {
			var err error
			for i := 0; i < 25 && err == nil; i++ {
				p := paths[(g+i)%len(paths)]
				req, _ := http.NewRequest("GET", ts.URL+p, nil)
				req.Header.Set("Accept", "text/html")
				if (g+i)%2 == 0 {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				var res *http.Response
				if res, err = http.DefaultClient.Do(req); err != nil { // not ts.do: t.Fatal must not run here
					break
				}
				var r io.Reader = res.Body
				if res.Header.Get("Content-Encoding") == "gzip" {
					if r, err = gzip.NewReader(res.Body); err != nil {
						res.Body.Close()
						break
					}
				}
				var b []byte
				b, err = io.ReadAll(r)
				res.Body.Close()
				if err == nil && string(b) != want[p] {
					err = fmt.Errorf("%s (gzip %v): a different body", p, (g+i)%2 == 0)
				}
			}
			done <- err
		}(g)
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestLabels_NewLabelPredicate: a label predicate the store first learns in a write labels
// links on the next page (the predicate IDs are remembered per data version).
func TestLabels_NewLabelPredicate(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	x, y := "<"+ts.URL+"/id/x>", "<"+ts.URL+"/id/y>"
	post := func(nt string) {
		t.Helper()
		code, msg, _ := ts.get(t, "POST", "/data?default", nt, append(auth(), "Content-Type", "application/n-triples")...)
		if code != 204 && code != 201 && code != 200 {
			t.Fatalf("POST: %d %s", code, msg)
		}
	}
	post(x + " <http://ex.org/link> " + y + " .\n")
	_, page, _ := ts.get(t, "GET", "/doc/x", "", "Accept", "text/html")
	if strings.Contains(page, "Why") {
		t.Fatal("label before it exists")
	}
	post(y + " <http://www.w3.org/2004/02/skos/core#prefLabel> \"Why\" .\n")
	_, page, _ = ts.get(t, "GET", "/doc/x", "", "Accept", "text/html")
	if !strings.Contains(page, ">Why</a>") {
		t.Errorf("the new label is not used for the link:\n%s", page)
	}
}

// TestPageCache_PlainCopies: decompressed copies are kept only for cached pages, within
// their share, and go with their page (eviction, new data version).
func TestPageCache_PlainCopies(t *testing.T) {
	var v versionStub = 1
	c := newPageCache(&v, 16*1024)
	c.putPlain("absent", make([]byte, 10))
	if _, ok := c.getPlain("absent"); ok {
		t.Error("a copy of a page that is not cached was kept")
	}
	c.put("a", 1, cachedPage{contentType: "text/plain", body: make([]byte, 10), gz: true})
	c.putPlain("a", make([]byte, 100))
	if b, ok := c.getPlain("a"); !ok || len(b) != 100 {
		t.Fatalf("copy of a: %d bytes, %v", len(b), ok)
	}
	c.putPlain("a", make([]byte, c.plainBudget)) // over its share: not kept, the old stays
	for i := 0; i < 200; i++ {
		k := fmt.Sprint("k", i)
		c.put(k, 1, cachedPage{contentType: "text/plain", body: make([]byte, 50), gz: true})
		c.putPlain(k, make([]byte, 100))
		if c.plainBytes > c.plainBudget || c.bytes > c.budget {
			t.Fatalf("after %d: plain %d/%d, pages %d/%d", i, c.plainBytes, c.plainBudget, c.bytes, c.budget)
		}
	}
	for k := range c.plain {
		if _, ok := c.m[k]; !ok {
			t.Errorf("copy of %s outlived its page", k)
		}
	}
	v = 2
	c.get("a")
	if len(c.plain) != 0 || c.plainBytes != 0 {
		t.Errorf("copies of an old version: %d", len(c.plain))
	}
}
