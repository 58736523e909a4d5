package w3c

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

// ManifestGraph is the RDF graph of one manifest file, indexed by subject and predicate, for
// harnesses that read more of a test than Test holds (the ht: requests of the protocol tests).
type ManifestGraph map[rdf.Term]map[rdf.IRI][]rdf.Term

// ReadManifestGraph parses the Turtle manifest at path with the file's own file: IRI as base,
// as the suite's README prescribes (no manifest declares @base).
func ReadManifestGraph(path string) (ManifestGraph, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	quads, err := ReadAll(turtle.NewReader(f, rdf.ReadOptions{Base: FileURL(abs), File: abs}))
	if err != nil {
		return nil, fmt.Errorf("w3c: manifest %s: %w", abs, err)
	}
	g := ManifestGraph{}
	for _, q := range quads {
		p := q.Predicate.(rdf.IRI) // a Turtle reader returns IRI predicates only
		if g[q.Subject] == nil {
			g[q.Subject] = map[rdf.IRI][]rdf.Term{}
		}
		g[q.Subject][p] = append(g[q.Subject][p], q.Object)
	}
	return g, nil
}

// One returns the first object of s p, or nil when there is none.
func (g ManifestGraph) One(s rdf.Term, p string) rdf.Term {
	if os := g[s][rdf.IRI(p)]; len(os) > 0 {
		return os[0]
	}
	return nil
}

// All returns every object of s p in document order.
func (g ManifestGraph) All(s rdf.Term, p string) []rdf.Term { return g[s][rdf.IRI(p)] }

// List returns the members of the RDF collection starting at head (nil or rdf:nil: none). A
// cell without rdf:first is passed over; a cyclic list stops after a million cells.
func (g ManifestGraph) List(head rdf.Term) []rdf.Term {
	var out []rdf.Term
	for n := 0; head != nil && head != rdf.RDFNil && n < 1e6; n++ {
		if f := g.One(head, string(rdf.RDFFirst)); f != nil {
			out = append(out, f)
		}
		head = g.One(head, string(rdf.RDFRest))
	}
	return out
}

// manifestNode returns the node typed mf:Manifest: usually <> (self, the file's IRI), but a
// blank node in sparql10/construct and sparql10/bnode-coreference. Nil when there is none.
func (g ManifestGraph) manifestNode(self string) rdf.Term {
	isManifest := func(s rdf.Term) bool {
		for _, o := range g.All(s, string(rdf.RDFType)) {
			if o == rdf.IRI(MF+"Manifest") {
				return true
			}
		}
		return false
	}
	if isManifest(rdf.IRI(self)) {
		return rdf.IRI(self)
	}
	for s := range g {
		if isManifest(s) {
			return s
		}
	}
	return nil
}

// Lexical returns the lexical form of a literal or the text of an IRI; "" for anything else.
func Lexical(t rdf.Term) string {
	switch t := t.(type) {
	case rdf.Literal:
		return t.Lexical
	case rdf.IRI:
		return string(t)
	}
	return ""
}

func localName(s string) string {
	if i := strings.LastIndexAny(s, "#/"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// FileURL returns the file: IRI of a local path (made absolute).
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

// publishedIRI maps an IRI inside the manifest at file URL self (path abs) to the same place
// in the published tree under https://w3c.github.io/rdf-tests/, found by the rdf/rdf1x or
// sparql/sparql1x directories in the path, so that test IRIs (and the expected-failures lists
// naming them) do not depend on where the suite is checked out. Other IRIs come back unchanged.
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
