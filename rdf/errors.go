package rdf

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrNoBase is wrapped by syntax errors for a relative IRI met with no base IRI.
var ErrNoBase = errors.New("relative IRI without a base IRI")

// ErrUnsupportedFormat is returned for a syntax name or media type nobody implements.
var ErrUnsupportedFormat = errors.New("unsupported RDF format")

// SyntaxError is bad input at a position. Line and Col count from 1; Col counts characters
// (runes), not bytes. File may be empty.
//
// Readers say with Fatal whether they could skip the bad statement: when Fatal is false the
// next Read resumes after it (lenient loading relies on this); when Fatal is true every later
// Read returns the same error.
type SyntaxError struct {
	File      string
	Line, Col int
	Msg       string
	Fatal     bool
}

// Error reads file:line:col: message.
func (e *SyntaxError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	fmt.Fprintf(&b, "%d:%d: %s", e.Line, e.Col, e.Msg)
	return b.String()
}

// ErrorList is a list of syntax errors sorted by position, in the manner of go/scanner.ErrorList.
type ErrorList []*SyntaxError

// Add appends an error.
func (l *ErrorList) Add(e *SyntaxError) { *l = append(*l, e) }

// Sort orders the list by file, line and column.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

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
