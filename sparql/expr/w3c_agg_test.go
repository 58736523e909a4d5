package expr

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/results"
)

// aggCase describes a W3C aggregate test of the shape
//
//	SELECT [?s] (AGG(...) AS ?out) ... WHERE { ?s <pred> ?o } [GROUP BY ?s]
//
// Each output is a Go function of the group's solutions, written by reading the .rq file
// and built from NewAggregator and the other functions of this package.
type aggCase struct {
	pred    string // predicate local name; "" for ?p (any)
	groupBy bool   // GROUP BY ?s
	outs    map[string]func(group []rdf.Quad) (rdf.Term, error)
}

// agg folds ?o over the group with a set function.
func agg(f AggFunc, distinct bool) func([]rdf.Quad) (rdf.Term, error) {
	return aggOf(f, distinct, func(q rdf.Quad) (rdf.Term, error) { return q.Object, nil })
}

// aggOf folds an expression of each solution over the group.
func aggOf(f AggFunc, distinct bool, e func(rdf.Quad) (rdf.Term, error)) func([]rdf.Quad) (rdf.Term, error) {
	return func(group []rdf.Quad) (rdf.Term, error) {
		a := NewAggregator(f, distinct, " ")
		for _, q := range group {
			a.Add(e(q))
		}
		return a.Result()
	}
}

func out1(name string, f func([]rdf.Quad) (rdf.Term, error)) map[string]func([]rdf.Quad) (rdf.Term, error) {
	return map[string]func([]rdf.Quad) (rdf.Term, error){name: f}
}

var aggCases = map[string]aggCase{
	"agg-avg-01.srx":         {"dec", false, out1("avg", agg(AggAvg, false))},
	"agg-avg-distinct.srx":   {"", true, out1("avg", agg(AggAvg, true))},
	"agg-count-distinct.srx": {"", true, out1("count", agg(AggCount, true))},
	// COUNT(DISTINCT *): a term standing for the whole solution (?s ?p ?o).
	"agg-count-rows-distinct.srx": {"", true, out1("count", aggOf(AggCount, true, func(q rdf.Quad) (rdf.Term, error) {
		return rdf.NewLiteral(q.Subject.String() + " " + q.Predicate.String() + " " + q.Object.String()), nil
	}))},
	"agg-max-01.srx":              {"", false, out1("max", agg(AggMax, false))},
	"agg-max-02.srx":              {"", true, out1("max", agg(AggMax, false))},
	"agg-max-distinct.srx":        {"", true, out1("max", agg(AggMax, true))},
	"agg-min-01.srx":              {"dec", false, out1("min", agg(AggMin, false))},
	"agg-min-02.srx":              {"", true, out1("min", agg(AggMin, false))},
	"agg-min-distinct.srx":        {"", true, out1("min", agg(AggMin, true))},
	"agg-sum-01.srx":              {"dec", false, out1("sum", agg(AggSum, false))},
	"agg-sum-02.srx":              {"", true, out1("sum", agg(AggSum, false))},
	"agg-sum-distinct.srx":        {"", true, out1("sum", agg(AggSum, true))},
	"agg-empty-group-max-1.srx":   {"p", true, out1("max", agg(AggMax, false))},
	"agg-empty-group-max-2.srx":   {"p", false, out1("max", agg(AggMax, false))},
	"agg-empty-group-count-1.srj": {"p", true, out1("C", aggOf(AggCount, false, func(rdf.Quad) (rdf.Term, error) { return True, nil }))},
	"agg-empty-group-count-2.srj": {"p", false, out1("C", aggOf(AggCount, false, func(rdf.Quad) (rdf.Term, error) { return True, nil }))},
	// (AVG(?p) AS ?avg) ((MIN(?p) + MAX(?p)) / 2 AS ?c)
	"agg-err-01.srx": {"p", true, map[string]func([]rdf.Quad) (rdf.Term, error){
		"avg": agg(AggAvg, false),
		"c": func(g []rdf.Quad) (rdf.Term, error) {
			lo, err1 := agg(AggMin, false)(g)
			hi, err2 := agg(AggMax, false)(g)
			if err := errors.Join(err1, err2); err != nil {
				return nil, err
			}
			s, err := Add(lo, hi)
			return then(s, err, func(s rdf.Term) (rdf.Term, error) { return Divide(s, Int(2).Literal()) })
		},
	}},
	// AVG(IF(isNumeric(?p), ?p, COALESCE(xsd:double(?p), 0)))
	"agg-err-02.srx": {"p", true, out1("avg", aggOf(AggAvg, false, func(q rdf.Quad) (rdf.Term, error) {
		v := func() (rdf.Term, error) { return q.Object, nil }
		return If(func() (rdf.Term, error) { return IsNumeric(q.Object) }, v, func() (rdf.Term, error) {
			return Coalesce(func() (rdf.Term, error) { return Cast(q.Object, rdf.XSDDouble) },
				func() (rdf.Term, error) { return Int(0).Literal(), nil })
		})
	}))},
}

func TestW3C_Aggregates(t *testing.T) {
	runCases(t, "W3C sparql11 aggregates (one pattern, optional GROUP BY ?s)", aggCases,
		func(tc w3c.Test) string { return filepath.Base(tc.Result) },
		[]string{"sparql/sparql11/aggregates/manifest.ttl"},
		func(_ *testing.T, tc w3c.Test, c aggCase) error { return runAggCase(tc, c) })
}

func runAggCase(tc w3c.Test, c aggCase) error {
	if len(tc.Data) != 1 {
		return fmt.Errorf("want one data file")
	}
	quads, err := readTurtle(tc.Data[0])
	if err != nil {
		return err
	}
	groups := map[rdf.Term][]rdf.Quad{}
	var order []rdf.Term
	for _, q := range quads {
		p := string(q.Predicate.(rdf.IRI))
		if c.pred != "" && !strings.HasSuffix(p, "/"+c.pred) && !strings.HasSuffix(p, "#"+c.pred) {
			continue
		}
		var key rdf.Term = rdf.IRI("")
		if c.groupBy {
			key = q.Subject
		}
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], q)
	}
	if !c.groupBy && len(groups) == 0 {
		// Without GROUP BY there is one group, even when it is empty.
		groups[rdf.IRI("")] = nil
		order = append(order, rdf.IRI(""))
	}
	f, err := results.ParseFormat(filepath.Ext(tc.Result))
	if err != nil {
		return err
	}
	fh, err := os.Open(tc.Result)
	if err != nil {
		return err
	}
	defer fh.Close()
	res, err := results.Read(f, fh)
	if err != nil {
		return err
	}
	if len(res.Rows) != len(groups) {
		return fmt.Errorf("%d groups, %d expected rows", len(groups), len(res.Rows))
	}
	col := map[string]int{}
	for i, v := range res.Vars {
		col[v] = i
	}
	var failures []string
	for _, row := range res.Rows {
		var key rdf.Term = rdf.IRI("")
		if c.groupBy {
			key = row[col["s"]]
			if i, ok := col["g"]; ok {
				key = row[i]
			}
		}
		g, ok := groups[key]
		if !ok {
			return fmt.Errorf("expected row for group %v, which the data does not have", key)
		}
		names := make([]string, 0, len(c.outs))
		for n := range c.outs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			got, err := c.outs[name](g)
			i, ok := col[name]
			if !ok {
				return fmt.Errorf("no ?%s in the expected result", name)
			}
			want := row[i]
			switch {
			case want == nil && err == nil:
				failures = append(failures, fmt.Sprintf("group %v: ?%s = %s, want unbound", key, name, got))
			case want != nil && err != nil:
				failures = append(failures, fmt.Sprintf("group %v: ?%s: %v, want %s", key, name, err, want))
			case want != nil && !sameValue(got, want):
				failures = append(failures, fmt.Sprintf("group %v: ?%s = %s, want %s", key, name, got, want))
			}
		}
	}
	if failures != nil {
		return errors.New(strings.Join(failures, "\n"))
	}
	return nil
}
