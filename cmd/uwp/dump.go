package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/triplestore"
	"github.com/uitwisselingsplatform/uwp/vocab"
)

func init() {
	register(&command{
		name: "dump",
		summary: `Write the store's contents to standard output, streaming.
N-Triples and N-Quads come out in the canonical form of RDF 1.1; Turtle and TriG group
statements by subject without buffering. --graph picks one graph ("default" for the default
graph); formats without named graphs (ntriples, turtle) need --graph when the store has any.`,
		flags: func(fs *pflag.FlagSet) {
			fs.String("format", "nquads", "output syntax: nquads, trig, turtle, ntriples, jsonld, rdfxml")
			fs.String("graph", "", `dump only this graph (an IRI, or "default")`)
		},
		run: runDump,
	})
}

func runDump(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: dump takes no arguments", errUsage)
	}
	f, ok := rdf.ParseFormat(cfg.GetString("format"))
	if !ok {
		return fmt.Errorf("%w: unknown --format %q", errUsage, cfg.GetString("format"))
	}
	var only rdf.Term
	switch g := cfg.GetString("graph"); g {
	case "":
	case "default":
		only = triplestore.DefaultGraphIRI
	default:
		if !rdf.IsAbsoluteIRI(g) {
			return fmt.Errorf("%w: --graph needs an absolute IRI or \"default\", got %q", errUsage, g)
		}
		only = rdf.IRI(g)
	}
	s, err := openStore(cfg.GetString("data"), false)
	if err != nil || s == nil {
		return err
	}
	defer s.Close()
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	w, err := formats.NewWriter(f, out, rdf.WriteOptions{Stream: true, Prefixes: vocab.Namespaces})
	if err != nil {
		return err
	}
	err = s.View(func(tx *triplestore.Tx) error {
		graphs := []rdf.Term{only}
		if only == nil {
			ids, err := tx.Graphs()
			if err != nil {
				return err
			}
			if len(ids) > 0 && !f.Quads() {
				return fmt.Errorf("the store has %d named graphs, which %s cannot express: use --format nquads or trig, or pick one with --graph", len(ids), f)
			}
			graphs = []rdf.Term{triplestore.DefaultGraphIRI}
			for _, id := range ids {
				t, err := tx.Term(id)
				if err != nil {
					return err
				}
				graphs = append(graphs, t)
			}
		}
		for _, g := range graphs {
			it := tx.MatchTerms(nil, nil, nil, g)
			for it.Next() {
				q := it.Quad()
				if !f.Quads() {
					q.Graph = nil
				}
				if err := w.Write(q); err != nil {
					it.Close()
					return err
				}
				if ctx.Err() != nil {
					it.Close()
					return ctx.Err()
				}
			}
			if err := it.Err(); err != nil {
				it.Close()
				return err
			}
			it.Close()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return out.Flush()
}
