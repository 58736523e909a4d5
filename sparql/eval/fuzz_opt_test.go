package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// FuzzQuery_Optimiser evaluates any SELECT or ASK query that parses over a small dataset
// twice, with and without the optimiser's passes (package opt), and requires the same
// multiset of solutions. Queries whose answer may legitimately differ between two runs are
// skipped: volatile functions (RAND, NOW, UUID, STRUUID, BNODE), LIMIT/OFFSET (which
// solutions a slice keeps depends on the order), SAMPLE and GROUP_CONCAT (order dependent),
// and SERVICE. The seeds are the optimiser's golden queries and a quarter of the W3C
// SPARQL 1.1 queries.
func FuzzQuery_Optimiser(f *testing.F) {
	f.Add(`SELECT * { ?s ?p ?o OPTIONAL { ?o ?q ?r FILTER(?r != ?s) } FILTER(?s != <http://ex/a> && 1 + 1 = 2) }`)
	f.Add(`SELECT * { { ?s <http://ex/p> ?o } UNION { ?s <http://ex/v> ?o } { ?o ?q ?r } VALUES ?s { <http://ex/a> } }`)
	f.Add(`SELECT * { GRAPH ?g { ?s ?p ?o } ?o ?q ?r FILTER(isIRI(?s)) MINUS { ?s <http://ex/q> ?x } }`)
	seeds, _ := filepath.Glob(filepath.Join("..", "opt", "testdata", "passes", "*.rq"))
	if dir, ok := w3c.Find(); ok {
		files, _ := filepath.Glob(filepath.Join(dir, "sparql", "sparql11", "*", "*.rq"))
		for i, p := range files {
			if i%4 == 0 {
				seeds = append(seeds, p)
			}
		}
	}
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	d := optData()
	skip := []string{"rand", "now", "uuid", "bnode", "limit", "offset", "sample", "group_concat", "service"}
	f.Fuzz(func(t *testing.T, src string) {
		low := strings.ToLower(src)
		for _, w := range skip {
			if strings.Contains(low, w) {
				return
			}
		}
		pq, err := parser.ParseQuery(src, parser.Options{Base: "http://ex/"})
		if err != nil || (pq.Form != syntax.Select && pq.Form != syntax.Ask) {
			return
		}
		with, ok1 := optAnswer(d, pq, false)
		without, ok2 := optAnswer(d, pq, true)
		if !ok1 || !ok2 {
			return
		}
		if strings.Join(with, "\n") != strings.Join(without, "\n") {
			prof := &eval.Profile{}
			if p, err := eval.Plan(context.Background(), d, pq, eval.Options{}); err == nil {
				prof = p
			}
			t.Fatalf("with the optimiser (passes %v):\n%s\nwithout:\n%s\nquery:\n%s\noptimised:\n%v",
				prof.Passes, strings.Join(with, "\n"), strings.Join(without, "\n"), src, prof.Op)
		}
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// optData is the small dataset of the optimiser's differential tests.
func optData() *memds.Dataset {
	d := memds.New()
	ex := func(s string) rdf.IRI { return rdf.IRI("http://ex/" + s) }
	for _, q := range []rdf.Quad{
		{Subject: ex("a"), Predicate: ex("p"), Object: ex("b")},
		{Subject: ex("b"), Predicate: ex("p"), Object: ex("a")},
		{Subject: ex("b"), Predicate: ex("p10"), Object: ex("c")},
		{Subject: ex("c"), Predicate: ex("p20"), Object: rdf.NewTypedLiteral("2", rdf.XSDInteger)},
		{Subject: ex("b"), Predicate: ex("q"), Object: rdf.NewLiteral("x")},
		{Subject: ex("a"), Predicate: ex("v"), Object: rdf.NewTypedLiteral("3", rdf.XSDInteger)},
		{Subject: rdf.BlankNode("b1"), Predicate: ex("p"), Object: ex("a"), Graph: ex("g")},
		{Subject: ex("c"), Predicate: ex("v"), Object: rdf.NewLangLiteral("y", "en"), Graph: ex("g")},
	} {
		d.Add(q)
	}
	return d
}

// optAnswer evaluates pq over d and returns its solutions as sorted strings (for ASK one
// row, "true" or ""); ok is false on an error or more than 10000 solutions.
func optAnswer(d eval.Dataset, pq *syntax.Query, noOpt bool) ([]string, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	res, err := eval.Query(ctx, d, pq, eval.Options{MemoryBudget: 1 << 20, NoOptimize: noOpt})
	if err != nil {
		return nil, false
	}
	defer res.Close()
	if res.Solutions == nil {
		if pq.Form == syntax.Ask {
			return []string{strings.Repeat("true", boolInt(res.Boolean))}, true
		}
		return nil, false
	}
	var rows []string
	for res.Solutions.Next() {
		if len(rows) >= 10000 {
			return nil, false
		}
		var sb strings.Builder
		for _, t := range res.Solutions.Row() {
			if t != nil {
				sb.WriteString(t.String())
			}
			sb.WriteByte('|')
		}
		rows = append(rows, sb.String())
	}
	if res.Solutions.Err() != nil {
		return nil, false
	}
	sort.Strings(rows)
	return rows, true
}

// TestOptimiser_ScopeCases runs queries at the edges of the optimiser's rules (filters over
// variables an OPTIONAL, one UNION branch, BIND or a subquery may leave unbound; EXISTS;
// MINUS; GRAPH; conditions of OPTIONAL) with and without the passes: the answers must be the
// same, with the number of solutions the evaluator gives without them, and the named passes
// must fire.
func TestOptimiser_ScopeCases(t *testing.T) {
	d := optData()
	for _, c := range []struct {
		n      int
		passes string
		q      string
	}{
		{1, "", `SELECT * { ?a <http://ex/p> ?b OPTIONAL { ?b <http://ex/q> ?n } FILTER(?a != ?n) }`},
		{2, "filter-split filter-placement", `SELECT * { ?a <http://ex/p> ?b OPTIONAL { ?a <http://ex/q> ?n } FILTER(?a != <http://ex/c> && (!BOUND(?n) || ?b = <http://ex/a>)) }`},
		{1, "", `SELECT * { { ?s <http://ex/p> ?x } UNION { ?s <http://ex/v> ?o } FILTER(!BOUND(?x)) }`},
		{2, "filter-placement", `SELECT * { { ?s <http://ex/p> ?x } UNION { ?s <http://ex/p> ?x OPTIONAL { ?x <http://ex/q> ?y } } FILTER(?x != <http://ex/b>) }`},
		{2, "filter-placement", `SELECT * { ?s ?p ?o MINUS { ?s <http://ex/q> ?z } FILTER(?p != <http://ex/v>) }`},
		{1, "", `SELECT * { ?s <http://ex/p> ?o BIND(STR(?o) AS ?t) FILTER(?t != "http://ex/a") }`},
		{1, "", `SELECT * { ?s <http://ex/p> ?o OPTIONAL { ?s <http://ex/v> ?w } BIND(STR(?o) AS ?t) FILTER(?w = 3) }`},
		{1, "", `SELECT * { ?s <http://ex/p> ?o OPTIONAL { ?o <http://ex/q> ?x } FILTER EXISTS { ?s <http://ex/p> ?x } }`},
		{1, "", `SELECT * { ?s <http://ex/p> ?o OPTIONAL { ?o <http://ex/q> ?x } FILTER NOT EXISTS { ?o <http://ex/q> ?x } }`},
		{2, "filter-placement", `SELECT * { ?s <http://ex/p> ?o OPTIONAL { ?o <http://ex/p> ?z FILTER(?z != ?s) } OPTIONAL { ?o <http://ex/q> ?y FILTER(?y = "x") } }`},
		{1, "filter-split filter-placement", `SELECT * { GRAPH ?g { ?s ?p ?o } FILTER(?g = <http://ex/g> && isBlank(?s)) }`},
		{6, "join-order", `SELECT * { { ?s <http://ex/p> ?o } UNION { ?s <http://ex/v> ?o } { ?o ?q ?r } UNION { ?o <http://ex/p10> ?r } VALUES ?s { <http://ex/a> <http://ex/b> } }`},
		{3, "filter-placement", `SELECT * { { SELECT ?s WHERE { ?s <http://ex/p> ?o } } ?s ?p ?o2 FILTER(!BOUND(?o)) FILTER(?p != <http://ex/p>) }`},
		{2, "bgp-merge", `SELECT * { { ?s <http://ex/p> ?o } { ?o <http://ex/p> ?s } }`},
		{0, "constant-folding", `SELECT * { ?s <http://ex/p> ?o FILTER(1 > 2) }`},
		{0, "", `SELECT * { ?s <http://ex/p> ?o FILTER(1/0 = 1) }`},
		{2, "constant-folding", `SELECT * { ?s <http://ex/p> ?o OPTIONAL { ?o <http://ex/v> ?v FILTER(1 < 2) } }`},
	} {
		pq, err := parser.ParseQuery(c.q, parser.Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		with, ok1 := optAnswer(d, pq, false)
		without, ok2 := optAnswer(d, pq, true)
		if !ok1 || !ok2 {
			t.Errorf("%s: evaluation failed", c.q)
			continue
		}
		plan, err := eval.Plan(context.Background(), d, pq, eval.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(dedup(plan.Passes), " "); got != c.passes {
			t.Errorf("%s: passes %q, want %q", c.q, got, c.passes)
		}
		if len(without) != c.n {
			t.Errorf("%s: %d solutions without the optimiser, want %d:\n%s", c.q, len(without), c.n, strings.Join(without, "\n"))
		}
		if strings.Join(with, "\n") != strings.Join(without, "\n") {
			t.Errorf("%s: with the optimiser (%v):\n%s\nwithout:\n%s\noptimised: %v", c.q, plan.Passes,
				strings.Join(with, "\n"), strings.Join(without, "\n"), plan.Op)
		}
	}
}
