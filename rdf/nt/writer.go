package nt

import (
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// flushSize is how much output a Writer gathers before it writes to the io.Writer.
const flushSize = 64 << 10

// Writer writes canonical N-Triples or N-Quads. It implements rdf.Writer; create one with
// NewWriter or NewQuadsWriter. A Writer is not safe for concurrent use.
type Writer struct {
	w     io.Writer
	quads bool
	buf   []byte
	err   error // sticky error of w
}

// NewWriter returns a writer of N-Triples. Write refuses a quad in a named graph with
// ErrNamedGraph. The options are ignored: N-Triples has no prefixes and no base.
func NewWriter(w io.Writer, opts rdf.WriteOptions) rdf.Writer { return newWriter(w, false) }

// NewQuadsWriter returns a writer of N-Quads. The options are ignored.
func NewQuadsWriter(w io.Writer, opts rdf.WriteOptions) rdf.Writer { return newWriter(w, true) }

func newWriter(w io.Writer, quads bool) *Writer {
	return &Writer{w: w, quads: quads, buf: make([]byte, 0, flushSize+4096)}
}

// Write buffers one statement. It returns an error wrapping ErrInvalidTerm (or
// ErrNamedGraph) for a quad the syntax cannot express or a reader would refuse (see
// ErrInvalidTerm), which writes nothing and leaves the Writer usable, and the io.Writer's error, on this and every later call, if writing fails.
func (w *Writer) Write(q rdf.Quad) error {
	if w.err != nil {
		return w.err
	}
	if err := w.check(q); err != nil {
		return err
	}
	w.buf = AppendQuad(w.buf, q)
	if len(w.buf) >= flushSize {
		return w.flush()
	}
	return nil
}

// Close writes what is buffered. It does not close the io.Writer.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	return w.flush()
}

func (w *Writer) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	_, err := w.w.Write(w.buf)
	w.buf = w.buf[:0]
	if err != nil {
		w.err = err
	}
	return err
}

// check reports why q cannot be written, if it cannot.
func (w *Writer) check(q rdf.Quad) error {
	if err := checkTerm("subject", q.Subject, false); err != nil {
		return err
	}
	if _, ok := q.Predicate.(rdf.IRI); !ok && q.Predicate != nil {
		return fmt.Errorf("%w: the predicate must be an IRI, not a %s", ErrInvalidTerm, q.Predicate.Kind())
	}
	if err := checkTerm("predicate", q.Predicate, false); err != nil {
		return err
	}
	if err := checkTerm("object", q.Object, true); err != nil {
		return err
	}
	if q.Graph != nil {
		if !w.quads {
			return ErrNamedGraph
		}
		if err := checkTerm("graph name", q.Graph, false); err != nil {
			return err
		}
	}
	return nil
}

// checkTerm reports why t cannot be written in the named position.
func checkTerm(pos string, t rdf.Term, literalOK bool) error {
	switch t := t.(type) {
	case nil:
		return fmt.Errorf("%w: the %s is missing", ErrInvalidTerm, pos)
	case rdf.IRI:
		return checkIRI(pos, t)
	case rdf.BlankNode:
		if !validLabel(string(t)) {
			return fmt.Errorf("%w: %s _:%s is not a valid blank node label", ErrInvalidTerm, pos, string(t))
		}
	case rdf.Literal:
		if !literalOK {
			return fmt.Errorf("%w: the %s cannot be a literal", ErrInvalidTerm, pos)
		}
		if !utf8.ValidString(t.Lexical) {
			return fmt.Errorf("%w: %s literal is not UTF-8", ErrInvalidTerm, pos)
		}
		switch {
		case t.Lang != "":
			if !validLangTag(t.Lang) {
				return fmt.Errorf("%w: %s has invalid language tag %q", ErrInvalidTerm, pos, t.Lang)
			}
		case t.Datatype == rdf.RDFLangString:
			return fmt.Errorf("%w: %s is an rdf:langString without a language tag", ErrInvalidTerm, pos)
		case t.Datatype != "":
			if err := checkIRI("datatype", t.Datatype); err != nil {
				return fmt.Errorf("%s: %w", pos, err)
			}
		}
	default:
		panic(fmt.Sprintf("unreachable: %T", t))
	}
	return nil
}

func checkIRI(pos string, iri rdf.IRI) error {
	if !rdf.IsAbsoluteIRI(string(iri)) {
		return fmt.Errorf("%w: %s <%s> is not an absolute IRI", ErrInvalidTerm, pos, string(iri))
	}
	if !utf8.ValidString(string(iri)) {
		return fmt.Errorf("%w: %s IRI is not UTF-8", ErrInvalidTerm, pos)
	}
	// Readers (this package's and the Turtle one) refuse these even when escaped: an IRI
	// cannot hold them (RFC 3987), so writing one would make a file nobody reads back.
	for i := 0; i < len(iri); i++ {
		if c := iri[i]; c < 0x80 && !iriPlain[c] {
			return fmt.Errorf("%w: %s <%s> holds %q, which no IRI may contain", ErrInvalidTerm, pos, string(iri), c)
		}
	}
	return nil
}

// validLabel reports whether s is a BLANK_NODE_LABEL without its "_:".
func validLabel(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i, c := range s {
		switch {
		case i == 0:
			if c < 0x80 && !labelFirst[c] || c >= 0x80 && !isPNCharsBase(c) {
				return false
			}
		case c == '.':
			if i == len(s)-1 {
				return false
			}
		case c < 0x80 && !labelChar[c] || c >= 0x80 && !isPNChars(c):
			return false
		}
	}
	return true
}
