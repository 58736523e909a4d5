package opt_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/opt"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
)

var update = flag.Bool("update", false, "rewrite the golden .sse files under testdata/passes")

const goldenHeader = `# Optimiser golden file for the .rq file of the same name: "passes:" lists the passes that
# fired (in order; "(none)"), then the translated algebra and the optimised algebra as SSE.
# Estimates come from fakeEstimator (the number ending a predicate IRI). Regenerate with
# go test ./sparql/opt -update
`

// fakeEstimator estimates a triple pattern by the number that ends its predicate IRI
// (<http://ex/p500>: 500), 1e6 without one; a constant subject or object divides by 100.
type fakeEstimator struct{}

var trailing = regexp.MustCompile(`[0-9]+$`)

func (fakeEstimator) EstimateTriple(t algebra.Triple) (uint64, bool) {
	n := uint64(1e6)
	if iri, ok := t.P.Term.(rdf.IRI); ok {
		if m := trailing.FindString(string(iri)); m != "" {
			n, _ = strconv.ParseUint(m, 10, 64)
		}
	}
	if !t.S.IsVar() || !t.O.IsVar() {
		n /= 100
	}
	return n, true
}

var expectLine = regexp.MustCompile(`(?m)^# expect: (.*)$`)

// TestOptimize_Golden optimises every testdata/passes/*.rq, checks that the passes its
// "# expect:" line names fired (and, for "(none)", that none did), and compares the passes
// and the SSE before and after with the .sse file beside it.
func TestOptimize_Golden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "passes", "*.rq"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden queries: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".rq")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m := expectLine.FindSubmatch(src)
			if m == nil {
				t.Fatalf("%s has no '# expect:' line", f)
			}
			q, err := parser.ParseQuery(string(src), parser.Options{})
			if err != nil {
				t.Fatal(err)
			}
			op, err := algebra.Translate(q)
			if err != nil {
				t.Fatal(err)
			}
			before := op.String()
			out, trace := opt.Optimize(op, &opt.Context{Estimator: fakeEstimator{}})
			if op.String() != before {
				t.Fatalf("Optimize changed its input in place")
			}
			expect := strings.Fields(string(m[1]))
			if len(expect) == 1 && expect[0] == "(none)" {
				if len(trace) > 0 {
					t.Errorf("passes fired: %v, want none", trace)
				}
			} else {
				for _, p := range expect {
					if !trace.Fired(p) {
						t.Errorf("pass %s did not fire (fired: %v)", p, trace)
					}
				}
			}
			passes := "(none)"
			if len(trace) > 0 {
				passes = strings.Join(trace, " ")
			}
			got := goldenHeader + "passes: " + passes + "\n# translated\n" + before + "\n# optimised\n" + out.String() + "\n"
			golden := strings.TrimSuffix(f, ".rq") + ".sse"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("differs from %s\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}
