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
	"github.com/uitwisselingsplatform/uwp/vocab/rdfs"
)

// Paths of the reference files inside an OSLO directory (../shared/oslo in development).
const (
	ShapesFile         = "cultuurparticipatie/cultuurparticipatie-ap-shacl-uwp.ttl"
	VocabularyFile     = "cultuurparticipatie/cultuurparticipatie-voc.ttl"
	CodeListDir        = "codelijsten"
	CodeListShapesFile = "codelijsten/shacl_codelists.ttl"
)

// Profile is the OSLO Cultuurparticipatie application profile as uwp uses it: the UWP SHACL
// shapes and the UWP code lists, read at run time from an OSLO directory. A Profile is
// immutable once loaded and safe for concurrent use.
type Profile struct {
	// Dir is the directory the profile was read from.
	Dir string
	// Shapes are the compiled UWP application profile shapes.
	Shapes *shacl.Shapes
	// ShapesGraph is the graph the shapes were compiled from.
	ShapesGraph *graph.Graph
	// CodeLists are the SKOS concept schemes, keyed by scheme IRI.
	CodeLists map[rdf.IRI]*CodeList
	// CodeListShapes validate the code lists themselves (nil when the directory has none).
	CodeListShapes *shacl.Shapes
	// CodeListGraph holds the triples of every code list file.
	CodeListGraph *graph.Graph
	// Classes holds the rdfs:subClassOf triples of the OSLO vocabulary (Organisator and
	// Uitvoerder below Realisator, Realisator and Participant below dcterms:Agent); nil when
	// the directory has no vocabulary. See the package doc for why validation uses them.
	Classes *graph.Graph

	concepts map[rdf.IRI]*Concept
	sameAs   map[rdf.IRI][]*Concept
}

// LoadProfile reads the UWP shapes and code lists from dir (laid out as ../shared/oslo:
// see ShapesFile, CodeListDir). Missing shapes are an error; a missing code list directory
// gives a profile without code lists.
func LoadProfile(dir string) (*Profile, error) {
	shapesGraph, err := ReadTurtleFile(filepath.Join(dir, filepath.FromSlash(ShapesFile)))
	if err != nil {
		return nil, err
	}
	shapes, err := shacl.Compile(shapesGraph)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ShapesFile, err)
	}
	p := &Profile{Dir: dir, Shapes: shapes, ShapesGraph: shapesGraph}
	if err := p.loadCodeLists(filepath.Join(dir, CodeListDir)); err != nil {
		return nil, err
	}
	if voc := filepath.Join(dir, filepath.FromSlash(VocabularyFile)); fileExists(voc) {
		g, err := ReadTurtleFile(voc)
		if err != nil {
			return nil, err
		}
		p.Classes = graph.New()
		g.WithPredicate(rdfs.SubClassOf, func(t graph.Triple) bool {
			p.Classes.Add(t.S, t.P, t.O)
			return true
		})
	}
	return p, nil
}

// LoadShapes reads and compiles one shapes file of any RDF syntax uwp reads through read,
// which opens the file as an rdf.Reader. It is the entry point for user-supplied shapes.
func LoadShapes(r rdf.Reader) (*shacl.Shapes, *graph.Graph, error) {
	g := graph.New()
	if _, err := g.Load(r); err != nil {
		return nil, nil, err
	}
	s, err := shacl.Compile(g)
	if err != nil {
		return nil, g, err
	}
	return s, g, nil
}

// Validate checks a data graph against the profile's shapes, with the vocabulary's class
// hierarchy (Classes) added to the data's own rdfs:subClassOf. Concepts of the code lists are
// not added to the data: the UWP shapes check no class on concept references.
func (p *Profile) Validate(data *graph.Graph) *shacl.Report {
	return p.Shapes.Validate(data, shacl.Options{Classes: p.Classes})
}

// ValidateQuads validates the triples of qs (graph names ignored), for adapters that hold
// their output as quads.
func (p *Profile) ValidateQuads(qs []rdf.Quad) *shacl.Report {
	g := graph.New()
	for _, q := range qs {
		g.AddQuad(q)
	}
	return p.Validate(g)
}

// ReadTurtleFile reads a Turtle file into a new graph.
func ReadTurtleFile(path string) (*graph.Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g := graph.New()
	if _, err := g.Load(turtle.NewReader(f, rdf.ReadOptions{File: path, Base: fileIRI(path)})); err != nil {
		return nil, err
	}
	return g, nil
}

func fileIRI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return "file://" + filepath.ToSlash(abs)
}

// ErrNoOSLODir is returned by FindDir when no OSLO reference directory is found.
var ErrNoOSLODir = errors.New("OSLO reference directory not found (set UWP_OSLO_DIR)")

// FindDir locates the OSLO reference directory for tests and development: $UWP_OSLO_DIR, or
// ../shared/oslo beside the repository root found by walking up from the working directory
// to go.mod. Production callers pass the directory from configuration instead.
func FindDir() (string, error) {
	if d := os.Getenv("UWP_OSLO_DIR"); d != "" {
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "oslo")
			if _, err := os.Stat(filepath.Join(d, filepath.FromSlash(ShapesFile))); err != nil {
				return "", fmt.Errorf("%w: %v", ErrNoOSLODir, err)
			}
			return d, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNoOSLODir
		}
		dir = parent
	}
}

// codeListFiles returns the code list files of dir, sorted, without the shapes file.
func codeListFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.ttl"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f), "shacl") {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out, nil
}
