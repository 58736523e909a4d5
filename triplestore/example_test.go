package triplestore_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

func Example() {
	dir, _ := os.MkdirTemp("", "uwp-example")
	defer os.RemoveAll(dir)
	s, err := triplestore.Open(filepath.Join(dir, "store.db"), nil)
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	alice := rdf.IRI("http://example.org/alice")
	name := rdf.IRI("http://xmlns.com/foaf/0.1/name")
	err = s.Update(func(tx *triplestore.Tx) error {
		_, err := tx.AddQuads([]rdf.Quad{
			{Subject: alice, Predicate: name, Object: rdf.NewLiteral("Alice")},
			{Subject: alice, Predicate: name, Object: rdf.NewLangLiteral("Alicia", "es"), Graph: rdf.IRI("http://example.org/g")},
		})
		return err
	})
	if err != nil {
		log.Fatal(err)
	}
	err = s.View(func(tx *triplestore.Tx) error {
		it := tx.MatchTerms(alice, name, nil, nil) // nil matches anything
		defer it.Close()
		for it.Next() {
			fmt.Println(it.Quad())
		}
		return it.Err()
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// <http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice" .
	// <http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alicia"@es <http://example.org/g> .
}

func ExampleStore_Load() {
	dir, _ := os.MkdirTemp("", "uwp-example")
	defer os.RemoveAll(dir)
	s, err := triplestore.Open(filepath.Join(dir, "store.db"), nil)
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	doc := "_:a <http://example.org/knows> _:b .\n_:b <http://example.org/knows> _:a .\n"
	src := triplestore.LoadSource{Name: "people.nt", Format: rdf.NTriples,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(doc)), nil }}
	st, err := s.Load(context.Background(), []triplestore.LoadSource{src, src}, triplestore.LoadOptions{})
	if err != nil {
		log.Fatal(err)
	}
	// The two copies of the document have blank nodes of their own: 4 quads, not 2.
	fmt.Println(st.Statements, st.Added)
	// Output: 4 4
}
