package results

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestW3C_ResultFiles reads every .srx, .srj, .tsv and .csv file of the SPARQL suites, then
// writes what it read in each format and reads that back, expecting the same result (CSV:
// what CSV can carry). Failures listed in testdata/w3c-expected-failures.txt (paths relative
// to the suite's sparql/ directory) are tolerated, and a listed file that passes fails the
// run, so the list only shrinks.
func TestW3C_ResultFiles(t *testing.T) {
	root := filepath.Join(w3c.Dir(t), "sparql")
	expected, err := w3c.LoadExpected("testdata/w3c-expected-failures.txt")
	if err != nil {
		t.Fatal(err)
	}
	exts := map[string]Format{".srx": XML, ".srj": JSON, ".tsv": TSV, ".csv": CSV}
	var files []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if _, ok := exts[filepath.Ext(path)]; ok && !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	counts := map[Format][2]int{}
	seen := map[string]bool{}
	for _, path := range files {
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		seen[rel] = true
		f := exts[filepath.Ext(path)]
		err := checkW3CFile(path, f)
		c := counts[f]
		if err == nil {
			c[0]++
		} else {
			c[1]++
		}
		counts[f] = c
		reason, listed := expected[rel]
		switch {
		case err == nil && listed:
			t.Errorf("%s passes but is listed as an expected failure (%s): remove it from the list", rel, reason)
		case err != nil && listed:
			t.Logf("%s: expected failure (%s): %v", rel, reason, err)
		case err != nil:
			t.Errorf("%s: %v", rel, err)
		}
	}
	for rel := range expected {
		if !seen[rel] {
			t.Errorf("expected failure %s is not a results file of the suite: remove it from the list", rel)
		}
	}
	total := [2]int{}
	for _, f := range []Format{XML, JSON, TSV, CSV} {
		c := counts[f]
		total[0] += c[0]
		total[1] += c[1]
		line := fmt.Sprintf("W3C results files (%s): %d parsed, %d failed", f, c[0], c[1])
		t.Log(line)
		fmt.Println(line)
	}
	fmt.Printf("W3C results files (all): %d parsed, %d failed\n", total[0], total[1])
	if total[0]+total[1] == 0 {
		t.Fatal("no results files found under " + root)
	}
}

func checkW3CFile(path string, f Format) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	res, err := Read(f, bytes.NewReader(data))
	if err != nil {
		return err
	}
	for _, g := range []Format{JSON, XML, TSV, CSV} {
		var buf bytes.Buffer
		if err := WriteResult(g, &buf, res); err != nil {
			return fmt.Errorf("writing %v: %w", g, err)
		}
		back, err := Read(g, &buf)
		if err != nil {
			return fmt.Errorf("reading back %v: %w\n%s", g, err, buf.String())
		}
		want := res
		if g == CSV || f == CSV {
			want = &Result{Vars: res.Vars, Rows: lossy(CSV, res.Rows), Boolean: res.Boolean}
			back.Rows = lossy(CSV, back.Rows)
		}
		if !sameResult(want, back) {
			return fmt.Errorf("%v round trip differs:\nread  %+v\nback  %+v", g, want, back)
		}
	}
	return nil
}

func sameResult(a, b *Result) bool {
	if (a.Boolean == nil) != (b.Boolean == nil) || (a.Boolean != nil && *a.Boolean != *b.Boolean) {
		return false
	}
	if a.Boolean != nil {
		return true
	}
	if strings.Join(a.Vars, " ") != strings.Join(b.Vars, " ") || len(a.Rows) != len(b.Rows) {
		return false
	}
	for i := range a.Rows {
		if !reflect.DeepEqual(a.Rows[i], b.Rows[i]) {
			return false
		}
	}
	return true
}

// TestW3C_KnownContent pins what a few W3C files read as, so the round trip above cannot
// pass by reading nothing.
func TestW3C_KnownContent(t *testing.T) {
	root := filepath.Join(w3c.Dir(t), "sparql", "sparql11")
	read := func(rel string, f Format) *Result {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Read(f, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	tsv := read("csv-tsv-res/csvtsv01.tsv", TSV)
	if strings.Join(tsv.Vars, ",") != "s,p,o" || len(tsv.Rows) < 6 {
		t.Fatalf("csvtsv01.tsv: %+v", tsv)
	}
	if got := tsv.Rows[3][2]; got != rdf.NewTypedLiteral("4", rdf.XSDInteger) {
		t.Errorf("csvtsv01.tsv row 4 ?o = %v", got)
	}
	if got := tsv.Rows[5][2]; got != rdf.BlankNode("b0") {
		t.Errorf("csvtsv01.tsv row 6 ?o = %v", got)
	}
	csv := read("csv-tsv-res/csvtsv02.csv", CSV)
	if strings.Join(csv.Vars, ",") != "s,p,o,p2,o2" || csv.Rows[1][3] != nil || csv.Rows[0][4] != rdf.NewLiteral("foo") {
		t.Errorf("csvtsv02.csv: %+v", csv)
	}
	js := read("json-res/jsonres01.srj", JSON)
	if len(js.Rows) == 0 || js.Rows[0][0] != rdf.IRI("http://example.org/s1") {
		t.Errorf("jsonres01.srj: %+v", js)
	}
	x := read("functions/strbefore01a.srx", XML)
	found := false
	for _, r := range x.Rows {
		for _, v := range r {
			if v == rdf.NewLangLiteral("engli", "en") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf(`strbefore01a.srx has no "engli"@en: %+v`, x)
	}
}
