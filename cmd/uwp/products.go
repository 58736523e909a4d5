package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/uitwisselingsplatform/uwp/ingest/product"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
	"github.com/uitwisselingsplatform/uwp/vocab/dcat"
)

func init() {
	register(&command{
		name: "products",
		summary: `List the data products that uwp ingest wrote: name, adapter, records read and failed, quads,
source and time of the last ingest, graph. Every catalogue in the store is listed (a
dcat:Catalog described in its own graph), or only BASE/catalogue with --base.`,
		flags: func(fs *pflag.FlagSet) {
			fs.Bool("json", false, "print JSON instead of a table")
			fs.String("base", "", "list only the catalogue BASE/catalogue (config key base)")
		},
		run: runProducts,
	})
}

// productJSON is one line of `uwp products --json`.
type productJSON struct {
	Name           string    `json:"name"`
	IRI            string    `json:"iri"`
	Graph          string    `json:"graph"`
	Catalogue      string    `json:"catalogue"`
	Producer       string    `json:"producer,omitempty"`
	Adapter        string    `json:"adapter"`
	MappingVersion string    `json:"mappingVersion,omitempty"`
	Source         string    `json:"source,omitempty"`
	RunID          string    `json:"runId"`
	Started        time.Time `json:"started"`
	Ended          time.Time `json:"ended"`
	Records        int       `json:"records"`
	Failed         int       `json:"failed"`
	Quads          int       `json:"quads"`
}

func runProducts(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: products takes no arguments", errUsage)
	}
	var catalogues []rdf.IRI
	if base := cfg.GetString("base"); base != "" {
		if !rdf.IsAbsoluteIRI(base) {
			return fmt.Errorf("%w: --base needs an absolute IRI, got %q", errUsage, base)
		}
		if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
			base += "/"
		}
		catalogues = []rdf.IRI{rdf.IRI(base + "catalogue")}
	}
	list, err := listProducts(cfg.GetString("data"), catalogues)
	if err != nil {
		return err
	}
	if cfg.GetBool("json") {
		out := make([]productJSON, 0, len(list))
		for _, p := range list {
			out = append(out, productJSON{
				Name: p.Title, IRI: string(p.IRI), Graph: string(p.Graph), Catalogue: string(p.Catalog),
				Producer: string(p.Producer), Adapter: p.Adapter, MappingVersion: p.MappingVersion,
				Source: p.Source, RunID: p.RunID, Started: p.Started, Ended: p.Ended,
				Records: p.Records, Failed: p.Failed, Quads: p.Quads,
			})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "no data products (uwp ingest makes them)")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PRODUCT\tADAPTER\tRECORDS\tFAILED\tQUADS\tSOURCE\tINGESTED\tGRAPH")
	for _, p := range list {
		adapter := p.Adapter
		if p.MappingVersion != "" {
			adapter += " (" + p.MappingVersion + ")"
		}
		ended := "-"
		if !p.Ended.IsZero() {
			ended = p.Ended.UTC().Format("2006-01-02 15:04:05Z")
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\n", p.Title, adapter, p.Records, p.Failed, p.Quads,
			orDash(p.Source), ended, string(p.Graph))
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// listProducts reads the products of the given catalogues, or of every catalogue in the
// store when none is given. A missing store has none.
func listProducts(dataDir string, catalogues []rdf.IRI) ([]product.Product, error) {
	st, err := openStore(dataDir, false)
	if err != nil || st == nil {
		return nil, err
	}
	defer st.Close()
	if catalogues == nil {
		err := st.View(func(tx *triplestore.Tx) error {
			it := tx.MatchTerms(nil, rdf.RDFType, dcat.Catalog, nil)
			defer it.Close()
			for it.Next() {
				q := it.Quad()
				if s, ok := q.Subject.(rdf.IRI); ok && q.Graph == rdf.Term(s) && !slices.Contains(catalogues, s) {
					catalogues = append(catalogues, s)
				}
			}
			return it.Err()
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(catalogues)
	}
	var all []product.Product
	for _, c := range catalogues {
		list, err := product.List(st, c)
		if err != nil {
			return nil, err
		}
		all = append(all, list...)
	}
	return all, nil
}
