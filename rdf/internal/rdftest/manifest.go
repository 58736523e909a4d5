package rdftest

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
	MF   = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	RDFT = "http://www.w3.org/ns/rdftest#"
	RDFS = "http://www.w3.org/2000/01/rdf-schema#"
)

// Test is one entry of a manifest.
type Test struct {
	// IRI identifies the test. A test named relative to its manifest (<#name>, as in all
	// rdf11 manifests) gets the IRI of the manifest's published copy under
	// https://w3c.github.io/rdf-tests/ rather than a file: URL, so that expected-failures
	// lists do not depend on where the suite is checked out.
	IRI      string
	Type     string // local name of rdf:type, e.g. "TestTurtleEval"
	Name     string // mf:name
	Comment  string // rdfs:comment
	Action   string // file path of mf:action; "" if the action is not a file
	Result   string // file path of mf:result; "" if none
	Approval string // local name of rdft:approval / dawgt:approval, e.g. "Approved"; "" if none
	// Base is the base IRI to parse the action with: mf:assumedTestBase plus the action's
	// path relative to the manifest when the manifest declares one, else the action's file: URL.
	Base     string
	Manifest string // file path of the manifest that lists the test
}

// Negative reports whether the test expects parsing to fail (a *NegativeSyntax or
// *NegativeEval type).
func (t Test) Negative() bool { return strings.Contains(t.Type, "Negative") }

// Eval reports whether the test compares the parsed action with a result file.
func (t Test) Eval() bool { return strings.HasSuffix(t.Type, "Eval") }

// Load reads the manifest at path and returns its tests in order, following mf:include.
func Load(path string) ([]Test, error) {
	return load(path, map[string]bool{})
}

func load(path string, seen map[string]bool) ([]Test, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if seen[abs] {
		return nil, nil
	}
	seen[abs] = true
	f, err := os.Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	self := fileURL(abs)
	quads, err := ReadAll(turtle.NewReader(f, rdf.ReadOptions{Base: self, File: abs}))
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", abs, err)
	}
	g := newGraph(quads)
	var manifest rdf.Term
	for _, q := range quads {
		if q.Predicate == rdf.RDFType && q.Object == rdf.IRI(MF+"Manifest") {
			manifest = q.Subject
			break
		}
	}
	if manifest == nil {
		return nil, fmt.Errorf("manifest %s: no mf:Manifest node", abs)
	}
	var tests []Test
	for _, inc := range g.list(g.one(manifest, MF+"include")) {
		sub, err := load(filePath(inc), seen)
		if err != nil {
			return nil, err
		}
		tests = append(tests, sub...)
	}
	assumed := iriOf(g.one(manifest, MF+"assumedTestBase"))
	dirURL := self[:strings.LastIndexByte(self, '/')+1]
	for _, e := range g.list(g.one(manifest, MF+"entries")) {
		t := Test{
			IRI:      publishedIRI(iriOf(e), self, abs),
			Type:     localName(iriOf(g.one(e, string(rdf.RDFType)))),
			Name:     lexOf(g.one(e, MF+"name")),
			Comment:  lexOf(g.one(e, RDFS+"comment")),
			Manifest: abs,
		}
		if a := g.one(e, RDFT+"approval"); a != nil {
			t.Approval = localName(iriOf(a))
		} else if a := g.one(e, "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#approval"); a != nil {
			t.Approval = localName(iriOf(a))
		}
		if a, ok := g.one(e, MF+"action").(rdf.IRI); ok {
			t.Action = filePath(a)
			t.Base = string(a)
			if assumed != "" && strings.HasPrefix(string(a), dirURL) {
				t.Base = assumed + strings.TrimPrefix(string(a), dirURL)
			}
		}
		if r, ok := g.one(e, MF+"result").(rdf.IRI); ok {
			t.Result = filePath(r)
		}
		tests = append(tests, t)
	}
	return tests, nil
}

// ReadAll reads every quad from r. It stops at the first error.
func ReadAll(r rdf.Reader) ([]rdf.Quad, error) {
	var qs []rdf.Quad
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			return qs, nil
		}
		if err != nil {
			return qs, err
		}
		qs = append(qs, q)
	}
}

type graph map[rdf.Term]map[rdf.IRI][]rdf.Term

func newGraph(qs []rdf.Quad) graph {
	g := graph{}
	for _, q := range qs {
		m := g[q.Subject]
		if m == nil {
			m = map[rdf.IRI][]rdf.Term{}
			g[q.Subject] = m
		}
		p := q.Predicate.(rdf.IRI)
		m[p] = append(m[p], q.Object)
	}
	return g
}

func (g graph) one(s rdf.Term, p string) rdf.Term {
	if s == nil {
		return nil
	}
	if os := g[s][rdf.IRI(p)]; len(os) > 0 {
		return os[0]
	}
	return nil
}

// list walks an RDF collection.
func (g graph) list(head rdf.Term) []rdf.Term {
	var out []rdf.Term
	for head != nil && head != rdf.RDFNil && len(out) < 1e6 {
		out = append(out, g.one(head, string(rdf.RDFFirst)))
		head = g.one(head, string(rdf.RDFRest))
	}
	return out
}

func iriOf(t rdf.Term) string {
	if i, ok := t.(rdf.IRI); ok {
		return string(i)
	}
	return ""
}

func lexOf(t rdf.Term) string {
	if l, ok := t.(rdf.Literal); ok {
		return l.Lexical
	}
	return ""
}

func localName(iri string) string {
	if i := strings.LastIndexAny(iri, "#/"); i >= 0 {
		return iri[i+1:]
	}
	return iri
}

func fileURL(abs string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

func filePath(t rdf.Term) string {
	u, err := url.Parse(iriOf(t))
	if err != nil || u.Scheme != "file" {
		return ""
	}
	return filepath.FromSlash(u.Path)
}

// publishedIRI maps an IRI inside the manifest at file URL self (path abs) to the same
// place in the published rdf-tests tree, found by the rdf/rdf1x or sparql/sparql1x
// directories in the path. Other IRIs are returned unchanged.
func publishedIRI(iri, self, abs string) string {
	if !strings.HasPrefix(iri, self) {
		return iri
	}
	segs := strings.Split(filepath.ToSlash(abs), "/")
	for i := len(segs) - 2; i >= 0; i-- {
		if (segs[i] == "rdf" && strings.HasPrefix(segs[i+1], "rdf1")) ||
			(segs[i] == "sparql" && strings.HasPrefix(segs[i+1], "sparql1")) {
			return "https://w3c.github.io/rdf-tests/" + strings.Join(segs[i:], "/") + strings.TrimPrefix(iri, self)
		}
	}
	return iri
}
