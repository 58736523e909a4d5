package ingest

import (
	"errors"
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Stats counts what a Reader has seen so far.
type Stats struct {
	Records int // records read (good and bad)
	Failed  int // records that gave an *Error and no quads
	Quads   int // quads returned
}

// Reader is an rdf.Reader over an export. Read returns io.EOF at the end, an *Error for a
// bad record (reading may go on unless Error.Fatal) and any other error for failing I/O.
type Reader interface {
	rdf.Reader
	Stats() Stats
}

// Collect reads r to the end and calls emit for every quad. Strict (maxErrors == 0) stops at
// the first bad record and returns it; lenient (maxErrors > 0, or < 0 for no limit) collects
// bad records and goes on, failing with ErrTooManyErrors past the limit. Quads of a record
// that failed are never emitted, so what emit saw is exactly the good records.
func Collect(r Reader, maxErrors int, emit func(rdf.Quad) error) (ErrorList, error) {
	var errs ErrorList
	for {
		q, err := r.Read()
		if err == io.EOF {
			return errs, nil
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Fatal || maxErrors == 0 {
				return append(errs, asError(err)...), err
			}
			errs = append(errs, e)
			if maxErrors > 0 && len(errs) > maxErrors {
				return errs, ErrTooManyErrors
			}
			continue
		}
		if err := emit(q); err != nil {
			return errs, err
		}
	}
}

func asError(err error) ErrorList {
	var e *Error
	if errors.As(err, &e) {
		return ErrorList{e}
	}
	return nil
}

// ReadAll is Collect into a slice.
func ReadAll(r Reader, maxErrors int) ([]rdf.Quad, ErrorList, error) {
	var qs []rdf.Quad
	errs, err := Collect(r, maxErrors, func(q rdf.Quad) error { qs = append(qs, q); return nil })
	return qs, errs, err
}
