package engine

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/results"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// TestHTTPService_JoinsRemoteSolutions runs a query whose SERVICE part is answered by a real
// HTTP server on loopback speaking the SPARQL protocol (POST application/sparql-query, JSON).
func TestHTTPService_JoinsRemoteSolutions(t *testing.T) {
	var got string
	remote := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = string(b)
		if r.Header.Get("Content-Type") != "application/sparql-query" {
			http.Error(w, "want a query body", http.StatusUnsupportedMediaType)
			return
		}
		w.Header().Set("Content-Type", "application/sparql-results+json")
		results.WriteResult(results.JSON, w, &results.Result{Vars: []string{"s", "name"}, Rows: [][]rdf.Term{
			{rdf.IRI("http://ex.org/a"), rdf.NewLiteral("Anna")},
			{rdf.IRI("http://ex.org/z"), rdf.NewLiteral("Zeno")},
		}})
	}))
	defer remote.Close()

	s := openStore(t)
	fill(t, s, 1, "p")
	if err := s.Update(func(tx *triplestore.Tx) error {
		_, err := tx.Add(rdf.Quad{Subject: rdf.IRI("http://ex.org/a"), Predicate: rdf.IRI("http://ex.org/age"), Object: rdf.NewTypedLiteral("40", rdf.XSDInteger)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	q := `SELECT ?name ?age WHERE { ?s <http://ex.org/age> ?age SERVICE <` + remote.URL + `> { ?s <http://ex.org/name> ?name } }`
	run := func(opts sparql.Options) ([][]rdf.Term, error) {
		var rows [][]rdf.Term
		err := s.View(func(tx *triplestore.Tx) error {
			res, err := sparql.Query(context.Background(), New(tx), q, opts)
			if err != nil {
				return err
			}
			defer res.Close()
			for res.Solutions.Next() {
				rows = append(rows, append([]rdf.Term(nil), res.Solutions.Row()...))
			}
			return res.Solutions.Err()
		})
		return rows, err
	}
	rows, err := run(sparql.Options{Eval: eval.Options{Service: HTTPService(remote.Client())}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0][0] != rdf.NewLiteral("Anna") || rows[0][1] != rdf.NewTypedLiteral("40", rdf.XSDInteger) {
		t.Fatalf("got %v", rows)
	}
	if !strings.Contains(got, "<http://ex.org/name>") {
		t.Fatalf("the endpoint got %q", got)
	}
	// Without federation configured, SERVICE is a clear error.
	if _, err := run(sparql.Options{}); !errors.Is(err, eval.ErrUnsupported) || !strings.Contains(err.Error(), "no federation configured") {
		t.Fatalf("want a clear error without a Service function, got %v", err)
	}
}
