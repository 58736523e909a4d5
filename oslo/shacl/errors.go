package shacl

import "errors"

// ErrBadShape is wrapped by Compile for a shape that breaks the syntax rules of SHACL
// (https://www.w3.org/TR/shacl/#syntax-rules): a malformed path or list, a count that is not
// an integer, a pattern that does not compile, ...
var ErrBadShape = errors.New("ill-formed shape")
