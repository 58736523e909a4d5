package eval_test

import (
	"context"
	"flag"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/trig"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

var update = flag.Bool("update", false, "rewrite the results in testdata/cases.txt")

type evalCase struct {
	name, data, query, result string
}

func parseCases(t *testing.T, text string) (header string, cases []*evalCase) {
	t.Helper()
	parts := strings.Split(text, "\n=== ")
	header = parts[0]
	for _, p := range parts[1:] {
		name, rest, _ := strings.Cut(p, "\n")
		c := &evalCase{name: name}
		for _, sec := range strings.Split(rest, "--- ")[1:] {
			kind, body, _ := strings.Cut(sec, "\n")
			switch kind {
			case "data":
				c.data = body
			case "query":
				c.query = body
			case "result":
				c.result = strings.TrimRight(body, "\n")
			default:
				t.Fatalf("case %q: unknown section %q", name, kind)
			}
		}
		cases = append(cases, c)
	}
	return header, cases
}

var blankLabel = regexp.MustCompile(`_:[A-Za-z0-9_]+`)

func runCase(t *testing.T, c *evalCase) string {
	t.Helper()
	d := memds.New()
	if err := d.Load(trig.NewReader(strings.NewReader(c.data), rdf.ReadOptions{Base: "http://ex/"}), nil); err != nil {
		t.Fatalf("%s: data: %v", c.name, err)
	}
	pq, err := parser.ParseQuery(c.query, parser.Options{Base: "http://ex/"})
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	res, err := eval.Query(context.Background(), d, pq, eval.Options{})
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	defer res.Close()
	var lines []string
	switch pq.Form {
	case syntax.Ask:
		if res.Boolean {
			return "true"
		}
		return "false"
	case syntax.Construct, syntax.Describe:
		for res.Triples.Next() {
			lines = append(lines, blankLabel.ReplaceAllString(res.Triples.Quad().String(), "_:*"))
		}
		if err := res.Triples.Err(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		sort.Strings(lines)
	default:
		for res.Solutions.Next() {
			var f []string
			for _, x := range res.Solutions.Row() {
				if x == nil {
					f = append(f, "-")
				} else {
					f = append(f, x.String())
				}
			}
			lines = append(lines, strings.Join(f, " "))
		}
		if err := res.Solutions.Err(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(pq.OrderBy) == 0 {
			sort.Strings(lines)
		}
	}
	return strings.Join(lines, "\n")
}

// TestQuery_Cases_HashedLevels checks the golden cases with every BGP level served by a hash
// table of its scan.
func TestQuery_Cases_HashedLevels(t *testing.T) {
	defer eval.SetEagerHashing()()
	_, cases := parseCases(t, string(must(os.ReadFile("testdata/cases.txt"))))
	for _, c := range cases {
		if got := runCase(t, c); got != c.result {
			t.Errorf("%s:\n%s\ngot:\n%s\nwant:\n%s", c.name, c.query, got, c.result)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestQuery_Cases(t *testing.T) {
	const path = "testdata/cases.txt"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	header, cases := parseCases(t, string(src))
	var out strings.Builder
	out.WriteString(header)
	for _, c := range cases {
		got := runCase(t, c)
		if *update {
			c.result = got
		} else if got != c.result {
			t.Errorf("%s:\n%s\ngot:\n%s\nwant:\n%s", c.name, c.query, got, c.result)
		}
		out.WriteString("\n=== " + c.name + "\n--- data\n" + c.data + "--- query\n" + c.query + "--- result\n" + c.result + "\n")
	}
	if *update {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
