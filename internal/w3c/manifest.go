package w3c

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Vocabulary of the test manifests.
const (
	MF    = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	QT    = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
	UT    = "http://www.w3.org/2009/sparql/tests/test-update#"
	DAWGT = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"
	RDFT  = "http://www.w3.org/ns/rdftest#"
	RDFS  = "http://www.w3.org/2000/01/rdf-schema#"
	RDF   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// Graph is a named graph file of a test: qt:graphData <file>, or ut:graphData [ ut:graph
// <file> ; rdfs:label "name" ]. Label is the graph name to load it under ("" means the file's
// IRI, as qt:graphData does).
type Graph struct {
	Path  string
	IRI   string // the file's IRI
	Label string
}

// Service is one qt:serviceData entry: data for a SERVICE endpoint.
type Service struct {
	Endpoint  string
	Data      []string
	GraphData []Graph
}

// Test is one manifest entry. File references come back as local paths; an IRI that is not
// a file: IRI comes back unchanged.
type Test struct {
	// IRI identifies the test: the entry's IRI, or "_:label" for a blank node. An entry named
	// relative to its manifest (<#name>, as in all rdf11 manifests) gets the IRI of the
	// manifest's published copy under https://w3c.github.io/rdf-tests/ rather than a file:
	// URL, so that expected-failures lists do not depend on where the suite is checked out.
	IRI      string
	Node     rdf.Term // the entry's node in the manifest graph (see ReadManifestGraph)
	Type     string   // local name of rdf:type, e.g. "PositiveSyntaxTest11", "TestTurtleEval"
	Name     string   // mf:name
	Comment  string   // rdfs:comment
	Manifest string   // absolute path of the manifest file that lists the test

	// Action is the file path when mf:action is a file (syntax tests).
	Action string
	// Base is the base IRI to parse a file Action with: mf:assumedTestBase plus the action's
	// path relative to the manifest when the manifest declares one (the Turtle, TriG and
	// RDF/XML suites), else the action's file: IRI.
	Base string
	// The parts of a structured action (evaluation tests).
	Query       string   // qt:query
	Request     string   // ut:request
	Data        []string // qt:data / ut:data
	GraphData   []Graph  // qt:graphData / ut:graphData
	ServiceData []Service

	// Result is the file path when mf:result is a file; ResultData and ResultGraphData hold a
	// structured update result.
	Result          string
	ResultData      []string
	ResultGraphData []Graph

	// Cardinality is the local name of mf:resultCardinality ("LaxCardinality": each
	// distinct solution at least once, at most as often as expected); "" when absent.
	Cardinality string

	Approval string   // local name of dawgt:approval (or rdft:approval), e.g. "Approved"; "" when absent
	Requires []string // mf:requires IRIs
	Features []string // mf:feature IRIs
}

// Negative reports whether the test expects its action to be rejected (a Negative*Syntax or
// Negative*Eval type).
func (t Test) Negative() bool { return strings.Contains(t.Type, "Negative") }

// Eval reports whether the test compares its parsed action with a result file (the RDF
// syntax suites' Test*Eval types).
func (t Test) Eval() bool { return strings.HasSuffix(t.Type, "Eval") }

// LoadManifest reads the manifest at path and, recursively, every manifest it includes
// (mf:include; each file once). The tests come back in manifest order, the entries of a
// manifest before those of its includes. A file without an mf:Manifest node is an error.
func LoadManifest(path string) ([]Test, error) {
	seen := map[string]bool{}
	var out []Test
	var load func(path string) error
	load = func(path string) error {
		abs, err := filepath.Abs(path)
		if err != nil {
			return err
		}
		if seen[abs] {
			return nil
		}
		seen[abs] = true
		g, err := ReadManifestGraph(abs)
		if err != nil {
			return err
		}
		self := FileURL(abs)
		m := g.manifestNode(self)
		if m == nil {
			return fmt.Errorf("w3c: manifest %s: no mf:Manifest node", abs)
		}
		base := manifestBase{
			self:    self,
			dir:     self[:strings.LastIndexByte(self, '/')+1],
			assumed: Lexical(g.One(m, MF+"assumedTestBase")),
		}
		for _, e := range g.List(g.One(m, MF+"entries")) {
			out = append(out, g.test(e, abs, base))
		}
		for _, inc := range g.List(g.One(m, MF+"include")) {
			if err := load(filePath(Lexical(inc))); err != nil {
				return err
			}
		}
		return nil
	}
	if err := load(path); err != nil {
		return nil, err
	}
	return out, nil
}

// manifestBase holds what a manifest says about the IRIs of its tests and their actions.
type manifestBase struct {
	self    string // the manifest's file: IRI
	dir     string // self up to its last '/'
	assumed string // mf:assumedTestBase; "" when absent
}

func (g ManifestGraph) test(e rdf.Term, manifest string, base manifestBase) Test {
	t := Test{
		IRI:      publishedIRI(Lexical(e), base.self, manifest),
		Node:     e,
		Type:     local(g.One(e, string(rdf.RDFType))),
		Name:     Lexical(g.One(e, MF+"name")),
		Comment:  Lexical(g.One(e, RDFS+"comment")),
		Manifest: manifest,
		Approval: local(g.One(e, DAWGT+"approval")),
	}
	if t.Approval == "" {
		t.Approval = local(g.One(e, RDFT+"approval"))
	}
	if c := g.One(e, MF+"resultCardinality"); c != nil {
		t.Cardinality = local(c)
	}
	if bn, ok := e.(rdf.BlankNode); ok {
		t.IRI = bn.String()
	}
	for _, r := range g.All(e, MF+"requires") {
		t.Requires = append(t.Requires, Lexical(r))
	}
	for _, f := range g.All(e, MF+"feature") {
		t.Features = append(t.Features, Lexical(f))
	}
	if a := g.One(e, MF+"action"); a != nil {
		if iri, ok := a.(rdf.IRI); ok {
			t.Action = filePath(string(iri))
			t.Base = string(iri)
			if base.assumed != "" && strings.HasPrefix(t.Base, base.dir) {
				t.Base = base.assumed + strings.TrimPrefix(t.Base, base.dir)
			}
		} else {
			t.Query = g.path(a, QT+"query")
			t.Request = g.path(a, UT+"request")
			t.Data = append(g.paths(a, QT+"data"), g.paths(a, UT+"data")...)
			t.GraphData = append(g.graphs(a, QT+"graphData"), g.graphs(a, UT+"graphData")...)
			for _, s := range g.All(a, QT+"serviceData") {
				t.ServiceData = append(t.ServiceData, Service{
					Endpoint:  Lexical(g.One(s, QT+"endpoint")),
					Data:      g.paths(s, QT+"data"),
					GraphData: g.graphs(s, QT+"graphData"),
				})
			}
		}
	}
	if r := g.One(e, MF+"result"); r != nil {
		if iri, ok := r.(rdf.IRI); ok {
			t.Result = filePath(string(iri))
		} else {
			t.ResultData = g.paths(r, UT+"data")
			t.ResultGraphData = g.graphs(r, UT+"graphData")
		}
	}
	return t
}

func local(t rdf.Term) string { return localName(Lexical(t)) }

func (g ManifestGraph) path(s rdf.Term, p string) string {
	if o := g.One(s, p); o != nil {
		return filePath(Lexical(o))
	}
	return ""
}

func (g ManifestGraph) paths(s rdf.Term, p string) []string {
	var out []string
	for _, o := range g.All(s, p) {
		out = append(out, filePath(Lexical(o)))
	}
	return out
}

func (g ManifestGraph) graphs(s rdf.Term, p string) []Graph {
	var out []Graph
	for _, o := range g.All(s, p) {
		if iri, ok := o.(rdf.IRI); ok {
			out = append(out, Graph{Path: filePath(string(iri)), IRI: string(iri)})
			continue
		}
		f := Lexical(g.One(o, UT+"graph"))
		out = append(out, Graph{Path: filePath(f), IRI: f, Label: Lexical(g.One(o, RDFS+"label"))})
	}
	return out
}
