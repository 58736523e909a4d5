package eval_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
	"github.com/uitwisselingsplatform/uwp/sparql/results"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// queryDirs are the SPARQL 1.1 query evaluation areas of the suite.
var queryDirs = []string{"aggregates", "bind", "bindings", "cast", "construct", "exists", "functions",
	"grouping", "negation", "project-expression", "property-path", "subquery", "csv-tsv-res", "json-res"}

// updateDirs are the SPARQL 1.1 update evaluation areas.
var updateDirs = []string{"add", "basic-update", "clear", "copy", "delete", "delete-data", "delete-insert",
	"delete-where", "drop", "move", "update-silent"}

func isQueryEval(tc w3c.Test) bool {
	return tc.Type == "QueryEvaluationTest" || tc.Type == "CSVResultFormatTest"
}

// skipReason says why a test is beyond a plain engine (README "Beyond a plain SPARQL engine"):
// federation, which TestW3C_SPARQL11_Service runs with in-process endpoints. The eight
// SPARQL 1.0 tests of optional features (mf:requires: mf:LangTagAwareness,
// mf:StringSimpleLiteralCmp, mf:KnownTypesDefault2Neq, mf:XsdDateOperations) run like the
// others: sparql/expr implements those comparisons.
func skipReason(tc w3c.Test) string {
	if len(tc.ServiceData) > 0 {
		return "SERVICE federation"
	}
	for _, f := range tc.Features {
		if strings.HasSuffix(f, "BasicFederatedQuery") {
			return "SERVICE federation"
		}
	}
	return ""
}

func TestW3C_SPARQL10_QueryEvaluation(t *testing.T) {
	tests := w3c.Load(t, isQueryEval, "sparql/sparql10/manifest-evaluation.ttl")
	runQuerySuite(t, "sparql10 query evaluation", tests, "testdata/w3c-sparql10-expected-failures.txt",
		"testdata/w3c-sparql10-value-compared.txt")
}

func TestW3C_SPARQL11_QueryEvaluation(t *testing.T) {
	var ms []string
	for _, d := range queryDirs {
		ms = append(ms, "sparql/sparql11/"+d+"/manifest.ttl")
	}
	tests := w3c.Load(t, isQueryEval, ms...)
	runQuerySuite(t, "sparql11 query evaluation", tests, "testdata/w3c-sparql11-expected-failures.txt",
		"testdata/w3c-sparql11-value-compared.txt")
}

// runQuerySuite runs a query evaluation suite. The tests listed in valueFile compare
// numeric literals by value (see w3c_values_test.go); a listed test must need that (its
// results differ as terms), so that list too only shrinks.
func runQuerySuite(t *testing.T, suite string, tests []w3c.Test, expectedFile, valueFile string) {
	expected, err := w3c.LoadExpected(expectedFile)
	if err != nil {
		t.Fatal(err)
	}
	byValue, err := w3c.LoadExpected(valueFile)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, tc := range tests {
		ids[tc.IRI] = true
	}
	for iri := range byValue {
		if !ids[iri] {
			t.Errorf("%s: %s is not a test of the suite: remove it from %s", suite, iri, valueFile)
		}
		if _, ok := expected[iri]; ok {
			t.Errorf("%s: %s is listed in both %s and %s", suite, iri, expectedFile, valueFile)
		}
	}
	var numeric int
	res := w3c.Run(t, suite, tests, expected, func(t *testing.T, tc w3c.Test) error {
		if r := skipReason(tc); r != "" {
			t.Skip(r)
		}
		rule := sameTerm
		if _, ok := byValue[tc.IRI]; ok {
			rule = sameNumber
		}
		err := runQueryTest(tc, eval.Options{}, rule)
		if err == nil && rule == sameNumber {
			numeric++
		}
		return err
	})
	line := fmt.Sprintf("%s: %d of the %d passed compare numeric literals by value (%s)",
		suite, numeric, res.Passed, valueFile)
	t.Log(line)
	fmt.Println(line)
}

// TestW3C_SPARQL11_Service runs the federation tests with every endpoint of a test's
// qt:serviceData bound to an in-process dataset (no network): the evaluator sends each
// SERVICE pattern as query text through Options.Service, and the endpoint parses and
// answers it.
func TestW3C_SPARQL11_Service(t *testing.T) {
	tests := w3c.Load(t, isQueryEval, "sparql/sparql11/service/manifest.ttl")
	expected, err := w3c.LoadExpected("testdata/w3c-service-expected-failures.txt")
	if err != nil {
		t.Fatal(err)
	}
	w3c.Run(t, "sparql11 service (in-process endpoints)", tests, expected, func(t *testing.T, tc w3c.Test) error {
		endpoints := map[string]*memds.Dataset{}
		for _, sd := range tc.ServiceData {
			d, err := loadStore(sd.Data, sd.GraphData)
			if err != nil {
				return err
			}
			endpoints[sd.Endpoint] = d
		}
		// Endpoints federate further with the same function (service3 nests SERVICE).
		var opts eval.Options
		opts.Service = func(ctx context.Context, endpoint, query string) ([]string, [][]rdf.Term, error) {
			d, ok := endpoints[endpoint]
			if !ok {
				return nil, nil, fmt.Errorf("no endpoint %s", endpoint)
			}
			pq, err := parser.ParseQuery(query, parser.Options{})
			if err != nil {
				return nil, nil, fmt.Errorf("endpoint rejects %q: %w", query, err)
			}
			res, err := eval.Query(ctx, d, pq, opts)
			if err != nil {
				return nil, nil, err
			}
			defer res.Close()
			var rows [][]rdf.Term
			for res.Solutions.Next() {
				rows = append(rows, append([]rdf.Term(nil), res.Solutions.Row()...))
			}
			return res.Vars, rows, res.Solutions.Err()
		}
		return runQueryTest(tc, opts, sameTerm)
	})
}

// filePathOf maps a file: IRI to a local path.
func filePathOf(iri string) (string, bool) {
	u, err := url.Parse(iri)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	return filepath.FromSlash(u.Path), true
}

// runQueryTest runs one query evaluation test and compares its results under rule:
// sameTerm as the W3C README says, or sameNumber for a test listed in a value-compared
// file, which then fails when its results are equal as terms too.
func runQueryTest(tc w3c.Test, opts eval.Options, rule valueRule) error {
	src, err := os.ReadFile(tc.Query)
	if err != nil {
		return err
	}
	pq, err := parser.ParseQuery(string(src), parser.Options{Base: w3c.FileURL(tc.Query)})
	if err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	d := memds.New()
	for _, f := range tc.Data {
		if err := loadInto(d, f, nil); err != nil {
			return err
		}
	}
	for _, g := range tc.GraphData {
		name := g.Label
		if name == "" {
			name = g.IRI
		}
		if err := loadInto(d, g.Path, rdf.IRI(name)); err != nil {
			return err
		}
	}
	for _, ds := range pq.Dataset {
		if p, ok := filePathOf(string(ds.IRI)); ok {
			if _, err := os.Stat(p); err == nil {
				if id, ok, _ := d.LookupID(ds.IRI); ok {
					if gs, _ := d.NamedGraphs(); contains(gs, id) {
						continue
					}
				}
				if err := loadInto(d, p, ds.IRI); err != nil {
					return err
				}
			}
		}
	}
	if rule == sameNumber && (pq.Form != syntax.Select || tc.Type == "CSVResultFormatTest") {
		return fmt.Errorf("value comparison applies to SELECT results only, not to this %s test", tc.Type)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	res, err := eval.Query(ctx, d, pq, opts)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer res.Close()
	switch pq.Form {
	case syntax.Construct, syntax.Describe:
		var got []rdf.Quad
		for res.Triples.Next() {
			got = append(got, res.Triples.Quad())
		}
		if err := res.Triples.Err(); err != nil {
			return err
		}
		want, err := readRDF(tc.Result)
		if err != nil {
			return err
		}
		if !rdf.Isomorphic(got, want) {
			return fmt.Errorf("graphs differ:\n%s", rdf.Diff(got, want))
		}
		return nil
	}
	got := &table{vars: res.Vars}
	if pq.Form == syntax.Ask {
		b := res.Boolean
		got.boolean = &b
	} else {
		for res.Solutions.Next() {
			got.rows = append(got.rows, append([]rdf.Term(nil), res.Solutions.Row()...))
		}
		if err := res.Solutions.Err(); err != nil {
			return err
		}
	}
	if tc.Type == "CSVResultFormatTest" {
		return compareCSV(got, tc.Result)
	}
	want, _, ok, err := readExpected(tc.Result)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s: no result set", tc.Result)
	}
	if want.boolean != nil || got.boolean != nil {
		if want.boolean == nil || got.boolean == nil || *want.boolean != *got.boolean {
			return fmt.Errorf("boolean: got %v, want %v", fmtBool(got.boolean), fmtBool(want.boolean))
		}
		return nil
	}
	ordered := len(pq.OrderBy) > 0
	lax := tc.Cardinality == "LaxCardinality"
	wantRows := want.project(got.vars)
	if sameRows(got.rows, wantRows, ordered, lax) {
		if rule == sameNumber {
			return fmt.Errorf("results are equal as terms: remove the test from the value-compared list")
		}
		return nil
	}
	if rule == sameNumber && compareRows(got.rows, wantRows, ordered, lax, sameNumber) {
		return nil
	}
	note := ""
	if compareRows(got.rows, wantRows, ordered, lax, sameValue) {
		note = "; equal as values: only lexical forms differ"
	}
	return fmt.Errorf("results differ (ordered=%v%s)\ngot:\n%swant:\n%s", ordered, note,
		formatRows(got.vars, got.rows), formatRows(got.vars, wantRows))
}

func contains(ids []eval.ID, id eval.ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func fmtBool(b *bool) string {
	if b == nil {
		return "none"
	}
	return fmt.Sprint(*b)
}

// compareCSV writes got as CSV and compares the text with the expected file, line endings
// normalised.
func compareCSV(got *table, path string) error {
	var buf bytes.Buffer
	w, err := results.NewWriter(results.CSV, &buf)
	if err != nil {
		return err
	}
	if err := w.Begin(got.vars); err != nil {
		return err
	}
	for _, r := range got.rows {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	if err := w.End(); err != nil {
		return err
	}
	want, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	norm := func(s string) string {
		return relabel(strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n"))
	}
	if norm(buf.String()) != norm(string(want)) {
		return fmt.Errorf("CSV differs:\ngot:\n%s\nwant:\n%s", buf.String(), want)
	}
	return nil
}

var bnodeLabel = regexp.MustCompile(`_:[A-Za-z0-9_.-]+`)

// relabel renames blank node labels in order of first appearance (_:b0, _:b1, ...), the
// consistent relabelling CSV comparison needs.
func relabel(s string) string {
	names := map[string]string{}
	return bnodeLabel.ReplaceAllStringFunc(s, func(l string) string {
		if n, ok := names[l]; ok {
			return n
		}
		n := fmt.Sprintf("_:b%d", len(names))
		names[l] = n
		return n
	})
}
