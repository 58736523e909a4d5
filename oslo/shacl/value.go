package shacl

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// classConstraint is sh:class (https://www.w3.org/TR/shacl/#ClassConstraintComponent).
type classConstraint struct{ class rdf.Term }

func (classConstraint) Component() rdf.IRI { return sh.ClassConstraintComponent }

func (c classConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		if !r.instanceOf(v, c.class) {
			r.emit(s, focus, v, c, fmt.Sprintf("Value %s is not an instance of %s", describe(v), describe(c.class)))
		}
	}
}

func parseClass(c *compiler, s *Shape) ([]Constraint, error) {
	var out []Constraint
	for _, v := range c.g.Objects(s.ID, sh.Class) {
		if _, lit := v.(rdf.Literal); lit {
			return nil, fmt.Errorf("sh:class must be an IRI or blank node, found %s", v)
		}
		out = append(out, classConstraint{v})
	}
	return out, nil
}

// datatypeConstraint is sh:datatype (https://www.w3.org/TR/shacl/#DatatypeConstraintComponent).
type datatypeConstraint struct{ datatype rdf.IRI }

func (datatypeConstraint) Component() rdf.IRI { return sh.DatatypeConstraintComponent }

func (c datatypeConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		l, ok := v.(rdf.Literal)
		switch {
		case !ok:
			r.emit(s, focus, v, c, fmt.Sprintf("Value %s is not a literal of datatype %s", describe(v), describe(c.datatype)))
		case l.Datatype != c.datatype:
			r.emit(s, focus, v, c, fmt.Sprintf("Value %s has datatype %s, not %s", describe(v), describe(l.Datatype), describe(c.datatype)))
		case !wellFormed(l):
			r.emit(s, focus, v, c, fmt.Sprintf("Value %s is not a valid %s", describe(v), describe(c.datatype)))
		}
	}
}

func parseDatatype(c *compiler, s *Shape) ([]Constraint, error) {
	v, err := c.oneValue(s, sh.Datatype)
	if err != nil || v == nil {
		return nil, err
	}
	iri, ok := v.(rdf.IRI)
	if !ok {
		return nil, fmt.Errorf("sh:datatype must be an IRI, found %s", v)
	}
	return []Constraint{datatypeConstraint{iri}}, nil
}

// nodeKindConstraint is sh:nodeKind (https://www.w3.org/TR/shacl/#NodeKindConstraintComponent).
type nodeKindConstraint struct {
	kind            rdf.IRI
	iri, bnode, lit bool
}

func (nodeKindConstraint) Component() rdf.IRI { return sh.NodeKindConstraintComponent }

func (c nodeKindConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		var ok bool
		switch v.Kind() {
		case rdf.KindIRI:
			ok = c.iri
		case rdf.KindBlank:
			ok = c.bnode
		case rdf.KindLiteral:
			ok = c.lit
		}
		if !ok {
			r.emit(s, focus, v, c, fmt.Sprintf("Value %s is not of node kind %s", describe(v), describe(c.kind)))
		}
	}
}

func parseNodeKind(c *compiler, s *Shape) ([]Constraint, error) {
	v, err := c.oneValue(s, sh.NodeKindProp)
	if err != nil || v == nil {
		return nil, err
	}
	k := nodeKindConstraint{}
	k.kind, _ = v.(rdf.IRI)
	switch k.kind {
	case sh.IRI:
		k.iri = true
	case sh.BlankNode:
		k.bnode = true
	case sh.Literal:
		k.lit = true
	case sh.BlankNodeOrIRI:
		k.bnode, k.iri = true, true
	case sh.BlankNodeOrLiteral:
		k.bnode, k.lit = true, true
	case sh.IRIOrLiteral:
		k.iri, k.lit = true, true
	default:
		return nil, fmt.Errorf("sh:nodeKind %s is none of the six node kinds", v)
	}
	return []Constraint{k}, nil
}
