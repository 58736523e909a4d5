package eval_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

// chain returns a dataset of n subjects, each with an :p edge to the next and an :v value.
func chain(n int) *memds.Dataset {
	d := memds.New()
	for i := 0; i < n; i++ {
		s := rdf.IRI(fmt.Sprintf("http://ex/s%d", i))
		d.Add(rdf.Quad{Subject: s, Predicate: rdf.IRI("http://ex/p"), Object: rdf.IRI(fmt.Sprintf("http://ex/s%d", i+1))})
		d.Add(rdf.Quad{Subject: s, Predicate: rdf.IRI("http://ex/v"), Object: rdf.NewTypedLiteral(fmt.Sprint(i%10), rdf.XSDInteger)})
	}
	return d
}

func run(t testing.TB, ctx context.Context, d eval.Dataset, src string, opts eval.Options) ([][]rdf.Term, error) {
	t.Helper()
	pq, err := parser.ParseQuery(src, parser.Options{Base: "http://ex/"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := eval.Query(ctx, d, pq, opts)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	var out [][]rdf.Term
	for res.Solutions.Next() {
		out = append(out, append([]rdf.Term(nil), res.Solutions.Row()...))
	}
	return out, res.Solutions.Err()
}

func TestQuery_TimeoutStopsCrossProduct(t *testing.T) {
	d := chain(3000) // 6000 x 6000 triples: 36M combinations
	// The best of three runs, so that a scheduling hiccup on a busy machine is not mistaken
	// for a slow check of the context.
	best := time.Hour
	for i := 0; i < 3; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		_, err := run(t, ctx, d, `SELECT * { ?a ?b ?c . ?d ?e ?f }`, eval.Options{})
		deadline, _ := ctx.Deadline()
		late := time.Since(deadline)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want deadline exceeded", err)
		}
		best = min(best, late)
	}
	if best > 100*time.Millisecond {
		t.Errorf("stopped %v after the deadline", best)
	}
	t.Logf("stopped %v after the deadline", best)
}

func TestQuery_MemoryBudget(t *testing.T) {
	d := chain(2000)
	_, err := run(t, context.Background(), d, `SELECT * { ?a ?b ?c } ORDER BY ?c`, eval.Options{MemoryBudget: 10000})
	if !errors.Is(err, eval.ErrMemoryBudget) {
		t.Fatalf("ORDER BY: err = %v, want ErrMemoryBudget", err)
	}
	_, err = run(t, context.Background(), d, `SELECT DISTINCT ?a ?c { ?a ?b ?c }`, eval.Options{MemoryBudget: 10000})
	if !errors.Is(err, eval.ErrMemoryBudget) {
		t.Fatalf("DISTINCT: err = %v, want ErrMemoryBudget", err)
	}
	_, err = run(t, context.Background(), d, `SELECT ?c (COUNT(*) AS ?n) { ?a ?b ?c } GROUP BY ?c`, eval.Options{MemoryBudget: 10000})
	if !errors.Is(err, eval.ErrMemoryBudget) {
		t.Fatalf("GROUP BY: err = %v, want ErrMemoryBudget", err)
	}
	rows, err := run(t, context.Background(), d, `SELECT * { ?a ?b ?c } ORDER BY ?c LIMIT 3`, eval.Options{MemoryBudget: 10000})
	if err != nil || len(rows) != 3 {
		t.Fatalf("top-N within budget: %d rows, %v", len(rows), err)
	}
}

func TestQuery_TopNMatchesFullSort(t *testing.T) {
	d := chain(500)
	full, err := run(t, context.Background(), d, `SELECT ?s ?v { ?s <http://ex/v> ?v } ORDER BY DESC(?v) ?s`, eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	top, err := run(t, context.Background(), d, `SELECT ?s ?v { ?s <http://ex/v> ?v } ORDER BY DESC(?v) ?s LIMIT 7 OFFSET 5`, eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(top) != 7 {
		t.Fatalf("%d rows", len(top))
	}
	for i := range top {
		if fmt.Sprint(top[i]) != fmt.Sprint(full[i+5]) {
			t.Fatalf("row %d: %v, want %v", i, top[i], full[i+5])
		}
	}
}

func TestQuery_UnionDefaultGraph(t *testing.T) {
	d := memds.New()
	s, p := rdf.IRI("http://ex/s"), rdf.IRI("http://ex/p")
	d.Add(rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewLiteral("a"), Graph: rdf.IRI("http://ex/g1")})
	d.Add(rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewLiteral("a"), Graph: rdf.IRI("http://ex/g2")})
	d.Add(rdf.Quad{Subject: s, Predicate: p, Object: rdf.NewLiteral("b")})
	q := `SELECT ?o { ?s ?p ?o }`
	strict, err := run(t, context.Background(), d, q, eval.Options{})
	if err != nil || len(strict) != 1 {
		t.Fatalf("strict default graph: %v, %v", strict, err)
	}
	union, err := run(t, context.Background(), d, q, eval.Options{UnionDefaultGraph: true})
	if err != nil || len(union) != 2 {
		t.Fatalf("union default graph: %v, %v (a triple in two graphs counts once)", union, err)
	}
	from, err := run(t, context.Background(), d, `SELECT ?o FROM <http://ex/g1> FROM <http://ex/g2> { ?s ?p ?o }`, eval.Options{})
	if err != nil || len(from) != 1 {
		t.Fatalf("FROM two graphs: %v, %v", from, err)
	}
	for i := 0; i < 30; i++ { // enough to leave the small linear duplicate check
		o := rdf.NewLiteral(fmt.Sprint("v", i))
		d.Add(rdf.Quad{Subject: s, Predicate: p, Object: o, Graph: rdf.IRI("http://ex/g1")})
		d.Add(rdf.Quad{Subject: s, Predicate: p, Object: o, Graph: rdf.IRI("http://ex/g2")})
		d.Add(rdf.Quad{Subject: s, Predicate: p, Object: o})
	}
	union, err = run(t, context.Background(), d, q, eval.Options{UnionDefaultGraph: true})
	if err != nil || len(union) != 32 {
		t.Fatalf("union default graph: %d solutions, %v; want 32", len(union), err)
	}
}

func TestProfile_Explain(t *testing.T) {
	d := chain(20)
	prof := &eval.Profile{}
	rows, err := run(t, context.Background(), d, `SELECT ?a ?v { ?a <http://ex/p> ?b . ?b <http://ex/v> ?v FILTER(?v > 5) } ORDER BY ?a LIMIT 3`, eval.Options{Profile: prof})
	if err != nil || len(rows) != 3 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	got := prof.Explain()
	want := `(slice 0 3 rows=3 calls=1
  (project (?a ?v) rows=3 calls=1
    (order 1 keys rows=3 calls=1
      (filter (> ?v 5) rows=8 calls=1 pushed
        (bgp rows=8 calls=1
          (triple ?a <http://ex/p> ?b) est=20
          (triple ?b <http://ex/v> ?v) est=20
`
	if got != want {
		t.Errorf("Explain:\n%s\nwant:\n%s", got, want)
	}
}

func TestQuery_ConstructMemoryBudget(t *testing.T) {
	d := chain(2000)
	pq, err := parser.ParseQuery(`CONSTRUCT { ?s <http://ex/q> ?o } WHERE { ?s ?p ?o }`, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := eval.Query(context.Background(), d, pq, eval.Options{MemoryBudget: 20000})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	n := 0
	for res.Triples.Next() {
		n++
	}
	if !errors.Is(res.Triples.Err(), eval.ErrMemoryBudget) {
		t.Fatalf("after %d triples: err = %v, want ErrMemoryBudget", n, res.Triples.Err())
	}
}

func TestQuery_ServiceWithoutFederation(t *testing.T) {
	d := chain(3)
	_, err := run(t, context.Background(), d, `SELECT * { SERVICE <http://remote/sparql> { ?s ?p ?o } }`, eval.Options{})
	if !errors.Is(err, eval.ErrUnsupported) {
		t.Fatalf("err = %v, want ErrUnsupported", err)
	}
	rows, err := run(t, context.Background(), d, `SELECT * { ?s <http://ex/v> ?v SERVICE SILENT <http://remote/sparql> { ?s ?p ?o } }`, eval.Options{})
	if err != nil || len(rows) != 3 {
		t.Fatalf("SERVICE SILENT: %d rows, %v; want the 3 local solutions", len(rows), err)
	}
	var sent string
	opts := eval.Options{Service: func(_ context.Context, endpoint, query string) ([]string, [][]rdf.Term, error) {
		sent = endpoint + " " + query
		return []string{"o"}, [][]rdf.Term{{rdf.NewLiteral("remote")}}, nil
	}}
	rows, err = run(t, context.Background(), d, `SELECT ?s ?o { ?s <http://ex/v> ?v SERVICE <http://remote/sparql> { ?s2 <http://ex/p> ?o } }`, opts)
	if err != nil || len(rows) != 3 || rows[0][1] != rdf.NewLiteral("remote") {
		t.Fatalf("SERVICE: %v, %v", rows, err)
	}
	if !strings.HasPrefix(sent, "http://remote/sparql SELECT * WHERE {") {
		t.Fatalf("sent %q", sent)
	}
}
