package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/mapping"
	"github.com/uitwisselingsplatform/uwp/ingest/product"
	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
	"github.com/uitwisselingsplatform/uwp/ingest/tickets"
	"github.com/uitwisselingsplatform/uwp/ingest/uitdatabank"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Input is the adapter readers of one run, one per input file, chained into one
// ingest.Reader: Stats add up over the files, errors name the file they come from.
type Input struct {
	readers []ingest.Reader
	i       int
	done    ingest.Stats // of the readers before i
	closers []io.Closer
	ctx     context.Context
	n       int
	bytes   int64
	size    int64
	report  func(Progress)
	lastAt  time.Time
}

// Open names the product (product.New: a fresh run id; Source, Adapter and MappingVersion
// set from cfg) and opens the adapter over every input: every file is opened, every header
// read and the pseudonymisation key fetched before anything is stored, so a missing file or
// a bad mapping fails early. Close the Input when done; on error Open closes what it opened.
//
// The catalogue names inputs by file name only (never a local path: product.Source is the
// file names joined with ", ", "<stdin>" for standard input); errors name them by the path
// as given.
func Open(ctx context.Context, cfg Config) (p *product.Product, _ *Input, err error) {
	if cfg.Dataset == "" {
		cfg.Dataset = cfg.Adapter
	}
	if !slices.Contains(Adapters, cfg.Adapter) {
		return nil, nil, fmt.Errorf("%w: %q", ErrUnknownAdapter, cfg.Adapter)
	}
	if i := slices.Index(cfg.Inputs, "-"); i >= 0 && slices.Contains(cfg.Inputs[i+1:], "-") {
		return nil, nil, fmt.Errorf("%w: standard input named twice", ErrInputs)
	}
	if cfg.Adapter != "mapping" && len(cfg.Inputs) == 0 {
		return nil, nil, fmt.Errorf("%w: %s needs at least one input", ErrInputs, cfg.Adapter)
	}
	if p, err = product.New(cfg.Base, cfg.Producer, cfg.Dataset); err != nil {
		return nil, nil, err
	}
	p.Producer, p.Adapter = cfg.ProducerIRI, cfg.Adapter
	in := &Input{ctx: ctx, report: cfg.Progress}
	defer func() {
		if err != nil {
			in.Close()
		}
	}()
	stdin := cfg.Stdin
	if stdin == nil {
		stdin = os.Stdin
	}
	var names []string // of the inputs in the order read
	now := time.Now().UTC()
	switch cfg.Adapter {
	case "uitdatabank":
		tax := cfg.Taxonomy
		switch tax {
		case "", "production":
			tax = uitdatabank.TaxonomyProduction
		case "test":
			tax = uitdatabank.TaxonomyTest
		}
		for _, path := range cfg.Inputs {
			r, err := in.open(path, stdin)
			if err != nil {
				return nil, nil, err
			}
			names = append(names, inputName(path))
			in.readers = append(in.readers, uitdatabank.NewReader(r, uitdatabank.Options{
				File: fileLabel(path), Base: cfg.EntityBase, Taxonomy: tax,
				Creator: cfg.ProducerIRI, Source: p.IRI, ProcessedAt: now,
			}))
		}
	case "tickets":
		m, err := ticketMapping(cfg.TicketMapping)
		if err != nil {
			return nil, nil, err
		}
		p.Adapter, p.MappingVersion = "tickets/"+m.Vendor, m.Vendor+"@"+m.Version
		ks := cfg.KeySource
		if ks == "" {
			ks = "env:" + pseudo.DefaultEnv
		}
		kp, err := pseudo.ParseKeySource(ks)
		if err != nil {
			return nil, nil, err
		}
		ps, err := pseudo.FromProvider(ctx, kp)
		if errors.Is(err, pseudo.ErrNoKey) {
			return nil, nil, fmt.Errorf("tickets: refusing to ingest personal data: %w; there is no default key", err)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("tickets: pseudonymisation key from %s: %w", kp, err)
		}
		for _, path := range cfg.Inputs {
			r, err := in.open(path, stdin)
			if err != nil {
				return nil, nil, err
			}
			names = append(names, inputName(path))
			tr, err := tickets.NewReader(r, m, tickets.Options{
				File: fileLabel(path), Base: cfg.Base + "id/", Pseudonymizer: ps, AgeBand: cfg.AgeBand,
				ProcessedAt: now, Creator: cfg.ProducerIRI, Source: p.IRI,
			})
			if err != nil {
				return nil, nil, err
			}
			in.readers = append(in.readers, tr)
		}
	case "mapping":
		m, err := mapping.Load(cfg.MappingFile)
		if err != nil {
			return nil, nil, fmt.Errorf("mapping %s: %w", cfg.MappingFile, err)
		}
		p.Adapter, p.MappingVersion = "mapping/"+m.Name, m.Version
		assigned, err := assignSources(cfg.MappingFile, m, cfg.Inputs)
		if err != nil {
			return nil, nil, err
		}
		for _, src := range m.Sources() {
			for n, path := range assigned[src] {
				r, err := in.open(path, stdin)
				if err != nil {
					return nil, nil, err
				}
				names = append(names, inputName(path))
				opts := mapping.Options{File: fileLabel(path), RunID: p.RunID, ProcessedAt: now}
				if n > 0 { // blank node labels count records per reader: keep files apart
					opts.RunID = fmt.Sprintf("%s.%d", p.RunID, n)
				}
				mr, err := m.NewReader(src, r, opts)
				if err != nil {
					return nil, nil, err
				}
				in.readers = append(in.readers, mr)
			}
		}
	default:
		panic(fmt.Sprintf("unreachable: adapter %q", cfg.Adapter))
	}
	p.Source = strings.Join(names, ", ")
	return p, in, nil
}

// Read returns the next quad of the current input, moving on to the next input at the end
// of one; io.EOF after the last. Every 4096 quads it checks the context given to Open.
func (in *Input) Read() (rdf.Quad, error) {
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
			if in.n%4096 == 0 && in.ctx.Err() != nil { // a dry run has no store to check it
				return rdf.Quad{}, in.ctx.Err()
			}
			if in.report != nil {
				in.tick()
			}
		}
		return q, err
	}
	return rdf.Quad{}, io.EOF
}

func (in *Input) tick() {
	if now := time.Now(); now.Sub(in.lastAt) > 100*time.Millisecond {
		in.lastAt = now
		in.report(Progress{Quads: in.Stats().Quads, Bytes: in.bytes, Size: in.size})
	}
}

// Stats adds up the counts of the inputs read so far.
func (in *Input) Stats() ingest.Stats {
	s := in.done
	if in.i < len(in.readers) {
		c := in.readers[in.i].Stats()
		s.Records += c.Records
		s.Failed += c.Failed
		s.Quads += c.Quads
	}
	return s
}

// Size is the total size of the input files in bytes (standard input not counted).
func (in *Input) Size() int64 { return in.size }

// Close closes the input files. It may be called more than once.
func (in *Input) Close() error {
	var errs []error
	for _, c := range in.closers {
		errs = append(errs, c.Close())
	}
	in.closers = nil
	return errors.Join(errs...)
}

// open opens one input (a path or "-") and counts the bytes read from it.
func (in *Input) open(path string, stdin io.Reader) (io.Reader, error) {
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
		in.size += st.Size()
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

// assignSources decides which source of a declarative mapping reads which input (see
// Config.Inputs). Sources left without an input read their own file from the mapping.
func assignSources(mappingFile string, m *mapping.Mapping, inputs []string) (map[string][]string, error) {
	sources := m.Sources()
	spec := func(s string) mapping.SourceSpec { sp, _ := m.Source(s); return sp }
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
				if f := spec(s).File; f != "" && filepath.Base(f) == filepath.Base(in) {
					match = append(match, s)
				}
			}
			if len(match) == 0 {
				ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(in)), ".")
				if ext == "ndjson" {
					ext = "jsonl"
				}
				for _, s := range sources {
					if spec(s).Format == ext {
						match = append(match, s)
					}
				}
			}
		}
		if len(match) != 1 {
			return nil, fmt.Errorf("%w: cannot tell which source of %s reads %s: write SOURCE=%s (sources: %s)",
				ErrInputs, mappingFile, in, in, strings.Join(sources, ", "))
		}
		out[match[0]] = append(out[match[0]], in)
	}
	for _, s := range sources {
		if len(out[s]) > 0 {
			continue
		}
		f := spec(s).File
		if f == "" {
			return nil, fmt.Errorf("%w: source %s of %s has no file: name one as %s=PATH", ErrInputs, s, mappingFile, s)
		}
		out[s] = []string{f}
	}
	return out, nil
}
