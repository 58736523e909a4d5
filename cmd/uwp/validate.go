package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/uitwisselingsplatform/uwp/oslo"
	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/oslo/shacl"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/triplestore"
	"github.com/uitwisselingsplatform/uwp/vocab"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

func init() {
	register(&command{
		name: "validate",
		args: "(--graph G | FILE...)",
		summary: `Validate RDF against SHACL shapes and print the validation report.
--shapes names a shapes file in any RDF syntax, or an OSLO directory laid out as
../shared/oslo, which selects the UWP application profile (its shapes plus the OSLO
vocabulary's class hierarchy; see package oslo). The data is the FILEs (any syntax, by
extension), or one graph of the store with --graph (an IRI, or "default"). The report is
grouped by focus node (--summary counts them per path and constraint instead, for large
data); --format turtle (or trig, nquads, jsonld, ...) prints the
sh:ValidationReport as RDF instead. Exits 1 when there is a result of severity sh:Violation,
0 when there are none (warnings and infos alone do not fail).`,
		flags: func(fs *pflag.FlagSet) {
			fs.String("shapes", "", "SHACL shapes file, or an OSLO directory (required; config key shapes)")
			fs.String("graph", "", `validate this graph of the store (an IRI, or "default") instead of files`)
			fs.String("format", "text", "report format: text, or an RDF syntax (turtle, trig, nquads, jsonld, ...)")
			fs.String("lang", "nl", "preferred language of sh:message texts")
			fs.Int("max-results", 0, "stop after this many results (0: no limit)")
			fs.Bool("summary", false, "print counts per severity, path and constraint instead of every result")
		},
		run: runValidate,
	})
}

func runValidate(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	shapesPath := cfg.GetString("shapes")
	if shapesPath == "" {
		return fmt.Errorf("%w: --shapes is required", errUsage)
	}
	graphName := cfg.GetString("graph")
	if (graphName == "") == (len(args) == 0) {
		return fmt.Errorf("%w: give either --graph or FILEs to validate", errUsage)
	}
	format := cfg.GetString("format")
	var rdfFormat rdf.Format
	if format != "text" {
		f, ok := rdf.ParseFormat(format)
		if !ok {
			return fmt.Errorf("%w: unknown --format %q", errUsage, format)
		}
		rdfFormat = f
	}
	shapes, classes, err := loadValidationShapes(shapesPath)
	if err != nil {
		return err
	}
	data := graph.New()
	if graphName != "" {
		err = readStoreGraph(ctx, cfg.GetString("data"), graphName, data)
	} else {
		err = readDataFiles(ctx, args, data)
	}
	if err != nil {
		return err
	}
	rep := shapes.Validate(data, shacl.Options{Classes: classes, MaxResults: cfg.GetInt("max-results")})
	out := bufio.NewWriter(e.stdout)
	if rdfFormat != 0 {
		w, err := formats.NewWriter(rdfFormat, out, rdf.WriteOptions{Prefixes: vocab.Namespaces})
		if err != nil {
			return err
		}
		for _, q := range rep.Quads() {
			if err := w.Write(q); err != nil {
				return err
			}
		}
		if err := w.Close(); err != nil {
			return err
		}
	} else {
		writeTextReport(out, rep, data.Len(), len(shapes.All), cfg.GetString("lang"), cfg.GetBool("summary"))
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if n := rep.Count(sh.Violation); n > 0 {
		return &exitError{code: 1}
	}
	return nil
}

// loadValidationShapes reads --shapes: a directory is an OSLO profile directory, anything
// else one shapes file in a syntax known by its extension.
func loadValidationShapes(path string) (*shacl.Shapes, *graph.Graph, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if st.IsDir() {
		p, err := oslo.LoadProfile(path)
		if err != nil {
			return nil, nil, err
		}
		return p.Shapes, p.Classes, nil
	}
	g := graph.New()
	if err := readRDFFile(path, g); err != nil {
		return nil, nil, err
	}
	s, err := shacl.Compile(g)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil, nil
}

// readRDFFile adds the triples of one file (any syntax by extension, compressed or not) to g.
func readRDFFile(path string, g *graph.Graph) error {
	f, _, ok := formats.Detect(path)
	if !ok {
		return fmt.Errorf("%w: cannot tell the syntax of %s from its name", errUsage, path)
	}
	fh, err := formats.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	r, err := formats.NewReader(f, fh, rdf.ReadOptions{Base: formats.FileURL(path), File: path})
	if err != nil {
		return err
	}
	if _, err := g.Load(r); err != nil {
		return err
	}
	return nil
}

func readDataFiles(ctx context.Context, args []string, g *graph.Graph) error {
	for _, a := range args {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if st, err := os.Stat(a); err != nil {
			return err
		} else if st.IsDir() {
			return fmt.Errorf("%s is a directory: name the files to validate", a)
		}
		if err := readRDFFile(a, g); err != nil {
			return err
		}
	}
	return nil
}

// readStoreGraph copies one graph of the store into g.
func readStoreGraph(ctx context.Context, dataDir, name string, g *graph.Graph) error {
	var want rdf.Term
	switch {
	case name == "default":
		want = triplestore.DefaultGraphIRI
	case rdf.IsAbsoluteIRI(name):
		want = rdf.IRI(name)
	default:
		return fmt.Errorf("%w: --graph needs an absolute IRI or \"default\", got %q", errUsage, name)
	}
	s, err := openStore(dataDir, false)
	if err != nil {
		return err
	}
	if s == nil {
		return fmt.Errorf("no store in %s", dataDir)
	}
	defer s.Close()
	return s.View(func(tx *triplestore.Tx) error {
		it := tx.MatchTerms(nil, nil, nil, want)
		defer it.Close()
		for it.Next() {
			g.AddQuad(it.Quad())
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		return it.Err()
	})
}

// writeTextReport prints the results grouped by focus node, in the order of the report,
// and a summary line.
func writeTextReport(w io.Writer, rep *shacl.Report, triples, shapes int, lang string, summary bool) {
	if rep.Conforms {
		fmt.Fprintf(w, "conforms: %d triples, %d shapes, no results\n", triples, shapes)
		return
	}
	if summary {
		writeSummary(w, rep)
	}
	var order []rdf.Term
	byFocus := map[rdf.Term][]*shacl.Result{}
	for i := range rep.Results {
		r := &rep.Results[i]
		if _, seen := byFocus[r.Focus]; !seen {
			order = append(order, r.Focus)
		}
		byFocus[r.Focus] = append(byFocus[r.Focus], r)
	}
	for _, f := range order {
		if summary {
			break
		}
		fmt.Fprintf(w, "%s\n", termText(f))
		for _, r := range byFocus[f] {
			path := "-"
			if pp, ok := r.Path.(shacl.PredicatePath); ok {
				path = termText(pp.IRI)
			} else if r.Path != nil {
				path = r.Path.String()
			}
			fmt.Fprintf(w, "  %-9s %s: %s", severityText(r.Severity), path, r.Message(lang))
			if r.Value != nil && !strings.Contains(r.Message(lang), r.Value.String()) {
				fmt.Fprintf(w, " (value %s)", termText(r.Value))
			}
			name := r.ShapeName
			if name == "" {
				name = termText(r.Shape)
			}
			fmt.Fprintf(w, "  [%s, %s]\n", name, strings.TrimSuffix(strings.TrimPrefix(string(r.Component), sh.Namespace), "ConstraintComponent"))
		}
	}
	if !summary {
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d violation(s), %d warning(s), %d info(s) on %d focus node(s); %d triples, %d shapes",
		rep.Count(sh.Violation), rep.Count(sh.Warning), rep.Count(sh.Info), len(order), triples, shapes)
	if rep.Truncated {
		fmt.Fprintf(w, " (stopped at --max-results)")
	}
	fmt.Fprintln(w)
}

// writeSummary prints one line per (severity, path, constraint, shape) with its count, in
// the order first met.
func writeSummary(w io.Writer, rep *shacl.Report) {
	type key struct{ severity, path, component, shape string }
	var order []key
	counts := map[key]int{}
	for i := range rep.Results {
		r := &rep.Results[i]
		k := key{severity: severityText(r.Severity), path: "-", shape: r.ShapeName,
			component: strings.TrimSuffix(strings.TrimPrefix(string(r.Component), sh.Namespace), "ConstraintComponent")}
		if pp, ok := r.Path.(shacl.PredicatePath); ok {
			k.path = termText(pp.IRI)
		} else if r.Path != nil {
			k.path = r.Path.String()
		}
		if k.shape == "" {
			k.shape = termText(r.Shape)
		}
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	for _, k := range order {
		fmt.Fprintf(w, "%8d  %-9s %s  [%s, %s]\n", counts[k], k.severity, k.path, k.shape, k.component)
	}
	fmt.Fprintln(w)
}

func termText(t rdf.Term) string {
	if iri, ok := t.(rdf.IRI); ok {
		if c, ok := vocab.Compact(iri); ok {
			return c
		}
	}
	return t.String()
}

func severityText(s rdf.IRI) string {
	if v, ok := strings.CutPrefix(string(s), sh.Namespace); ok {
		return v
	}
	return termText(s)
}
