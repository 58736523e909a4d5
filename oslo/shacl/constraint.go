package shacl

import (
	"fmt"
	"math/big"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Constraint is one constraint of a shape: a constraint component with its parameter values
// (https://www.w3.org/TR/shacl/#constraints). The interface is sealed; the implementations
// live one file per group of components (value.go, count.go, ...).
type Constraint interface {
	// Component is the constraint component IRI, e.g. sh:MinCountConstraintComponent.
	Component() rdf.IRI
	// check reports a result through r for each violation by the value nodes of focus.
	check(r *run, s *Shape, focus rdf.Term, values []rdf.Term)
}

// components parse, in SHACL's order, the constraints of a shape; each returns none when the
// shape lacks its parameters.
var components = []func(*compiler, *Shape) ([]Constraint, error){
	parseClass, parseDatatype, parseNodeKind,
	parseMinCount, parseMaxCount,
	parseRange,
	parseMinLength, parseMaxLength, parsePattern, parseLanguageIn, parseUniqueLang,
	parsePairs,
	parseNot, parseAnd, parseOr, parseXone,
	parseNode, parseProperty, parseQualified,
	parseClosed, parseHasValue, parseIn,
}

// oneValue returns the single value of parameter p, nil when absent.
func (c *compiler) oneValue(s *Shape, p rdf.IRI) (rdf.Term, error) {
	vs := c.g.Objects(s.ID, p)
	switch len(vs) {
	case 0:
		return nil, nil
	case 1:
		return vs[0], nil
	default:
		return nil, fmt.Errorf("%d values of %s, expected one", len(vs), p)
	}
}

// integerParam returns the non-negative xsd:integer value of p, or -1 when absent.
func (c *compiler) integerParam(s *Shape, p rdf.IRI) (int, error) {
	v, err := c.oneValue(s, p)
	if err != nil || v == nil {
		return -1, err
	}
	l, ok := v.(rdf.Literal)
	if !ok || classOf(l.Datatype) != vcNumber || !reInteger.MatchString(l.Lexical) {
		return -1, fmt.Errorf("%s must be an xsd:integer, found %s", p, v)
	}
	n, ok := new(big.Int).SetString(l.Lexical, 10)
	if !ok || n.Sign() < 0 || !n.IsInt64() || n.Int64() > 1<<31 {
		return -1, fmt.Errorf("%s must be a non-negative integer, found %s", p, v)
	}
	return int(n.Int64()), nil
}

// boolParam returns the xsd:boolean value of p; absent is false.
func (c *compiler) boolParam(s *Shape, p rdf.IRI) (bool, error) {
	v, err := c.oneValue(s, p)
	if err != nil || v == nil {
		return false, err
	}
	l, ok := v.(rdf.Literal)
	if !ok || l.Datatype != xsd+"boolean" || !wellFormed(l) {
		return false, fmt.Errorf("%s must be an xsd:boolean, found %s", p, v)
	}
	return l.Lexical == "true" || l.Lexical == "1", nil
}

// shapeList returns the shapes of the RDF list that is the value of p.
func (c *compiler) shapeList(head rdf.Term) ([]*Shape, error) {
	members, err := c.g.List(head)
	if err != nil {
		return nil, err
	}
	out := make([]*Shape, len(members))
	for i, m := range members {
		if out[i], err = c.shape(m); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// describe writes a term for a message: IRIs compacted where a prefix is known.
func describe(t rdf.Term) string {
	if t == nil {
		return "(none)"
	}
	return short(t)
}
