package jsonld

import (
	"errors"
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// ErrRemoteContext is wrapped by the error for a remote context (or remote document) that
// was not supplied in Options.Contexts: the package has no network access.
var ErrRemoteContext = errors.New("remote context not available")

// missingContext is the loader's error for a URL it was not given.
type missingContext struct{ url string }

func (e *missingContext) Error() string {
	return fmt.Sprintf("remote context %s not available: no network access; supply it in jsonld.Options.Contexts", e.url)
}

func (e *missingContext) Unwrap() error { return ErrRemoteContext }

// ErrClosed is returned by Write and Close on a Writer that was already closed.
var ErrClosed = errors.New("jsonld: writer closed")

// Error is a JSON-LD processing error: the document is valid JSON but the JSON-LD algorithms
// reject it. It is always fatal.
//
// The embedded *rdf.SyntaxError carries the position of Pointer in the input (or 1:1 when the
// pointer is unknown), so errors.As(err, new(*rdf.SyntaxError)) finds it; Err is the
// underlying cause (errors.Is(err, ErrRemoteContext) works through it).
type Error struct {
	*rdf.SyntaxError
	// Pointer is the RFC 6901 JSON pointer of the value at fault, e.g. "/@graph/3/name";
	// "" is the whole document.
	Pointer string
	// Code is the JSON-LD API error code, e.g. "invalid IRI mapping"; may be empty.
	Code string
	// Err is the underlying error.
	Err error
}

// Error reads file:line:col: jsonld: <pointer>: <code>: <details>.
func (e *Error) Error() string { return e.SyntaxError.Error() }

// Unwrap gives both the position and the cause to errors.Is and errors.As.
func (e *Error) Unwrap() []error { return []error{e.SyntaxError, e.Err} }

func newError(file string, line, col int, pointer, code string, cause error) *Error {
	ptr := pointer
	if ptr == "" {
		ptr = "(document)"
	}
	return &Error{
		SyntaxError: &rdf.SyntaxError{
			File: file, Line: line, Col: col, Fatal: true,
			Msg: fmt.Sprintf("jsonld: at %s: %v", ptr, cause),
		},
		Pointer: pointer,
		Code:    code,
		Err:     cause,
	}
}
