package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/pipeline"
	"github.com/uitwisselingsplatform/uwp/ingest/product"
	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
	"github.com/uitwisselingsplatform/uwp/ingest/uitdatabank"
	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/oslo/shacl"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// defaultBase is the IRI base of products when neither --base nor the config sets one: the
// example base of the demo data. Configure the platform's own for anything published.
const defaultBase = "https://data.example.org/"

func init() {
	register(&command{
		name: "ingest",
		args: "(uitdatabank | tickets | map) FILE... | -",
		summary: `Ingest exports into a data product: one named graph per producer dataset, replaced
atomically, described (DCAT, PROV: producer, source, adapter, mapping version, time, record
counts) in the catalogue graph BASE/catalogue. The adapters:
  uitdatabank  UiTdatabank JSON-LD: single documents, arrays, Search API pages (embed=true)
  tickets      ticketing exports (CSV or JSON lines) with --mapping generic, ticketmatic or a
               column mapping YAML, pseudonymised at the door: needs a key from --key-file,
               --key-command (a command that prints it) or UWP_PSEUDONYM_KEY; there is no
               default key and personal data is refused without one
  map          any CSV/JSON export with a declarative --mapping YAML; FILEs are SOURCE=PATH or
               PATH (matched to the mapping's sources), none reads the mapping's own files
All FILEs of one run go into the one product --product (DATASET or PRODUCER/DATASET). Strict
by default: the first bad record is reported (file and JSON pointer or CSV row:col) and
nothing is stored; --lenient skips bad records and reports each. --shapes validates the
product against SHACL shapes before storing (violations refuse the ingest unless --lenient).
--dry-run maps and validates, reports, and stores nothing.`,
		flags: func(fs *pflag.FlagSet) {
			fs.String("product", "", "data product: DATASET or PRODUCER/DATASET (required; names are [A-Za-z0-9._-])")
			fs.String("producer", "local", "producer part of the product name (config key producer)")
			fs.String("producer-iri", "", "the producing organisation, e.g. its OVO code IRI (dcterms:publisher, dcterms:creator of identifiers)")
			fs.String("base", defaultBase, "IRI base of the product, its graph, the catalogue and minted nodes (config key base)")
			fs.String("mapping", "", "tickets: generic, ticketmatic or a column mapping YAML; map: the mapping YAML (required for both)")
			fs.String("key-file", "", "tickets: read the pseudonymisation key from this file")
			fs.String("key-command", "", "tickets: run this command (split on spaces, no shell) and take its output as the key")
			fs.Bool("age-band", false, "tickets: write an age band instead of the birth year")
			fs.String("taxonomy", "production", "uitdatabank: taxonomy host, production or test (or a term base IRI)")
			fs.String("entity-base", "", "uitdatabank: rewrite entity IRIs onto this base (e.g. https://io.uitdatabank.be/); empty keeps @id")
			fs.String("shapes", "", "validate against these SHACL shapes (an OSLO directory or a shapes file; config key shapes)")
			fs.String("lang", "nl", "preferred language of SHACL messages")
			fs.Bool("dry-run", false, "map and validate, report, store nothing")
			fs.Bool("lenient", false, "skip bad records (and store despite SHACL violations), reporting each")
			fs.Int("max-errors", 0, "with --lenient: fail after this many bad records (0: no limit)")
			fs.Bool("quiet", false, "no progress line, no skipped-record lines, no summary")
		},
		run: runIngest,
	})
}

// ingestConfig resolves one `uwp ingest` from flags and configuration into a pipeline.Config.
func ingestConfig(cfg *viper.Viper, args []string) (pipeline.Config, error) {
	var j pipeline.Config
	if len(args) == 0 {
		return j, fmt.Errorf("%w: name the adapter: uitdatabank, tickets or map", errUsage)
	}
	j.Inputs = args[1:]
	switch args[0] {
	case "uitdatabank":
		j.Adapter = "uitdatabank"
	case "tickets":
		j.Adapter = "tickets"
	case "map", "mapping":
		j.Adapter = "mapping"
	default:
		return j, fmt.Errorf("%w: unknown adapter %q (want uitdatabank, tickets or map)", errUsage, args[0])
	}
	if j.Adapter != "mapping" && len(j.Inputs) == 0 {
		return j, fmt.Errorf("%w: name at least one FILE, or - for standard input", errUsage)
	}
	if i := slices.Index(j.Inputs, "-"); i >= 0 && slices.Contains(j.Inputs[i+1:], "-") {
		return j, fmt.Errorf("%w: standard input named twice", errUsage)
	}
	name := cfg.GetString("product")
	if name == "" {
		return j, fmt.Errorf("%w: --product NAME is required (DATASET or PRODUCER/DATASET)", errUsage)
	}
	j.Producer = cfg.GetString("producer")
	j.Dataset = name
	if p, d, ok := strings.Cut(name, "/"); ok {
		j.Producer, j.Dataset = p, d
	}
	j.Base = cfg.GetString("base")
	if j.Base == "" {
		j.Base = defaultBase
	}
	if !rdf.IsAbsoluteIRI(j.Base) {
		return j, fmt.Errorf("%w: --base needs an absolute IRI, got %q", errUsage, j.Base)
	}
	if !strings.HasSuffix(j.Base, "/") && !strings.HasSuffix(j.Base, "#") {
		j.Base += "/"
	}
	if iri := cfg.GetString("producer-iri"); iri != "" {
		if !rdf.IsAbsoluteIRI(iri) {
			return j, fmt.Errorf("%w: --producer-iri needs an absolute IRI, got %q", errUsage, iri)
		}
		j.ProducerIRI = rdf.IRI(iri)
	}
	mappingFlag := cfg.GetString("mapping")
	switch j.Adapter {
	case "tickets":
		if mappingFlag == "" {
			return j, fmt.Errorf("%w: tickets needs --mapping generic, ticketmatic or a mapping YAML", errUsage)
		}
		j.TicketMapping = mappingFlag
		keyFile, keyCmd := cfg.GetString("key-file"), cfg.GetString("key-command")
		switch {
		case keyFile != "" && keyCmd != "":
			return j, fmt.Errorf("%w: give --key-file or --key-command, not both", errUsage)
		case keyFile != "":
			j.KeySource = "file:" + keyFile
		case keyCmd != "":
			j.KeySource = "cmd:" + keyCmd
		default:
			j.KeySource = "env:" + pseudo.DefaultEnv
		}
		j.AgeBand = cfg.GetBool("age-band")
	case "mapping":
		if mappingFlag == "" {
			return j, fmt.Errorf("%w: map needs --mapping FILE.yaml", errUsage)
		}
		j.MappingFile = mappingFlag
	case "uitdatabank":
		j.Taxonomy = cfg.GetString("taxonomy")
		switch j.Taxonomy {
		case "", "production":
			j.Taxonomy = uitdatabank.TaxonomyProduction
		case "test":
			j.Taxonomy = uitdatabank.TaxonomyTest
		default:
			if !rdf.IsAbsoluteIRI(j.Taxonomy) {
				return j, fmt.Errorf("%w: --taxonomy is production, test or a term base IRI, got %q", errUsage, j.Taxonomy)
			}
		}
		j.EntityBase = cfg.GetString("entity-base")
		if j.EntityBase != "" {
			if !rdf.IsAbsoluteIRI(j.EntityBase) {
				return j, fmt.Errorf("%w: --entity-base needs an absolute IRI, got %q", errUsage, j.EntityBase)
			}
			if !strings.HasSuffix(j.EntityBase, "/") {
				j.EntityBase += "/"
			}
		}
	}
	if cfg.GetBool("lenient") {
		j.MaxErrors = -1
		if n := cfg.GetInt("max-errors"); n > 0 {
			j.MaxErrors = n
		}
	} else if cfg.GetInt("max-errors") != 0 {
		return j, fmt.Errorf("%w: --max-errors goes with --lenient", errUsage)
	}
	return j, nil
}

// usageError marks an error as a usage error (exit 2 and the usage text) without changing
// its message.
type usageError struct{ error }

func (u usageError) Is(target error) bool { return target == errUsage }
func (u usageError) Unwrap() error        { return u.error }

// openError words an error of pipeline.Open for the command line.
func openError(err error, j pipeline.Config) error {
	switch {
	case errors.Is(err, product.ErrBadName):
		return fmt.Errorf("%w: --product %s/%s: %v", errUsage, j.Producer, j.Dataset, err)
	case errors.Is(err, pipeline.ErrInputs):
		return usageError{err}
	case errors.Is(err, pseudo.ErrNoKey):
		return fmt.Errorf("refusing to ingest personal data without a pseudonymisation key (%s gave none): "+
			"give --key-file FILE or --key-command CMD, or set %s; there is no default key", j.KeySource, pseudo.DefaultEnv)
	}
	return err
}

func runIngest(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	j, err := ingestConfig(cfg, args)
	if err != nil {
		return err
	}
	dryRun, quiet, lenient := cfg.GetBool("dry-run"), cfg.GetBool("quiet"), cfg.GetBool("lenient")
	// Shapes first: a typo in --shapes should not cost a whole read of the input.
	var shapes *shacl.Shapes
	var classes *graph.Graph
	if path := cfg.GetString("shapes"); path != "" {
		if shapes, classes, err = loadValidationShapes(path); err != nil {
			return fmt.Errorf("--shapes: %w", err)
		}
	}

	prog := newProgressLine(e.stderr, e.stderrTTY && !quiet, 0)
	j.Stdin = e.stdin
	if prog.on {
		j.Progress = func(p pipeline.Progress) { prog.update(int64(p.Quads), p.Bytes) }
	}
	// Every input is opened (and every header read) before the store is touched, so a
	// missing file or a bad mapping fails without a transaction.
	p, in, err := pipeline.Open(ctx, j)
	if err != nil {
		return openError(err, j)
	}
	defer in.Close()
	prog.total = in.Size()
	report := func(errs ingest.ErrorList) {
		if quiet {
			return
		}
		for _, x := range errs {
			prog.clear()
			fmt.Fprintf(e.stderr, "skipped: %v\n", x)
		}
	}
	failed := func(errs ingest.ErrorList, err error) error {
		prog.done()
		report(errs[:max(0, len(errs)-1)])
		switch {
		case errors.Is(err, context.Canceled):
			return fmt.Errorf("interrupted: nothing was stored, the store is unchanged")
		case errors.Is(err, ingest.ErrTooManyErrors):
			report(errs[len(errs)-1:])
			return fmt.Errorf("more than %d bad records: nothing was stored, the store is unchanged", j.MaxErrors)
		case errors.Is(err, ingest.ErrBadRecord) && !lenient:
			return fmt.Errorf("%w\nnothing was stored: the store is unchanged (use --lenient to skip bad records)", err)
		case errors.Is(err, ingest.ErrBadRecord):
			return fmt.Errorf("%w\nnothing was stored: the store is unchanged", err)
		}
		return fmt.Errorf("%w\nnothing was stored: the store is unchanged", err)
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()

	// Dry runs and validated runs hold the product in memory; the rest stream into the
	// store (product.Replace: bounded memory, one atomic step).
	if dryRun || shapes != nil {
		qs, errs, err := ingest.ReadAll(in, j.MaxErrors)
		prog.done()
		if err != nil {
			return failed(errs, err)
		}
		report(errs)
		stats := in.Stats()
		violations := 0
		if shapes != nil {
			data := graph.New()
			for _, q := range qs {
				data.AddQuad(q)
			}
			rep := shapes.Validate(data, shacl.Options{Classes: classes})
			violations = rep.Count(sh.Violation)
			if !quiet || violations > 0 {
				writeTextReport(out, rep, data.Len(), len(shapes.All), cfg.GetString("lang"), len(rep.Results) > 50)
			}
		}
		if dryRun {
			if !quiet {
				fmt.Fprintf(out, "dry run of %s into %s: nothing was stored\n", p.Adapter, string(p.IRI))
				fmt.Fprintf(out, "  records  %d read, %d failed\n", stats.Records, stats.Failed)
				distinct := make(map[rdf.Quad]struct{}, len(qs))
				for _, q := range qs {
					distinct[q] = struct{}{}
				}
				fmt.Fprintf(out, "  quads    %d for graph %s", len(distinct), string(p.Graph))
				if n, ok := graphSize(cfg.GetString("data"), p.Graph); ok {
					fmt.Fprintf(out, " (holding %d now)", n)
				}
				fmt.Fprintln(out)
			}
			if violations > 0 {
				return &exitError{code: 1}
			}
			return nil
		}
		if violations > 0 && !lenient {
			out.Flush()
			hint := ""
			if j.ProducerIRI == "" {
				hint = "; identifiers get their dcterms:creator from --producer-iri"
			}
			return &exitError{code: 1, err: fmt.Errorf("%d SHACL violation(s): nothing was stored, the store is unchanged (--lenient stores despite violations%s)", violations, hint)}
		}
		return storeProduct(ctx, cfg, e, out, p, &memReader{qs: qs, stats: stats}, 0, quiet, prog, failed)
	}
	return storeProduct(ctx, cfg, e, out, p, in, j.MaxErrors, quiet, prog, failed)
}

// storeProduct replaces the product in the store and prints the summary.
func storeProduct(ctx context.Context, cfg *viper.Viper, e *env, out io.Writer, p *product.Product, r ingest.Reader,
	maxErrors int, quiet bool, prog *progressLine, failed func(ingest.ErrorList, error) error) error {
	st, err := openStore(cfg.GetString("data"), true)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	res, err := product.Replace(ctx, st, p, r, maxErrors)
	if err != nil {
		return failed(res.Errors, err)
	}
	prog.done()
	if err := st.Close(); err != nil {
		return err
	}
	if !quiet {
		for _, x := range res.Errors {
			fmt.Fprintf(e.stderr, "skipped: %v\n", x)
		}
		fmt.Fprintf(out, "ingested %s into %s\n", p.Adapter, string(p.IRI))
		fmt.Fprintf(out, "  graph    %s\n", string(p.Graph))
		fmt.Fprintf(out, "  records  %d read, %d failed\n", p.Records, p.Failed)
		fmt.Fprintf(out, "  quads    %d in the graph; %d added, %d removed (graph and catalogue entry)\n", p.Quads, res.Added, res.Removed)
		fmt.Fprintf(out, "  run      %s in %s\n", p.RunID, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// graphSize counts the quads of g in the store of dataDir; ok is false when there is no
// store or it cannot be opened (a running server holds it), which a dry run shrugs off.
func graphSize(dataDir string, g rdf.IRI) (n int, ok bool) {
	st, err := openStore(dataDir, false)
	if err != nil || st == nil {
		return 0, false
	}
	defer st.Close()
	err = st.View(func(tx *triplestore.Tx) error {
		it := tx.MatchTerms(nil, nil, nil, g)
		defer it.Close()
		for it.Next() {
			n++
		}
		return it.Err()
	})
	return n, err == nil
}

// memReader replays quads read earlier with the counts of the reader they came from.
type memReader struct {
	qs    []rdf.Quad
	i     int
	stats ingest.Stats
}

func (m *memReader) Read() (rdf.Quad, error) {
	if m.i == len(m.qs) {
		return rdf.Quad{}, io.EOF
	}
	m.i++
	return m.qs[m.i-1], nil
}

func (m *memReader) Stats() ingest.Stats { return m.stats }
