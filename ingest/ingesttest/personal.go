package ingesttest

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
)

// PersonalValues returns the lower-cased values of the named columns of a CSV export (comma
// or semicolon separated, with or without a byte order mark), and the words and digit runs
// in them long enough (4 characters or more) to identify someone.
func PersonalValues(t testing.TB, path string, cols ...string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimPrefix(string(b), "\ufeff")
	r := csv.NewReader(strings.NewReader(text))
	if strings.Contains(strings.SplitN(text, "\n", 2)[0], ";") {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, h := range recs[0] {
		idx[h] = i
	}
	seen := map[string]bool{}
	var out []string
	add := func(v string) {
		v = strings.ToLower(strings.TrimSpace(v))
		if len(v) >= 4 && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	for _, rec := range recs[1:] {
		for _, c := range cols {
			i, ok := idx[c]
			if !ok {
				t.Fatalf("%s: no column %s", path, c)
			}
			if i >= len(rec) {
				continue
			}
			add(rec[i])
			for _, w := range strings.FieldsFunc(rec[i], func(r rune) bool { return strings.ContainsRune(" ,;\n", r) }) {
				if !strings.ContainsAny(w, "0123456789") {
					add(w) // words of names and streets
				}
			}
			add(strings.Map(func(r rune) rune { // phone numbers and barcodes as digits
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, rec[i]))
		}
	}
	return out
}
