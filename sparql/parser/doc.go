// Package parser reads SPARQL 1.1 queries and updates into the trees of package syntax. It is a
// hand-written lexer and recursive-descent parser for the grammars of
// https://www.w3.org/TR/sparql11-query/#grammar and https://www.w3.org/TR/sparql11-update/#grammar.
//
// # Basics
//
//   - ParseQuery(src, Options) returns a *syntax.Query; ParseUpdate(src, Options) a
//     *syntax.Update. Options.Base is the base IRI for relative references (a BASE in the text
//     overrides it).
//   - Errors come back as an *Error holding an rdf.ErrorList sorted by position; messages
//     read "line:col: expected X, found Y". errors.Is(err, ErrSyntax) holds for all of them.
//     Grammar errors stop parsing at the first one; static-check errors are collected.
//   - Besides the grammar, the parser runs the static checks the specifications require
//     (https://www.w3.org/TR/sparql11-query/#sparqlGrammar notes and 18.2.1 variable scope):
//     grouped variables in aggregate queries, SELECT and BIND variables not already in scope,
//     blank node labels not shared between basic graph patterns of one request, VALUES arity,
//     no variables in INSERT DATA / DELETE DATA, no blank nodes in DELETE forms, aggregates only
//     in SELECT, HAVING and ORDER BY.
//
// # Caveats
//
// Codepoint escapes (\uXXXX, \UXXXXXXXX) are decoded inside strings and IRI references only,
// not anywhere in the text as section 19.2 allows. A panic never leaves the package: internal
// bail-outs are recovered into the error list.
package parser
