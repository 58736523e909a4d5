package shacl

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/rdfs"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// Shape is a compiled node shape or property shape
// (https://www.w3.org/TR/shacl/#shapes).
type Shape struct {
	// ID is the shape's node in the shapes graph.
	ID rdf.Term
	// Path is nil for a node shape and the property path of a property shape.
	Path Path
	// Targets are the shape's declared targets; a shape reached only through sh:node,
	// sh:property and the logical constraints has none.
	Targets []Target
	// Deactivated shapes (sh:deactivated true) produce no results, and count as conforming.
	Deactivated bool
	// Severity is sh:severity, sh:Violation when the shape gives none.
	Severity rdf.IRI
	// Messages are the shape's sh:message values.
	Messages []rdf.Literal
	// Name is an sh:name of the shape (the Dutch one when there are several), for reports.
	Name string
	// Constraints in the order their components are listed in SHACL section 4.
	Constraints []Constraint

	recursive bool // some constraint refers to other shapes, so cycles may pass here
}

// IsProperty reports whether s is a property shape.
func (s *Shape) IsProperty() bool { return s.Path != nil }

// TargetKind says how a Target selects focus nodes.
type TargetKind uint8

// The kinds of target (https://www.w3.org/TR/shacl/#targets).
const (
	TargetNode       TargetKind = iota + 1 // sh:targetNode: the node itself
	TargetClass                            // sh:targetClass or an implicit class target: its SHACL instances
	TargetSubjectsOf                       // sh:targetSubjectsOf: subjects of triples with the predicate
	TargetObjectsOf                        // sh:targetObjectsOf: objects of triples with the predicate
)

// Target is one target declaration of a shape.
type Target struct {
	Kind TargetKind
	Term rdf.Term // the node, class or predicate
}

// Shapes is a compiled shapes graph. It is immutable and safe for concurrent validations.
type Shapes struct {
	// All lists every shape in the order of first mention in the shapes graph.
	All  []*Shape
	byID map[rdf.Term]*Shape
}

// Shape returns the shape with the given node, or nil.
func (ss *Shapes) Shape(id rdf.Term) *Shape { return ss.byID[id] }

// compiler keeps the shapes graph while constraints refer to shapes by node.
type compiler struct {
	g    *graph.Graph
	out  *Shapes
	errs []error
}

// Compile reads every shape of the shapes graph
// (https://www.w3.org/TR/shacl/#shapes-recognition): instances of sh:NodeShape and
// sh:PropertyShape, subjects of targets and of sh:path, and the objects of the parameters
// whose values are shapes (sh:node, sh:property, sh:not, sh:and, sh:or, sh:xone,
// sh:qualifiedValueShape). The error wraps ErrBadShape and lists every ill-formed shape.
func Compile(g *graph.Graph) (*Shapes, error) {
	c := &compiler{g: g, out: &Shapes{byID: map[rdf.Term]*Shape{}}}
	var ids []rdf.Term
	seen := map[rdf.Term]bool{}
	add := func(t rdf.Term) {
		if _, lit := t.(rdf.Literal); lit || seen[t] {
			return
		}
		seen[t] = true
		ids = append(ids, t)
	}
	g.Triples(func(t graph.Triple) bool {
		switch t.P {
		case rdf.RDFType:
			if t.O == sh.NodeShape || t.O == sh.PropertyShape {
				add(t.S)
			}
		case sh.TargetClass, sh.TargetNode, sh.TargetSubjectsOf, sh.TargetObjectsOf, sh.Path:
			add(t.S)
		case sh.Node, sh.Property, sh.Not, sh.QualifiedValueShape:
			add(t.O)
		case sh.And, sh.Or, sh.Xone:
			if members, err := g.List(t.O); err == nil {
				for _, m := range members {
					add(m)
				}
			}
		}
		return true
	})
	for _, id := range ids {
		s := &Shape{ID: id}
		c.out.All = append(c.out.All, s)
		c.out.byID[id] = s
	}
	for _, s := range c.out.All {
		if err := c.compile(s); err != nil {
			c.errs = append(c.errs, fmt.Errorf("%w %s: %v", ErrBadShape, s.ID, err))
		}
	}
	if len(c.errs) > 0 {
		return c.out, joinErrors(c.errs)
	}
	return c.out, nil
}

// shape returns the shape of node n, compiling nothing: every shape was found up front.
func (c *compiler) shape(n rdf.Term) (*Shape, error) {
	if s := c.out.byID[n]; s != nil {
		return s, nil
	}
	return nil, fmt.Errorf("%s is not a shape", n)
}

func (c *compiler) compile(s *Shape) error {
	g := c.g
	s.Severity = sh.Violation
	if v := g.Objects(s.ID, sh.SeverityProp); len(v) > 0 {
		iri, ok := v[0].(rdf.IRI)
		if !ok || len(v) > 1 {
			return fmt.Errorf("sh:severity must be one IRI")
		}
		s.Severity = iri
	}
	for _, d := range g.Objects(s.ID, sh.Deactivated) {
		if l, ok := d.(rdf.Literal); ok && l.Datatype == xsd+"boolean" && (l.Lexical == "true" || l.Lexical == "1") {
			s.Deactivated = true
		}
	}
	for _, m := range g.Objects(s.ID, sh.Message) {
		if l, ok := m.(rdf.Literal); ok {
			s.Messages = append(s.Messages, l)
		}
	}
	for _, n := range g.Objects(s.ID, sh.Name) {
		if l, ok := n.(rdf.Literal); ok && (s.Name == "" || l.Lang == "nl") {
			s.Name = l.Lexical
		}
	}
	if ps := g.Objects(s.ID, sh.Path); len(ps) > 0 {
		if len(ps) > 1 {
			return fmt.Errorf("%d values of sh:path", len(ps))
		}
		p, err := parsePath(g, ps[0], 0)
		if err != nil {
			return fmt.Errorf("sh:path: %v", err)
		}
		s.Path = p
	}
	for _, t := range g.Objects(s.ID, sh.TargetNode) {
		s.Targets = append(s.Targets, Target{TargetNode, t})
	}
	for _, t := range g.Objects(s.ID, sh.TargetClass) {
		s.Targets = append(s.Targets, Target{TargetClass, t})
	}
	if g.Has(s.ID, rdf.RDFType, rdfs.Class) {
		s.Targets = append(s.Targets, Target{TargetClass, s.ID})
	}
	for _, t := range g.Objects(s.ID, sh.TargetSubjectsOf) {
		s.Targets = append(s.Targets, Target{TargetSubjectsOf, t})
	}
	for _, t := range g.Objects(s.ID, sh.TargetObjectsOf) {
		s.Targets = append(s.Targets, Target{TargetObjectsOf, t})
	}
	for _, comp := range components {
		cs, err := comp(c, s)
		if err != nil {
			return err
		}
		s.Constraints = append(s.Constraints, cs...)
	}
	for _, c := range s.Constraints {
		switch c.(type) {
		case nodeConstraint, propertyConstraint, logicConstraint, qualifiedConstraint:
			s.recursive = true
		}
	}
	return nil
}

// joinErrors wraps several errors in one whose message lists them a line each.
type multiError []error

func (m multiError) Error() string {
	s := ""
	for i, e := range m {
		if i > 0 {
			s += "\n"
		}
		s += e.Error()
	}
	return s
}

func (m multiError) Unwrap() []error { return m }

func joinErrors(errs []error) error { return multiError(errs) }
