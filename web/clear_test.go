package web

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/engine"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// TestSPARQL_ClearAndDropThroughTheLoader sends requests made only of CLEAR and DROP to a
// server whose writes go through a copy of the store past 5 quads, and runs the same
// requests through sparql/eval on a twin store in one transaction: the two stores must end
// equal, and the requests must fail (changing nothing) in the same cases.
func TestSPARQL_ClearAndDropThroughTheLoader(t *testing.T) {
	var data strings.Builder
	data.WriteString("INSERT DATA { ")
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&data, "<http://s%d> <http://p> %d . GRAPH <http://g1> { <http://s%d> <http://p> %d } GRAPH <http://g2> { <http://s%d> <http://q> %d } ", i, i, i, i, i, i)
	}
	data.WriteString("GRAPH <http://g3> { <http://a> <http://p> <http://b> } }")
	for _, req := range []string{
		"DROP GRAPH <http://g1>",
		"CLEAR GRAPH <http://g2>",
		"CLEAR DEFAULT",
		"DROP DEFAULT ; DROP GRAPH <http://g3>",
		"CLEAR NAMED",
		"DROP ALL",
		"DROP GRAPH <http://missing>",
		"DROP SILENT GRAPH <http://missing> ; CLEAR GRAPH <http://g1>",
		"DROP GRAPH <http://g1> ; DROP GRAPH <http://g1>",
		"DROP GRAPH <http://g1> ; DROP SILENT GRAPH <http://g1>",
		"CLEAR NAMED ; DROP GRAPH <http://g2>",
		"CLEAR NAMED ; CLEAR DEFAULT ; DROP SILENT GRAPH <http://g2>",
	} {
		t.Run(req, func(t *testing.T) {
			ts := newTestServer(t, Config{UploadTxQuads: 5}, "")
			twin, err := triplestore.Open(filepath.Join(t.TempDir(), "twin.db"), &triplestore.Options{NoSync: true})
			if err != nil {
				t.Fatal(err)
			}
			defer twin.Close()
			h := append(auth(), "Content-Type", "application/sparql-update")
			code, msg, _ := ts.get(t, "POST", "/sparql", data.String(), h...)
			wantStatus(t, "INSERT DATA", code, 204, msg)
			if err := evalUpdate(twin, data.String()); err != nil {
				t.Fatal(err)
			}
			v := ts.store.DataVersion()
			code, msg, _ = ts.get(t, "POST", "/sparql", req, h...)
			twinErr := evalUpdate(twin, req)
			if (code == http.StatusNoContent) != (twinErr == nil) {
				t.Fatalf("server answered %d (%s), eval says %v", code, msg, twinErr)
			}
			if code != http.StatusNoContent {
				wantStatus(t, req, code, 400, msg)
				if ts.store.DataVersion() != v {
					t.Fatal("a failed request changed the store")
				}
			}
			if got, want := storeLines(t, ts.store), storeLines(t, twin); !slices.Equal(got, want) {
				t.Fatalf("the server's store holds %d quads, eval's %d:\n%q\n%q", len(got), len(want), got, want)
			}
		})
	}
}

func evalUpdate(st *triplestore.Store, req string) error {
	u, err := parser.ParseUpdate(req, parser.Options{})
	if err != nil {
		return err
	}
	return st.Update(func(tx *triplestore.Tx) error {
		return eval.Update(context.Background(), engine.New(tx), u, eval.Options{})
	})
}

func storeLines(t *testing.T, st *triplestore.Store) []string {
	t.Helper()
	var out []string
	if err := st.View(func(tx *triplestore.Tx) error {
		it := tx.MatchTerms(nil, nil, nil, nil)
		defer it.Close()
		for it.Next() {
			out = append(out, it.Quad().String())
		}
		return it.Err()
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
