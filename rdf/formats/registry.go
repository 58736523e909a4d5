package formats

import (
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// The syntax packages register here; a format without an entry is unsupported.
var (
	readers = map[rdf.Format]func(io.Reader, rdf.ReadOptions) rdf.Reader{}
	writers = map[rdf.Format]func(io.Writer, rdf.WriteOptions) rdf.Writer{}
)
