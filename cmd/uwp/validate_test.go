package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/oslo"
	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

const validateShapes = `@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://ex.org/> .
ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
  sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:datatype xsd:string ; sh:name "name" ] ;
  sh:property [ sh:path ex:age ; sh:maxCount 1 ; sh:datatype xsd:integer ;
                sh:severity sh:Warning ; sh:message "Leeftijd is geen geheel getal"@nl ] .
`

const validateGood = `<http://ex.org/ann> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/Person> .
<http://ex.org/ann> <http://ex.org/name> "Ann" .
`

const validateBad = `<http://ex.org/bob> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/Person> .
<http://ex.org/bob> <http://ex.org/age> "old" .
`

func TestValidate_Files(t *testing.T) {
	dir := t.TempDir()
	shapes := write(t, filepath.Join(dir, "shapes.ttl"), validateShapes)
	good := write(t, filepath.Join(dir, "good.nt"), validateGood)
	bad := write(t, filepath.Join(dir, "bad.nt"), validateBad)

	out := mustUWP(t, "", "validate", "--shapes", shapes, good)
	if !strings.HasPrefix(out, "conforms: 2 triples") {
		t.Errorf("good data: %q", out)
	}

	code, out, errs := uwp(t, "", "validate", "--shapes", shapes, good, bad)
	if code != 1 {
		t.Fatalf("bad data: exit %d, want 1\n%s%s", code, out, errs)
	}
	for _, want := range []string{
		"<http://ex.org/bob>\n",
		"Violation <http://ex.org/name>: Less than 1 values (found 0)  [name, MinCount]",
		"Warning   <http://ex.org/age>: Leeftijd is geen geheel getal (value \"old\")",
		"1 violation(s), 1 warning(s), 0 info(s) on 1 focus node(s); 4 triples, 3 shapes",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "ann") {
		t.Errorf("a conforming node is in the report:\n%s", out)
	}
}

func TestValidate_WarningsDoNotFail(t *testing.T) {
	dir := t.TempDir()
	shapes := write(t, filepath.Join(dir, "shapes.ttl"), validateShapes)
	data := write(t, filepath.Join(dir, "warn.nt"), validateGood+`<http://ex.org/ann> <http://ex.org/age> "x" .`+"\n")
	code, out, _ := uwp(t, "", "validate", "--shapes", shapes, data)
	if code != 0 || !strings.Contains(out, "0 violation(s), 1 warning(s)") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestValidate_TurtleReport(t *testing.T) {
	dir := t.TempDir()
	shapes := write(t, filepath.Join(dir, "shapes.ttl"), validateShapes)
	bad := write(t, filepath.Join(dir, "bad.nt"), validateBad)
	code, out, errs := uwp(t, "", "validate", "--shapes", shapes, "--format", "turtle", bad)
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	g := graph.New()
	if _, err := g.Load(turtle.NewReader(strings.NewReader(out), rdf.ReadOptions{})); err != nil {
		t.Fatalf("report is not Turtle: %v\n%s", err, out)
	}
	reports := g.Subjects(rdf.RDFType, sh.ValidationReport)
	if len(reports) != 1 || len(g.Objects(reports[0], sh.Result)) != 2 {
		t.Fatalf("want one report with two results:\n%s", out)
	}
	if g.Object(reports[0], sh.Conforms) != rdf.NewTypedLiteral("false", rdf.XSDBoolean) {
		t.Errorf("sh:conforms is not false:\n%s", out)
	}
}

func TestValidate_StoreGraph(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	shapes := write(t, filepath.Join(dir, "shapes.ttl"), validateShapes)
	mustUWP(t, "", "load", "--quiet", "--data", data, "--graph", "http://ex.org/good", write(t, filepath.Join(dir, "good.nt"), validateGood))
	mustUWP(t, "", "load", "--quiet", "--data", data, "--graph", "http://ex.org/bad", write(t, filepath.Join(dir, "bad.nt"), validateBad))
	if out := mustUWP(t, "", "validate", "--data", data, "--shapes", shapes, "--graph", "http://ex.org/good"); !strings.HasPrefix(out, "conforms") {
		t.Errorf("good graph: %q", out)
	}
	code, out, _ := uwp(t, "", "validate", "--data", data, "--shapes", shapes, "--graph", "http://ex.org/bad")
	if code != 1 || !strings.Contains(out, "<http://ex.org/bob>") {
		t.Errorf("bad graph: exit %d\n%s", code, out)
	}
	// The default graph is empty: nothing to violate.
	if out := mustUWP(t, "", "validate", "--data", data, "--shapes", shapes, "--graph", "default"); !strings.HasPrefix(out, "conforms: 0 triples") {
		t.Errorf("default graph: %q", out)
	}
}

func TestValidate_Usage(t *testing.T) {
	dir := t.TempDir()
	shapes := write(t, filepath.Join(dir, "shapes.ttl"), validateShapes)
	good := write(t, filepath.Join(dir, "good.nt"), validateGood)
	badShapes := write(t, filepath.Join(dir, "bad-shapes.ttl"), `@prefix sh: <http://www.w3.org/ns/shacl#> . <http://ex.org/S> sh:path <http://ex.org/p> ; sh:minCount "x" .`)
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"validate", good}, 2, "--shapes is required"},
		{[]string{"validate", "--shapes", shapes}, 2, "either --graph or FILEs"},
		{[]string{"validate", "--shapes", shapes, "--graph", "default", good}, 2, "either --graph or FILEs"},
		{[]string{"validate", "--shapes", shapes, "--format", "pdf", good}, 2, "unknown --format"},
		{[]string{"validate", "--shapes", shapes, "--graph", "rel", "--data", dir}, 2, "absolute IRI"},
		{[]string{"validate", "--shapes", badShapes, good}, 1, "ill-formed shape"},
		{[]string{"validate", "--shapes", shapes, filepath.Join(dir, "missing.nt")}, 1, "no such file"},
	} {
		code, _, errs := uwp(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.err)
		}
	}
}

// TestValidate_OSLOProfile validates the hand-written OSLO samples of package oslo with the
// UWP profile directory as --shapes.
func TestValidate_OSLOProfile(t *testing.T) {
	dir, err := oslo.FindDir()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	samples := filepath.Join("..", "..", "oslo", "testdata", "samples")
	mustUWP(t, "", "validate", "--shapes", dir, filepath.Join(samples, "activiteit.ttl"), filepath.Join(samples, "deelname.ttl"))
	code, out, _ := uwp(t, "", "validate", "--shapes", dir, filepath.Join(samples, "activiteit-bad.ttl"))
	if code != 1 || !strings.Contains(out, "verwerkt op tijdstip") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestValidate_Summary(t *testing.T) {
	dir := t.TempDir()
	shapes := write(t, filepath.Join(dir, "shapes.ttl"), validateShapes)
	bad := write(t, filepath.Join(dir, "bad.nt"), validateBad+
		"<http://ex.org/cy> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/Person> .\n")
	code, out, _ := uwp(t, "", "validate", "--summary", "--shapes", shapes, bad)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	want := "       2  Violation <http://ex.org/name>  [name, MinCount]\n" +
		"       1  Warning   <http://ex.org/age>  [_:"
	if !strings.HasPrefix(out, want) || strings.Contains(out, "<http://ex.org/bob>\n") ||
		!strings.Contains(out, "2 violation(s), 1 warning(s), 0 info(s) on 2 focus node(s)") {
		t.Errorf("summary:\n%s", out)
	}
}
