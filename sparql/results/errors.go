package results

import (
	"errors"
	"fmt"
)

// ErrUnsupportedFormat is returned for a format name or media type this package does not
// implement, and for reading the table format.
var ErrUnsupportedFormat = errors.New("unsupported results format")

// ErrState is returned when a Writer's methods are called out of order (Write before Begin,
// anything after End), Begin gets an invalid or repeated variable name, or a row has the
// wrong number of columns.
var ErrState = errors.New("results writer used out of order")

// SyntaxError is malformed input to a Reader. Line counts from 1 (0 when the format gives no
// position, as JSON and XML decoding errors often do not); Col counts from 1 or is 0.
type SyntaxError struct {
	Format    Format
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s results: %d:%d: %s", e.Format, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s results: line %d: %s", e.Format, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s results: %s", e.Format, e.Msg)
}
