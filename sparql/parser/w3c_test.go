package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
)

// parseFile parses a .rq file as a query and a .ru file as an update, with the file's IRI as
// base, as the suites expect.
func parseFile(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	opts := Options{Base: w3c.FileURL(path)}
	if strings.HasSuffix(path, ".ru") {
		_, err = ParseUpdate(string(src), opts)
	} else {
		_, err = ParseQuery(string(src), opts)
	}
	return err
}

func syntaxRun(t *testing.T, tc w3c.Test) error {
	err := parseFile(tc.Action)
	switch {
	case strings.HasPrefix(tc.Type, "Positive"):
		return err
	case strings.HasPrefix(tc.Type, "Negative"):
		if err == nil {
			return fmt.Errorf("negative syntax test parsed without error")
		}
		t.Logf("rejected: %v", err)
		return nil
	}
	t.Fatalf("not a syntax test: %s", tc.Type)
	return nil
}

func isSyntax(tc w3c.Test) bool {
	return strings.Contains(tc.Type, "SyntaxTest")
}

func expected(t *testing.T) w3c.Expected {
	ex, err := w3c.LoadExpected(filepath.Join("testdata", "w3c-expected-failures.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// only keeps the entries of ex that name one of the tests.
func only(ex w3c.Expected, tests []w3c.Test) w3c.Expected {
	out := w3c.Expected{}
	for _, tc := range tests {
		if r, ok := ex[tc.IRI]; ok {
			out[tc.IRI] = r
		}
	}
	return out
}

func TestW3C_SPARQL10_Syntax(t *testing.T) {
	tests := w3c.Load(t, isSyntax, "sparql/sparql10/manifest-syntax.ttl")
	w3c.Run(t, "sparql10 syntax", tests, only(expected(t), tests), syntaxRun)
}

func TestW3C_SPARQL11_Syntax(t *testing.T) {
	// Every syntax test of the SPARQL 1.1 query and update manifests: syntax-query,
	// syntax-update-1/2, syntax-fed, and the negative tests in aggregates, construct,
	// delete-insert, grouping and others.
	tests := w3c.Load(t, isSyntax, "sparql/sparql11/manifest-all.ttl")
	w3c.Run(t, "sparql11 syntax", tests, only(expected(t), tests), syntaxRun)
}

// TestW3C_EvaluationQueriesParse parses the query or update of every evaluation test: they
// must all be valid.
func TestW3C_EvaluationQueriesParse(t *testing.T) {
	tests := w3c.Load(t, func(tc w3c.Test) bool { return tc.Query != "" || tc.Request != "" },
		"sparql/sparql10/manifest.ttl", "sparql/sparql10/extended-manifest-evaluation.ttl", "sparql/sparql11/manifest-all.ttl")
	w3c.Run(t, "sparql evaluation queries parse", tests, only(expected(t), tests), func(t *testing.T, tc w3c.Test) error {
		f := tc.Query
		if f == "" {
			f = tc.Request
		}
		return parseFile(f)
	})
}
