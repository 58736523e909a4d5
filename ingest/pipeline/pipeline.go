package pipeline

import (
	"context"
	"io"
	"os"
	"strings"

	"github.com/uitwisselingsplatform/uwp/ingest/product"
	"github.com/uitwisselingsplatform/uwp/ingest/tickets"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// Adapters lists the values of Config.Adapter.
var Adapters = []string{"uitdatabank", "tickets", "mapping"}

// Config is one ingest run. Zero values are the defaults noted.
type Config struct {
	Adapter string // "uitdatabank", "tickets" or "mapping"
	// Inputs are the files read, in order, all into the one product ("-" = Stdin, at most
	// once). "uitdatabank" and "tickets" need at least one. For "mapping" each is
	// SOURCE=PATH or a PATH matched to a source of the mapping (the only one; else the one
	// whose file in the mapping has the same name; else the only one of the file's format);
	// sources left without an input read their own file from the mapping.
	Inputs []string
	Stdin  io.Reader
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
	// Progress, when set, is called while the inputs are read, at most every 100 ms, from
	// the goroutine that reads them.
	Progress func(Progress)

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

// Progress is a progress report of Input.
type Progress struct {
	Quads int   // quads read so far
	Bytes int64 // bytes read so far from the inputs
	Size  int64 // total size of the input files; 0 when unknown (standard input)
}

// Run opens the inputs (Open) and replaces the product in st with all of them in one
// atomic step (product.Replace): on any error the store is unchanged.
func Run(ctx context.Context, st *triplestore.Store, cfg Config) (*product.Product, product.Result, error) {
	p, in, err := Open(ctx, cfg)
	if err != nil {
		return nil, product.Result{}, err
	}
	defer in.Close()
	res, err := product.Replace(ctx, st, p, in, cfg.MaxErrors)
	return p, res, err
}

// ticketMapping returns a built-in mapping by name or reads a YAML file.
func ticketMapping(name string) (*tickets.Mapping, error) {
	if name == "" {
		name = "generic"
	}
	if strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml") || strings.ContainsRune(name, os.PathSeparator) {
		return tickets.LoadMapping(name)
	}
	return tickets.Builtin(name)
}
