package rdf

// Reader streams the quads of one document. Implementations run no goroutines and hold no
// more of the document than the syntax needs (JSON-LD and pretty-printing are the exceptions
// their packages document).
type Reader interface {
	// Read returns the next quad. At the end of the input it returns io.EOF. Bad input gives a
	// *SyntaxError (see its Fatal field for whether reading may go on); a failing underlying
	// reader gives its own error.
	Read() (Quad, error)
}

// Writer streams quads into a document. Close flushes and writes any trailer; it does not
// close the underlying io.Writer.
type Writer interface {
	Write(Quad) error
	Close() error
}

// Namespace is a prefix binding for writers.
type Namespace struct {
	Prefix string // without the colon; "" for the empty prefix
	IRI    string
}

// ReadOptions configure a Reader.
type ReadOptions struct {
	// Base is the base IRI against which relative references resolve. Empty means none:
	// a relative reference is then a syntax error.
	Base string
	// File names the input in error positions (file:line:col). May be empty.
	File string
	// Line is the line number of the input's first line, for readers handed one chunk of a
	// larger line-based file (N-Triples, N-Quads); 0 means 1.
	Line int
}

// WriteOptions configure a Writer. Syntaxes ignore what they have no use for.
type WriteOptions struct {
	// Prefixes are declared up front (Turtle, TriG, RDF/XML) and used to abbreviate IRIs.
	Prefixes []Namespace
	// Base is written as @base / xml:base and used to relativise IRIs; empty means none.
	Base string
	// Context is a JSON-LD context document used to compact JSON-LD output; nil means none.
	Context []byte
	// Stream asks pretty writers (Turtle, TriG) not to buffer: they then group only consecutive
	// quads with the same subject, and nest no blank nodes. Use for dumps of any size.
	Stream bool
}

// Format is an RDF syntax.
type Format uint8

// The RDF syntaxes uwp reads and writes.
const (
	NTriples Format = iota + 1
	NQuads
	Turtle
	TriG
	RDFXML
	JSONLD
)

var formatInfo = [...]struct {
	name, ext, mediaType string
	aliases              []string
	quads                bool
}{
	NTriples: {"ntriples", ".nt", "application/n-triples", []string{"nt", "n-triples"}, false},
	NQuads:   {"nquads", ".nq", "application/n-quads", []string{"nq", "n-quads"}, true},
	Turtle:   {"turtle", ".ttl", "text/turtle", []string{"ttl"}, false},
	TriG:     {"trig", ".trig", "application/trig", nil, true},
	RDFXML:   {"rdfxml", ".rdf", "application/rdf+xml", []string{"rdf", "xml", "rdf/xml", "owl"}, false},
	JSONLD:   {"jsonld", ".jsonld", "application/ld+json", []string{"json-ld", "json"}, true},
}

// Formats lists every format in a stable order.
var Formats = []Format{NTriples, NQuads, Turtle, TriG, RDFXML, JSONLD}

func (f Format) valid() bool { return f >= NTriples && f <= JSONLD }

// String returns the format's short name, as used by --format.
func (f Format) String() string {
	if !f.valid() {
		return "unknown"
	}
	return formatInfo[f].name
}

// Ext returns the usual file extension with its dot.
func (f Format) Ext() string {
	if !f.valid() {
		return ""
	}
	return formatInfo[f].ext
}

// MediaType returns the registered media type.
func (f Format) MediaType() string {
	if !f.valid() {
		return ""
	}
	return formatInfo[f].mediaType
}

// Quads reports whether the syntax can express named graphs.
func (f Format) Quads() bool { return f.valid() && formatInfo[f].quads }

// ParseFormat finds a format by name, alias, extension (with or without dot) or media type.
func ParseFormat(s string) (Format, bool) {
	if s == "" {
		return 0, false
	}
	for _, f := range Formats {
		in := formatInfo[f]
		if s == in.name || s == in.ext || "."+s == in.ext || s == in.mediaType {
			return f, true
		}
		for _, a := range in.aliases {
			if s == a {
				return f, true
			}
		}
	}
	return 0, false
}
