package turtle

import "errors"

// ErrInvalidQuad is returned by a writer's Write for a quad that the syntax cannot express:
// a literal or nil subject, a predicate that is not an IRI, a nil object, or a literal graph
// name.
var ErrInvalidQuad = errors.New("turtle: quad cannot be written")
