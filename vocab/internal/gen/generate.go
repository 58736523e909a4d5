package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

// term is one generated constant.
type term struct {
	Local string // local name in the namespace
	Ident string // Go identifier
	Doc   []string
}

// generate returns the generated files keyed by slash path relative to vocab/.
func generate(vocPath string) (map[string][]byte, error) {
	cpDocs, err := readVocabulary(vocPath, cpNamespace())
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, v := range vocabularies {
		locals := append([]string(nil), v.Terms...)
		docs := map[string][]string{}
		if v.FromVoc {
			for local, d := range cpDocs {
				docs[local] = d
			}
			for l, d := range v.Extra {
				if _, ok := docs[l]; ok {
					return nil, fmt.Errorf("%s: extra term %s is in the vocabulary file now; drop it from table.go", v.Pkg, l)
				}
				docs[l] = []string{d}
			}
			for l, why := range v.Deprecated {
				if _, ok := docs[l]; !ok {
					return nil, fmt.Errorf("%s: deprecated term %s is not in the vocabulary file", v.Pkg, l)
				}
				docs[l] = append(docs[l], "\n", "Deprecated: "+why)
			}
			locals = locals[:0]
			for l := range docs {
				locals = append(locals, l)
			}
		}
		terms, err := makeTerms(v, locals, docs)
		if err != nil {
			return nil, err
		}
		src, err := render(v, terms)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", v.Pkg, err)
		}
		files[v.Pkg+"/"+v.Pkg+"_gen.go"] = src
	}
	src, err := renderNamespaces()
	if err != nil {
		return nil, err
	}
	files["namespaces_gen.go"] = src
	return files, nil
}

func cpNamespace() string {
	for _, v := range vocabularies {
		if v.FromVoc {
			return v.IRI
		}
	}
	panic("unreachable: no vocabulary is read from a file")
}

// readVocabulary returns, per local name in ns, the doc lines drawn from the vocabulary: the
// rdfs:label and rdfs:comment in Dutch (or untagged), the kind, domain and range.
func readVocabulary(path, ns string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	const (
		rdfsNS = "http://www.w3.org/2000/01/rdf-schema#"
	)
	type info struct{ labels, comments, kinds, domains, ranges []string }
	infos := map[string]*info{}
	r := turtle.NewReader(f, rdf.ReadOptions{File: path})
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		s, ok := q.Subject.(rdf.IRI)
		if !ok || !strings.HasPrefix(string(s), ns) || len(s) == len(ns) {
			continue
		}
		local := string(s)[len(ns):]
		in := infos[local]
		if in == nil {
			in = &info{}
			infos[local] = in
		}
		p := q.Predicate.(rdf.IRI)
		switch p {
		case rdfsNS + "label", rdfsNS + "comment":
			l, ok := q.Object.(rdf.Literal)
			if !ok || (l.Lang != "" && !strings.EqualFold(l.Lang, "nl")) {
				continue
			}
			text := strings.Join(strings.Fields(l.Lexical), " ")
			if p == rdfsNS+"label" {
				in.labels = append(in.labels, text)
			} else {
				in.comments = append(in.comments, text)
			}
		case rdf.RDFType:
			in.kinds = append(in.kinds, compact(q.Object))
		case rdfsNS + "domain":
			in.domains = append(in.domains, compact(q.Object))
		case rdfsNS + "range":
			in.ranges = append(in.ranges, compact(q.Object))
		}
	}
	docs := map[string][]string{}
	for local, in := range infos {
		var d []string
		if len(in.labels) > 0 {
			d = append(d, "Label: "+strings.Join(sortedUnique(in.labels), "; ")+".")
		}
		for _, c := range sortedUnique(in.comments) {
			d = append(d, sentence(c))
		}
		var facts []string
		if len(in.kinds) > 0 {
			facts = append(facts, "Type "+strings.Join(sortedUnique(in.kinds), ", "))
		}
		if len(in.domains) > 0 {
			facts = append(facts, "domain "+strings.Join(sortedUnique(in.domains), ", "))
		}
		if len(in.ranges) > 0 {
			facts = append(facts, "range "+strings.Join(sortedUnique(in.ranges), ", "))
		}
		if len(facts) > 0 {
			d = append(d, strings.Join(facts, ", ")+".")
		}
		docs[local] = d
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no terms in %s", path, ns)
	}
	return docs, nil
}

func sentence(s string) string {
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

func sortedUnique(xs []string) []string {
	sort.Strings(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// compact writes an IRI as prefix:local with the table's prefixes (http://schema.org/ too).
func compact(t rdf.Term) string {
	iri, ok := t.(rdf.IRI)
	if !ok {
		return t.String()
	}
	s := string(iri)
	best, bestLen := "", 0
	for _, v := range vocabularies {
		if strings.HasPrefix(s, v.IRI) && len(v.IRI) > bestLen {
			best, bestLen = v.Prefix+":"+s[len(v.IRI):], len(v.IRI)
		}
	}
	if best != "" {
		return best
	}
	return "<" + s + ">"
}

// makeTerms turns local names into Go identifiers. Separators (. _ -) start a new word. A
// property whose name would equal a class's (locn:address and locn:Address) takes the suffix
// Prop (cp:Feedback.content -> FeedbackContentProp beside the class FeedbackContent); two terms that still collide are an error.
func makeTerms(v vocabulary, locals []string, docs map[string][]string) ([]term, error) {
	sort.Strings(locals)
	classes := map[string]bool{}
	for _, l := range locals {
		if isClass(l) {
			classes[ident(l)] = true
		}
	}
	seen := map[string]string{}
	var terms []term
	for _, l := range locals {
		id := ident(l)
		if !isClass(l) && classes[id] {
			id += "Prop"
		}
		if id == "Namespace" || id == "Prefix" {
			id += "Term"
		}
		if prev, dup := seen[id]; dup {
			return nil, fmt.Errorf("%s: %q and %q both make %s", v.Pkg, prev, l, id)
		}
		seen[id] = l
		terms = append(terms, term{Local: l, Ident: id, Doc: docs[l]})
	}
	sort.Slice(terms, func(i, j int) bool { return terms[i].Ident < terms[j].Ident })
	return terms, nil
}

// isClass guesses from the name: classes start upper case and, unlike the OSLO properties
// (Activiteit.prijs), have no dot.
func isClass(s string) bool { return startsUpper(s) && !strings.Contains(s, ".") }

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func ident(local string) string {
	var b strings.Builder
	up := true
	for _, r := range local {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func render(v vocabulary, terms []term) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by vocab/internal/gen; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "// Package %s holds the terms of %s (prefix %s:, %s).\n", v.Pkg, v.Title, v.Prefix, v.IRI)
	fmt.Fprintf(&b, "//\n// Defined by %s.", v.Spec)
	if v.FromVoc {
		fmt.Fprintf(&b, " Generated from the\n// vocabulary file cultuurparticipatie-voc.ttl; doc comments quote its Dutch labels and comments.")
	}
	fmt.Fprintf(&b, "\n// A property whose Go name would equal a class's carries the suffix Prop.\n")
	fmt.Fprintf(&b, "package %s\n\nimport \"github.com/uitwisselingsplatform/uwp/rdf\"\n\n", v.Pkg)
	fmt.Fprintf(&b, "// Namespace is the namespace IRI; Prefix the prefix uwp declares for it.\nconst (\n")
	fmt.Fprintf(&b, "\tNamespace = %q\n\tPrefix = %q\n)\n\n", v.IRI, v.Prefix)
	fmt.Fprintf(&b, "// Terms of the namespace.\nconst (\n")
	for _, t := range terms {
		head := fmt.Sprintf("%s is %s:%s.", t.Ident, v.Prefix, t.Local)
		lines := wrap(append([]string{head}, t.Doc...), 100)
		for _, l := range lines {
			if l == "" {
				fmt.Fprintf(&b, "\t//\n")
				continue
			}
			fmt.Fprintf(&b, "\t// %s\n", l)
		}
		fmt.Fprintf(&b, "\t%s rdf.IRI = Namespace + %q\n", t.Ident, t.Local)
	}
	fmt.Fprintf(&b, ")\n")
	return format.Source(b.Bytes())
}

// wrap fills the words of paras into lines of at most width characters.
func wrap(paras []string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, p := range paras {
		if p == "\n" { // paragraph break
			if cur.Len() > 0 {
				lines = append(lines, cur.String())
				cur.Reset()
			}
			lines = append(lines, "")
			continue
		}
		for _, w := range strings.Fields(p) {
			if cur.Len() > 0 && cur.Len()+1+len(w) > width {
				lines = append(lines, cur.String())
				cur.Reset()
			}
			if cur.Len() > 0 {
				cur.WriteByte(' ')
			}
			cur.WriteString(w)
		}
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func renderNamespaces() ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by vocab/internal/gen; DO NOT EDIT.\n\npackage vocab\n\n")
	fmt.Fprintf(&b, "import \"github.com/uitwisselingsplatform/uwp/rdf\"\n\n")
	fmt.Fprintf(&b, "// Namespace IRIs, one per package under vocab/.\nconst (\n")
	for _, v := range vocabularies {
		fmt.Fprintf(&b, "\t// %s is %s (prefix %s:).\n\t%s = %q\n", nsConst(v), v.Title, v.Prefix, nsConst(v), v.IRI)
	}
	fmt.Fprintf(&b, ")\n\n")
	fmt.Fprintf(&b, "// Namespaces lists the prefix bindings writers declare, in a stable order. Callers must not\n// modify it; use Prefixes for a copy.\nvar Namespaces = []rdf.Namespace{\n")
	for _, v := range vocabularies {
		fmt.Fprintf(&b, "\t{Prefix: %q, IRI: %s},\n", v.Prefix, nsConst(v))
	}
	fmt.Fprintf(&b, "}\n")
	return format.Source(b.Bytes())
}

// nsConst names the namespace constant of v in package vocab: RDF, RDFS, XSD, DCTerms, CP, ...
func nsConst(v vocabulary) string {
	special := map[string]string{
		"rdf": "RDF", "rdfs": "RDFS", "xsd": "XSD", "owl": "OWL", "skos": "SKOS", "dcterms": "DCTerms",
		"dcat": "DCAT", "prov": "PROV", "foaf": "FOAF", "org": "ORG", "schema": "Schema", "locn": "LOCN",
		"adms": "ADMS", "generiek": "Generiek", "cidoc": "CIDOC", "m8g": "M8G", "cp": "CP", "platform": "Platform",
		"geosparql": "GeoSPARQL", "geo": "Geo", "sh": "SH", "void": "VoID", "sd": "SD", "ldes": "LDES",
		"tree": "Tree", "person": "Person", "regorg": "RegOrg", "udb": "UDB",
	}
	if s, ok := special[v.Prefix]; ok {
		return s
	}
	panic("unreachable: no constant name for prefix " + v.Prefix)
}
