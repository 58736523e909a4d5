package parser

import "errors"

// ErrSyntax matches (with errors.Is) every error the parser returns: the text is not valid
// SPARQL, which is the caller's to fix. The error is an *Error; errors.As also finds the
// rdf.ErrorList inside it, one *rdf.SyntaxError per problem, sorted by position.
var ErrSyntax = errors.New("sparql syntax error")
