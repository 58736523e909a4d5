package expr

import (
	"encoding/xml"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

// w3cCase describes a W3C evaluation test whose query applies one function to each value
// of one predicate: SELECT ?s (F(?v, args...) AS ?out) WHERE { ?s :pred ?v }. The harness
// reads the test's data and expected .srx, calls the function for every expected row and
// compares the result by value (numbers: same datatype and =; other terms: identical).
// A row without the output variable expects an error. This is not a query engine: the
// query shape is written down here by reading the .rq file.
type w3cCase struct {
	fn   string   // LookupBuiltin name, or CAST:xsd:T
	pred string   // local name of the data predicate; "" for any
	subj string   // .srx variable of the subject, or "=local" for the one fixed subject
	in   string   // .srx variable holding the input, "" to take it from the data
	out  string   // .srx variable of the result
	args string   // constant arguments after the input, in the test table syntax
	more []string // further projections of the same function: "outvar args..."
}

// w3cCases is keyed by the expected result's file name (directory/file).
var w3cCases = map[string]w3cCase{
	"functions/ceil01.srx":              {"CEIL", "num", "s", "", "ceil", "", nil},
	"functions/floor01.srx":             {"FLOOR", "num", "s", "", "floor", "", nil},
	"functions/round01.srx":             {"ROUND", "num", "s", "", "round", "", nil},
	"functions/substring01.srx":         {"SUBSTR", "str", "s", "str", "substr", "1 1", nil},
	"functions/substring01-non-bmp.srx": {"SUBSTR", "str", "s", "str", "substr", "1 1", nil},
	"functions/substring02.srx":         {"SUBSTR", "str", "s", "str", "substr", "2", nil},
	"functions/substring02-non-bmp.srx": {"SUBSTR", "str", "s", "str", "substr", "2", nil},
	"functions/length01.srx":            {"STRLEN", "str", "", "str", "len", "", nil},
	"functions/length01-non-bmp.srx":    {"STRLEN", "str", "", "str", "len", "", nil},
	"functions/ucase01.srx":             {"UCASE", "str", "s", "", "ustr", "", nil},
	"functions/ucase01-non-bmp.srx":     {"UCASE", "str", "s", "", "ustr", "", nil},
	"functions/lcase01.srx":             {"LCASE", "str", "s", "", "lstr", "", nil},
	"functions/lcase01-non-bmp.srx":     {"LCASE", "str", "s", "", "lstr", "", nil},
	"functions/encode01.srx":            {"ENCODE_FOR_URI", "str", "s", "str", "encoded", "", nil},
	"functions/encode01-non-bmp.srx":    {"ENCODE_FOR_URI", "str", "s", "str", "encoded", "", nil},
	"functions/md5-01.srx":              {"MD5", "str", "=s1", "", "hash", "", nil},
	"functions/md5-02.srx":              {"MD5", "str", "=s4", "", "hash", "", nil},
	"functions/sha1-01.srx":             {"SHA1", "str", "=s1", "", "hash", "", nil},
	"functions/sha1-02.srx":             {"SHA1", "str", "=s8", "", "hash", "", nil},
	"functions/sha256-01.srx":           {"SHA256", "str", "=s1", "", "hash", "", nil},
	"functions/sha256-02.srx":           {"SHA256", "str", "=s8", "", "hash", "", nil},
	"functions/sha384-01.srx":           {"SHA384", "str", "=s1", "", "hash", "", nil},
	"functions/sha384-02.srx":           {"SHA384", "str", "=s8", "", "hash", "", nil},
	"functions/sha512-01.srx":           {"SHA512", "str", "=s1", "", "hash", "", nil},
	"functions/sha512-02.srx":           {"SHA512", "str", "=s8", "", "hash", "", nil},
	"functions/year-01.srx":             {"YEAR", "date", "s", "", "x", "", nil},
	"functions/month-01.srx":            {"MONTH", "date", "s", "", "x", "", nil},
	"functions/day-01.srx":              {"DAY", "date", "s", "", "x", "", nil},
	"functions/hours-01.srx":            {"HOURS", "date", "s", "", "x", "", nil},
	"functions/minutes-01.srx":          {"MINUTES", "date", "s", "", "x", "", nil},
	"functions/seconds-01.srx":          {"SECONDS", "date", "s", "", "x", "", nil},
	"functions/timezone-01.srx":         {"TIMEZONE", "date", "s", "", "x", "", nil},
	"functions/tz-01.srx":               {"TZ", "date", "s", "", "x", "", nil},
	"functions/strbefore01a.srx":        {"STRBEFORE", "str", "s", "", "prefix", `"s"`, nil},
	"functions/strafter01a.srx":         {"STRAFTER", "str", "s", "", "suffix", `"e"`, nil},
	"functions/replace01.srx":           {"REPLACE", "str", "s", "", "new", `"[^a-z0-9]" "-"`, nil},
	"functions/replace02.srx":           {"REPLACE", "str", "=s8", "", "new", `"ana" "*"`, nil},
	"functions/replace03.srx":           {"REPLACE", "str", "=s9", "", "new", `"(ab)|(a)" "[1=$1][2=$2]"`, nil},
	"functions/strdt03-rdf11.srx":       {"STRDT", "", "s", "", "str1", `xsd:string`, nil},
	"functions/strlang03-rdf11.srx":     {"STRLANG", "", "s", "", "str1", `"en-US"`, nil},
	"functions/strbefore02.srx": {"STRBEFORE", "str", "s", "str", "bb", `"b"`, []string{
		`bbc "bc"`, `bbcy "b"@cy`, `b ""`, `ben ""@en`, `bbx "b"^^xsd:string`, `bxyzx "xyz"^^xsd:string`}},
	"functions/strafter02.srx": {"STRAFTER", "str", "s", "str", "ab", `"b"`, []string{
		`aab "ab"`, `abcy "b"@cy`, `a ""`, `aen ""@en`, `abx "b"^^xsd:string`, `axyzx "xyz"^^xsd:string`}},
	"cast/cast-string.srx":  {"CAST:xsd:string", "p", "a", "v", "string", "", nil},
	"cast/cast-bool.srx":    {"CAST:xsd:boolean", "p", "a", "v", "boolean", "", nil},
	"cast/cast-int.srx":     {"CAST:xsd:integer", "p", "a", "v", "integer", "", nil},
	"cast/cast-decimal.srx": {"CAST:xsd:decimal", "p", "a", "v", "decimal", "", nil},
	"cast/cast-float.srx":   {"CAST:xsd:float", "p", "a", "v", "float", "", nil},
	"cast/cast-double.srx":  {"CAST:xsd:double", "p", "a", "v", "double", "", nil},
}

func TestW3C_Functions(t *testing.T) {
	runCases(t, "W3C sparql11 functions+cast (single-function queries)", w3cCases, byResult,
		[]string{"sparql/sparql11/functions/manifest.ttl", "sparql/sparql11/cast/manifest.ttl"}, runW3CCase)
}

// runCases runs the tests of the manifests (relative to the suite root) that key maps to one
// of cases, each with its case, against testdata/w3c-expected-failures.txt. A case that
// matches no test fails t, so that a typo in a key cannot hide a test.
func runCases[C any](t *testing.T, suite string, cases map[string]C, key func(w3c.Test) string, manifests []string, run func(t *testing.T, tc w3c.Test, c C) error) {
	t.Helper()
	expected, err := w3c.LoadExpected("testdata/w3c-expected-failures.txt")
	if err != nil {
		t.Fatal(err)
	}
	var tests []w3c.Test
	byIRI := map[string]C{}
	matched := map[string]bool{}
	for _, tc := range w3c.Load(t, nil, manifests...) {
		k := key(tc)
		if c, ok := cases[k]; ok {
			tests = append(tests, tc)
			byIRI[tc.IRI] = c
			matched[k] = true
		}
	}
	for _, k := range slices.Sorted(maps.Keys(cases)) {
		if !matched[k] {
			t.Errorf("case %s matches no test of %v", k, manifests)
		}
	}
	w3c.Run(t, suite, tests, expected, func(t *testing.T, tc w3c.Test) error {
		return run(t, tc, byIRI[tc.IRI])
	})
}

// byQuery and byResult key a test by its query or result file and the directory holding
// it: "expr-equals/query-eq-1.rq", "functions/ceil01.srx".
func byQuery(tc w3c.Test) string { return dirFile(tc.Query) }

func byResult(tc w3c.Test) string { return dirFile(tc.Result) }

func dirFile(f string) string { return filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f) }

func runW3CCase(t *testing.T, tc w3c.Test, c w3cCase) error {
	if len(tc.Data) != 1 {
		return fmt.Errorf("want one data file, have %d", len(tc.Data))
	}
	data, err := loadPredicate(tc.Data[0], c.pred)
	if err != nil {
		return err
	}
	rows, err := readSRX(tc.Result)
	if err != nil {
		return err
	}
	type projection struct {
		out   string
		extra []rdf.Term
	}
	projs := []projection{{c.out, parseTerms(t, expandXSD(c.args))}}
	for _, m := range c.more {
		out, args, _ := strings.Cut(m, " ")
		projs = append(projs, projection{out, parseTerms(t, expandXSD(args))})
	}
	var failures []string
	for _, row := range rows {
		var in rdf.Term
		switch {
		case c.in != "":
			in = row[c.in]
		case strings.HasPrefix(c.subj, "="):
			in = data[lookupLocal(data, c.subj[1:])]
		default:
			in = data[row[c.subj]]
		}
		if in == nil {
			return fmt.Errorf("row %v: no input value", row)
		}
		for _, p := range projs {
			got, err := callW3C(c.fn, append([]rdf.Term{in}, p.extra...))
			want, bound := row[p.out]
			call := fmt.Sprintf("%s(%s %v) AS ?%s", c.fn, in, p.extra, p.out)
			switch {
			case !bound && err == nil:
				failures = append(failures, fmt.Sprintf("%s = %s, want an error", call, got))
			case bound && err != nil:
				failures = append(failures, fmt.Sprintf("%s: %v, want %s", call, err, want))
			case bound && !sameValue(got, want):
				failures = append(failures, fmt.Sprintf("%s = %s, want %s", call, got, want))
			}
		}
	}
	// Every input must show up: the queries project one row per data value.
	if !strings.HasPrefix(c.subj, "=") && len(rows) != len(data) {
		failures = append(failures, fmt.Sprintf("%d expected rows for %d data values", len(rows), len(data)))
	}
	if failures != nil {
		return errors.New(strings.Join(failures, "\n"))
	}
	return nil
}

func callW3C(fn string, args []rdf.Term) (rdf.Term, error) {
	if dt, ok := strings.CutPrefix(fn, "CAST:xsd:"); ok {
		return Cast(args[0], rdf.IRI(xsd+dt))
	}
	b, ok := LookupBuiltin(fn)
	if !ok {
		return nil, fmt.Errorf("no builtin %s", fn)
	}
	return b.Call(args)
}

// sameValue compares a computed term with an expected one: numbers by datatype and value
// (the W3C files do not use canonical forms consistently), language tags ignoring case,
// other terms exactly.
func sameValue(got, want rdf.Term) bool {
	if got == want {
		return true
	}
	g, gok := got.(rdf.Literal)
	w, wok := want.(rdf.Literal)
	if gok && wok && g.Lang != "" {
		// Language tags compare case-insensitively (the suite's README says so).
		return g.Lexical == w.Lexical && strings.EqualFold(g.Lang, w.Lang)
	}
	if !gok || !wok || g.Datatype != w.Datatype || !IsNumericDatatype(g.Datatype) {
		return false
	}
	eq, err := Equal(g, w)
	return err == nil && eq
}

func lookupLocal(data map[rdf.Term]rdf.Term, local string) rdf.Term {
	for s := range data {
		if iri, ok := s.(rdf.IRI); ok && strings.HasSuffix(string(iri), "/"+local) {
			return s
		}
	}
	return nil
}

// loadPredicate reads a Turtle file and maps each subject to its object for predicates
// with the given local name or full IRI ("" for all predicates).
func loadPredicate(path, pred string) (map[rdf.Term]rdf.Term, error) {
	quads, err := readTurtle(path)
	if err != nil {
		return nil, err
	}
	out := map[rdf.Term]rdf.Term{}
	for _, q := range quads {
		p := string(q.Predicate.(rdf.IRI))
		if pred != "" && !strings.HasSuffix(p, "/"+pred) && !strings.HasSuffix(p, "#"+pred) && p != pred {
			continue
		}
		if _, dup := out[q.Subject]; dup {
			return nil, fmt.Errorf("%s: subject %s has several values", path, q.Subject)
		}
		out[q.Subject] = q.Object
	}
	return out, nil
}

// readTurtle reads a Turtle file of the suite with its file: IRI as base.
func readTurtle(path string) ([]rdf.Quad, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return w3c.ReadAll(turtle.NewReader(f, rdf.ReadOptions{Base: w3c.FileURL(path), File: path}))
}

// readSRX reads the rows of a SPARQL XML results file as variable -> term maps.
func readSRX(path string) ([]map[string]rdf.Term, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Results []struct {
			Bindings []struct {
				Name    string  `xml:"name,attr"`
				URI     *string `xml:"uri"`
				BNode   *string `xml:"bnode"`
				Literal *struct {
					Lang     string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
					Datatype string `xml:"datatype,attr"`
					Text     string `xml:",chardata"`
				} `xml:"literal"`
			} `xml:"binding"`
		} `xml:"results>result"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var rows []map[string]rdf.Term
	for _, r := range doc.Results {
		row := map[string]rdf.Term{}
		for _, b := range r.Bindings {
			switch {
			case b.URI != nil:
				row[b.Name] = rdf.IRI(*b.URI)
			case b.BNode != nil:
				row[b.Name] = rdf.BlankNode(*b.BNode)
			case b.Literal != nil && b.Literal.Lang != "":
				row[b.Name] = rdf.NewLangLiteral(b.Literal.Text, b.Literal.Lang)
			case b.Literal != nil:
				row[b.Name] = rdf.NewTypedLiteral(b.Literal.Text, rdf.IRI(b.Literal.Datatype))
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

var tpQuery = regexp.MustCompile(`t:(\w+)\s+rdf:value\s+\?l[\s\S]*t:(\w+)\s+rdf:value\s+\?r[\s\S]*datatype\(\?l \+ \?r\) = xsd:(\w+)`)

// TestW3C_TypePromotion runs sparql10/type-promotion: every query is
// ASK { t:A rdf:value ?l . t:B rdf:value ?r . FILTER(datatype(?l + ?r) = xsd:T) },
// which this harness reads with a regular expression and evaluates with Add and Datatype.
func TestW3C_TypePromotion(t *testing.T) {
	dir := filepath.Join(w3c.Dir(t), "sparql", "sparql10", "type-promotion")
	tests, err := w3c.LoadManifest(filepath.Join(dir, "manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	expected, err := w3c.LoadExpected("testdata/w3c-expected-failures.txt")
	if err != nil {
		t.Fatal(err)
	}
	values, err := loadPredicate(filepath.Join(dir, "tP.ttl"), string(rdf.RDFType[:len(rdf.RDFType)-len("type")])+"value")
	if err != nil {
		t.Fatal(err)
	}
	w3c.Run(t, "W3C sparql10 type-promotion", tests, expected, func(t *testing.T, tc w3c.Test) error {
		q, err := os.ReadFile(tc.Query)
		if err != nil {
			return err
		}
		m := tpQuery.FindStringSubmatch(string(q))
		if m == nil {
			return fmt.Errorf("query is not of the expected shape")
		}
		ns := "http://www.w3.org/2001/sw/DataAccess/tests/data/TypePromotion/tP-0#"
		l, r := values[rdf.IRI(ns+m[1])], values[rdf.IRI(ns+m[2])]
		if l == nil || r == nil {
			return fmt.Errorf("no data for t:%s or t:%s", m[1], m[2])
		}
		got := false
		if sum, err := Add(l, r); err == nil {
			dt, _ := Datatype(sum)
			got = dt == rdf.IRI(xsd+m[3])
		}
		want := filepath.Base(tc.Result) == "true.ttl"
		if got != want {
			return fmt.Errorf("datatype(%s + %s) = xsd:%s is %v, want %v", l, r, m[3], got, want)
		}
		return nil
	})
}
