package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/nt"
)

// uwp runs one command line in-process and returns its exit status, stdout and stderr.
func uwp(t testing.TB, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := run(context.Background(), args, e)
	return code, out.String(), errb.String()
}

func mustUWP(t testing.TB, stdin string, args ...string) string {
	t.Helper()
	code, out, errs := uwp(t, stdin, args...)
	if code != 0 {
		t.Fatalf("uwp %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func write(t testing.TB, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func sortedLines(s string) []string {
	var ls []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			ls = append(ls, l)
		}
	}
	sort.Strings(ls)
	return ls
}

const ntData = `<http://ex.org/s> <http://ex.org/p> "a" .
<http://ex.org/s> <http://ex.org/p> "01"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex.org/s> <http://ex.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex.org/s> <http://ex.org/q> "chat"@fr .
<http://ex.org/s> <http://ex.org/q> "line\nbreak \"q\" \\" .
<http://ex.org/o> <http://ex.org/p> <http://ex.org/s> .
`

func TestLoad_DumpRoundTrip_NTriples(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	f := write(t, filepath.Join(dir, "in.nt"), ntData)
	mustUWP(t, "", "load", "--quiet", "--data", data, f)
	out := mustUWP(t, "", "dump", "--data", data, "--format", "ntriples")
	if got, want := sortedLines(out), sortedLines(ntData); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("dump differs from input:\n got %q\nwant %q", got, want)
	}
}

func TestLoad_StrictErrorLeavesStoreUnchanged(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "a.nt"), ntData))
	before := mustUWP(t, "", "dump", "--data", data)
	bad := "<http://ex.org/x> <http://ex.org/p> \"ok\" .\n<http://ex.org/x> <http://ex.org/p> oops .\n<http://ex.org/y> <http://ex.org/p> \"z\" .\n"
	code, _, errs := uwp(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "bad.nt"), bad))
	if code == 0 {
		t.Fatal("load of a bad file succeeded")
	}
	if !strings.Contains(errs, "bad.nt:2:") || !strings.Contains(errs, "unchanged") {
		t.Fatalf("error should name bad.nt:2:col and say the store is unchanged; got:\n%s", errs)
	}
	if after := mustUWP(t, "", "dump", "--data", data); after != before {
		t.Fatalf("store changed by a failed load:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	// The same into an empty store (the bulk path).
	empty := filepath.Join(dir, "empty")
	if code, _, _ := uwp(t, "", "load", "--quiet", "--data", empty, filepath.Join(dir, "bad.nt")); code == 0 {
		t.Fatal("bulk load of a bad file succeeded")
	}
	if out := mustUWP(t, "", "dump", "--data", empty); out != "" {
		t.Fatalf("failed bulk load left data behind:\n%s", out)
	}
}

func TestLoad_LenientSkipsAndReports(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	bad := "<http://ex.org/x> <http://ex.org/p> \"ok\" .\n<http://ex.org/x> <http://ex.org/p> oops .\n<http://ex.org/y> <http://ex.org/p> \"z\" .\n"
	code, _, errs := uwp(t, "", "load", "--lenient", "--data", data, write(t, filepath.Join(dir, "bad.nt"), bad))
	if code != 0 {
		t.Fatalf("lenient load failed: %s", errs)
	}
	if !strings.Contains(errs, "bad.nt:2:") || !strings.Contains(errs, "skipped 1") {
		t.Fatalf("lenient load should report the skipped line; got:\n%s", errs)
	}
	if got := sortedLines(mustUWP(t, "", "dump", "--data", data, "--format", "ntriples")); len(got) != 2 {
		t.Fatalf("want the 2 good triples, got %q", got)
	}
}

func TestLoad_EveryFormatStdinGzipAndGraph(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	ttl := "@prefix ex: <http://ex.org/> .\nex:a ex:p [ ex:q ( 1 2 ) ] ; ex:r <rel> .\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(ttl))
	zw.Close()
	gzFile := filepath.Join(dir, "x.ttl.gz")
	if err := os.WriteFile(gzFile, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	mustUWP(t, "", "load", "--quiet", "--data", data, "--graph", "http://ex.org/g1", gzFile)
	mustUWP(t, ttl, "load", "--quiet", "--data", data, "--format", "turtle", "--base", "http://base.org/", "-")
	trig := "<http://ex.org/g2> { <http://ex.org/s> <http://ex.org/p> _:b . _:b <http://ex.org/p> \"x\" . }\n"
	mustUWP(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "d.trig"), trig))
	rdfxml := `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/"><rdf:Description rdf:about="http://ex.org/x"><ex:p>v</ex:p></rdf:Description></rdf:RDF>`
	mustUWP(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "e.rdf"), rdfxml))
	jsonld := `{"@id": "http://ex.org/j", "http://ex.org/p": "w"}`
	mustUWP(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "f.jsonld"), jsonld))

	out := mustUWP(t, "", "dump", "--data", data)
	var qs []rdf.Quad
	r := nt.NewQuadsReader(strings.NewReader(out), rdf.ReadOptions{})
	for {
		q, err := r.Read()
		if err != nil {
			break
		}
		qs = append(qs, q)
	}
	// 7 statements per Turtle copy (a p b, b q list, 4 list, a r rel) + 2 + 1 + 1
	if len(qs) != 7+7+2+1+1 {
		t.Fatalf("got %d quads:\n%s", len(qs), out)
	}
	// The two Turtle copies are different files: their blank nodes must not merge.
	blanks := map[rdf.Term]bool{}
	rels := map[rdf.Term]bool{}
	for _, q := range qs {
		if q.Subject.Kind() == rdf.KindBlank {
			blanks[q.Subject] = true
		}
		if q.Predicate == rdf.IRI("http://ex.org/r") {
			rels[q.Object] = true
		}
	}
	if len(blanks) != 2*3+1 {
		t.Errorf("want 7 distinct blank subjects (3 per Turtle file, 1 in TriG), got %d", len(blanks))
	}
	if !rels[rdf.IRI("http://base.org/rel")] || !rels[rdf.IRI(strings.TrimSuffix(fileURLOf(gzFile), "x.ttl.gz")+"rel")] {
		t.Errorf("relative IRIs: want one against --base and one against the file's URL, got %v", rels)
	}
	if !strings.Contains(out, "<http://ex.org/g1> .") || !strings.Contains(out, "<http://ex.org/g2> .") {
		t.Errorf("graphs missing in dump:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(data, storeFile)); err != nil {
		t.Fatal(err)
	}
}

func TestStats_JSON(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	// A missing store is an empty store.
	var empty storeReport
	if err := json.Unmarshal([]byte(mustUWP(t, "", "stats", "--json", "--data", data)), &empty); err != nil || empty.Quads != 0 {
		t.Fatalf("empty stats: %+v %v", empty, err)
	}
	mustUWP(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "a.nt"), ntData))
	var rep storeReport
	if err := json.Unmarshal([]byte(mustUWP(t, "", "stats", "--json", "--data", data)), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Quads != 6 || rep.Predicates != 2 || rep.Subjects != 2 || rep.FileBytes == 0 || rep.BytesPerQuad == 0 {
		t.Fatalf("unexpected stats: %+v", rep)
	}
}

func TestDump_NamedGraphsNeedAQuadFormat(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "load", "--quiet", "--data", data, "--graph", "http://ex.org/g", write(t, filepath.Join(dir, "a.nt"), ntData))
	if code, _, errs := uwp(t, "", "dump", "--data", data, "--format", "turtle"); code == 0 || !strings.Contains(errs, "named graphs") {
		t.Fatalf("want a clear error, got %d %s", code, errs)
	}
	out := mustUWP(t, "", "dump", "--data", data, "--format", "ntriples", "--graph", "http://ex.org/g")
	if got := sortedLines(out); len(got) != 6 {
		t.Fatalf("got %q", got)
	}
}

func TestConfig_Precedence(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "uwp.yaml", "data: fromfile\n")
	mustUWP(t, "", "load", "--quiet", write(t, "a.nt", ntData))
	if _, err := os.Stat(filepath.Join("fromfile", storeFile)); err != nil {
		t.Fatalf("config file ignored: %v", err)
	}
	t.Setenv("UWP_DATA", "fromenv")
	mustUWP(t, "", "load", "--quiet", "a.nt")
	if _, err := os.Stat(filepath.Join("fromenv", storeFile)); err != nil {
		t.Fatalf("environment did not override the file: %v", err)
	}
	mustUWP(t, "", "load", "--quiet", "--data", "fromflag", "a.nt")
	if _, err := os.Stat(filepath.Join("fromflag", storeFile)); err != nil {
		t.Fatalf("flag did not override the environment: %v", err)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"nosuch"}, {"load"}, {"load", "--format", "bogus", "x"}, {"dump", "--graph", "rel"}} {
		if code, _, errs := uwp(t, "", args...); code != 2 || errs == "" {
			t.Errorf("uwp %v: exit %d, stderr %q; want 2 with a message", args, code, errs)
		}
	}
	if code, out, _ := uwp(t, "", "help"); code != 0 || !strings.Contains(out, "load") {
		t.Errorf("help: %d %q", code, out)
	}
}

func fileURLOf(p string) string {
	abs, _ := filepath.Abs(p)
	return "file://" + filepath.ToSlash(abs)
}

// TestLoad_SaysWhichPath: the summary line names the loader's path: a new file into an
// empty store, one transaction for a small load, a copy of the store for a large one.
func TestLoad_SaysWhichPath(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	var big strings.Builder
	for i := 0; i < 300000; i++ {
		fmt.Fprintf(&big, "<http://ex.org/s%d> <http://ex.org/p> \"%d\" .\n", i, i)
	}
	for _, c := range []struct{ file, text, want string }{
		{"a.nt", ntData, "(into an empty store: a new file)"},
		{"b.nt", "<http://ex.org/x> <http://ex.org/p> <http://ex.org/y> .\n", "(one transaction)"},
		{"big.nt", big.String(), "(through a copy of the store, 2 transactions)"},
	} {
		code, _, errs := uwp(t, "", "load", "--data", data, write(t, filepath.Join(dir, c.file), c.text))
		if code != 0 || !strings.Contains(errs, c.want) {
			t.Errorf("load %s: exit %d, stderr %q, want %q", c.file, code, errs, c.want)
		}
	}
}
