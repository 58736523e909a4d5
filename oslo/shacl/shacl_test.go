package shacl_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/oslo/shacl"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
	"github.com/uitwisselingsplatform/uwp/vocab"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

var update = flag.Bool("update", false, "rewrite the .golden files")

// loadTurtle reads a Turtle file into a new graph.
func loadTurtle(tb testing.TB, path string) *graph.Graph {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	g := graph.New()
	if _, err := g.Load(turtle.NewReader(f, rdf.ReadOptions{File: path, Base: "http://example.org/"})); err != nil {
		tb.Fatal(err)
	}
	return g
}

// short prints terms in the golden files: IRIs of http://example.org/ as ex:x, known
// namespaces compacted, blank nodes as _:b (their labels depend on the reader).
func short(t rdf.Term) string {
	switch t := t.(type) {
	case nil:
		return "-"
	case rdf.IRI:
		if s, ok := strings.CutPrefix(string(t), "http://example.org/"); ok {
			return "ex:" + s
		}
		if c, ok := vocab.Compact(t); ok {
			return c
		}
		return t.String()
	case rdf.BlankNode:
		return "_:b"
	default:
		return t.String()
	}
}

func pathString(p shacl.Path) string {
	if p == nil {
		return "-"
	}
	return strings.ReplaceAll(p.String(), "<http://example.org/", "<ex:")
}

// golden renders a report one result a line: severity focus path value component shape.
func golden(r *shacl.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "conforms %v\n", r.Conforms)
	for _, res := range r.Results {
		comp := strings.TrimSuffix(strings.TrimPrefix(string(res.Component), sh.Namespace), "ConstraintComponent")
		fmt.Fprintf(&b, "%s %s %s %s %s %s", strings.TrimPrefix(string(res.Severity), sh.Namespace),
			short(res.Focus), pathString(res.Path), short(res.Value), comp, short(res.Shape))
		if len(res.Messages) > 0 {
			fmt.Fprintf(&b, " %q", res.Message("nl"))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestGolden validates each testdata/*.ttl (shapes and data in one graph) and compares the
// results with the .golden file beside it. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.ttl")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".ttl")
		t.Run(name, func(t *testing.T) {
			g := loadTurtle(t, file)
			shapes, err := shacl.Compile(g)
			if err != nil {
				t.Fatal(err)
			}
			got := golden(shapes.Validate(g, shacl.Options{}))
			gf := strings.TrimSuffix(file, ".ttl") + ".golden"
			if *update {
				if err := os.WriteFile(gf, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("report differs from %s\n got:\n%s\nwant:\n%s", gf, got, want)
			}
			// Every ex:ok* node conforms, every ex:bad* node is the focus of some result.
			focus := map[string]bool{}
			for _, l := range strings.Split(got, "\n")[1:] {
				if f := strings.Fields(l); len(f) > 1 {
					focus[f[1]] = true
				}
			}
			for f := range focus {
				if strings.HasPrefix(f, "ex:ok") {
					t.Errorf("%s conforms by its name but is the focus of a result", f)
				}
			}
			g.Triples(func(tr graph.Triple) bool {
				if s := short(tr.S); strings.HasPrefix(s, "ex:bad") && !focus[s] && !isShapeNode(s) {
					t.Errorf("%s violates by its name but has no result", s)
				}
				return true
			})
		})
	}
}

// isShapeNode lists nodes named bad* that are values, not focus nodes (checked through a parent).
func isShapeNode(s string) bool {
	switch s {
	case "ex:badOrder": // results of a nested sh:property have the value node as focus
		return true
	}
	return false
}

func TestReport_Quads(t *testing.T) {
	g := loadTurtle(t, "testdata/paths.ttl")
	shapes, err := shacl.Compile(g)
	if err != nil {
		t.Fatal(err)
	}
	rep := shapes.Validate(g, shacl.Options{})
	quads := rep.Quads()
	// Write and read back as Turtle: the report is well-formed RDF.
	var buf bytes.Buffer
	w := turtle.NewWriter(&buf, rdf.WriteOptions{Prefixes: vocab.Namespaces})
	for _, q := range quads {
		if err := w.Write(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	back := graph.New()
	if _, err := back.Load(turtle.NewReader(&buf, rdf.ReadOptions{})); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	reports := back.Subjects(rdf.RDFType, sh.ValidationReport)
	if len(reports) != 1 {
		t.Fatalf("%d reports", len(reports))
	}
	if got := len(back.Objects(reports[0], sh.Result)); got != len(rep.Results) {
		t.Errorf("%d sh:result, want %d", got, len(rep.Results))
	}
	// The report compiles as data: its sh:resultPath of the inverse path is a blank node
	// with sh:inversePath.
	found := false
	back.WithPredicate(sh.InversePath, func(graph.Triple) bool { found = true; return false })
	if !found {
		t.Error("no sh:inversePath in the report")
	}
	if back.Object(reports[0], sh.Conforms) != rdf.NewTypedLiteral("false", rdf.XSDBoolean) {
		t.Error("sh:conforms is not false")
	}
}

func TestCompile_BadShapes(t *testing.T) {
	for name, src := range map[string]string{
		"minCount literal":   `ex:S sh:path ex:p ; sh:minCount "one" .`,
		"negative maxCount":  `ex:S sh:path ex:p ; sh:maxCount -1 .`,
		"bad pattern":        `ex:S sh:path ex:p ; sh:pattern "(" .`,
		"bad flag":           `ex:S sh:path ex:p ; sh:pattern "a" ; sh:flags "z" .`,
		"bad path":           `ex:S sh:path [ ex:foo ex:bar ] .`,
		"short sequence":     `ex:S sh:path ( ex:p ) .`,
		"bad list":           `ex:S sh:targetNode ex:n ; sh:in ex:notAList .`,
		"bad nodeKind":       `ex:S sh:targetNode ex:n ; sh:nodeKind sh:Thing .`,
		"two datatypes":      `ex:S sh:targetNode ex:n ; sh:datatype xsd:string, xsd:integer .`,
		"qualified no count": `ex:S sh:path ex:p ; sh:qualifiedValueShape [ sh:datatype xsd:string ] .`,
	} {
		g := graph.New()
		src = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n" + src
		if _, err := g.Load(turtle.NewReader(strings.NewReader(src), rdf.ReadOptions{})); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		_, err := shacl.Compile(g)
		if !errors.Is(err, shacl.ErrBadShape) {
			t.Errorf("%s: err = %v, want ErrBadShape", name, err)
		} else if !strings.Contains(err.Error(), "http://example.org/S") {
			t.Errorf("%s: error %q does not name the shape", name, err)
		}
	}
}

func TestValidate_MaxResults(t *testing.T) {
	g := loadTurtle(t, "testdata/strings.ttl")
	shapes, err := shacl.Compile(g)
	if err != nil {
		t.Fatal(err)
	}
	rep := shapes.Validate(g, shacl.Options{MaxResults: 2})
	if len(rep.Results) != 2 || !rep.Truncated || rep.Conforms {
		t.Errorf("got %d results, truncated %v", len(rep.Results), rep.Truncated)
	}
}

func TestValidate_ClassesOption(t *testing.T) {
	src := `@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
ex:S sh:targetSubjectsOf ex:by ; sh:property [ sh:path ex:by ; sh:class ex:Agent ] .
ex:T sh:targetClass ex:Agent ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
ex:x ex:by ex:o .
ex:o a ex:Organiser .`
	g := graph.New()
	if _, err := g.Load(turtle.NewReader(strings.NewReader(src), rdf.ReadOptions{})); err != nil {
		t.Fatal(err)
	}
	shapes, err := shacl.Compile(g)
	if err != nil {
		t.Fatal(err)
	}
	if rep := shapes.Validate(g, shacl.Options{}); len(rep.Results) != 1 || rep.Results[0].Component != sh.ClassConstraintComponent {
		t.Errorf("without the ontology ex:o is no ex:Agent: want one sh:class result, got %+v", rep.Results)
	}
	onto := graph.New()
	onto.Add(rdf.IRI("http://example.org/Organiser"), rdf.IRI("http://www.w3.org/2000/01/rdf-schema#subClassOf"), rdf.IRI("http://example.org/Agent"))
	// With it, ex:o passes sh:class, and ex:T still does not target it (no ex:name needed).
	if rep := shapes.Validate(g, shacl.Options{Classes: onto}); !rep.Conforms {
		t.Errorf("with the ontology: %+v", rep.Results)
	}
}
