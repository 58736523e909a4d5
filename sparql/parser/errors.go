package parser

import "errors"

// ErrSyntax is matched by errors.Is on every error list the parser returns (see Is on
// ErrorList values via the wrapper in Parse*): bad input, the caller's to fix.
var ErrSyntax = errors.New("sparql syntax error")
