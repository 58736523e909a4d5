package results

import (
	"bufio"
	"fmt"
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Result is a whole result document: the variables and rows of a SELECT result, or the
// Boolean of an ASK result (then Vars and Rows are empty).
type Result struct {
	Vars    []string
	Rows    [][]rdf.Term // one entry per variable, nil for unbound
	Boolean *bool
}

// Read reads a whole result document of format f.
func Read(f Format, r io.Reader) (*Result, error) {
	rd, err := NewReader(f, r)
	if err != nil {
		return nil, err
	}
	res := &Result{Vars: rd.Vars()}
	if b, ok := rd.Boolean(); ok {
		res.Boolean = &b
		return res, nil
	}
	for rd.Next() {
		res.Rows = append(res.Rows, rd.Row())
	}
	return res, rd.Err()
}

// source is one format's parser: head reads up to the first row, next returns rows and
// io.EOF after the last.
type source interface {
	head() (vars []string, boolean *bool, err error)
	next() ([]rdf.Term, error)
}

// Reader streams a result document. NewReader reads the head; then call Next until it
// returns false, reading each row with Row, and check Err. For an ASK result Boolean
// reports the value and Next is false at once.
type Reader struct {
	src     source
	vars    []string
	boolean *bool
	row     []rdf.Term
	err     error
}

// NewReader reads the head of a result document of format f (JSON, XML, CSV or TSV). Bad
// input gives a *SyntaxError.
func NewReader(f Format, r io.Reader) (*Reader, error) {
	r = skipBOM(r)
	var src source
	switch f {
	case JSON:
		src = newJSONSource(r)
	case XML:
		src = newXMLSource(r)
	case CSV:
		src = newCSVSource(r)
	case TSV:
		src = newTSVSource(r)
	default:
		return nil, fmt.Errorf("%w: cannot read %v", ErrUnsupportedFormat, f)
	}
	vars, b, err := src.head()
	if err != nil {
		return nil, err
	}
	if err := checkVars(vars); err != nil {
		return nil, &SyntaxError{Format: f, Line: 1, Msg: err.Error()}
	}
	return &Reader{src: src, vars: vars, boolean: b}, nil
}

// Vars returns the result's variables in order (nil for an ASK result).
func (r *Reader) Vars() []string { return r.vars }

// Boolean returns an ASK result's value; ok is false for a SELECT result.
func (r *Reader) Boolean() (b bool, ok bool) {
	if r.boolean == nil {
		return false, false
	}
	return *r.boolean, true
}

// Next advances to the next row, reporting false at the end or on an error (see Err).
func (r *Reader) Next() bool {
	if r.err != nil || r.boolean != nil {
		return false
	}
	row, err := r.src.next()
	if err != nil {
		if err != io.EOF {
			r.err = err
		}
		r.row = nil
		return false
	}
	r.row = row
	return true
}

// Row returns the current row: one term per variable, nil for unbound. The slice is the
// caller's to keep.
func (r *Reader) Row() []rdf.Term { return r.row }

// Err returns the error that stopped Next, if any.
func (r *Reader) Err() error { return r.err }

// skipBOM drops a UTF-8 byte order mark, which some tools put before CSV and TSV files.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\xEF\xBB\xBF" {
		br.Discard(3)
	}
	return br
}

// varIndex maps variable names to columns.
func varIndex(vars []string) map[string]int {
	m := make(map[string]int, len(vars))
	for i, v := range vars {
		m[v] = i
	}
	return m
}
