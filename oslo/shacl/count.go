package shacl

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// minCountConstraint is sh:minCount (https://www.w3.org/TR/shacl/#MinCountConstraintComponent).
type minCountConstraint struct{ min int }

func (minCountConstraint) Component() rdf.IRI { return sh.MinCountConstraintComponent }

func (c minCountConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	if len(values) < c.min {
		r.emit(s, focus, nil, c, fmt.Sprintf("Less than %d values (found %d)", c.min, len(values)))
	}
}

// maxCountConstraint is sh:maxCount (https://www.w3.org/TR/shacl/#MaxCountConstraintComponent).
type maxCountConstraint struct{ max int }

func (maxCountConstraint) Component() rdf.IRI { return sh.MaxCountConstraintComponent }

func (c maxCountConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	if len(values) > c.max {
		r.emit(s, focus, nil, c, fmt.Sprintf("More than %d values (found %d)", c.max, len(values)))
	}
}

// Cardinality applies to property shapes only; on a node shape SHACL makes it ill-formed, and
// we ignore it there rather than refuse the whole shapes graph.
func parseMinCount(c *compiler, s *Shape) ([]Constraint, error) {
	n, err := c.integerParam(s, sh.MinCount)
	if err != nil || n < 0 || !s.IsProperty() {
		return nil, err
	}
	return []Constraint{minCountConstraint{n}}, nil
}

func parseMaxCount(c *compiler, s *Shape) ([]Constraint, error) {
	n, err := c.integerParam(s, sh.MaxCount)
	if err != nil || n < 0 || !s.IsProperty() {
		return nil, err
	}
	return []Constraint{maxCountConstraint{n}}, nil
}
