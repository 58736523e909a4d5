package shacl

import (
	"fmt"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// closedConstraint is sh:closed true with sh:ignoredProperties
// (https://www.w3.org/TR/shacl/#ClosedConstraintComponent).
type closedConstraint struct{ allowed map[rdf.IRI]bool }

func (closedConstraint) Component() rdf.IRI { return sh.ClosedConstraintComponent }

func (c closedConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		for _, p := range r.data.Predicates(v) {
			if c.allowed[p] {
				continue
			}
			for _, o := range r.data.Objects(v, p) {
				// The result names the focus node; for a node shape it is the value node.
				r.emitPath(s, focus, o, PredicatePath{p}, c, fmt.Sprintf("Predicate %s of %s is not allowed (closed shape)", describe(p), describe(v)))
			}
		}
	}
}

func parseClosed(c *compiler, s *Shape) ([]Constraint, error) {
	closed, err := c.boolParam(s, sh.Closed)
	if err != nil || !closed {
		return nil, err
	}
	allowed := map[rdf.IRI]bool{}
	for _, ps := range c.g.Objects(s.ID, sh.Property) {
		for _, p := range c.g.Objects(ps, sh.Path) {
			if iri, ok := p.(rdf.IRI); ok {
				allowed[iri] = true
			}
		}
	}
	if v, err := c.oneValue(s, sh.IgnoredProperties); err != nil {
		return nil, err
	} else if v != nil {
		members, err := c.g.List(v)
		if err != nil {
			return nil, fmt.Errorf("sh:ignoredProperties: %v", err)
		}
		for _, m := range members {
			iri, ok := m.(rdf.IRI)
			if !ok {
				return nil, fmt.Errorf("sh:ignoredProperties members must be IRIs, found %s", m)
			}
			allowed[iri] = true
		}
	}
	return []Constraint{closedConstraint{allowed}}, nil
}

// hasValueConstraint is sh:hasValue (https://www.w3.org/TR/shacl/#HasValueConstraintComponent).
type hasValueConstraint struct{ value rdf.Term }

func (hasValueConstraint) Component() rdf.IRI { return sh.HasValueConstraintComponent }

func (c hasValueConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		if v == c.value {
			return
		}
	}
	r.emit(s, focus, nil, c, fmt.Sprintf("Missing expected value %s", describe(c.value)))
}

func parseHasValue(c *compiler, s *Shape) ([]Constraint, error) {
	var out []Constraint
	for _, v := range c.g.Objects(s.ID, sh.HasValue) {
		out = append(out, hasValueConstraint{v})
	}
	return out, nil
}

// inConstraint is sh:in (https://www.w3.org/TR/shacl/#InConstraintComponent).
type inConstraint struct {
	members []rdf.Term
	set     map[rdf.Term]bool
}

func (inConstraint) Component() rdf.IRI { return sh.InConstraintComponent }

func (c inConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		if !c.set[v] {
			names := make([]string, len(c.members))
			for i, m := range c.members {
				names[i] = describe(m)
			}
			r.emit(s, focus, v, c, fmt.Sprintf("Value %s is not in [%s]", describe(v), strings.Join(names, ", ")))
		}
	}
}

func parseIn(c *compiler, s *Shape) ([]Constraint, error) {
	v, err := c.oneValue(s, sh.In)
	if err != nil || v == nil {
		return nil, err
	}
	members, err := c.g.List(v)
	if err != nil {
		return nil, fmt.Errorf("sh:in: %v", err)
	}
	k := inConstraint{members: members, set: map[rdf.Term]bool{}}
	for _, m := range members {
		k.set[m] = true
	}
	return []Constraint{k}, nil
}
