package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

func init() {
	register(&command{
		name: "load",
		args: "FILE... | -",
		summary: `Load RDF files (or standard input, "-") into the store.
Formats come from --format or each file's extension (.nt .nq .ttl .trig .rdf .jsonld, optionally
.gz or .bz2). Loading is atomic: by default the first syntax error is reported as file:line:col
and the store stays exactly as it was; --lenient skips bad statements, reports each, and loads
the rest. Blank nodes are scoped per file.`,
		flags: func(fs *pflag.FlagSet) {
			fs.String("graph", "", "load the files' default-graph triples into this named graph (IRI)")
			fs.String("base", "", "base IRI for relative references (default: each file's file: URL)")
			fs.String("format", "", "syntax of all inputs: ntriples, nquads, turtle, trig, rdfxml, jsonld")
			fs.Bool("lenient", false, "skip statements with syntax errors instead of failing")
			fs.Bool("quiet", false, "no progress line and no summary")
		},
		run: runLoad,
	})
}

func runLoad(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: name at least one file, or - for standard input", errUsage)
	}
	var forced rdf.Format
	if name := cfg.GetString("format"); name != "" {
		f, ok := rdf.ParseFormat(name)
		if !ok {
			return fmt.Errorf("%w: unknown --format %q", errUsage, name)
		}
		forced = f
	}
	var graph rdf.Term
	if g := cfg.GetString("graph"); g != "" {
		if !rdf.IsAbsoluteIRI(g) {
			return fmt.Errorf("%w: --graph needs an absolute IRI, got %q", errUsage, g)
		}
		graph = rdf.IRI(g)
	}
	base := cfg.GetString("base")
	if base != "" && !rdf.IsAbsoluteIRI(base) {
		return fmt.Errorf("%w: --base needs an absolute IRI, got %q", errUsage, base)
	}
	srcs, total, err := loadSources(args, forced, base, graph, e.stdin)
	if err != nil {
		return err
	}
	quiet := cfg.GetBool("quiet")
	s, err := openStore(cfg.GetString("data"), true)
	if err != nil {
		return err
	}
	defer s.Close()

	prog := newProgressLine(e.stderr, e.stderrTTY && !quiet, total)
	var mu sync.Mutex // OnError and Progress come from the loader's goroutines
	var skipped []error
	opts := triplestore.LoadOptions{
		Lenient:   cfg.GetBool("lenient"),
		NewReader: formats.NewReader,
		TempDir:   cfg.GetString("data"),
		OnError: func(err error) {
			mu.Lock()
			defer mu.Unlock()
			skipped = append(skipped, err)
			prog.clear()
			fmt.Fprintf(e.stderr, "skipped: %v\n", err)
		},
		Progress: func(p triplestore.LoadProgress) {
			mu.Lock()
			defer mu.Unlock()
			prog.update(int64(p.Statements), p.Bytes)
		},
	}
	st, err := s.Load(ctx, srcs, opts)
	mu.Lock()
	prog.done()
	mu.Unlock()
	if err != nil {
		var se *rdf.SyntaxError
		if errors.As(err, &se) {
			return fmt.Errorf("%w\nnothing was loaded: the store is unchanged (use --lenient to skip bad statements)", err)
		}
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted: nothing was loaded, the store is unchanged")
		}
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	if !quiet {
		rate := 0.0
		if st.Elapsed > 0 {
			rate = float64(st.Statements) / st.Elapsed.Seconds()
		}
		fmt.Fprintf(e.stderr, "loaded %d statements (%d new) from %d source(s) in %s: %s statements/s",
			st.Statements, st.Added, len(srcs), st.Elapsed.Round(time.Millisecond), human(rate))
		if len(skipped) > 0 {
			fmt.Fprintf(e.stderr, "; skipped %d bad statement(s)", len(skipped))
		}
		fmt.Fprintf(e.stderr, " (%s)\n", loadPath(st))
	}
	return nil
}

// loadSources turns the arguments into loader sources: formats from the flag or the file
// names, compression undone, each file's base its own file: URL unless --base says otherwise.
func loadSources(args []string, forced rdf.Format, base string, graph rdf.Term, stdin io.Reader) ([]triplestore.LoadSource, int64, error) {
	var srcs []triplestore.LoadSource
	var total int64
	stdinUsed := false
	for _, a := range args {
		if a == "-" {
			if stdinUsed {
				return nil, 0, fmt.Errorf("%w: standard input named twice", errUsage)
			}
			stdinUsed = true
			if forced == 0 {
				return nil, 0, fmt.Errorf("%w: standard input needs --format", errUsage)
			}
			b := base
			if b == "" {
				if wd, err := os.Getwd(); err == nil {
					b = formats.FileURL(wd) + "/"
				}
			}
			srcs = append(srcs, triplestore.LoadSource{
				Name: "<stdin>", Format: forced, Base: b, Graph: graph,
				Open: func() (io.ReadCloser, error) { return io.NopCloser(stdin), nil },
			})
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, 0, err
		}
		if st.IsDir() {
			return nil, 0, fmt.Errorf("%s is a directory: name the files to load", a)
		}
		f := forced
		if f == 0 {
			var ok bool
			if f, _, ok = formats.Detect(a); !ok {
				return nil, 0, fmt.Errorf("%w: cannot tell the syntax of %s from its name (%s): use --format",
					errUsage, a, strings.TrimPrefix(filepath.Ext(a), "."))
			}
		}
		b := base
		if b == "" {
			b = formats.FileURL(a)
		}
		path := a
		srcs = append(srcs, triplestore.LoadSource{
			Name: a, Format: f, Base: b, Graph: graph, Size: st.Size(),
			Open: func() (io.ReadCloser, error) { return formats.Open(path) },
		})
		total += st.Size()
	}
	return srcs, total, nil
}

// loadPath says how the store's loader wrote a load (triplestore.Store.Load).
func loadPath(st triplestore.LoadStats) string {
	switch {
	case st.Bulk:
		return "into an empty store: a new file"
	case st.Copied:
		return fmt.Sprintf("through a copy of the store, %d transactions", st.Commits)
	default:
		return "one transaction"
	}
}
