package web

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium runs headless Chromium once on url: --dump-dom output, and a screenshot saved to
// shot (PNG). Pages get a virtual-time budget so that their scripts (fetch) finish first.
func chromium(t *testing.T, bin, url, shot string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir(), "--window-size=1280,1400", "--virtual-time-budget=10000"}
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, append(args, "--dump-dom", url)...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium --dump-dom %s: %v\n%s", url, err, errb.String())
	}
	cmd = exec.CommandContext(ctx, bin, append(args, "--screenshot="+shot, url)...)
	cmd.Dir = filepath.Dir(shot)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --screenshot %s: %v\n%s", url, err, b)
	}
	st, err := os.Stat(shot)
	if err != nil || st.Size() < 5000 {
		t.Fatalf("screenshot %s missing or blank: %v", shot, err)
	}
	png, _ := os.ReadFile(shot)
	if !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("screenshot %s is no PNG", shot)
	}
	return out.String()
}

// TestBrowser_ResourcePageAndQueryUI opens a resource page and the query UI in headless
// Chromium (Debian package chromium), runs a query there, and checks what the rendered DOM
// shows; screenshots go to $UWP_SCREENSHOT_DIR (default: the test's temporary directory).
// Required under CI=true.
func TestBrowser_ResourcePageAndQueryUI(t *testing.T) {
	bin := "/usr/bin/chromium"
	if _, err := os.Stat(bin); err != nil {
		if p, err := exec.LookPath("chromium"); err == nil {
			bin = p
		} else if ciRequired() {
			t.Fatal("chromium is not installed (Debian package chromium)")
		} else {
			t.Skip("chromium is not installed")
		}
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	dir := os.Getenv("UWP_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, Config{}, cityData)

	dom := chromium(t, bin, ts.URL+"/id/gent", filepath.Join(dir, "resource.png"))
	for _, want := range []string{
		"<h1", ">Ghent</h1>", // English label (headless Chromium asks for en-US)
		`class="type"`, ">City</a>",
		`<img src="http://img.example/gent.jpg"`,
		"51.05, 3.72",
		">9000</span>",
		">Gentse Feesten</a>", ">Film Fest</a>",
		`href="/doc/gent.ttl"`,
		`application/ld+json`,
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("resource page DOM lacks %q", want)
		}
	}
	if !strings.Contains(dom, `rel="stylesheet" href="/static/style.css"`) {
		t.Errorf("no stylesheet link")
	}

	query := "SELECT ?event ?label WHERE { ?event a <https://schema.org/Event> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label"
	dom = chromium(t, bin, ts.URL+"/?run=1&query="+q(query), filepath.Join(dir, "query.png"))
	for _, want := range []string{
		`<table class="results">`,
		"<th>?event</th>", "<th>?label</th>",
		`<a href="/doc/ev2" title="` + ts.URL + `/id/ev2">` + ts.URL + `/id/ev2</a>`,
		"<td>Film Fest</td>", "<td>Gentse Feesten</td>",
		"2 results in",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("query UI DOM lacks %q:\n%s", want, dom)
		}
	}
	t.Logf("screenshots in %s", dir)
}
