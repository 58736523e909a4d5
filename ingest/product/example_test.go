package product_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/uitwisselingsplatform/uwp/ingest/product"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

func ExampleReplace() {
	dir, _ := os.MkdirTemp("", "product-example")
	defer os.RemoveAll(dir)
	st, err := triplestore.Open(filepath.Join(dir, "uwp.db"), &triplestore.Options{NoSync: true})
	if err != nil {
		panic(err)
	}
	defer st.Close()

	p, _ := product.New("https://data.example.org/", "testdorp", "zalen")
	p.Adapter = "example"
	data := []rdf.Quad{{Subject: rdf.IRI("https://data.example.org/id/z1"), Predicate: rdf.RDFType, Object: rdf.IRI("http://purl.org/dc/terms/Location")}}
	if _, err := product.ReplaceQuads(context.Background(), st, p, data); err != nil {
		panic(err)
	}
	list, _ := product.List(st, p.Catalog)
	for _, l := range list {
		fmt.Println(string(l.IRI), string(l.Graph), l.Adapter, l.Quads)
	}
	// Output:
	// https://data.example.org/product/testdorp/zalen https://data.example.org/graph/testdorp/zalen example 1
}
