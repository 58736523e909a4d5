package shacl

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// logicConstraint is sh:not, sh:and, sh:or or sh:xone
// (https://www.w3.org/TR/shacl/#core-components-logical).
type logicConstraint struct {
	param  rdf.IRI
	shapes []*Shape
}

func (c logicConstraint) Component() rdf.IRI {
	switch c.param {
	case sh.Not:
		return sh.NotConstraintComponent
	case sh.And:
		return sh.AndConstraintComponent
	case sh.Or:
		return sh.OrConstraintComponent
	default:
		return sh.XoneConstraintComponent
	}
}

func (c logicConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		n := 0
		for _, sub := range c.shapes {
			if r.conforms(v, sub) {
				n++
			}
		}
		var bad bool
		var msg string
		switch c.param {
		case sh.Not:
			bad, msg = n > 0, fmt.Sprintf("Value %s conforms to %s", describe(v), describe(c.shapes[0].ID))
		case sh.And:
			bad, msg = n < len(c.shapes), fmt.Sprintf("Value %s conforms to %d of the %d shapes of sh:and", describe(v), n, len(c.shapes))
		case sh.Or:
			bad, msg = n == 0, fmt.Sprintf("Value %s conforms to none of the shapes of sh:or", describe(v))
		default:
			bad, msg = n != 1, fmt.Sprintf("Value %s conforms to %d of the shapes of sh:xone, not exactly one", describe(v), n)
		}
		if bad {
			r.emit(s, focus, v, c, msg)
		}
	}
}

func parseNot(c *compiler, s *Shape) ([]Constraint, error) {
	var out []Constraint
	for _, v := range c.g.Objects(s.ID, sh.Not) {
		sub, err := c.shape(v)
		if err != nil {
			return nil, err
		}
		out = append(out, logicConstraint{sh.Not, []*Shape{sub}})
	}
	return out, nil
}

func parseList(p rdf.IRI) func(*compiler, *Shape) ([]Constraint, error) {
	return func(c *compiler, s *Shape) ([]Constraint, error) {
		var out []Constraint
		for _, v := range c.g.Objects(s.ID, p) {
			subs, err := c.shapeList(v)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", p, err)
			}
			out = append(out, logicConstraint{p, subs})
		}
		return out, nil
	}
}

var (
	parseAnd  = parseList(sh.And)
	parseOr   = parseList(sh.Or)
	parseXone = parseList(sh.Xone)
)
