package mapping_test

import (
	"fmt"
	"strings"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/mapping"
)

func ExampleParse() {
	spec := `
prefixes: {ex: "https://data.example.org/id/"}
sources: {zalen: {format: csv}}
mappings:
  zaal:
    source: zalen
    subject: "ex:locatie/{id}"
    types: [dcterms:Location]
    properties:
      - {predicate: locn:locatorName, value: "{naam}", language: nl, required: true}
`
	m, err := mapping.Parse(strings.NewReader(spec), "zalen.yaml")
	if err != nil {
		panic(err)
	}
	r, err := m.NewReader("", strings.NewReader("id,naam\nz1,Grote zaal\nz2,\n"), mapping.Options{File: "zalen.csv"})
	if err != nil {
		panic(err)
	}
	qs, errs, _ := ingest.ReadAll(r, -1)
	for _, q := range qs {
		fmt.Println(q)
	}
	fmt.Println(errs)
	// Output:
	// <https://data.example.org/id/locatie/z1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://purl.org/dc/terms/Location> .
	// <https://data.example.org/id/locatie/z1> <http://www.w3.org/ns/locn#locatorName> "Grote zaal"@nl .
	// zalen.csv:3:2: column "naam": mapping zaal: <http://www.w3.org/ns/locn#locatorName> needs a value for "naam"
}
