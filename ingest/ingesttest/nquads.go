package ingesttest

import (
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

var update = flag.Bool("update", false, "rewrite golden files")

// NQuads returns the distinct quads as sorted N-Quads lines, each ending in a line feed.
func NQuads(qs []rdf.Quad) string {
	lines := make([]string, len(qs))
	for i, q := range qs {
		lines[i] = q.String()
	}
	slices.Sort(lines)
	return strings.Join(slices.Compact(lines), "\n") + "\n"
}

// Golden compares header+got with the file at path, or writes it there under -update. The
// header is the comment that describes the file's format.
func Golden(t testing.TB, path, header, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(header+got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if header+got != string(want) {
		t.Errorf("output differs from %s (run with -update to accept):\n%s", path, lineDiff(string(want), header+got))
	}
}

// lineDiff lists the lines only got has (+) and only want has (-).
func lineDiff(want, got string) string {
	w := map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		w[l] = true
	}
	g := map[string]bool{}
	var b strings.Builder
	for _, l := range strings.Split(got, "\n") {
		g[l] = true
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	return b.String()
}
