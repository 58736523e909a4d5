package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/mapping"
	"github.com/uitwisselingsplatform/uwp/ingest/product"
	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
	"github.com/uitwisselingsplatform/uwp/ingest/tickets"
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

// ingestJob is one `uwp ingest` as plain values, resolved from flags and configuration.
type ingestJob struct {
	adapter           string // "uitdatabank", "tickets" or "mapping"
	inputs            []string
	base              string
	producer, dataset string
	producerIRI       rdf.IRI
	mapping           string
	keySource         string // pseudo.ParseKeySource syntax
	ageBand           bool
	taxonomy          string
	entityBase        string
	maxErrors         int // 0 strict, > 0 at most, < 0 any number
}

func ingestJobOf(cfg *viper.Viper, args []string) (*ingestJob, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("%w: name the adapter: uitdatabank, tickets or map", errUsage)
	}
	j := &ingestJob{inputs: args[1:]}
	switch args[0] {
	case "uitdatabank":
		j.adapter = "uitdatabank"
	case "tickets":
		j.adapter = "tickets"
	case "map", "mapping":
		j.adapter = "mapping"
	default:
		return nil, fmt.Errorf("%w: unknown adapter %q (want uitdatabank, tickets or map)", errUsage, args[0])
	}
	if j.adapter != "mapping" && len(j.inputs) == 0 {
		return nil, fmt.Errorf("%w: name at least one FILE, or - for standard input", errUsage)
	}
	if i := slices.Index(j.inputs, "-"); i >= 0 && slices.Contains(j.inputs[i+1:], "-") {
		return nil, fmt.Errorf("%w: standard input named twice", errUsage)
	}
	name := cfg.GetString("product")
	if name == "" {
		return nil, fmt.Errorf("%w: --product NAME is required (DATASET or PRODUCER/DATASET)", errUsage)
	}
	j.producer = cfg.GetString("producer")
	j.dataset = name
	if p, d, ok := strings.Cut(name, "/"); ok {
		j.producer, j.dataset = p, d
	}
	j.base = cfg.GetString("base")
	if j.base == "" {
		j.base = defaultBase
	}
	if !rdf.IsAbsoluteIRI(j.base) {
		return nil, fmt.Errorf("%w: --base needs an absolute IRI, got %q", errUsage, j.base)
	}
	if !strings.HasSuffix(j.base, "/") && !strings.HasSuffix(j.base, "#") {
		j.base += "/"
	}
	if iri := cfg.GetString("producer-iri"); iri != "" {
		if !rdf.IsAbsoluteIRI(iri) {
			return nil, fmt.Errorf("%w: --producer-iri needs an absolute IRI, got %q", errUsage, iri)
		}
		j.producerIRI = rdf.IRI(iri)
	}
	j.mapping = cfg.GetString("mapping")
	switch j.adapter {
	case "tickets":
		if j.mapping == "" {
			return nil, fmt.Errorf("%w: tickets needs --mapping generic, ticketmatic or a mapping YAML", errUsage)
		}
		keyFile, keyCmd := cfg.GetString("key-file"), cfg.GetString("key-command")
		switch {
		case keyFile != "" && keyCmd != "":
			return nil, fmt.Errorf("%w: give --key-file or --key-command, not both", errUsage)
		case keyFile != "":
			j.keySource = "file:" + keyFile
		case keyCmd != "":
			j.keySource = "cmd:" + keyCmd
		default:
			j.keySource = "env:" + pseudo.DefaultEnv
		}
		j.ageBand = cfg.GetBool("age-band")
	case "mapping":
		if j.mapping == "" {
			return nil, fmt.Errorf("%w: map needs --mapping FILE.yaml", errUsage)
		}
	case "uitdatabank":
		j.taxonomy = cfg.GetString("taxonomy")
		switch j.taxonomy {
		case "", "production":
			j.taxonomy = uitdatabank.TaxonomyProduction
		case "test":
			j.taxonomy = uitdatabank.TaxonomyTest
		default:
			if !rdf.IsAbsoluteIRI(j.taxonomy) {
				return nil, fmt.Errorf("%w: --taxonomy is production, test or a term base IRI, got %q", errUsage, j.taxonomy)
			}
		}
		j.entityBase = cfg.GetString("entity-base")
		if j.entityBase != "" {
			if !rdf.IsAbsoluteIRI(j.entityBase) {
				return nil, fmt.Errorf("%w: --entity-base needs an absolute IRI, got %q", errUsage, j.entityBase)
			}
			if !strings.HasSuffix(j.entityBase, "/") {
				j.entityBase += "/"
			}
		}
	}
	if cfg.GetBool("lenient") {
		j.maxErrors = -1
		if n := cfg.GetInt("max-errors"); n > 0 {
			j.maxErrors = n
		}
	} else if cfg.GetInt("max-errors") != 0 {
		return nil, fmt.Errorf("%w: --max-errors goes with --lenient", errUsage)
	}
	return j, nil
}

func runIngest(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	j, err := ingestJobOf(cfg, args)
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

	p, err := product.New(j.base, j.producer, j.dataset)
	if err != nil {
		return fmt.Errorf("%w: --product %s/%s: %v", errUsage, j.producer, j.dataset, err)
	}
	p.Producer = j.producerIRI
	prog := newProgressLine(e.stderr, e.stderrTTY && !quiet, 0)
	in, err := openIngest(ctx, j, p, e.stdin, prog)
	if in != nil {
		defer in.close()
	}
	if err != nil {
		return err
	}
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
			return fmt.Errorf("more than %d bad records: nothing was stored, the store is unchanged", j.maxErrors)
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
	// store's write transaction.
	if dryRun || shapes != nil {
		qs, errs, err := ingest.ReadAll(in, j.maxErrors)
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
			if j.producerIRI == "" {
				hint = "; identifiers get their dcterms:creator from --producer-iri"
			}
			return &exitError{code: 1, err: fmt.Errorf("%d SHACL violation(s): nothing was stored, the store is unchanged (--lenient stores despite violations%s)", violations, hint)}
		}
		return storeProduct(ctx, cfg, e, out, p, &memReader{qs: qs, stats: stats}, 0, quiet, prog, failed)
	}
	return storeProduct(ctx, cfg, e, out, p, in, j.maxErrors, quiet, prog, failed)
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

// ingestInput is the adapter readers of one run chained into one ingest.Reader, with the
// files they read.
type ingestInput struct {
	readers []ingest.Reader
	i       int
	done    ingest.Stats // of the readers before i
	closers []io.Closer
	prog    *progressLine
	bytes   int64
	lastAt  time.Time
	ctx     context.Context
	n       int
}

func (in *ingestInput) Read() (rdf.Quad, error) {
	for in.i < len(in.readers) {
		q, err := in.readers[in.i].Read()
		if err == io.EOF {
			s := in.readers[in.i].Stats()
			in.done.Records += s.Records
			in.done.Failed += s.Failed
			in.done.Quads += s.Quads
			in.i++
			continue
		}
		if err == nil {
			in.n++
			if in.n%4096 == 0 && in.ctx.Err() != nil { // dry runs have no transaction to check it
				return rdf.Quad{}, in.ctx.Err()
			}
			if in.prog.on {
				in.tick()
			}
		}
		return q, err
	}
	return rdf.Quad{}, io.EOF
}

func (in *ingestInput) tick() {
	if now := time.Now(); now.Sub(in.lastAt) > 100*time.Millisecond {
		in.lastAt = now
		in.prog.update(int64(in.Stats().Quads), in.bytes)
	}
}

func (in *ingestInput) Stats() ingest.Stats {
	s := in.done
	if in.i < len(in.readers) {
		c := in.readers[in.i].Stats()
		s.Records += c.Records
		s.Failed += c.Failed
		s.Quads += c.Quads
	}
	return s
}

func (in *ingestInput) close() {
	for _, c := range in.closers {
		c.Close()
	}
	in.closers = nil
}

// open opens one input (a path or "-") and counts the bytes read for the progress line.
func (in *ingestInput) open(path string, stdin io.Reader) (io.Reader, error) {
	if path == "-" {
		return &countingReader{r: stdin, n: &in.bytes}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	in.closers = append(in.closers, f)
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("%s is a directory: name the files to ingest", path)
		}
		in.prog.total += st.Size()
	}
	return &countingReader{r: f, n: &in.bytes}, nil
}

type countingReader struct {
	r io.Reader
	n *int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	*c.n += int64(n)
	return n, err
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

// inputName is how the catalogue names an input: its file name, never the local path.
func inputName(path string) string {
	if path == "-" {
		return "<stdin>"
	}
	return filepath.Base(path)
}

// fileLabel is how errors name an input: the path as given.
func fileLabel(path string) string {
	if path == "-" {
		return "<stdin>"
	}
	return path
}

// openIngest sets p's adapter, source and mapping version and opens the adapter over every
// input. Every input is opened (and every header read) before the store is touched, so a
// missing file or a bad mapping fails without a transaction. The result is non-nil
// whenever files were opened, even with an error: close it.
func openIngest(ctx context.Context, j *ingestJob, p *product.Product, stdin io.Reader, prog *progressLine) (*ingestInput, error) {
	in := &ingestInput{prog: prog, ctx: ctx}
	now := time.Now().UTC()
	var names []string
	for _, f := range j.inputs {
		names = append(names, inputName(f))
	}
	p.Source = strings.Join(names, ", ")
	p.Adapter = j.adapter
	switch j.adapter {
	case "uitdatabank":
		for _, path := range j.inputs {
			r, err := in.open(path, stdin)
			if err != nil {
				return in, err
			}
			in.readers = append(in.readers, uitdatabank.NewReader(r, uitdatabank.Options{
				File: fileLabel(path), Base: j.entityBase, Taxonomy: j.taxonomy,
				Creator: j.producerIRI, Source: p.IRI, ProcessedAt: now,
			}))
		}
	case "tickets":
		m, err := ticketMapping(j.mapping)
		if err != nil {
			return in, fmt.Errorf("--mapping %s: %w", j.mapping, err)
		}
		p.Adapter, p.MappingVersion = "tickets/"+m.Vendor, m.Vendor+"@"+m.Version
		kp, err := pseudo.ParseKeySource(j.keySource)
		if err != nil {
			return in, err
		}
		ps, err := pseudo.FromProvider(ctx, kp)
		if errors.Is(err, pseudo.ErrNoKey) {
			return in, fmt.Errorf("refusing to ingest personal data without a pseudonymisation key (%s gave none): "+
				"give --key-file FILE or --key-command CMD, or set %s; there is no default key", kp, pseudo.DefaultEnv)
		}
		if err != nil {
			return in, fmt.Errorf("pseudonymisation key from %s: %w", kp, err)
		}
		for _, path := range j.inputs {
			r, err := in.open(path, stdin)
			if err != nil {
				return in, err
			}
			tr, err := tickets.NewReader(r, m, tickets.Options{
				File: fileLabel(path), Base: j.base + "id/", Pseudonymizer: ps, AgeBand: j.ageBand,
				ProcessedAt: now, Creator: j.producerIRI, Source: p.IRI,
			})
			if err != nil {
				return in, err
			}
			in.readers = append(in.readers, tr)
		}
	case "mapping":
		m, err := mapping.Load(j.mapping)
		if err != nil {
			return in, fmt.Errorf("--mapping %s: %w", j.mapping, err)
		}
		p.Adapter, p.MappingVersion = "mapping/"+m.Name, m.Version
		assigned, err := assignSources(j.mapping, m.Sources(), j.inputs)
		if err != nil {
			return in, err
		}
		names = nil // in the order read
		for _, src := range m.Sources() {
			for n, path := range assigned[src] {
				names = append(names, inputName(path))
				r, err := in.open(path, stdin)
				if err != nil {
					return in, err
				}
				opts := mapping.Options{File: fileLabel(path), RunID: p.RunID, ProcessedAt: now}
				if n > 0 { // blank node labels count records per reader: keep files apart
					opts.RunID = fmt.Sprintf("%s.%d", p.RunID, n)
				}
				mr, err := m.NewReader(src, r, opts)
				if err != nil {
					return in, err
				}
				in.readers = append(in.readers, mr)
			}
		}
		p.Source = strings.Join(names, ", ")
	default:
		panic(fmt.Sprintf("unreachable: adapter %q", j.adapter))
	}
	return in, nil
}

// ticketMapping returns a built-in column mapping by name or reads a YAML file.
func ticketMapping(name string) (*tickets.Mapping, error) {
	if strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") || strings.ContainsRune(name, os.PathSeparator) {
		return tickets.LoadMapping(name)
	}
	return tickets.Builtin(name)
}

// assignSources decides which source of a declarative mapping reads which input. An input
// is SOURCE=PATH, or a PATH that goes to the only source, else to the source whose file in
// the mapping has the same name, else to the only source of the file's format. Sources
// left without an input read their file from the mapping (relative to it).
func assignSources(mappingFile string, sources, inputs []string) (map[string][]string, error) {
	b, err := os.ReadFile(mappingFile)
	if err != nil {
		return nil, err
	}
	var spec struct {
		Sources map[string]struct {
			File   string `yaml:"file"`
			Format string `yaml:"format"`
		} `yaml:"sources"`
	}
	if err := yaml.Unmarshal(b, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", mappingFile, err)
	}
	out := map[string][]string{}
	for _, in := range inputs {
		if name, path, ok := strings.Cut(in, "="); ok && slices.Contains(sources, name) {
			out[name] = append(out[name], path)
			continue
		}
		var match []string
		switch {
		case len(sources) == 1:
			match = sources
		default:
			for _, s := range sources {
				if f := spec.Sources[s].File; f != "" && filepath.Base(f) == filepath.Base(in) {
					match = append(match, s)
				}
			}
			if len(match) == 0 {
				ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(in)), ".")
				if ext == "ndjson" {
					ext = "jsonl"
				}
				for _, s := range sources {
					if spec.Sources[s].Format == ext {
						match = append(match, s)
					}
				}
			}
		}
		if len(match) != 1 {
			return nil, fmt.Errorf("%w: cannot tell which source of %s reads %s: write SOURCE=%s (sources: %s)",
				errUsage, mappingFile, in, in, strings.Join(sources, ", "))
		}
		out[match[0]] = append(out[match[0]], in)
	}
	for _, s := range sources {
		if len(out[s]) > 0 {
			continue
		}
		f := spec.Sources[s].File
		if f == "" {
			return nil, fmt.Errorf("%w: source %s of %s has no file: name one as %s=PATH", errUsage, s, mappingFile, s)
		}
		if !filepath.IsAbs(f) {
			f = filepath.Join(filepath.Dir(mappingFile), f)
		}
		out[s] = []string{f}
	}
	return out, nil
}
