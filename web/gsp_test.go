package web

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

const gspData = `@prefix ex: <http://ex.org/> .
ex:a ex:name "A", "Ä"@de ; ex:n 1, "01"^^<http://www.w3.org/2001/XMLSchema#integer> ; ex:knows ex:b, [ ex:name "anon" ] .
ex:b ex:name "line\nbreak \"quoted\"" .
`

func auth() []string { return []string{"Authorization", "Bearer " + testToken} }

func TestGSP_RoundTrip_EverySyntax(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	want := parseRDF(t, rdf.Turtle, gspData)
	for _, f := range rdf.Formats {
		t.Run(f.String(), func(t *testing.T) {
			g := "http://graphs.example/" + f.String()
			path := "/data?graph=" + url.QueryEscape(g)
			body := serialize(t, f, want)
			code, msg, _ := ts.get(t, "PUT", path, body, append(auth(), "Content-Type", f.MediaType())...)
			wantStatus(t, "PUT", code, http.StatusCreated, msg)
			code, got, h := ts.get(t, "GET", path, "", "Accept", f.MediaType())
			wantStatus(t, "GET", code, 200, got)
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, f.MediaType()) {
				t.Errorf("Content-Type %q", ct)
			}
			back := parseRDF(t, f, got)
			for i := range back {
				back[i].Graph = nil
			}
			if !rdf.Isomorphic(want, back) {
				t.Errorf("round trip through %s differs:\n%s", f, rdf.Diff(want, back))
			}
		})
	}
}

func TestGSP_StatusCodes(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	path := "/data?graph=" + url.QueryEscape("http://g.example/1")
	ttl := append(auth(), "Content-Type", "text/turtle")
	steps := []struct {
		method, path, body string
		headers            []string
		want               int
	}{
		{"GET", path, "", nil, 404},
		{"HEAD", path, "", nil, 404},
		{"DELETE", path, "", auth(), 404},
		{"PUT", path, `<http://s> <http://p> "1" .`, ttl, 201},
		{"PUT", path, `<http://s> <http://p> "2" .`, ttl, 204},
		{"POST", path, `<http://s> <http://p> "3" .`, ttl, 204},
		{"GET", path, "", nil, 200},
		{"HEAD", path, "", nil, 200},
		{"GET", "/data?default", "", nil, 200}, // the default graph always exists
		{"PUT", path, `<http://s> <http://p> "4" .`, []string{"Content-Type", "text/turtle"}, 401},
		{"PUT", path, `<http://s> <http://p> "4" .`, []string{"Content-Type", "text/turtle", "Authorization", "Bearer wrong"}, 401},
		{"PUT", path, `<http://s> <http://p> "4" .`, append(auth(), "Content-Type", "application/x-unknown"), 415},
		{"PUT", "/data", `<http://s> <http://p> "4" .`, ttl, 400},
		{"PUT", path + "&default", `<http://s> <http://p> "4" .`, ttl, 400},
		{"GET", path, "", []string{"Accept", "image/png"}, 406},
		{"DELETE", path, "", auth(), 204},
		{"GET", path, "", nil, 404},
	}
	for _, st := range steps {
		code, body, _ := ts.get(t, st.method, st.path, st.body, st.headers...)
		wantStatus(t, st.method+" "+st.path, code, st.want, body)
	}
	// The graph holds the last PUT plus the POST before it was deleted; check a fresh one.
	ts.get(t, "PUT", path, `<http://s> <http://p> "2" .`, ttl...)
	ts.get(t, "POST", path, `<http://s> <http://p> "3" .`, ttl...)
	_, got, _ := ts.get(t, "GET", path, "", "Accept", "application/n-triples")
	if n := strings.Count(got, "\n"); n != 2 {
		t.Errorf("after PUT and POST: %d triples, want 2:\n%s", n, got)
	}
}

func TestGSP_PostCreatesGraph(t *testing.T) {
	ts := newTestServer(t, Config{BaseIRIs: []string{"https://data.example.org/"}}, "")
	code, body, h := ts.get(t, "POST", "/data", `<http://s> <http://p> "new" .`, append(auth(), "Content-Type", "application/n-triples")...)
	wantStatus(t, "POST /data", code, 201, body)
	loc := h.Get("Location")
	if !strings.HasPrefix(loc, "https://data.example.org/graph/") {
		t.Fatalf("Location %q", loc)
	}
	code, got, _ := ts.get(t, "GET", "/data?graph="+url.QueryEscape(loc), "", "Accept", "application/n-triples")
	wantStatus(t, "GET Location", code, 200, got)
	if got != "<http://s> <http://p> \"new\" .\n" {
		t.Errorf("graph holds %q", got)
	}
	// The graph's IRI under the base is readable directly too.
	code, direct, _ := ts.get(t, "GET", strings.TrimPrefix(loc, "https://data.example.org"), "", "Accept", "application/n-triples")
	wantStatus(t, "GET graph IRI", code, 200, direct)
	if direct != got {
		t.Errorf("direct read %q, indirect %q", direct, got)
	}
}

func TestGSP_FailedUploadIsAtomic(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	path := "/data?graph=" + url.QueryEscape("http://g.example/atomic")
	ttl := append(auth(), "Content-Type", "text/turtle")
	code, body, _ := ts.get(t, "PUT", path, gspData, ttl...)
	wantStatus(t, "PUT", code, 201, body)
	_, before, _ := ts.get(t, "GET", path, "", "Accept", "application/n-triples")
	v := ts.store.DataVersion()
	bad := "<http://x/s1> <http://x/p> \"fine\" .\n<http://x/s2> <http://x/p> \"fine\" .\n<http://x/s3> <http://x/p> broken .\n"
	for _, method := range []string{"PUT", "POST"} {
		code, body, _ = ts.get(t, method, path, bad, ttl...)
		wantStatus(t, method+" bad Turtle", code, 400, body)
		if !strings.Contains(body, "3:") || !strings.Contains(body, "nothing was changed") {
			t.Errorf("error lacks line:col: %q", body)
		}
	}
	_, after, _ := ts.get(t, "GET", path, "", "Accept", "application/n-triples")
	if after != before {
		t.Errorf("graph changed by failed uploads:\nbefore %q\nafter  %q", before, after)
	}
	if ts.store.DataVersion() != v {
		t.Errorf("data version moved from %d to %d", v, ts.store.DataVersion())
	}
}

func TestGSP_GzipBody(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(`<http://s> <http://p> "zipped" .`))
	zw.Close()
	path := "/data?graph=" + url.QueryEscape("http://g.example/z")
	code, body, _ := ts.get(t, "PUT", path, buf.String(), append(auth(), "Content-Type", "application/n-triples", "Content-Encoding", "gzip")...)
	wantStatus(t, "PUT gzip", code, 201, body)
	_, got, _ := ts.get(t, "GET", path, "", "Accept", "application/n-triples")
	if !strings.Contains(got, `"zipped"`) {
		t.Errorf("got %q", got)
	}
	code, body, _ = ts.get(t, "PUT", path, "not gzip at all", append(auth(), "Content-Type", "application/n-triples", "Content-Encoding", "gzip")...)
	wantStatus(t, "PUT bad gzip", code, 400, body)
}

func TestGSP_UploadLimit(t *testing.T) {
	ts := newTestServer(t, Config{MaxUploadBytes: 10}, "")
	code, body, _ := ts.get(t, "PUT", "/data?default", `<http://s> <http://p> "too long" .`, append(auth(), "Content-Type", "application/n-triples")...)
	wantStatus(t, "PUT over the limit", code, 413, body)
}

func TestGSP_BlankNodesPerUpload(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	h := append(auth(), "Content-Type", "text/turtle")
	ts.get(t, "POST", "/data?default", `_:x <http://p> "one" .`, h...)
	ts.get(t, "POST", "/data?default", `_:x <http://p> "two" .`, h...)
	_, got, _ := ts.get(t, "GET", "/data?default", "", "Accept", "application/n-triples")
	qs := parseRDF(t, rdf.NTriples, got)
	if len(qs) != 2 || qs[0].Subject == qs[1].Subject {
		t.Errorf("two uploads' _:x must be two nodes: %v", qs)
	}
}

func TestGSP_Tokens(t *testing.T) {
	ts := newTestServer(t, Config{}, "")
	nt := []string{"Content-Type", "application/n-triples"}
	body := `<http://s> <http://p> "x" .`
	for _, c := range []struct {
		auth string
		want int
	}{
		{"", 401},
		{"Bearer", 401},
		{"Bearer " + testToken + "x", 401},
		{"Token " + testToken, 401},
		{"bearer " + testToken, 204},
		{"Basic " + basic("anyone", testToken), 204},
		{"Basic " + basic(testToken, "wrong"), 401},
	} {
		hs := nt
		if c.auth != "" {
			hs = append([]string{"Authorization", c.auth}, nt...)
		}
		code, msg, h := ts.get(t, "POST", "/data?default", body, hs...)
		if code != c.want {
			t.Errorf("Authorization %q: %d, want %d (%s)", c.auth, code, c.want, msg)
		}
		if code == 401 && !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("401 without WWW-Authenticate: %v", h)
		}
	}
	none := newTestServer(t, Config{TokenHashes: []string{}}, "")
	code, msg, _ := none.get(t, "POST", "/data?default", body, append(auth(), nt...)...)
	wantStatus(t, "no tokens configured", code, 403, msg)
}

func basic(user, pass string) string {
	r, _ := http.NewRequest("GET", "/", nil)
	r.SetBasicAuth(user, pass)
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Basic ")
}

func TestHashToken(t *testing.T) {
	// printf %s secret | sha256sum
	if got := HashToken("secret"); got != "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b" {
		t.Fatalf("HashToken = %s", got)
	}
}

// TestGSP_LargeUploadsThroughCopy sets the upload transaction size to 50 quads, so that
// every upload and deletion below is written in many transactions into a copy of the store
// that is swapped in at the end: the path a 1 GB upload takes. Readers see the graph before
// or after, never in between; a bad upload changes nothing.
func TestGSP_LargeUploadsThroughCopy(t *testing.T) {
	ts := newTestServer(t, Config{UploadTxQuads: 50}, `ex:a ex:p "seed" .`)
	g := "http://g.example/big"
	path := "/data?graph=" + url.QueryEscape(g)
	doc := func(n int, tag string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "<http://x/s%d> <http://x/p> \"%s %d\" .\n_:b%d <http://x/q> <http://x/s%d> .\n", i, tag, i, i%7, i)
		}
		return b.String()
	}
	count := func() int {
		code, got, _ := ts.get(t, "GET", path, "", "Accept", "application/n-triples")
		if code == 404 {
			return 0
		}
		wantStatus(t, "GET", code, 200, got)
		return strings.Count(got, "\n")
	}
	nt := append(auth(), "Content-Type", "application/n-triples")
	resp := ts.do(t, "PUT", path, doc(300, "one"), nt...)
	resp.Body.Close()
	wantStatus(t, "PUT", resp.StatusCode, 201, "")
	if got := resp.Header.Get("X-Quads-Added"); got != "600" {
		t.Errorf("X-Quads-Added %q, want 600", got)
	}
	if n := count(); n != 600 {
		t.Fatalf("graph holds %d triples after PUT, want 600", n)
	}

	// Replace with a TriG document that names other graphs: all of it goes into g. A
	// reader runs meanwhile and must see 600 or 400 triples.
	var trig strings.Builder
	trig.WriteString("<http://other/g> {\n" + doc(100, "two") + "}\n" + strings.ReplaceAll(doc(100, "three"), "_:b", "_:c"))
	stop, seen := make(chan struct{}), make(chan error, 1)
	go func() {
		defer close(seen)
		for {
			select {
			case <-stop:
				return
			default:
			}
			req, _ := http.NewRequest("GET", ts.URL+path, nil)
			req.Header.Set("Accept", "application/n-triples")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				seen <- err
				return
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if n := strings.Count(string(body), "\n"); resp.StatusCode != 200 || (n != 600 && n != 400) {
				seen <- fmt.Errorf("a reader saw status %d with %d lines", resp.StatusCode, n)
				return
			}
		}
	}()
	code, body, _ := ts.get(t, "PUT", path, trig.String(), append(auth(), "Content-Type", "application/trig")...)
	close(stop)
	wantStatus(t, "PUT TriG", code, 204, body)
	if err := <-seen; err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 400 {
		t.Fatalf("graph holds %d triples after the TriG PUT, want 400", n)
	}

	// A bad upload, its error far past the first transaction, changes nothing.
	v := ts.store.DataVersion()
	for _, method := range []string{"PUT", "POST"} {
		code, body, _ := ts.get(t, method, path, doc(200, "bad")+"<http://x/s> <http://x/p> .\n", nt...)
		wantStatus(t, method+" bad", code, 400, body)
		if !strings.Contains(body, ":401:") {
			t.Errorf("%s: error without its line: %q", method, body)
		}
	}
	if n := count(); n != 400 || ts.store.DataVersion() != v {
		t.Fatalf("a failed upload changed the store: %d triples, version %d -> %d", n, v, ts.store.DataVersion())
	}

	// DELETE takes the same path; the default graph is untouched throughout.
	code, body, _ = ts.get(t, "DELETE", path, "", auth()...)
	wantStatus(t, "DELETE", code, 204, body)
	if n := count(); n != 0 {
		t.Fatalf("graph holds %d triples after DELETE", n)
	}
	_, def, _ := ts.get(t, "GET", "/data?default", "", "Accept", "application/n-triples")
	if strings.Count(def, "\n") != 1 || !strings.Contains(def, `"seed"`) {
		t.Fatalf("default graph: %q", def)
	}
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(ts.store.Path()), "*.load")); len(matches) > 0 {
		t.Fatalf("copies left behind: %v", matches)
	}
}
