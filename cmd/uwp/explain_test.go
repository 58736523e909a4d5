package main

import (
	"path/filepath"
	"strings"
	"testing"
)

const explainData = `<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .
<http://ex.org/b> <http://ex.org/p> <http://ex.org/c> .
<http://ex.org/a> <http://ex.org/name> "A" .
<http://ex.org/b> <http://ex.org/name> "B" .
<http://ex.org/c> <http://ex.org/name> "C" .
<http://ex.org/c> <http://ex.org/type> <http://ex.org/T> .
`

const explainQuery = `SELECT ?x ?n WHERE {
  ?x <http://ex.org/p> ?y . ?y <http://ex.org/type> <http://ex.org/T> .
  OPTIONAL { ?x <http://ex.org/name> ?n }
} ORDER BY ?n`

func TestExplain_AlgebraAndPlan(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "a.nt"), explainData))

	out := mustUWP(t, "", "explain", "--data", data, explainQuery)
	// The plan matches the selective type pattern (one quad) before the :p pattern (two).
	want := `# algebra
(project (?x ?n)
  (order (?n)
    (leftjoin
      (bgp
        (triple ?x <http://ex.org/p> ?y)
        (triple ?y <http://ex.org/type> <http://ex.org/T>))
      (bgp
        (triple ?x <http://ex.org/name> ?n)))))

# optimiser passes fired: (none)

# plan (est: the store's estimate of the quads each triple pattern matches)
(project (?x ?n)
  (order 1 keys
    (leftjoin
      (bgp
        (triple ?y <http://ex.org/type> <http://ex.org/T>) est=1
        (triple ?x <http://ex.org/p> ?y) est=2
      (bgp
        (triple ?x <http://ex.org/name> ?n) est=3
`
	if out != want {
		t.Errorf("explain:\n%s\nwant:\n%s", out, want)
	}

	// The same from --file.
	rq := write(t, filepath.Join(dir, "q.rq"), explainQuery)
	if got := mustUWP(t, "", "explain", "--data", data, "--file", rq); got != want {
		t.Errorf("explain --file:\n%s\nwant:\n%s", got, want)
	}
}

func TestExplain_OptimiserPasses(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "a.nt"), explainData))
	q := `SELECT * WHERE {
  ?x <http://ex.org/p> ?y OPTIONAL { ?y <http://ex.org/name> ?n }
  FILTER(?x != <http://ex.org/c> && 1 + 1 = 2)
}`
	out := mustUWP(t, "", "explain", "--data", data, q)
	want := `
# optimiser passes fired: filter-split constant-folding filter-placement
# optimised algebra
(project (?x ?y ?n)
  (leftjoin
    (filter (!= ?x <http://ex.org/c>)
      (bgp
        (triple ?x <http://ex.org/p> ?y)))
    (bgp
      (triple ?y <http://ex.org/name> ?n))))

# plan (est: the store's estimate of the quads each triple pattern matches)
(project (?x ?y ?n)
  (leftjoin
    (filter (!= ?x <http://ex.org/c>)
      (bgp
        (triple ?x <http://ex.org/p> ?y) est=2
`
	if !strings.Contains(out, want) {
		t.Errorf("explain:\n%s\nwant it to contain:\n%s", out, want)
	}
	out = mustUWP(t, "", "explain", "--no-optimize", "--data", data, q)
	if !strings.Contains(out, "\n# optimiser: off (--no-optimize)\n") || strings.Contains(out, "# optimised algebra") ||
		!strings.Contains(out, "\n# plan (est: the store's estimate of the quads each triple pattern matches)\n(project (?x ?y ?n)\n  (filter (&& ") {
		t.Errorf("explain --no-optimize:\n%s", out)
	}
}

func TestExplain_Analyze(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "a.nt"), explainData))

	out := mustUWP(t, "", "explain", "--analyze", "--data", data, explainQuery)
	_, analysis, ok := strings.Cut(out, "\n# analyze (rows: solutions an operator produced; calls: times it was evaluated)\n")
	if !ok || !strings.HasPrefix(out, "# algebra\n") || !strings.Contains(out, "\n# plan ") {
		t.Fatalf("want algebra, plan and analyze sections:\n%s", out)
	}
	// Only a has a :p edge to a :T (b -> c); the OPTIONAL part is evaluated once, for that
	// solution, with ?x bound.
	want := `(project (?x ?n) rows=1 calls=1
  (order 1 keys rows=1 calls=1
    (leftjoin rows=1 calls=1
      (bgp rows=1 calls=1
        (triple ?y <http://ex.org/type> <http://ex.org/T>) est=1
        (triple ?x <http://ex.org/p> ?y) est=2
      (bgp rows=1 calls=1
        (triple ?x <http://ex.org/name> ?n) est=1

1 solution in `
	if !strings.HasPrefix(analysis, want) {
		t.Errorf("analyze section:\n%s\nwant it to start with:\n%s", analysis, want)
	}

	// ASK and CONSTRUCT are analysed too.
	out = mustUWP(t, "", "explain", "--analyze", "--data", data, `ASK { ?s <http://ex.org/name> "B" }`)
	if !strings.Contains(out, "\nASK: true in ") {
		t.Errorf("ASK: %s", out)
	}
	out = mustUWP(t, "", "explain", "--analyze", "--data", data, `CONSTRUCT { ?o <http://ex.org/q> ?s } WHERE { ?s <http://ex.org/p> ?o }`)
	if !strings.Contains(out, "(bgp rows=2 calls=1\n") || !strings.Contains(out, "\n2 triples in ") {
		t.Errorf("CONSTRUCT: %s", out)
	}
}

func TestExplain_EmptyStoreAndErrors(t *testing.T) {
	dir := t.TempDir()
	// A missing data directory is an empty store: every estimate is 0.
	out := mustUWP(t, "", "explain", "--analyze", "--data", filepath.Join(dir, "none"), `SELECT * { ?s <http://ex.org/p> ?o }`)
	if !strings.Contains(out, "(triple ?s <http://ex.org/p> ?o) est=0\n") || !strings.Contains(out, "\n0 solutions in ") {
		t.Errorf("empty store:\n%s", out)
	}
	if code, _, errs := uwp(t, "", "explain", "--data", dir, "SELECT ?s WHERE {\n  ?s ?p \n}"); code == 0 || !strings.Contains(errs, "3:1") {
		t.Errorf("want a line:col parse error, got %d %q", code, errs)
	}
	if code, _, _ := uwp(t, "", "explain", "--data", dir); code != 2 {
		t.Errorf("no query: exit %d, want 2 (usage)", code)
	}
	if code, _, errs := uwp(t, "", "explain", "--data", dir, `INSERT DATA { <http://ex.org/a> <http://ex.org/p> 1 }`); code == 0 || errs == "" {
		t.Errorf("an update is not a query: exit %d %q", code, errs)
	}
}
