package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestQuery_SelectAskConstructOverStore(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "load", "--quiet", "--data", data, write(t, filepath.Join(dir, "a.nt"), ntData))

	out := mustUWP(t, "", "query", "--data", data, "--format", "csv",
		"SELECT ?o WHERE { <http://ex.org/s> <http://ex.org/p> ?o } ORDER BY ?o")
	if want := "o\r\n01\r\n1\r\na\r\n"; out != want {
		t.Errorf("csv: got %q, want %q", out, want)
	}
	if out := mustUWP(t, "", "query", "--data", data, "--format", "json", "ASK { ?s <http://ex.org/q> \"chat\"@fr }"); !strings.Contains(out, `"boolean": true`) && !strings.Contains(out, `"boolean":true`) {
		t.Errorf("ask: got %s", out)
	}
	out = mustUWP(t, "", "query", "--data", data, "--format", "ntriples",
		"CONSTRUCT { ?o <http://ex.org/back> ?s } WHERE { ?s <http://ex.org/p> ?o FILTER(isIRI(?o)) }")
	if want := "<http://ex.org/s> <http://ex.org/back> <http://ex.org/o> .\n"; out != want {
		t.Errorf("construct: got %q, want %q", out, want)
	}
	// A missing data directory is an empty store.
	if out := mustUWP(t, "", "query", "--data", filepath.Join(dir, "none"), "--format", "tsv", "SELECT * { ?s ?p ?o }"); out != "?s\t?p\t?o\n" {
		t.Errorf("empty store: got %q", out)
	}
}

func TestQuery_ErrorsArePositioned(t *testing.T) {
	code, _, errs := uwp(t, "", "query", "--data", t.TempDir(), "SELECT ?s WHERE {\n  ?s ?p \n}")
	if code == 0 || !strings.Contains(errs, "3:1") {
		t.Fatalf("want a line:col error, got %d %q", code, errs)
	}
	if code, _, errs := uwp(t, "", "query", "--format", "turtle", "SELECT * {}"); code != 2 || !strings.Contains(errs, "cannot carry") {
		t.Fatalf("format mismatch: %d %q", code, errs)
	}
}

func TestUpdate_AtomicAndFileBase(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "update", "--data", data, `INSERT DATA { <http://ex.org/a> <http://ex.org/p> 1 . GRAPH <http://ex.org/g> { <http://ex.org/a> <http://ex.org/p> 2 } }`)
	ru := write(t, filepath.Join(dir, "u.ru"), "INSERT DATA { <rel> <http://ex.org/p> 3 }")
	mustUWP(t, "", "update", "--data", data, "--file", ru)
	out := mustUWP(t, "", "dump", "--data", data)
	if !strings.Contains(out, "<"+fileURLOf(filepath.Join(dir, "rel"))+">") {
		t.Errorf("relative IRI not resolved against the file's URL:\n%s", out)
	}
	before := out
	// The second operation fails (LOAD of a missing file, not SILENT): the first must not stick.
	code, _, errs := uwp(t, "", "update", "--data", data,
		"DELETE WHERE { ?s ?p ?o } ; LOAD <file:///nonexistent/x.ttl>")
	if code == 0 || !strings.Contains(errs, "nothing was changed") {
		t.Fatalf("want a failed update, got %d %q", code, errs)
	}
	if after := mustUWP(t, "", "dump", "--data", data); after != before {
		t.Fatalf("failed update changed the store:\n%s", after)
	}
	if _, err := os.Stat(filepath.Join(data, storeFile)); err != nil {
		t.Fatal(err)
	}
}

// TestUpdate_ClearAndDrop: requests made only of CLEAR and DROP go through the store's
// loader; a missing graph without SILENT fails and changes nothing.
func TestUpdate_ClearAndDrop(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mustUWP(t, "", "update", "--data", data, `INSERT DATA { <http://ex.org/a> <http://ex.org/p> 1 . GRAPH <http://ex.org/g> { <http://ex.org/a> <http://ex.org/p> 2 . <http://ex.org/b> <http://ex.org/p> 3 } }`)
	before := mustUWP(t, "", "dump", "--data", data)
	code, _, errs := uwp(t, "", "update", "--data", data, "DROP GRAPH <http://ex.org/g> ; DROP GRAPH <http://ex.org/missing>")
	if code == 0 || !strings.Contains(errs, "does not exist") || !strings.Contains(errs, "nothing was changed") {
		t.Fatalf("want a failed update, got %d %q", code, errs)
	}
	if after := mustUWP(t, "", "dump", "--data", data); after != before {
		t.Fatalf("failed update changed the store:\n%s", after)
	}
	code, _, errs = uwp(t, "", "update", "--data", data, "DROP SILENT GRAPH <http://ex.org/missing> ; DROP GRAPH <http://ex.org/g>")
	if code != 0 || !strings.Contains(errs, "3 quads before, 1 after") {
		t.Fatalf("DROP: exit %d, %q", code, errs)
	}
	if out := mustUWP(t, "", "dump", "--data", data); strings.Count(out, "\n") != 1 || strings.Contains(out, "ex.org/g") {
		t.Fatalf("after DROP:\n%s", out)
	}
}
