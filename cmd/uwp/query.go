package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/uitwisselingsplatform/uwp/engine"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/sparql"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
	"github.com/uitwisselingsplatform/uwp/sparql/results"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
	"github.com/uitwisselingsplatform/uwp/triplestore"
	"github.com/uitwisselingsplatform/uwp/vocab"
)

func init() {
	register(&command{
		name: "query",
		args: "('QUERY' | --file q.rq)",
		summary: `Run a SPARQL query against the store and write the result to standard output.
SELECT and ASK results: table (the default on a terminal), json, xml, csv, tsv (the default
otherwise). CONSTRUCT and DESCRIBE: turtle (default), ntriples, nquads, trig, jsonld, rdfxml.
A missing or empty data directory is an empty store.`,
		flags: func(fs *pflag.FlagSet) {
			queryFlags(fs)
			fs.String("format", "", "result format (see above)")
		},
		run: runQuery,
	})
	register(&command{
		name:    "update",
		args:    "('UPDATE' | --file u.ru)",
		summary: "Run a SPARQL 1.1 Update request against the store, atomically.",
		flags:   queryFlags,
		run:     runUpdate,
	})
}

// queryFlags are shared by query, update and explain.
func queryFlags(fs *pflag.FlagSet) {
	fs.String("file", "", "read the request from this file")
	fs.String("base", "", "base IRI of the request (default: the file: URL of --file)")
	fs.Bool("union-default-graph", false, "the default graph is the union of all graphs")
	fs.Duration("timeout", 0, "stop the request after this long (0: no limit)")
	fs.Int64("memory-budget", 0, "bytes that sorting, grouping and hash joins may hold (0: 1 GiB)")
	fs.Bool("service", false, "let SERVICE call remote SPARQL endpoints over HTTP (off: SERVICE is an error)")
}

// requestText returns the request from --file or the single argument, and its base IRI.
func requestText(cfg *viper.Viper, args []string) (src, base string, err error) {
	base = cfg.GetString("base")
	if f := cfg.GetString("file"); f != "" {
		if len(args) > 0 {
			return "", "", fmt.Errorf("%w: give the request as an argument or with --file, not both", errUsage)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return "", "", err
		}
		if base == "" {
			base = formats.FileURL(f)
		}
		return string(b), base, nil
	}
	if len(args) != 1 {
		return "", "", fmt.Errorf("%w: give one request (quote it) or --file", errUsage)
	}
	return args[0], base, nil
}

func evalOptions(cfg *viper.Viper, base string) sparql.Options {
	o := sparql.Options{Base: base, Eval: eval.Options{
		UnionDefaultGraph: cfg.GetBool("union-default-graph"),
		MemoryBudget:      cfg.GetInt64("memory-budget"),
	}}
	if cfg.GetBool("service") {
		o.Eval.Service = engine.HTTPService(nil)
	}
	return o
}

func withTimeout(ctx context.Context, cfg *viper.Viper) (context.Context, context.CancelFunc) {
	if d := cfg.GetDuration("timeout"); d > 0 {
		return context.WithTimeout(ctx, d)
	}
	return context.WithCancel(ctx)
}

// explainDeadline turns a context error into a message a user understands.
func explainDeadline(err error, cfg *viper.Viper) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("the request ran longer than --timeout %s and was stopped", cfg.GetDuration("timeout"))
	}
	return err
}

func runQuery(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	src, base, err := requestText(cfg, args)
	if err != nil {
		return err
	}
	q, err := parser.ParseQuery(src, parser.Options{Base: base})
	if err != nil {
		return err
	}
	var f sparql.Format
	if err := chooseQueryFormat(&f, q.Form, cfg.GetString("format"), e.stdoutTTY); err != nil {
		return err
	}
	ctx, cancel := withTimeout(ctx, cfg)
	defer cancel()
	s, err := openStore(cfg.GetString("data"), false)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	return runOnDataset(cfg, s, out, func(ds eval.Dataset) error {
		opts := evalOptions(cfg, base)
		res, err := eval.Query(ctx, ds, q, opts.Eval)
		if err != nil {
			return err
		}
		return sparql.WriteResult(out, res, f)
	})
}

// runOnDataset runs f over the store s inside one read transaction, or over an empty
// in-memory dataset when there is no store (s nil), closes s and flushes out. An error
// that is a deadline says which --timeout ran out.
func runOnDataset(cfg *viper.Viper, s *triplestore.Store, out *bufio.Writer, f func(eval.Dataset) error) error {
	var err error
	if s == nil {
		err = f(memds.New())
	} else {
		defer s.Close()
		err = s.View(func(tx *triplestore.Tx) error { return f(engine.New(tx)) })
	}
	if err != nil {
		out.Flush()
		return explainDeadline(err, cfg)
	}
	return out.Flush()
}

// chooseQueryFormat picks the output syntax for the query form from --format (or the default).
func chooseQueryFormat(f *sparql.Format, form syntax.Form, name string, tty bool) error {
	f.RDFOptions = rdf.WriteOptions{Prefixes: vocab.Namespaces}
	switch form {
	case syntax.Select, syntax.Ask:
		switch {
		case name != "":
			rf, err := results.ParseFormat(name)
			if err != nil {
				return fmt.Errorf("%w: --format %q cannot carry SELECT or ASK results: use table, json, xml, csv or tsv", errUsage, name)
			}
			f.Results = rf
		case tty:
			f.Results = results.Table
		default:
			f.Results = results.TSV
		}
	default:
		f.RDF = rdf.Turtle
		if name != "" {
			rf, ok := rdf.ParseFormat(name)
			if !ok {
				return fmt.Errorf("%w: --format %q cannot carry a graph: use turtle, ntriples, nquads, trig, jsonld or rdfxml", errUsage, name)
			}
			f.RDF = rf
		}
	}
	return nil
}

func runUpdate(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	src, base, err := requestText(cfg, args)
	if err != nil {
		return err
	}
	u, err := parser.ParseUpdate(src, parser.Options{Base: base})
	if err != nil {
		return err
	}
	ctx, cancel := withTimeout(ctx, cfg)
	defer cancel()
	s, err := openStore(cfg.GetString("data"), true)
	if err != nil {
		return err
	}
	defer s.Close()
	start := time.Now()
	var before, after uint64
	if ops, ok := engine.ClearOnly(u); ok {
		// Only CLEAR and DROP: through the store's loader, so that emptying a large graph is
		// written in bounded transactions on a copy of the store.
		var st triplestore.LoadStats
		if st, err = engine.ClearGraphs(ctx, s, ops, triplestore.LoadOptions{}); err != nil {
			return fmt.Errorf("%w\nnothing was changed", explainDeadline(err, cfg))
		}
		err = s.View(func(tx *triplestore.Tx) error {
			n, err := tx.Count(triplestore.Pattern{})
			before, after = n+st.Removed, n
			return err
		})
		if err == nil {
			err = s.Close()
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "update done in %s: %d quads before, %d after\n", time.Since(start).Round(time.Millisecond), before, after)
		return nil
	}
	err = s.Update(func(tx *triplestore.Tx) error {
		st, err := tx.Stats()
		if err != nil {
			return err
		}
		before = st.Quads
		if err := eval.Update(ctx, engine.New(tx), u, evalOptions(cfg, base).Eval); err != nil {
			return err
		}
		st, err = tx.Stats()
		after = st.Quads
		return err
	})
	if err != nil {
		return fmt.Errorf("%w\nnothing was changed", explainDeadline(err, cfg))
	}
	if err := s.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "update done in %s: %d quads before, %d after\n", time.Since(start).Round(time.Millisecond), before, after)
	return nil
}
