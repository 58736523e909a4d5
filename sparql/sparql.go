package sparql

import (
	"context"
	"fmt"
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
	"github.com/uitwisselingsplatform/uwp/sparql/results"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// Options configure Query and Update.
type Options struct {
	// Base is the base IRI of the request text (e.g. the file: URL of a query file); empty
	// means none.
	Base string
	// Eval configures evaluation (union default graph, memory budget, LOAD, ...).
	Eval eval.Options
}

func (o Options) eval() eval.Options {
	e := o.Eval
	if e.Base == "" {
		e.Base = o.Base
	}
	return e
}

// Query parses and evaluates a SPARQL query. Parse errors are *parser.Error values
// (errors.Is(err, parser.ErrSyntax)).
func Query(ctx context.Context, ds eval.Dataset, src string, opts Options) (*eval.Result, error) {
	q, err := parser.ParseQuery(src, parser.Options{Base: opts.Base})
	if err != nil {
		return nil, err
	}
	return eval.Query(ctx, ds, q, opts.eval())
}

// Update parses and runs a SPARQL update request against ds, one write transaction that the
// caller commits when Update returns nil and rolls back otherwise.
func Update(ctx context.Context, ds eval.Updatable, src string, opts Options) error {
	u, err := parser.ParseUpdate(src, parser.Options{Base: opts.Base})
	if err != nil {
		return err
	}
	return eval.Update(ctx, ds, u, opts.eval())
}

// Format chooses the serialisation of a result: Results for SELECT and ASK, RDF (with
// RDFOptions) for CONSTRUCT and DESCRIBE. The zero Format writes SPARQL JSON and N-Triples.
type Format struct {
	Results    results.Format
	RDF        rdf.Format
	RDFOptions rdf.WriteOptions
}

// WriteResult writes res to w and closes it.
func WriteResult(w io.Writer, res *eval.Result, f Format) error {
	defer res.Close()
	if f.Results == 0 {
		f.Results = results.JSON
	}
	if f.RDF == 0 {
		f.RDF = rdf.NTriples
	}
	switch res.Form {
	case syntax.Ask:
		return results.WriteBoolean(f.Results, w, res.Boolean)
	case syntax.Select:
		rw, err := results.NewWriter(f.Results, w)
		if err != nil {
			return err
		}
		if err := rw.Begin(res.Vars); err != nil {
			return err
		}
		for res.Solutions.Next() {
			if err := rw.Write(res.Solutions.Row()); err != nil {
				return err
			}
		}
		if err := res.Solutions.Err(); err != nil {
			return err
		}
		return rw.End()
	case syntax.Construct, syntax.Describe:
		gw, err := formats.NewWriter(f.RDF, w, f.RDFOptions)
		if err != nil {
			return err
		}
		for res.Triples.Next() {
			if err := gw.Write(res.Triples.Quad()); err != nil {
				return err
			}
		}
		if err := res.Triples.Err(); err != nil {
			return err
		}
		return gw.Close()
	}
	return fmt.Errorf("%w: query form %v", eval.ErrUnsupported, res.Form)
}
