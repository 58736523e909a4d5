package trig

import (
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

// NewReader returns a streaming TriG reader. Quads in a graph block carry the block's graph
// name; triples outside any block, and in a { ... } block without a name, are in the
// default graph (Graph == nil).
func NewReader(r io.Reader, opts rdf.ReadOptions) rdf.Reader { return turtle.NewTriGReader(r, opts) }

// NewWriter returns a TriG writer: the default graph's triples first, then one
// "<g> { ... }" block per named graph. It pretty-prints and buffers until Close unless
// opts.Stream is set; see package turtle.
func NewWriter(w io.Writer, opts rdf.WriteOptions) rdf.Writer { return turtle.NewTriGWriter(w, opts) }
