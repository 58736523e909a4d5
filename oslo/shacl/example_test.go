package shacl_test

import (
	"fmt"
	"strings"

	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/oslo/shacl"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

func ExampleShapes_Validate() {
	shapesTTL := `@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Activity a sh:NodeShape ; sh:targetClass ex:Activity ;
  sh:property [ sh:path ex:title ; sh:minCount 1 ; sh:message "Een activiteit heeft een titel"@nl ] .`
	dataTTL := `@prefix ex: <http://example.org/> .
ex:a1 a ex:Activity ; ex:title "Concert" .
ex:a2 a ex:Activity .`
	read := func(src string) *graph.Graph {
		g := graph.New()
		if _, err := g.Load(turtle.NewReader(strings.NewReader(src), rdf.ReadOptions{})); err != nil {
			panic(err)
		}
		return g
	}
	shapes, err := shacl.Compile(read(shapesTTL))
	if err != nil {
		panic(err)
	}
	report := shapes.Validate(read(dataTTL), shacl.Options{})
	fmt.Println("conforms:", report.Conforms)
	for _, r := range report.Results {
		fmt.Println(r.Focus, r.Path, r.Message("nl"))
	}
	// Output:
	// conforms: false
	// <http://example.org/a2> <http://example.org/title> Een activiteit heeft een titel
}
