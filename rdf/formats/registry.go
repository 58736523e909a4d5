package formats

import (
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/jsonld"
	"github.com/uitwisselingsplatform/uwp/rdf/nt"
	"github.com/uitwisselingsplatform/uwp/rdf/rdfxml"
	"github.com/uitwisselingsplatform/uwp/rdf/trig"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

// The syntax packages, by format; a format without an entry is unsupported.
var (
	readers = map[rdf.Format]func(io.Reader, rdf.ReadOptions) rdf.Reader{
		rdf.NTriples: nt.NewReader,
		rdf.NQuads:   nt.NewQuadsReader,
		rdf.Turtle:   turtle.NewReader,
		rdf.TriG:     trig.NewReader,
		rdf.RDFXML:   rdfxml.NewReader,
		rdf.JSONLD:   jsonld.NewReader,
	}
	writers = map[rdf.Format]func(io.Writer, rdf.WriteOptions) rdf.Writer{
		rdf.NTriples: nt.NewWriter,
		rdf.NQuads:   nt.NewQuadsWriter,
		rdf.Turtle:   turtle.NewWriter,
		rdf.TriG:     trig.NewWriter,
		rdf.RDFXML:   rdfxml.NewWriter,
		rdf.JSONLD:   jsonld.NewWriter,
	}
)
