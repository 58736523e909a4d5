package ingest

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors, wrapped by the adapters.
var (
	// ErrBadRecord is wrapped by every *Error about one record of the input.
	ErrBadRecord = errors.New("bad record")
	// ErrTooManyErrors ends a lenient run that met more bad records than allowed.
	ErrTooManyErrors = errors.New("too many bad records")
)

// Error is one bad record (or one bad value in a record), located by a JSON pointer
// (RFC 6901) for JSON input or by a 1-based row and column for tabular input. Fatal means the
// reader cannot resynchronise: every later Read returns the same error.
type Error struct {
	File    string
	Pointer string // JSON pointer of the record or value ("" = the whole document)
	Row     int    // 1-based data row (CSV: counting the header as row 1) or line (JSON lines); 0 = n/a
	Col     int    // 1-based column; 0 = the whole row
	Column  string // column name, when known
	Msg     string
	Fatal   bool
	Err     error // underlying cause, may be nil
}

// Error reads file:row:col: msg (tabular), file: /pointer: msg (JSON) or file: msg.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	switch {
	case e.Row > 0 && e.Col > 0:
		fmt.Fprintf(&b, "%d:%d:", e.Row, e.Col)
	case e.Row > 0:
		fmt.Fprintf(&b, "%d:", e.Row)
	}
	if e.Pointer != "" || (e.Row == 0 && e.File != "") {
		b.WriteString(" ")
		if e.Pointer == "" {
			b.WriteString("/")
		} else {
			b.WriteString(e.Pointer)
		}
		b.WriteByte(':')
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q: ", e.Column)
	}
	b.WriteString(e.Msg)
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns ErrBadRecord and the cause.
func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrBadRecord, e.Err}
	}
	return []error{ErrBadRecord}
}

// ErrorList collects the bad records of a lenient run, in input order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns nil for an empty list and the list otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// JSONPointer appends reference tokens to a JSON pointer, escaping ~ and / (RFC 6901 §3).
func JSONPointer(base string, tokens ...any) string {
	var b strings.Builder
	b.WriteString(base)
	for _, t := range tokens {
		b.WriteByte('/')
		switch t := t.(type) {
		case string:
			if strings.ContainsAny(t, "~/") {
				t = pointerEscaper.Replace(t)
			}
			b.WriteString(t)
		case int:
			b.WriteString(strconv.Itoa(t))
		default:
			panic(fmt.Sprintf("unreachable: %T", t))
		}
	}
	return b.String()
}
