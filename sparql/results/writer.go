package results

import (
	"bufio"
	"fmt"
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// FlushEvery is how many rows a Writer buffers at most before it flushes to the underlying
// io.Writer (and calls its Flush method, if it has one, as http.ResponseWriter does).
const FlushEvery = 256

// Writer streams one SELECT result. Call Begin once, Write once per solution, then End.
// A row has one entry per variable given to Begin, in that order; nil means unbound. The
// row is not retained. End flushes but does not close the underlying io.Writer. Methods
// called out of order return ErrState.
type Writer interface {
	Begin(vars []string) error
	Write(row []rdf.Term) error
	End() error
}

// NewWriter returns a streaming Writer of format f on w.
func NewWriter(f Format, w io.Writer) (Writer, error) {
	var enc encoder
	switch f {
	case JSON:
		enc = &jsonEncoder{}
	case XML:
		enc = &xmlEncoder{}
	case CSV:
		enc = &csvEncoder{}
	case TSV:
		enc = &tsvEncoder{}
	case Table:
		return newTableWriter(w, TableRows), nil
	default:
		return nil, fmt.Errorf("%w: %v", ErrUnsupportedFormat, f)
	}
	return &streamWriter{enc: enc, out: w, w: bufio.NewWriterSize(w, 32<<10)}, nil
}

// WriteBoolean writes the result of an ASK query in format f.
func WriteBoolean(f Format, w io.Writer, b bool) error {
	bw := bufio.NewWriter(w)
	switch f {
	case JSON:
		fmt.Fprintf(bw, "{\"head\":{},\"boolean\":%t}\n", b)
	case XML:
		fmt.Fprintf(bw, "<?xml version=\"1.0\"?>\n<sparql xmlns=\"%s\">\n  <head/>\n  <boolean>%t</boolean>\n</sparql>\n", xmlNS, b)
	case CSV:
		fmt.Fprintf(bw, "%s\r\n%t\r\n", askColumn, b)
	case TSV:
		fmt.Fprintf(bw, "?%s\n%t\n", askColumn, b)
	case Table:
		fmt.Fprintf(bw, "%t\n", b)
	default:
		return fmt.Errorf("%w: %v", ErrUnsupportedFormat, f)
	}
	return flush(bw, w)
}

// askColumn names the single column of an ASK result in CSV and TSV.
const askColumn = "_askResult"

// encoder writes one format's syntax into a buffer; streamWriter does the bookkeeping.
type encoder interface {
	begin(w *bufio.Writer, vars []string)
	row(w *bufio.Writer, vars []string, row []rdf.Term)
	end(w *bufio.Writer)
}

type writerState uint8

const (
	stateNew writerState = iota
	stateRows
	stateDone
)

type streamWriter struct {
	enc   encoder
	out   io.Writer
	w     *bufio.Writer
	vars  []string
	state writerState
	n     int
}

func (s *streamWriter) Begin(vars []string) error {
	if s.state != stateNew {
		return fmt.Errorf("%w: Begin called twice", ErrState)
	}
	if err := checkVars(vars); err != nil {
		return fmt.Errorf("%w: %v", ErrState, err)
	}
	s.vars = append([]string(nil), vars...)
	s.state = stateRows
	s.enc.begin(s.w, s.vars)
	return nil
}

func (s *streamWriter) Write(row []rdf.Term) error {
	if s.state != stateRows {
		return fmt.Errorf("%w: Write outside Begin/End", ErrState)
	}
	if len(row) != len(s.vars) {
		return fmt.Errorf("%w: row has %d values for %d variables", ErrState, len(row), len(s.vars))
	}
	s.enc.row(s.w, s.vars, row)
	s.n++
	if s.n%FlushEvery == 0 {
		return flush(s.w, s.out)
	}
	return nil
}

func (s *streamWriter) End() error {
	if s.state != stateRows {
		return fmt.Errorf("%w: End without Begin, or twice", ErrState)
	}
	s.state = stateDone
	s.enc.end(s.w)
	return flush(s.w, s.out)
}

// flush empties the buffer and passes the flush on to writers that buffer too.
func flush(bw *bufio.Writer, out io.Writer) error {
	if err := bw.Flush(); err != nil {
		return err
	}
	switch f := out.(type) {
	case interface{ Flush() error }:
		return f.Flush()
	case interface{ Flush() }:
		f.Flush()
	}
	return nil
}

// WriteResult writes a whole Result in format f: its Boolean when set, its rows otherwise.
func WriteResult(f Format, w io.Writer, res *Result) error {
	if res.Boolean != nil {
		return WriteBoolean(f, w, *res.Boolean)
	}
	sw, err := NewWriter(f, w)
	if err != nil {
		return err
	}
	if err := sw.Begin(res.Vars); err != nil {
		return err
	}
	for _, r := range res.Rows {
		if err := sw.Write(r); err != nil {
			return err
		}
	}
	return sw.End()
}
