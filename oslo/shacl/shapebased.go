package shacl

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// nodeConstraint is sh:node (https://www.w3.org/TR/shacl/#NodeConstraintComponent).
type nodeConstraint struct{ shape *Shape }

func (nodeConstraint) Component() rdf.IRI { return sh.NodeConstraintComponent }

func (c nodeConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		if !r.conforms(v, c.shape) {
			r.emit(s, focus, v, c, fmt.Sprintf("Value %s does not conform to shape %s", describe(v), describe(c.shape.ID)))
		}
	}
}

func parseNode(c *compiler, s *Shape) ([]Constraint, error) {
	var out []Constraint
	for _, v := range c.g.Objects(s.ID, sh.Node) {
		sub, err := c.shape(v)
		if err != nil {
			return nil, err
		}
		out = append(out, nodeConstraint{sub})
	}
	return out, nil
}

// propertyConstraint is sh:property (https://www.w3.org/TR/shacl/#PropertyConstraintComponent):
// the results of the property shape for each value node are the shape's results.
type propertyConstraint struct{ shape *Shape }

func (propertyConstraint) Component() rdf.IRI { return sh.PropertyConstraintComponent }

func (c propertyConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		r.validate(c.shape, v)
	}
}

func parseProperty(c *compiler, s *Shape) ([]Constraint, error) {
	var out []Constraint
	for _, v := range c.g.Objects(s.ID, sh.Property) {
		sub, err := c.shape(v)
		if err != nil {
			return nil, err
		}
		if !sub.IsProperty() && c.g.Object(v, sh.Path) == nil {
			return nil, fmt.Errorf("sh:property %s has no sh:path", v)
		}
		out = append(out, propertyConstraint{sub})
	}
	return out, nil
}

// qualifiedConstraint is sh:qualifiedValueShape with sh:qualifiedMinCount and/or
// sh:qualifiedMaxCount (https://www.w3.org/TR/shacl/#QualifiedValueShapeConstraintComponent).
type qualifiedConstraint struct {
	shape    *Shape
	min, max int // -1 when absent
	siblings []*Shape
	isMax    bool
}

func (c qualifiedConstraint) Component() rdf.IRI {
	if c.isMax {
		return sh.QualifiedMaxCountConstraintComponent
	}
	return sh.QualifiedMinCountConstraintComponent
}

func (c qualifiedConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	n := 0
	for _, v := range values {
		if !r.conforms(v, c.shape) {
			continue
		}
		sibling := false
		for _, sib := range c.siblings {
			if r.conforms(v, sib) {
				sibling = true
				break
			}
		}
		if !sibling {
			n++
		}
	}
	if c.isMax && n > c.max {
		r.emit(s, focus, nil, c, fmt.Sprintf("More than %d values conform to %s (found %d)", c.max, describe(c.shape.ID), n))
	}
	if !c.isMax && n < c.min {
		r.emit(s, focus, nil, c, fmt.Sprintf("Less than %d values conform to %s (found %d)", c.min, describe(c.shape.ID), n))
	}
}

func parseQualified(c *compiler, s *Shape) ([]Constraint, error) {
	v, err := c.oneValue(s, sh.QualifiedValueShape)
	if err != nil || v == nil || !s.IsProperty() {
		return nil, err
	}
	q, err := c.shape(v)
	if err != nil {
		return nil, err
	}
	lo, err := c.integerParam(s, sh.QualifiedMinCount)
	if err != nil {
		return nil, err
	}
	hi, err := c.integerParam(s, sh.QualifiedMaxCount)
	if err != nil {
		return nil, err
	}
	disjoint, err := c.boolParam(s, sh.QualifiedValueShapesDisjoint)
	if err != nil {
		return nil, err
	}
	var siblings []*Shape
	if disjoint {
		// Sibling shapes: the qualified value shapes of the other property shapes of every
		// shape that has s as a property.
		for _, parent := range c.g.Subjects(sh.Property, s.ID) {
			for _, ps := range c.g.Objects(parent, sh.Property) {
				if ps == s.ID {
					continue
				}
				for _, qs := range c.g.Objects(ps, sh.QualifiedValueShape) {
					if sib := c.out.byID[qs]; sib != nil && sib != q {
						siblings = append(siblings, sib)
					}
				}
			}
		}
	}
	var out []Constraint
	if lo >= 0 {
		out = append(out, qualifiedConstraint{shape: q, min: lo, max: -1, siblings: siblings})
	}
	if hi >= 0 {
		out = append(out, qualifiedConstraint{shape: q, min: -1, max: hi, siblings: siblings, isMax: true})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("sh:qualifiedValueShape without sh:qualifiedMinCount or sh:qualifiedMaxCount")
	}
	return out, nil
}
