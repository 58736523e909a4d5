package eval_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/nt"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// TestBenchQueries answers the queries of ../shared/bench over its generated datasets (1M
// triples each, loaded into memds) and checks the result counts the peers agree on. It is
// opt-in, as loading takes seconds: set UWP_BENCH_DATA to the directory holding
// bsbm-2785.nt / events-12000.nt (bench-gen writes them to /tmp/bench-data).
func TestBenchQueries(t *testing.T) {
	dataDir := os.Getenv("UWP_BENCH_DATA")
	if dataDir == "" {
		t.Skip("set UWP_BENCH_DATA to run the bench queries")
	}
	queryDir := os.Getenv("UWP_BENCH_QUERIES")
	if queryDir == "" {
		queryDir = filepath.Join("..", "..", "..", "shared", "bench", "queries")
	}
	f, err := os.Open("testdata/bench-counts.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Fields(line)
		n, _ := strconv.Atoi(fs[2])
		if want[fs[0]] == nil {
			want[fs[0]] = map[string]int{}
		}
		want[fs[0]][fs[1]] = n
	}
	for dataset, counts := range want {
		t.Run(dataset, func(t *testing.T) {
			path := filepath.Join(dataDir, dataset+".nt")
			fh, err := os.Open(path)
			if err != nil {
				t.Skipf("%s: %v", path, err)
			}
			defer fh.Close()
			d := memds.New()
			if err := d.Load(nt.NewReader(fh, rdf.ReadOptions{}), nil); err != nil {
				t.Fatal(err)
			}
			set := strings.SplitN(dataset, "-", 2)[0]
			for name, n := range counts {
				src, err := os.ReadFile(filepath.Join(queryDir, set, name+".rq"))
				if err != nil {
					t.Fatal(err)
				}
				pq, err := parser.ParseQuery(string(src), parser.Options{})
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				start := time.Now()
				res, err := eval.Query(ctx, d, pq, eval.Options{})
				if err != nil {
					cancel()
					t.Fatalf("%s: %v", name, err)
				}
				got := 0
				switch pq.Form {
				case syntax.Ask:
					got = 1
				case syntax.Select:
					for res.Solutions.Next() {
						got++
					}
					err = res.Solutions.Err()
				default:
					for res.Triples.Next() {
						got++
					}
					err = res.Triples.Err()
				}
				cancel()
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				t.Logf("%-28s %8.2f ms  n=%d", name, float64(time.Since(start).Microseconds())/1000, got)
				if got != n {
					t.Errorf("%s: %d results, the peers agree on %d", name, got, n)
				}
			}
		})
	}
}
