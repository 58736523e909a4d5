package expr

import "errors"

// Expression errors. The evaluator treats all of them alike (17.2: an error makes a FILTER
// reject the solution and leaves a BIND variable unbound); they are distinct for messages
// and tests.
var (
	// ErrTypeError is an argument of the wrong kind or datatype for the operator (17.3).
	ErrTypeError = errors.New("type error")
	// ErrUnbound is an unbound argument (a nil rdf.Term).
	ErrUnbound = errors.New("unbound argument")
	// ErrInvalidLexical is a literal whose lexical form does not belong to its datatype
	// where a value is needed, or a cast from a string that is not a valid lexical form.
	ErrInvalidLexical = errors.New("invalid lexical form")
	// ErrDivideByZero is integer or decimal division by zero (XPath err:FOAR0001).
	ErrDivideByZero = errors.New("division by zero")
	// ErrBadRegex is a pattern or flag string that does not compile.
	ErrBadRegex = errors.New("invalid regular expression")
	// ErrBadArgument is an argument outside the function's domain (a relative IRI with no
	// base, an overflowing value, an incompatible pair of string arguments, ...).
	ErrBadArgument = errors.New("bad argument")
)
