package w3c

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
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

// Test is one manifest entry.
type Test struct {
	IRI      string
	Type     string // local name of rdf:type, e.g. "PositiveSyntaxTest11"
	Name     string
	Comment  string
	Manifest string // path of the manifest file

	// Action is the file path when mf:action is a file (syntax tests).
	Action string
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

// graph is an in-memory manifest graph.
type graph map[rdf.Term]map[rdf.IRI][]rdf.Term

func (g graph) one(s rdf.Term, p string) rdf.Term {
	if os := g[s][rdf.IRI(p)]; len(os) > 0 {
		return os[0]
	}
	return nil
}

func (g graph) all(s rdf.Term, p string) []rdf.Term { return g[s][rdf.IRI(p)] }

func (g graph) list(head rdf.Term) []rdf.Term {
	var out []rdf.Term
	for n := 0; head != nil && head != rdf.RDFNil && n < 1e6; n++ {
		if f := g.one(head, RDF+"first"); f != nil {
			out = append(out, f)
		}
		head = g.one(head, RDF+"rest")
	}
	return out
}

func str(t rdf.Term) string {
	switch t := t.(type) {
	case rdf.Literal:
		return t.Lexical
	case rdf.IRI:
		return string(t)
	}
	return ""
}

func local(t rdf.Term) string {
	s := str(t)
	if i := strings.LastIndexAny(s, "#/"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// FileURL returns the file: IRI of a local path.
func FileURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// filePath maps a file: IRI back to a path; other IRIs come back unchanged.
func filePath(iri string) string {
	if u, err := url.Parse(iri); err == nil && u.Scheme == "file" {
		return filepath.FromSlash(u.Path)
	}
	return iri
}

func readGraph(path string) (graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := turtle.NewReader(f, rdf.ReadOptions{Base: FileURL(path), File: path})
	g := graph{}
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			return g, nil
		}
		if err != nil {
			return nil, fmt.Errorf("w3c: manifest %s: %w", path, err)
		}
		p := q.Predicate.(rdf.IRI)
		if g[q.Subject] == nil {
			g[q.Subject] = map[rdf.IRI][]rdf.Term{}
		}
		g[q.Subject][p] = append(g[q.Subject][p], q.Object)
	}
}

// LoadManifest reads the manifest at path and, recursively, every manifest it includes. The
// tests come back in manifest order (entries of a manifest before those of its includes).
func LoadManifest(path string) ([]Test, error) {
	seen := map[string]bool{}
	var out []Test
	var load func(path string) error
	load = func(path string) error {
		abs, _ := filepath.Abs(path)
		if seen[abs] {
			return nil
		}
		seen[abs] = true
		g, err := readGraph(abs)
		if err != nil {
			return err
		}
		self := rdf.IRI(FileURL(abs))
		for _, e := range g.list(g.one(self, MF+"entries")) {
			out = append(out, g.test(e, abs))
		}
		for _, inc := range g.list(g.one(self, MF+"include")) {
			if err := load(filePath(str(inc))); err != nil {
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

func (g graph) test(e rdf.Term, manifest string) Test {
	t := Test{
		IRI:      str(e),
		Type:     local(g.one(e, RDF+"type")),
		Name:     str(g.one(e, MF+"name")),
		Comment:  str(g.one(e, RDFS+"comment")),
		Manifest: manifest,
		Approval: local(g.one(e, DAWGT+"approval")),
	}
	if t.Approval == "" {
		t.Approval = local(g.one(e, RDFT+"approval"))
	}
	if c := g.one(e, MF+"resultCardinality"); c != nil {
		t.Cardinality = local(c)
	}
	if bn, ok := e.(rdf.BlankNode); ok {
		t.IRI = bn.String()
	}
	for _, r := range g.all(e, MF+"requires") {
		t.Requires = append(t.Requires, str(r))
	}
	for _, f := range g.all(e, MF+"feature") {
		t.Features = append(t.Features, str(f))
	}
	if a := g.one(e, MF+"action"); a != nil {
		if iri, ok := a.(rdf.IRI); ok {
			t.Action = filePath(string(iri))
		} else {
			t.Query = g.path(a, QT+"query")
			t.Request = g.path(a, UT+"request")
			t.Data = append(g.paths(a, QT+"data"), g.paths(a, UT+"data")...)
			t.GraphData = append(g.graphs(a, QT+"graphData"), g.graphs(a, UT+"graphData")...)
			for _, s := range g.all(a, QT+"serviceData") {
				t.ServiceData = append(t.ServiceData, Service{
					Endpoint:  str(g.one(s, QT+"endpoint")),
					Data:      g.paths(s, QT+"data"),
					GraphData: g.graphs(s, QT+"graphData"),
				})
			}
		}
	}
	if r := g.one(e, MF+"result"); r != nil {
		if iri, ok := r.(rdf.IRI); ok {
			t.Result = filePath(string(iri))
		} else {
			t.ResultData = g.paths(r, UT+"data")
			t.ResultGraphData = g.graphs(r, UT+"graphData")
		}
	}
	return t
}

func (g graph) path(s rdf.Term, p string) string {
	if o := g.one(s, p); o != nil {
		return filePath(str(o))
	}
	return ""
}

func (g graph) paths(s rdf.Term, p string) []string {
	var out []string
	for _, o := range g.all(s, p) {
		out = append(out, filePath(str(o)))
	}
	return out
}

func (g graph) graphs(s rdf.Term, p string) []Graph {
	var out []Graph
	for _, o := range g.all(s, p) {
		if iri, ok := o.(rdf.IRI); ok {
			out = append(out, Graph{Path: filePath(string(iri)), IRI: string(iri)})
			continue
		}
		f := str(g.one(o, UT+"graph"))
		out = append(out, Graph{Path: filePath(f), IRI: f, Label: str(g.one(o, RDFS+"label"))})
	}
	return out
}
