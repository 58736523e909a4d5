package shacl

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// pairConstraint is one of the property pair components sh:equals, sh:disjoint, sh:lessThan
// and sh:lessThanOrEquals (https://www.w3.org/TR/shacl/#core-components-property-pairs).
type pairConstraint struct {
	param rdf.IRI
	other rdf.IRI
}

func (c pairConstraint) Component() rdf.IRI {
	switch c.param {
	case sh.Equals:
		return sh.EqualsConstraintComponent
	case sh.Disjoint:
		return sh.DisjointConstraintComponent
	case sh.LessThan:
		return sh.LessThanConstraintComponent
	default:
		return sh.LessThanOrEqualsConstraintComponent
	}
}

func (c pairConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	others := r.data.Objects(focus, c.other)
	in := func(t rdf.Term, set []rdf.Term) bool {
		for _, x := range set {
			if x == t {
				return true
			}
		}
		return false
	}
	switch c.param {
	case sh.Equals:
		for _, v := range values {
			if !in(v, others) {
				r.emit(s, focus, v, c, fmt.Sprintf("Value %s is not a value of %s", describe(v), describe(c.other)))
			}
		}
		for _, o := range others {
			if !in(o, values) {
				r.emit(s, focus, o, c, fmt.Sprintf("Value %s of %s is missing", describe(o), describe(c.other)))
			}
		}
	case sh.Disjoint:
		for _, v := range values {
			if in(v, others) {
				r.emit(s, focus, v, c, fmt.Sprintf("Value %s is also a value of %s", describe(v), describe(c.other)))
			}
		}
	default:
		orEqual := c.param == sh.LessThanOrEquals
		for _, v := range values {
			for _, o := range others {
				cmp, ok := compare(v, o)
				if !ok || cmp > 0 || (cmp == 0 && !orEqual) {
					op := "<"
					if orEqual {
						op = "<="
					}
					r.emit(s, focus, v, c, fmt.Sprintf("Value %s is not %s %s (value of %s)", describe(v), op, describe(o), describe(c.other)))
				}
			}
		}
	}
}

func parsePairs(c *compiler, s *Shape) ([]Constraint, error) {
	var out []Constraint
	for _, p := range []rdf.IRI{sh.Equals, sh.Disjoint, sh.LessThan, sh.LessThanOrEquals} {
		for _, v := range c.g.Objects(s.ID, p) {
			iri, ok := v.(rdf.IRI)
			if !ok {
				return nil, fmt.Errorf("%s must be an IRI, found %s", p, v)
			}
			if (p == sh.LessThan || p == sh.LessThanOrEquals) && !s.IsProperty() {
				continue // property shapes only
			}
			out = append(out, pairConstraint{p, iri})
		}
	}
	return out, nil
}
