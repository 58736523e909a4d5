package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
)

// seedCorpus adds the W3C queries and updates (when the suite is present) and a few inline
// requests to a fuzz corpus. Each seed is (text, isUpdate).
func seedCorpus(f *testing.F) {
	for _, s := range []string{
		ex + "SELECT ?s (COUNT(*) AS ?c) WHERE { ?s :p/:q* [ :r (1 2) ] FILTER(?s != <x>) } GROUP BY ?s",
		ex + "CONSTRUCT { ?s :p _:b } WHERE { ?s !(:a|^:b) ?o OPTIONAL { ?o :c ?d } MINUS { ?s :x 1 } }",
		"ASK { BIND(1 AS ?x) VALUES (?y) { (UNDEF) } }",
	} {
		f.Add(s, false)
	}
	f.Add(ex+"INSERT DATA { :a :b :c } ; WITH :g DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", true)
	dir, ok := w3c.Find()
	if !ok {
		return
	}
	for _, pat := range []string{"sparql11/syntax-query/*.rq", "sparql11/syntax-update-1/*.ru", "sparql10/syntax-sparql1/*.rq"} {
		fs, _ := filepath.Glob(filepath.Join(dir, "sparql", pat))
		for _, p := range fs {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b), strings.HasSuffix(p, ".ru"))
			}
		}
	}
}

// FuzzParse checks that parsing never panics, and that a request that parses prints (String)
// as SPARQL that parses back to the same print.
func FuzzParse(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, src string, update bool) {
		roundTrip(t, src, update, Options{Base: "http://example.org/base/"}, false)
	})
}
