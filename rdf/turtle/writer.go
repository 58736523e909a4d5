package turtle

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// NewWriter returns a Turtle writer. Graph names are dropped: every quad is written as a
// triple of the one graph a Turtle document holds. By default the writer buffers everything
// until Close and pretty-prints (subjects grouped with ';' and ',', 'a' for rdf:type,
// prefixed names, unshared blank nodes nested as [ ... ], lists as ( ... ), short numbers
// and booleans); with opts.Stream it writes as quads arrive. Duplicate quads are written once
// in pretty mode.
func NewWriter(w io.Writer, opts rdf.WriteOptions) rdf.Writer { return newWriter(w, opts, false) }

// NewTriGWriter returns a TriG writer: like NewWriter, with each named graph in a
// "<g> { ... }" block after the default graph's triples. Package trig exports it as
// trig.NewWriter.
func NewTriGWriter(w io.Writer, opts rdf.WriteOptions) rdf.Writer { return newWriter(w, opts, true) }

type writer struct {
	w      *bufio.Writer
	opts   rdf.WriteOptions
	trig   bool
	f      *termFormatter
	b      strings.Builder
	header bool
	closed bool
	err    error

	// pretty mode
	quads []rdf.Quad
	seen  map[rdf.Quad]struct{}

	// stream mode: the statement being written
	open         bool
	lastS, lastP rdf.Term
	lastG        rdf.Term
	inBlock      bool
}

func newWriter(w io.Writer, opts rdf.WriteOptions, trig bool) *writer {
	return &writer{
		w:    bufio.NewWriterSize(w, 64<<10),
		opts: opts,
		trig: trig,
		f:    newTermFormatter(opts),
		seen: map[rdf.Quad]struct{}{},
	}
}

func validQuad(q rdf.Quad) error {
	switch q.Subject.(type) {
	case rdf.IRI, rdf.BlankNode:
	default:
		return fmt.Errorf("%w: subject %v", ErrInvalidQuad, q.Subject)
	}
	if _, ok := q.Predicate.(rdf.IRI); !ok {
		return fmt.Errorf("%w: predicate %v", ErrInvalidQuad, q.Predicate)
	}
	if q.Object == nil {
		return fmt.Errorf("%w: nil object", ErrInvalidQuad)
	}
	switch q.Graph.(type) {
	case nil, rdf.IRI, rdf.BlankNode:
	default:
		return fmt.Errorf("%w: graph %v", ErrInvalidQuad, q.Graph)
	}
	return nil
}

// Write implements rdf.Writer.
func (w *writer) Write(q rdf.Quad) error {
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return fmt.Errorf("turtle: Write after Close")
	}
	if err := validQuad(q); err != nil {
		return err
	}
	if !w.trig {
		q.Graph = nil
	}
	if !w.opts.Stream {
		if _, dup := w.seen[q]; !dup {
			w.seen[q] = struct{}{}
			w.quads = append(w.quads, q)
		}
		return nil
	}
	w.streamQuad(q)
	return w.flushBuilder(false)
}

// Close implements rdf.Writer: it writes whatever is buffered and flushes. It does not close
// the underlying io.Writer.
func (w *writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	w.writeHeader()
	if w.opts.Stream {
		w.endStatement()
		if w.inBlock {
			w.b.WriteString("}\n")
		}
	} else {
		w.pretty()
	}
	if err := w.flushBuilder(true); err != nil {
		return err
	}
	w.err = w.w.Flush()
	return w.err
}

func (w *writer) writeHeader() {
	if !w.header {
		w.header = true
		w.f.header(&w.b, w.opts.Prefixes)
	}
}

// flushBuilder moves the text built so far to the bufio.Writer once it is large (or always).
func (w *writer) flushBuilder(always bool) error {
	if w.b.Len() < 32<<10 && !always {
		return nil
	}
	if _, err := w.w.WriteString(w.b.String()); err != nil {
		w.err = err
	}
	w.b.Reset()
	return w.err
}

// streamQuad writes one quad, continuing the open statement when subject (and graph) repeat.
func (w *writer) streamQuad(q rdf.Quad) {
	w.writeHeader()
	b := &w.b
	if w.open && q.Graph == w.lastG && q.Subject == w.lastS {
		if q.Predicate == w.lastP {
			b.WriteString(", ")
		} else {
			b.WriteString(" ;\n")
			w.indent(2)
			w.predicate(q.Predicate)
			b.WriteByte(' ')
		}
		w.f.term(b, q.Object)
		w.lastP = q.Predicate
		return
	}
	w.endStatement()
	if w.trig && (q.Graph != w.lastG || !w.inBlock && q.Graph != nil) {
		if w.inBlock {
			b.WriteString("}\n")
			w.inBlock = false
		}
		if q.Graph != nil {
			w.f.term(b, q.Graph)
			b.WriteString(" {\n")
			w.inBlock = true
		}
	}
	w.lastG, w.lastS, w.lastP, w.open = q.Graph, q.Subject, q.Predicate, true
	w.indent(1)
	w.f.term(b, q.Subject)
	b.WriteByte(' ')
	w.predicate(q.Predicate)
	b.WriteByte(' ')
	w.f.term(b, q.Object)
}

func (w *writer) endStatement() {
	if w.open {
		w.b.WriteString(" .\n")
		w.open = false
	}
}

// indent writes the indentation for a nesting level; inside a TriG block everything moves
// one level right.
func (w *writer) indent(level int) {
	if w.inBlock {
		level++
	}
	for i := 1; i < level; i++ {
		w.b.WriteString("    ")
	}
}

func (w *writer) predicate(p rdf.Term) {
	if p == rdf.RDFType {
		w.b.WriteByte('a')
		return
	}
	w.f.term(&w.b, p)
}
