package jsonld

import (
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Options configure what rdf.ReadOptions and rdf.WriteOptions cannot: the zero value is the
// default used by NewReader and NewWriter.
type Options struct {
	// Contexts maps the URL of a remote context (as written in "@context", after resolution
	// against the base) to the JSON document served there, which must be an object with an
	// "@context" entry. A URL missing from the map is also looked up with its trailing slash
	// added or removed and with http and https swapped; any other URL fails with
	// ErrRemoteContext. The map is read, never modified, and may be shared between readers.
	Contexts map[string][]byte
}

// NewReader is like the package's NewReader, with o's remote contexts available.
func (o Options) NewReader(r io.Reader, opts rdf.ReadOptions) rdf.Reader {
	return &reader{in: r, opts: opts, loader: newLoader(o.Contexts)}
}

// NewWriter is like the package's NewWriter, with o's remote contexts available to the
// compaction context.
func (o Options) NewWriter(w io.Writer, opts rdf.WriteOptions) rdf.Writer {
	return &writer{out: w, opts: opts, loader: newLoader(o.Contexts)}
}

// NewReader returns a Reader of the JSON-LD document r. See the package documentation: the
// whole input is read on the first Read. Remote contexts are refused (ErrRemoteContext).
func NewReader(r io.Reader, opts rdf.ReadOptions) rdf.Reader { return Options{}.NewReader(r, opts) }

// NewWriter returns a Writer that writes one JSON-LD document to w on Close, compacted with
// opts.Context (a JSON-LD context document: an object with "@context", or the context value
// itself) or, when that is nil, with a context declaring opts.Prefixes (and opts.Base as
// @base). Remote contexts referenced by opts.Context are refused (ErrRemoteContext). Data
// with an IRI whose scheme is a term of opts.Context (xsd:x and the term xsd) cannot be
// compacted with it; the document is then written without the context, as it is when
// json-gold fails on the context in a way it should not (a panic).
func NewWriter(w io.Writer, opts rdf.WriteOptions) rdf.Writer { return Options{}.NewWriter(w, opts) }

// NewReaderWithContexts is Options{Contexts: contexts}.NewReader(r, opts).
func NewReaderWithContexts(r io.Reader, opts rdf.ReadOptions, contexts map[string][]byte) rdf.Reader {
	return Options{Contexts: contexts}.NewReader(r, opts)
}

// NewWriterWithContexts is Options{Contexts: contexts}.NewWriter(w, opts).
func NewWriterWithContexts(w io.Writer, opts rdf.WriteOptions, contexts map[string][]byte) rdf.Writer {
	return Options{Contexts: contexts}.NewWriter(w, opts)
}
