package mapping

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab"
)

// Spec is a mapping file as written (see doc.go and examples/cultuurcentrum.yaml).
type Spec struct {
	Version  string                 `yaml:"version"`
	Prefixes map[string]string      `yaml:"prefixes"`
	Sources  map[string]SourceSpec  `yaml:"sources"`
	Mappings map[string]MappingSpec `yaml:"mappings"`
}

// SourceSpec describes one input.
type SourceSpec struct {
	File      string `yaml:"file"`      // relative to the mapping file; may be given at run time instead
	Format    string `yaml:"format"`    // csv, json or jsonl
	Separator string `yaml:"separator"` // CSV; "" sniffs
	Iterator  string `yaml:"iterator"`  // JSON: dotted path to the array of records; "" = the top-level array
}

// MappingSpec maps each record of a source to one subject (a triples map).
type MappingSpec struct {
	Source     string         `yaml:"source"`
	Subject    string         `yaml:"subject"` // IRI template; "" = a blank node per record
	Types      []string       `yaml:"types"`
	Properties []PropertySpec `yaml:"properties"`
}

// PropertySpec is one predicate-object map. Exactly one of Value, IRI and Mapping is set.
type PropertySpec struct {
	Predicate string            `yaml:"predicate"`
	Value     string            `yaml:"value"`    // literal template
	IRI       string            `yaml:"iri"`      // IRI template
	Mapping   string            `yaml:"mapping"`  // link: the subject of another mapping
	With      map[string]string `yaml:"with"`     // link: that mapping's references -> this record's
	Language  string            `yaml:"language"` // literal language tag
	Datatype  string            `yaml:"datatype"` // literal datatype (CURIE or IRI), checked for xsd types
	Split     string            `yaml:"split"`    // split each referenced value on this separator
	Required  bool              `yaml:"required"` // a record without a value is an error
}

// Load reads and compiles a mapping file. Relative source files resolve against its directory.
func Load(path string) (*Mapping, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := Parse(f, path)
	if err != nil {
		return nil, err
	}
	m.dir = filepath.Dir(path)
	return m, nil
}

// Parse reads and compiles a mapping; name is used in errors.
func Parse(r io.Reader, name string) (*Mapping, error) {
	var s Spec
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	m, err := compile(&s)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	m.Name = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	return m, nil
}

func compile(s *Spec) (*Mapping, error) {
	m := &Mapping{Version: s.Version, spec: s, prefixes: map[string]string{}, sources: map[string]*source{}}
	for _, ns := range vocab.Namespaces {
		m.prefixes[ns.Prefix] = ns.IRI
	}
	for p, iri := range s.Prefixes {
		m.prefixes[p] = iri
	}
	if len(s.Sources) == 0 || len(s.Mappings) == 0 {
		return nil, fmt.Errorf("a mapping needs sources and mappings")
	}
	for name, src := range s.Sources {
		switch src.Format {
		case "csv", "json", "jsonl":
		default:
			return nil, fmt.Errorf("source %s: format %q (want csv, json or jsonl)", name, src.Format)
		}
		if len([]rune(src.Separator)) > 1 {
			return nil, fmt.Errorf("source %s: separator %q is not one character", name, src.Separator)
		}
		m.sources[name] = &source{name: name, spec: src}
	}
	names := make([]string, 0, len(s.Mappings))
	for name := range s.Mappings {
		names = append(names, name)
	}
	slices.Sort(names)
	byName := map[string]*triplesMap{}
	for _, name := range names {
		ms := s.Mappings[name]
		src, ok := m.sources[ms.Source]
		if !ok {
			return nil, fmt.Errorf("mapping %s: unknown source %q", name, ms.Source)
		}
		tm := &triplesMap{name: name}
		if ms.Subject != "" {
			t, err := m.template(ms.Subject, true)
			if err != nil {
				return nil, fmt.Errorf("mapping %s: subject: %w", name, err)
			}
			tm.subject = t
		}
		for _, ty := range ms.Types {
			iri, err := m.expand(ty)
			if err != nil {
				return nil, fmt.Errorf("mapping %s: type: %w", name, err)
			}
			tm.types = append(tm.types, rdf.IRI(iri))
		}
		byName[name] = tm
		src.maps = append(src.maps, tm)
		m.maps = append(m.maps, tm)
	}
	for _, name := range names {
		tm := byName[name]
		for i, ps := range s.Mappings[name].Properties {
			pm, err := m.property(ps, byName, s.Mappings[name].Source)
			if err != nil {
				return nil, fmt.Errorf("mapping %s: property %d (%s): %w", name, i+1, ps.Predicate, err)
			}
			tm.props = append(tm.props, pm)
		}
	}
	return m, nil
}

func (m *Mapping) property(ps PropertySpec, byName map[string]*triplesMap, src string) (*propertyMap, error) {
	p, err := m.expand(ps.Predicate)
	if err != nil || ps.Predicate == "" {
		return nil, fmt.Errorf("predicate: %q is not an IRI or known CURIE", ps.Predicate)
	}
	pm := &propertyMap{predicate: rdf.IRI(p), lang: ps.Language, split: ps.Split, required: ps.Required}
	kinds := 0
	for _, set := range []bool{ps.Value != "", ps.IRI != "", ps.Mapping != ""} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		return nil, fmt.Errorf("want exactly one of value, iri and mapping")
	}
	switch {
	case ps.Value != "":
		pm.kind = objLiteral
		if pm.object, err = m.template(ps.Value, false); err != nil {
			return nil, err
		}
		pm.datatype = rdf.XSDString
		if ps.Datatype != "" {
			dt, err := m.expand(ps.Datatype)
			if err != nil {
				return nil, fmt.Errorf("datatype: %w", err)
			}
			pm.datatype = rdf.IRI(dt)
		}
		if ps.Language != "" {
			if ps.Datatype != "" {
				return nil, fmt.Errorf("a literal has a language or a datatype, not both")
			}
			pm.datatype = rdf.RDFLangString
		}
	case ps.IRI != "":
		pm.kind = objIRI
		if pm.object, err = m.template(ps.IRI, true); err != nil {
			return nil, err
		}
	default:
		pm.kind = objLink
		target, ok := byName[ps.Mapping]
		if !ok {
			return nil, fmt.Errorf("unknown mapping %q", ps.Mapping)
		}
		if target.subject == nil {
			return nil, fmt.Errorf("mapping %q has no subject template to link to", ps.Mapping)
		}
		if len(ps.With) == 0 && m.spec.Mappings[ps.Mapping].Source != src {
			return nil, fmt.Errorf("mapping %q reads another source: say with which values to link (with:)", ps.Mapping)
		}
		pm.object = target.subject.rename(ps.With)
	}
	if ps.Language != "" && pm.kind != objLiteral || ps.Datatype != "" && pm.kind != objLiteral {
		return nil, fmt.Errorf("language and datatype are for literal values")
	}
	return pm, nil
}

// expand turns a CURIE into an IRI; absolute IRIs with an authority (scheme://) or URNs pass,
// so that a CURIE with a misspelt prefix is not taken for an IRI of an unknown scheme.
func (m *Mapping) expand(s string) (string, error) {
	if prefix, local, ok := strings.Cut(s, ":"); ok {
		if ns, ok := m.prefixes[prefix]; ok && !strings.HasPrefix(local, "//") {
			return ns + local, nil
		}
	}
	if rdf.IsAbsoluteIRI(s) && (strings.Contains(s, "://") || strings.HasPrefix(s, "urn:")) {
		return s, nil
	}
	return "", fmt.Errorf("%q is not an IRI or known CURIE", s)
}
