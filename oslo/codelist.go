package oslo

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/oslo/shacl"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
	"github.com/uitwisselingsplatform/uwp/vocab/owl"
	"github.com/uitwisselingsplatform/uwp/vocab/skos"
)

// CodeList is one SKOS concept scheme of the UWP code lists
// (https://data.cultuurparticipatie.be/id/conceptscheme/<Name>).
type CodeList struct {
	IRI      rdf.IRI
	Name     string // last path segment of the IRI: ThemaType, Aanwezigheidsmodus, ...
	Label    string // skos:prefLabel
	File     string // the file it was read from
	Concepts []*Concept
}

// Concept is one skos:Concept of a code list.
type Concept struct {
	IRI    rdf.IRI
	Scheme *CodeList
	// Labels are the skos:prefLabel values by language tag (lower case; "" for none).
	Labels map[string]string
	// SameAs are owl:sameAs links, e.g. UiTdatabank taxonomy terms.
	SameAs []rdf.IRI
	// Related are skos:related, skos:exactMatch and skos:closeMatch links (Locatietype links
	// the UiTdatabank taxonomy this way).
	Related []rdf.IRI
	// Broader are skos:broader concepts.
	Broader []rdf.IRI
}

// Label returns the preferred label in lang, else in Dutch, else any.
func (c *Concept) Label(lang string) string {
	if l, ok := c.Labels[strings.ToLower(lang)]; ok {
		return l
	}
	if l, ok := c.Labels["nl"]; ok {
		return l
	}
	keys := make([]string, 0, len(c.Labels))
	for k := range c.Labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 0 {
		return c.Labels[keys[0]]
	}
	return ""
}

func (p *Profile) loadCodeLists(dir string) error {
	p.CodeLists = map[rdf.IRI]*CodeList{}
	p.concepts = map[rdf.IRI]*Concept{}
	p.sameAs = map[rdf.IRI][]*Concept{}
	p.CodeListGraph = graph.New()
	files, err := codeListFiles(dir)
	if err != nil {
		return err
	}
	if shapesPath := filepath.Join(dir, filepath.Base(CodeListShapesFile)); fileExists(shapesPath) {
		g, err := ReadTurtleFile(shapesPath)
		if err != nil {
			return err
		}
		if p.CodeListShapes, err = shacl.Compile(g); err != nil {
			return fmt.Errorf("%s: %w", CodeListShapesFile, err)
		}
	}
	for _, f := range files {
		if err := p.loadCodeList(f); err != nil {
			return err
		}
	}
	return nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func (p *Profile) loadCodeList(path string) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	g := graph.New()
	if _, err := g.Load(turtle.NewReader(fh, rdf.ReadOptions{File: path, Base: fileIRI(path)})); err != nil {
		return err
	}
	g.Triples(func(t graph.Triple) bool { p.CodeListGraph.Add(t.S, t.P, t.O); return true })
	schemes := g.Subjects(rdf.RDFType, skos.ConceptScheme)
	if len(schemes) == 0 {
		return fmt.Errorf("%s: %w", path, errors.New("no skos:ConceptScheme"))
	}
	for _, s := range schemes {
		iri, ok := s.(rdf.IRI)
		if !ok {
			continue
		}
		cl := p.CodeLists[iri]
		if cl == nil {
			cl = &CodeList{IRI: iri, Name: lastSegment(string(iri)), File: path}
			p.CodeLists[iri] = cl
		}
		if l, ok := g.Object(s, skos.PrefLabel).(rdf.Literal); ok {
			cl.Label = l.Lexical
		}
	}
	for _, n := range g.Subjects(rdf.RDFType, skos.Concept) {
		iri, ok := n.(rdf.IRI)
		if !ok {
			continue
		}
		schemeIRI, _ := g.Object(n, skos.InScheme).(rdf.IRI)
		cl := p.CodeLists[schemeIRI]
		if cl == nil {
			return fmt.Errorf("%s: concept %s is in no scheme of the file", path, n)
		}
		c := &Concept{IRI: iri, Scheme: cl, Labels: map[string]string{}}
		for _, l := range g.Objects(n, skos.PrefLabel) {
			if lit, ok := l.(rdf.Literal); ok {
				c.Labels[strings.ToLower(lit.Lang)] = lit.Lexical
			}
		}
		c.SameAs = iris(g.Objects(n, owl.SameAs))
		for _, p := range []rdf.IRI{skos.Related, skos.ExactMatch, skos.CloseMatch} {
			c.Related = append(c.Related, iris(g.Objects(n, p))...)
		}
		c.Broader = iris(g.Objects(n, skos.Broader))
		cl.Concepts = append(cl.Concepts, c)
		p.concepts[iri] = c
		for _, same := range append(append([]rdf.IRI(nil), c.SameAs...), c.Related...) {
			p.sameAs[same] = append(p.sameAs[same], c)
		}
	}
	return nil
}

func iris(ts []rdf.Term) []rdf.IRI {
	var out []rdf.IRI
	for _, t := range ts {
		if iri, ok := t.(rdf.IRI); ok {
			out = append(out, iri)
		}
	}
	return out
}

func lastSegment(s string) string {
	if i := strings.LastIndexAny(s, "/#"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// CodeList returns the scheme named name (ThemaType, Aanwezigheidsmodus, ...) or nil.
func (p *Profile) CodeList(name string) *CodeList {
	for _, cl := range p.CodeLists {
		if cl.Name == name {
			return cl
		}
	}
	return nil
}

// Concept returns the concept with the given IRI, or nil.
func (p *Profile) Concept(iri rdf.IRI) *Concept { return p.concepts[iri] }

// Equivalent returns the concepts of the code lists that name other as owl:sameAs,
// skos:related, skos:exactMatch or skos:closeMatch, e.g. for a UiTdatabank taxonomy term
// https://taxonomy.uitdatabank.be/terms/0.50.4.0.0. Several schemes may link the same term.
func (p *Profile) Equivalent(other rdf.IRI) []*Concept { return p.sameAs[other] }

// EquivalentIn is Equivalent restricted to the scheme named scheme; nil when none.
func (p *Profile) EquivalentIn(scheme string, other rdf.IRI) *Concept {
	for _, c := range p.sameAs[other] {
		if c.Scheme.Name == scheme {
			return c
		}
	}
	return nil
}

// ByLabel returns the concept of the scheme whose preferred label in any language equals
// label, ignoring case; nil when none.
func (cl *CodeList) ByLabel(label string) *Concept {
	for _, c := range cl.Concepts {
		for _, l := range c.Labels {
			if strings.EqualFold(l, label) {
				return c
			}
		}
	}
	return nil
}
