package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/mapping"
	"github.com/uitwisselingsplatform/uwp/ingest/product"
	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
	"github.com/uitwisselingsplatform/uwp/ingest/tickets"
	"github.com/uitwisselingsplatform/uwp/ingest/uitdatabank"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// Adapters lists the values of Config.Adapter.
var Adapters = []string{"uitdatabank", "tickets", "mapping"}

// ErrUnknownAdapter is returned for a Config.Adapter not in Adapters.
var ErrUnknownAdapter = errors.New("unknown ingest adapter (want uitdatabank, tickets or mapping)")

// Config is one ingest run. Zero values are the defaults noted.
type Config struct {
	Adapter string // "uitdatabank", "tickets" or "mapping"
	// Input is the file to read ("-" = Stdin). For "mapping" it may be empty: the mapping's
	// own source files are read; when set, the mapping must have one source.
	Input string
	Stdin io.Reader

	// Base is the IRI base of the product, its graph and the catalogue (product.New) and of
	// the nodes the tickets adapter mints (Base + "id/").
	Base string
	// Producer and Dataset name the product (A-Za-z0-9._-); Dataset defaults to Adapter.
	Producer, Dataset string
	// ProducerIRI is the producing organisation (e.g. its OVO code IRI): dcterms:publisher of
	// the product and dcterms:creator of every adms:Identifier.
	ProducerIRI rdf.IRI
	// MaxErrors: 0 is strict (the first bad record aborts and the store is unchanged), n > 0
	// skips up to n bad records, < 0 skips any number.
	MaxErrors int

	// uitdatabank
	Taxonomy   string // "production" (default), "test", or a term base IRI
	EntityBase string // uitdatabank.Options.Base: rewrite entity IRIs; "" keeps @id

	// tickets
	TicketMapping string // "generic", "ticketmatic" (built in) or a YAML file; default generic
	KeySource     string // pseudo.ParseKeySource; "" means env:UWP_PSEUDONYM_KEY
	AgeBand       bool

	// mapping
	MappingFile string
}

// Run performs the ingest and replaces the product in st in one transaction.
func Run(ctx context.Context, st *triplestore.Store, cfg Config) (*product.Product, product.Result, error) {
	var res product.Result
	if cfg.Dataset == "" {
		cfg.Dataset = cfg.Adapter
	}
	p, err := product.New(cfg.Base, cfg.Producer, cfg.Dataset)
	if err != nil {
		return nil, res, err
	}
	p.Producer, p.Source, p.Adapter = cfg.ProducerIRI, cfg.Input, cfg.Adapter
	now := time.Now().UTC()

	var in io.Reader
	if cfg.Input == "-" {
		in = cfg.Stdin
		if in == nil {
			in = os.Stdin
		}
	} else if cfg.Input != "" {
		f, err := os.Open(cfg.Input)
		if err != nil {
			return nil, res, err
		}
		defer f.Close()
		in = f
	}
	file := filepath.Base(cfg.Input)

	var r ingest.Reader
	switch cfg.Adapter {
	case "uitdatabank":
		if in == nil {
			return nil, res, fmt.Errorf("uitdatabank: no input")
		}
		tax := cfg.Taxonomy
		switch tax {
		case "", "production":
			tax = uitdatabank.TaxonomyProduction
		case "test":
			tax = uitdatabank.TaxonomyTest
		}
		r = uitdatabank.NewReader(in, uitdatabank.Options{
			File: file, Base: cfg.EntityBase, Taxonomy: tax,
			Creator: cfg.ProducerIRI, Source: p.IRI, ProcessedAt: now,
		})
	case "tickets":
		if in == nil {
			return nil, res, fmt.Errorf("tickets: no input")
		}
		m, version, err := ticketMapping(cfg.TicketMapping)
		if err != nil {
			return nil, res, err
		}
		p.Adapter, p.MappingVersion = "tickets/"+m.Vendor, version
		src := cfg.KeySource
		if src == "" {
			src = "env:"
		}
		kp, err := pseudo.ParseKeySource(src)
		if err != nil {
			return nil, res, err
		}
		ps, err := pseudo.FromProvider(ctx, kp)
		if err != nil {
			return nil, res, fmt.Errorf("tickets: refusing to ingest personal data: %w", err)
		}
		tr, err := tickets.NewReader(in, m, tickets.Options{
			File: file, Base: cfg.Base + "id/", Pseudonymizer: ps, AgeBand: cfg.AgeBand,
			ProcessedAt: now, Creator: cfg.ProducerIRI, Source: p.IRI,
		})
		if err != nil {
			return nil, res, err
		}
		r = tr
	case "mapping":
		m, err := mapping.Load(cfg.MappingFile)
		if err != nil {
			return nil, res, err
		}
		p.Adapter, p.MappingVersion = "mapping/"+m.Name, m.Version
		opts := mapping.Options{RunID: p.RunID, ProcessedAt: now}
		if in != nil {
			opts.File = file
			mr, err := m.NewReader("", in, opts)
			if err != nil {
				return nil, res, err
			}
			r = mr
		} else {
			mr, closers, err := m.OpenAll(opts)
			for _, c := range closers {
				defer c.Close()
			}
			if err != nil {
				return nil, res, err
			}
			r = mr
			p.Source = cfg.MappingFile
		}
	default:
		return nil, res, fmt.Errorf("%w: %q", ErrUnknownAdapter, cfg.Adapter)
	}
	res, err = product.Replace(ctx, st, p, r, cfg.MaxErrors)
	return p, res, err
}

// ticketMapping returns a built-in mapping by name or reads a YAML file.
func ticketMapping(name string) (*tickets.Mapping, string, error) {
	if name == "" {
		name = "generic"
	}
	var m *tickets.Mapping
	var err error
	if strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") || strings.ContainsRune(name, os.PathSeparator) {
		m, err = tickets.LoadMapping(name)
	} else {
		m, err = tickets.Builtin(name)
	}
	if err != nil {
		return nil, "", err
	}
	return m, m.Vendor + "@" + m.Version, nil
}
