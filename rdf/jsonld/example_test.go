package jsonld_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/jsonld"
)

func ExampleNewReader() {
	doc := `{
  "@context": {"@vocab": "http://schema.org/", "knows": {"@type": "@id"}},
  "@id": "people/alice",
  "name": "Alice",
  "age": 42,
  "knows": "_:bob"
}`
	r := jsonld.NewReader(strings.NewReader(doc), rdf.ReadOptions{Base: "http://example.org/"})
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(q)
	}
	// Output:
	// <http://example.org/people/alice> <http://schema.org/age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
	// <http://example.org/people/alice> <http://schema.org/knows> _:bbob .
	// <http://example.org/people/alice> <http://schema.org/name> "Alice" .
}

func ExampleNewReader_error() {
	doc := `{
  "@context": {"name": "http://schema.org/name"},
  "@graph": [
    {"@id": "http://example.org/a", "name": "A"},
    {"@id": "http://example.org/b", "name": {"@value": "B", "@language": 5}}
  ]
}`
	_, err := jsonld.NewReader(strings.NewReader(doc), rdf.ReadOptions{File: "people.jsonld"}).Read()
	fmt.Println(err)
	var je *jsonld.Error
	if errors.As(err, &je) {
		fmt.Println(je.Pointer, "|", je.Code, "|", je.Line, je.Col)
	}
	// Output:
	// people.jsonld:5:74: jsonld: at /@graph/1/name/@language: invalid language-tagged string: @language value must be a string
	// /@graph/1/name/@language | invalid language-tagged string | 5 74
}

func ExampleNewReaderWithContexts() {
	// Remote contexts are never fetched: supply the ones your documents use.
	contexts := map[string][]byte{
		"https://example.org/context.jsonld": []byte(`{"@context": {"title": "http://purl.org/dc/terms/title"}}`),
	}
	doc := `{"@context": "https://example.org/context.jsonld", "@id": "https://example.org/book", "title": "Ulysses"}`
	r := jsonld.NewReaderWithContexts(strings.NewReader(doc), rdf.ReadOptions{}, contexts)
	q, err := r.Read()
	fmt.Println(q, err)

	_, err = jsonld.NewReader(strings.NewReader(doc), rdf.ReadOptions{}).Read()
	fmt.Println(errors.Is(err, jsonld.ErrRemoteContext))
	// Output:
	// <https://example.org/book> <http://purl.org/dc/terms/title> "Ulysses" . <nil>
	// true
}

func ExampleNewWriter() {
	w := jsonld.NewWriter(os.Stdout, rdf.WriteOptions{Prefixes: []rdf.Namespace{
		{Prefix: "schema", IRI: "http://schema.org/"},
		{Prefix: "ex", IRI: "http://example.org/"},
	}})
	alice := rdf.IRI("http://example.org/alice")
	w.Write(rdf.Quad{Subject: alice, Predicate: rdf.RDFType, Object: rdf.IRI("http://schema.org/Person")})
	w.Write(rdf.Quad{Subject: alice, Predicate: rdf.IRI("http://schema.org/name"), Object: rdf.NewLangLiteral("Alice", "en")})
	w.Write(rdf.Quad{Subject: alice, Predicate: rdf.IRI("http://schema.org/knows"), Object: rdf.IRI("http://example.org/bob"),
		Graph: rdf.IRI("http://example.org/social")})
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "@context": {
	//     "ex": "http://example.org/",
	//     "schema": "http://schema.org/"
	//   },
	//   "@graph": [
	//     {
	//       "@id": "ex:alice",
	//       "@type": "schema:Person",
	//       "schema:name": {
	//         "@language": "en",
	//         "@value": "Alice"
	//       }
	//     },
	//     {
	//       "@graph": [
	//         {
	//           "@id": "ex:alice",
	//           "schema:knows": {
	//             "@id": "ex:bob"
	//           }
	//         }
	//       ],
	//       "@id": "ex:social"
	//     }
	//   ]
	// }
}

func ExampleNewWriter_context() {
	ctx := []byte(`{"@context": {"@vocab": "http://schema.org/", "knows": {"@type": "@id"}}}`)
	w := jsonld.NewWriter(os.Stdout, rdf.WriteOptions{Context: ctx})
	w.Write(rdf.Quad{Subject: rdf.IRI("http://example.org/alice"), Predicate: rdf.IRI("http://schema.org/knows"), Object: rdf.IRI("http://example.org/bob")})
	w.Write(rdf.Quad{Subject: rdf.IRI("http://example.org/alice"), Predicate: rdf.IRI("http://schema.org/age"), Object: rdf.NewTypedLiteral("42", rdf.XSDInteger)})
	w.Close()
	// Output:
	// {
	//   "@context": {
	//     "@vocab": "http://schema.org/",
	//     "knows": {
	//       "@type": "@id"
	//     }
	//   },
	//   "@id": "http://example.org/alice",
	//   "age": {
	//     "@type": "http://www.w3.org/2001/XMLSchema#integer",
	//     "@value": "42"
	//   },
	//   "knows": "http://example.org/bob"
	// }
}
