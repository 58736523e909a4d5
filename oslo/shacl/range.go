package shacl

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// rangeConstraint is one of sh:minExclusive, sh:minInclusive, sh:maxExclusive and
// sh:maxInclusive (https://www.w3.org/TR/shacl/#core-components-range).
type rangeConstraint struct {
	param     rdf.IRI
	component rdf.IRI
	bound     rdf.Literal
	ok        func(c int) bool // c compares value to bound
	op        string
}

func (c rangeConstraint) Component() rdf.IRI { return c.component }

func (c rangeConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		cmp, comparable := compare(v, c.bound)
		if !comparable || !c.ok(cmp) {
			r.emit(s, focus, v, c, fmt.Sprintf("Value %s is not %s %s", describe(v), c.op, describe(c.bound)))
		}
	}
}

func parseRange(c *compiler, s *Shape) ([]Constraint, error) {
	kinds := []struct {
		param, component rdf.IRI
		ok               func(int) bool
		op               string
	}{
		{sh.MinExclusive, sh.MinExclusiveConstraintComponent, func(c int) bool { return c > 0 }, ">"},
		{sh.MinInclusive, sh.MinInclusiveConstraintComponent, func(c int) bool { return c >= 0 }, ">="},
		{sh.MaxExclusive, sh.MaxExclusiveConstraintComponent, func(c int) bool { return c < 0 }, "<"},
		{sh.MaxInclusive, sh.MaxInclusiveConstraintComponent, func(c int) bool { return c <= 0 }, "<="},
	}
	var out []Constraint
	for _, k := range kinds {
		v, err := c.oneValue(s, k.param)
		if err != nil {
			return nil, err
		}
		if v == nil {
			continue
		}
		l, ok := v.(rdf.Literal)
		if !ok {
			return nil, fmt.Errorf("%s must be a literal, found %s", k.param, v)
		}
		out = append(out, rangeConstraint{k.param, k.component, l, k.ok, k.op})
	}
	return out, nil
}
