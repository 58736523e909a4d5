package oslo_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/uitwisselingsplatform/uwp/oslo"
	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/oslo/shacl"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/trig"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
	"github.com/uitwisselingsplatform/uwp/vocab"
	"github.com/uitwisselingsplatform/uwp/vocab/cidoc"
	"github.com/uitwisselingsplatform/uwp/vocab/cp"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

var update = flag.Bool("update", false, "rewrite the .golden files")

var (
	profileOnce sync.Once
	profileVal  *oslo.Profile
	profileErr  error
)

// profile loads the UWP profile once per test binary. Without the shared OSLO directory the
// test is skipped, except under CI=true where it fails.
func profile(tb testing.TB) *oslo.Profile {
	tb.Helper()
	profileOnce.Do(func() {
		dir, err := oslo.FindDir()
		if err != nil {
			profileErr = err
			return
		}
		profileVal, profileErr = oslo.LoadProfile(dir)
	})
	if errors.Is(profileErr, oslo.ErrNoOSLODir) {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("OSLO reference data missing under CI: %v", profileErr)
		}
		tb.Skip(profileErr)
	}
	if profileErr != nil {
		tb.Fatal(profileErr)
	}
	return profileVal
}

func readGraph(tb testing.TB, path string) *graph.Graph {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var r rdf.Reader
	if strings.HasSuffix(path, ".trig") {
		r = trig.NewReader(f, rdf.ReadOptions{File: path})
	} else {
		r = turtle.NewReader(f, rdf.ReadOptions{File: path})
	}
	g := graph.New()
	if _, err := g.Load(r); err != nil {
		tb.Fatal(err)
	}
	return g
}

func short(t rdf.Term) string {
	switch t := t.(type) {
	case nil:
		return "-"
	case rdf.IRI:
		if s, ok := strings.CutPrefix(string(t), "https://data.example.org/"); ok {
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

// golden renders a report one result a line: severity focus path value component shape-name.
func golden(r *shacl.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "conforms %v\n", r.Conforms)
	for _, res := range r.Results {
		path := "-"
		if res.Path != nil {
			path = res.Path.String()
			if pp, ok := res.Path.(shacl.PredicatePath); ok {
				path = short(pp.IRI)
			}
		}
		comp := strings.TrimSuffix(strings.TrimPrefix(string(res.Component), sh.Namespace), "ConstraintComponent")
		name := res.ShapeName
		if name == "" {
			name = short(res.Shape)
		}
		fmt.Fprintf(&b, "%s %s %s %s %s %q\n", strings.TrimPrefix(string(res.Severity), sh.Namespace),
			short(res.Focus), path, short(res.Value), comp, name)
	}
	return b.String()
}

func checkGolden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("report differs from %s\n got:\n%s\nwant:\n%s", file, got, want)
	}
}

func TestLoadProfile(t *testing.T) {
	p := profile(t)
	if n := len(p.Shapes.All); n < 300 {
		t.Errorf("%d shapes, expected the UWP profile's ~400", n)
	}
	if p.Shapes.Shape(rdf.IRI("https://data.vlaanderen.be/doc/applicatieprofiel/cultuurparticipatie/erkendestandaard/2024-09-11#ActiviteitShape")) == nil {
		t.Error("no ActiviteitShape")
	}
	if len(p.CodeLists) != 9 {
		t.Errorf("%d code lists, want 9", len(p.CodeLists))
	}
	if p.Classes == nil || !p.Classes.Has(cp.Participant, rdf.IRI("http://www.w3.org/2000/01/rdf-schema#subClassOf"), rdf.IRI("http://purl.org/dc/terms/Agent")) {
		t.Error("the vocabulary's class hierarchy is missing")
	}
}

func TestCodeLists(t *testing.T) {
	p := profile(t)
	thema := p.CodeList("ThemaType")
	if thema == nil {
		t.Fatal("no ThemaType code list")
	}
	c := p.EquivalentIn("ThemaType", "https://taxonomy.uitdatabank.be/terms/0.52.0.0.0")
	if c == nil || c.IRI != "https://data.cultuurparticipatie.be/id/concept/ThemaType/circus" {
		t.Fatalf("taxonomy term 0.52.0.0.0 -> %v, want ThemaType/circus", c)
	}
	if c.Label("fr") != "Cirque" || c.Label("xx") != "Circus" {
		t.Errorf("labels: fr %q, fallback %q", c.Label("fr"), c.Label("xx"))
	}
	if got := thema.ByLabel("CIRCUS"); got != c {
		t.Errorf("ByLabel(CIRCUS) = %v", got)
	}
	if p.Concept(c.IRI) != c || c.Scheme != thema {
		t.Error("Concept lookup or scheme link broken")
	}
	if m := p.CodeList("Aanwezigheidsmodus"); m == nil || len(m.Concepts) < 3 {
		t.Errorf("Aanwezigheidsmodus: %v", m)
	}
}

// TestCodeLists_Conform validates the code lists against their own shapes.
func TestCodeLists_Conform(t *testing.T) {
	p := profile(t)
	if p.CodeListShapes == nil {
		t.Fatal("no code list shapes")
	}
	rep := p.CodeListShapes.Validate(p.CodeListGraph, shacl.Options{})
	if !rep.Conforms {
		t.Errorf("code lists do not conform:\n%s", golden(rep))
	}
}

// TestSamples validates the hand-written samples: *-bad.ttl against their .golden file,
// the others must conform.
func TestSamples(t *testing.T) {
	p := profile(t)
	files, _ := filepath.Glob("testdata/samples/*.ttl")
	if len(files) < 3 {
		t.Fatalf("%d samples", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			rep := p.Validate(readGraph(t, f))
			if strings.HasSuffix(f, "-bad.ttl") {
				if rep.Conforms {
					t.Fatal("a bad sample conforms")
				}
				checkGolden(t, strings.TrimSuffix(f, ".ttl")+".golden", golden(rep))
				return
			}
			if !rep.Conforms {
				t.Errorf("sample does not conform:\n%s", golden(rep))
			}
		})
	}
}

func TestValidateQuads(t *testing.T) {
	p := profile(t)
	var qs []rdf.Quad
	readGraph(t, "testdata/samples/activiteit-bad.ttl").Triples(func(tr graph.Triple) bool {
		qs = append(qs, rdf.Quad{Subject: tr.S, Predicate: tr.P, Object: tr.O, Graph: rdf.IRI("https://data.example.org/graph/x")})
		return true
	})
	want := p.Validate(readGraph(t, "testdata/samples/activiteit-bad.ttl"))
	if got := p.ValidateQuads(qs); golden(got) != golden(want) {
		t.Errorf("ValidateQuads differs from Validate:\n%s", golden(got))
	}
}

// TestDemo validates demo/demo.trig (not ours to fix: see testdata/demo.golden for what it
// lacks against the UWP shapes).
func TestDemo(t *testing.T) {
	p := profile(t)
	rep := p.Validate(readGraph(t, "../demo/demo.trig"))
	checkGolden(t, "testdata/demo.golden", golden(rep))
}

// TestDecision_ClassHierarchy: cp:Transactie.aangekochtDoor demands sh:class dcterms:Agent; a
// cp:Participant passes only through the vocabulary's hierarchy (decision 11).
func TestDecision_ClassHierarchy(t *testing.T) {
	p := profile(t)
	g := readGraph(t, "testdata/samples/deelname.ttl")
	if rep := p.Validate(g); !rep.Conforms {
		t.Fatalf("with the hierarchy:\n%s", golden(rep))
	}
	rep := p.Shapes.Validate(g, shacl.Options{})
	if rep.Conforms || rep.Results[0].Component != sh.ClassConstraintComponent {
		t.Errorf("without the hierarchy, want one sh:class result:\n%s", golden(rep))
	}
}

// TestDecision_CrossProduct: the participation product conforms without typing the activity
// it references; a typed stub activity does not (decision 13).
func TestDecision_CrossProduct(t *testing.T) {
	p := profile(t)
	g := readGraph(t, "testdata/samples/deelname.ttl")
	if rep := p.Validate(g); !rep.Conforms {
		t.Fatalf("untyped reference:\n%s", golden(rep))
	}
	g.Add(rdf.IRI("https://data.example.org/events/e1"), rdf.RDFType, cidoc.E7Activity)
	rep := p.Validate(g)
	if rep.Conforms {
		t.Fatal("a typed stub activity conforms")
	}
	for _, r := range rep.Results {
		if r.Focus != rdf.IRI("https://data.example.org/events/e1") || r.Component != sh.MinCountConstraintComponent {
			t.Errorf("unexpected result %+v", r)
		}
	}
}

// TestDecision_Boekingsinfo: udb3's cpa:Boekingsinfo type fails sh:class cp:Boekingsinfo
// (decision 3).
func TestDecision_Boekingsinfo(t *testing.T) {
	p := profile(t)
	g := readGraph(t, "testdata/samples/activiteit.ttl")
	b := rdf.IRI("https://data.example.org/events/e1#boeking-1")
	g2 := graph.New()
	g.Triples(func(tr graph.Triple) bool {
		if tr.S == b && tr.P == rdf.RDFType {
			tr.O = rdf.IRI(cp.Namespace + "Activiteit.Boekingsinfo")
		}
		g2.Add(tr.S, tr.P, tr.O)
		return true
	})
	rep := p.Validate(g2)
	if len(rep.Results) != 1 || rep.Results[0].Component != sh.ClassConstraintComponent || rep.Results[0].Value != b {
		t.Errorf("want one sh:class result on the booking node:\n%s", golden(rep))
	}
}

// TestDecision_Ruimtetijd: the shapes check cp:Activiteit.ruimtetijd, not cp:ruimtetijd
// (decision 4); the space-time node is checked through its own type either way.
func TestDecision_Ruimtetijd(t *testing.T) {
	p := profile(t)
	g := readGraph(t, "testdata/samples/activiteit.ttl")
	ev := rdf.IRI("https://data.example.org/events/e1")
	g.Add(ev, cp.Ruimtetijd, rdf.NewLiteral("not a space-time volume"))
	if rep := p.Validate(g); !rep.Conforms {
		t.Errorf("cp:ruimtetijd is constrained after all:\n%s", golden(rep))
	}
	g.Add(ev, cp.ActiviteitRuimtetijd, rdf.NewLiteral("not a space-time volume"))
	if rep := p.Validate(g); rep.Conforms {
		t.Error("cp:Activiteit.ruimtetijd with a literal conforms")
	}
	g2 := readGraph(t, "testdata/samples/activiteit.ttl")
	g2.Add(rdf.IRI("https://data.example.org/events/e1#rt-3"), rdf.RDFType, cidoc.E92SpacetimeVolume)
	if rep := p.Validate(g2); rep.Conforms {
		t.Error("a space-time volume without a temporal projection conforms")
	}
}

func TestReport_QuadsRoundTrip(t *testing.T) {
	p := profile(t)
	rep := p.Validate(readGraph(t, "testdata/samples/activiteit-bad.ttl"))
	g := graph.New()
	for _, q := range rep.Quads() {
		g.AddQuad(q)
	}
	// The report itself conforms to a small shape of the SHACL report vocabulary.
	shapes := `@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:s> sh:targetClass sh:ValidationResult ;
  sh:property [ sh:path sh:focusNode ; sh:minCount 1 ; sh:maxCount 1 ] ;
  sh:property [ sh:path sh:resultSeverity ; sh:minCount 1 ; sh:in ( sh:Violation sh:Warning sh:Info ) ] ;
  sh:property [ sh:path sh:sourceConstraintComponent ; sh:minCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sh:sourceShape ; sh:minCount 1 ] ;
  sh:property [ sh:path sh:resultMessage ; sh:minCount 1 ] .`
	sg := graph.New()
	if _, err := sg.Load(turtle.NewReader(strings.NewReader(shapes), rdf.ReadOptions{})); err != nil {
		t.Fatal(err)
	}
	s, err := shacl.Compile(sg)
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Validate(g, shacl.Options{}); !r.Conforms {
		t.Errorf("report is not a well-formed sh:ValidationReport:\n%s", golden(r))
	}
	if n := len(g.Subjects(rdf.RDFType, sh.ValidationResult)); n != len(rep.Results) {
		t.Errorf("%d results in RDF, %d in Go", n, len(rep.Results))
	}
}

// TestValidate_Concurrent validates from several goroutines with one Profile (run with -race).
func TestValidate_Concurrent(t *testing.T) {
	p := profile(t)
	g := readGraph(t, "testdata/samples/activiteit-bad.ttl")
	want := golden(p.Validate(g))
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := golden(p.Validate(g)); got != want {
				errs <- got
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent validation differs:\n%s", e)
	}
}
