package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/knakk/sparql"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `uwp serve` in-process on a free loopback port and returns its URL; the
// server stops (gracefully) when the test ends, and the exit status is checked.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	done := make(chan int, 1)
	go func() { done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), e) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("uwp serve exited with %d:\n%s", code, errb.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("uwp serve did not stop")
		}
	})
	re := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+)/`)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("uwp serve exited with %d:\n%s", code, errb.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("uwp serve printed no URL:\n%s\n%s", out.String(), errb.String())
	return ""
}

const serveToken = "e2e-token"

// TestServe_EndToEnd_KnakkClient drives `uwp serve` with github.com/knakk/sparql, an
// independent SPARQL client: UPDATE (the token as the Basic password, which that client can
// send), SELECT, ASK and CONSTRUCT.
func TestServe_EndToEnd_KnakkClient(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "in.nt"), ntData))
	hash := fmt.Sprintf("%x", sha256Sum(serveToken))
	base := startServe(t, "--data", data, "--token-sha256", hash)

	writer, err := sparql.NewRepo(strings.Replace(base, "http://", "http://client:"+serveToken+"@", 1) + "/sparql")
	if err != nil {
		t.Fatal(err)
	}
	if err := writer.Update(`INSERT DATA { <http://ex.org/new> <http://ex.org/p> "added" }`); err != nil {
		t.Fatalf("update: %v", err)
	}
	reader, err := sparql.NewRepo(base + "/sparql")
	if err != nil {
		t.Fatal(err)
	}
	if err := reader.Update(`CLEAR ALL`); err == nil || !strings.Contains(err.Error(), "401") {
		t.Fatalf("update without a token: %v", err)
	}
	res, err := reader.Query(`SELECT ?s ?o WHERE { ?s <http://ex.org/p> ?o } ORDER BY ?s ?o`)
	if err != nil {
		t.Fatalf("select: %v", err)
	}
	sols := res.Solutions()
	if len(sols) != 5 {
		t.Fatalf("%d solutions, want 5: %v", len(sols), sols)
	}
	var got []string
	for _, s := range sols {
		got = append(got, s["s"].String()+" "+s["o"].String())
	}
	if !strings.Contains(strings.Join(got, "\n"), "http://ex.org/new added") {
		t.Errorf("the inserted statement is missing: %v", got)
	}
	ask, err := reader.Query(`ASK { <http://ex.org/s> <http://ex.org/q> "chat"@fr }`)
	if err != nil || !ask.Boolean {
		t.Errorf("ask: %v %v", ask, err)
	}
	triples, err := reader.Construct(`CONSTRUCT { ?o <http://ex.org/back> ?s } WHERE { ?s <http://ex.org/p> ?o FILTER(isIRI(?o)) }`)
	if err != nil {
		t.Fatalf("construct: %v", err)
	}
	if len(triples) != 1 || triples[0].Subj.String() != "http://ex.org/s" {
		t.Errorf("construct: %v", triples)
	}
}

// TestServe_GracefulStopAndData starts and stops `uwp serve` (Cleanup checks exit 0) around a
// Graph Store upload and a Linked Data 303, the checks a curl session would make.
func TestServe_GracefulStopAndData(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	base := startServe(t, "--data", data, "--base-iri", "https://data.example.org", "--token-sha256", fmt.Sprintf("%x", sha256Sum(serveToken)))
	req, _ := http.NewRequest("PUT", base+"/data?graph=https%3A%2F%2Fdata.example.org%2Fg", strings.NewReader(`<https://data.example.org/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "X" .`))
	req.Header.Set("Content-Type", "text/turtle")
	req.Header.Set("Authorization", "Bearer "+serveToken)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 201 {
		t.Fatalf("PUT: %s", res.Status)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err = c.Get(base + "/id/x")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 303 || res.Header.Get("Location") != "/doc/x" {
		t.Fatalf("GET /id/x: %s %v", res.Status, res.Header)
	}
	res, err = http.Get(base + "/doc/x.nt")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if string(b) != "<https://data.example.org/id/x> <http://www.w3.org/2000/01/rdf-schema#label> \"X\" .\n" {
		t.Errorf("/doc/x.nt: %q", b)
	}
}

func TestServe_BadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--token-sha256", "not-hex"},
		{"serve", "--base-iri", "relative/"},
		{"serve", "--log-format", "xml"},
		{"serve", "extra"},
	} {
		if code, _, _ := uwp(t, "", append(args, "--data", t.TempDir())...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func sha256Sum(s string) [32]byte { return sha256.Sum256([]byte(s)) }

// TestServe_Curl talks to `uwp serve` with curl, as the README's examples do. Required under
// CI=true.
func TestServe_Curl(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("curl is not installed")
		}
		t.Skip("curl is not installed")
	}
	dir := t.TempDir()
	base := startServe(t, "--data", filepath.Join(dir, "data"), "--token-sha256", fmt.Sprintf("%x", sha256Sum(serveToken)))
	ttl := write(t, filepath.Join(dir, "a.ttl"), "@prefix ex: <"+base+"/id/> .\nex:a <http://www.w3.org/2000/01/rdf-schema#label> \"A\" ; <http://ex.org/p> ex:b .\n")
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(curl, append([]string{"-s", "-S"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("curl %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "-H", "Authorization: Bearer " + serveToken, "-H", "Content-Type: text/turtle", "--data-binary", "@" + ttl, base + "/data?default"}, "204"},
		{[]string{"-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", base + "/id/a"}, "303 " + base + "/doc/a"},
		{[]string{"-H", "Accept: application/n-triples", base + "/doc/a"}, "<" + base + "/id/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\" .\n<" + base + "/id/a> <http://ex.org/p> <" + base + "/id/b> .\n"},
		{[]string{"--data-urlencode", "query=SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }", "-H", "Accept: text/csv", base + "/sparql"}, "l\r\nA\r\n"},
		{[]string{"-o", "/dev/null", "-w", "%{http_code}", "-H", "Content-Type: application/sparql-update", "--data", "CLEAR ALL", base + "/sparql"}, "401"},
		{[]string{base + "/healthz"}, "ok\n"},
	} {
		if got := run(c.args...); got != c.want {
			t.Errorf("curl %v:\n got %q\nwant %q", c.args, got, c.want)
		}
	}
}
